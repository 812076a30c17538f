// A password hasher without libsodium, for the WebAssembly demo (whose "server" is the visitor's
// own browser, holding only demo accounts) and for fast tests: iterated, salted SHA-256.
// The real stub uses Argon2id (server-stub/argon2id_hasher.h); never use this one for real
// passwords: SHA-256 is fast, so guessing is cheap.
// Stored format: "sha256i$<iterations>$<salt hex>$<digest hex>".
#pragma once

#include "core/clock.h"
#include "core/password_hasher.h"

namespace portal::backend {

class SaltedSha256Hasher final : public PasswordHasher {
  public:
    SaltedSha256Hasher(RandomSource& random, int iterations = 10000)
        : random_(random), iterations_(iterations) {}

    std::string hash(std::string_view password) override;
    bool verify(std::string_view stored_hash, std::string_view password) override;

  private:
    RandomSource& random_;
    int iterations_;
};

}  // namespace portal::backend
