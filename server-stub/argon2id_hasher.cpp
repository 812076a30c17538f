#include "argon2id_hasher.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace portal::stub {

Argon2idLimits Argon2idLimits::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

Argon2idLimits Argon2idLimits::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

// Holds one of the hasher's turns for its lifetime.
class Argon2idHasher::Turn {
  public:
    explicit Turn(Argon2idHasher& hasher) : hasher_(hasher) {
        std::unique_lock lock(hasher_.mutex_);
        hasher_.turn_free_.wait(lock, [&] { return hasher_.running_ < hasher_.parallel_runs_; });
        ++hasher_.running_;
    }
    ~Turn() {
        {
            std::lock_guard lock(hasher_.mutex_);
            --hasher_.running_;
        }
        hasher_.turn_free_.notify_one();
    }
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;

  private:
    Argon2idHasher& hasher_;
};

Argon2idHasher::Argon2idHasher(Argon2idLimits limits, unsigned parallel_runs)
    : limits_(limits), parallel_runs_(std::max(1u, parallel_runs)) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string Argon2idHasher::hash(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
    Turn turn(*this);
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), limits_.ops, limits_.mem_bytes,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("argon2id: out of memory");
    }
    return out;
}

bool Argon2idHasher::verify(std::string_view stored_hash, std::string_view password) {
    // crypto_pwhash_str_verify wants a NUL-terminated string of bounded length.
    if (stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
    std::string stored(stored_hash);
    Turn turn(*this);
    return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

}  // namespace portal::stub
