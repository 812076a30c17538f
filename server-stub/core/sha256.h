// SHA-256 (FIPS 180-4), small and dependency-free so it also runs in the WebAssembly page
// (libsodium is native only). Used for download checksums, stored token digests, and (as HMAC,
// keyed with the database's own secret) request fingerprints and sign-in lock keys.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace portal::backend {

class Sha256 {
  public:
    Sha256();
    void update(const uint8_t* data, size_t size);
    void update(std::string_view data) {
        update(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    }
    std::array<uint8_t, 32> finish();

  private:
    void compress(const uint8_t* block);

    std::array<uint32_t, 8> state_;
    std::array<uint8_t, 64> buffer_{};
    size_t buffered_ = 0;
    uint64_t total_bytes_ = 0;
};

std::string to_hex(const uint8_t* bytes, size_t size);
std::string sha256_hex(std::string_view data);
// HMAC-SHA256 (RFC 2104) of `message` under `key`, as hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

}  // namespace portal::backend
