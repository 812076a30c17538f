// Passwords stored as Argon2id hashes (libsodium's crypto_pwhash_str), native only.
// Limits are configurable: the stub uses libsodium's "interactive" limits; tests may use the
// minimum ones to stay fast. The stored string carries its own parameters, so a hash made with
// any limits verifies with any hasher.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/password_hasher.h"

namespace portal::stub {

struct Argon2idLimits {
    uint64_t ops;
    size_t mem_bytes;

    static Argon2idLimits interactive();  // crypto_pwhash_OPSLIMIT/MEMLIMIT_INTERACTIVE
    static Argon2idLimits minimum();      // the smallest libsodium allows (tests)
};

class Argon2idHasher final : public backend::PasswordHasher {
  public:
    explicit Argon2idHasher(Argon2idLimits limits = Argon2idLimits::interactive());

    std::string hash(std::string_view password) override;
    bool verify(std::string_view stored_hash, std::string_view password) override;

  private:
    Argon2idLimits limits_;
};

}  // namespace portal::stub
