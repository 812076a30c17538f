#include "argon2id_hasher.h"

#include <sodium.h>

#include <stdexcept>
#include <string>

namespace portal::stub {

Argon2idLimits Argon2idLimits::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

Argon2idLimits Argon2idLimits::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Argon2idHasher::Argon2idHasher(Argon2idLimits limits) : limits_(limits) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string Argon2idHasher::hash(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
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
    return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

}  // namespace portal::stub
