// How passwords are stored. Natively: Argon2id (libsodium, server-stub/argon2id_hasher.h). The
// WebAssembly demo has no libsodium, so the core only knows this interface.
#pragma once

#include <string>
#include <string_view>

namespace portal::backend {

class PasswordHasher {
  public:
    virtual ~PasswordHasher() = default;
    // A self-describing string (algorithm, parameters, salt, hash) safe to store.
    virtual std::string hash(std::string_view password) = 0;
    virtual bool verify(std::string_view stored_hash, std::string_view password) = 0;
};

}  // namespace portal::backend
