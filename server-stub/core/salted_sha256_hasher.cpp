#include "core/salted_sha256_hasher.h"

#include <string>

#include "core/sha256.h"

namespace portal::backend {

namespace {

std::string digest(int iterations, std::string_view salt_hex, std::string_view password) {
    std::string state = std::string(salt_hex) + ":" + std::string(password);
    for (int i = 0; i < iterations; ++i) {
        Sha256 sha;
        sha.update(state);
        sha.update(password);
        auto bytes = sha.finish();
        state.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }
    return to_hex(reinterpret_cast<const uint8_t*>(state.data()), state.size());
}

// Compares without stopping at the first difference (no timing hint).
bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

}  // namespace

std::string SaltedSha256Hasher::hash(std::string_view password) {
    uint8_t salt[16];
    random_.fill(salt, sizeof salt);
    std::string salt_hex = to_hex(salt, sizeof salt);
    return "sha256i$" + std::to_string(iterations_) + "$" + salt_hex + "$" +
           digest(iterations_, salt_hex, password);
}

bool SaltedSha256Hasher::verify(std::string_view stored, std::string_view password) {
    if (stored.substr(0, 8) != "sha256i$") return false;
    stored.remove_prefix(8);
    auto dollar = stored.find('$');
    if (dollar == std::string_view::npos || dollar == 0 || dollar > 7) return false;
    int iterations = 0;
    for (char c : stored.substr(0, dollar)) {
        if (c < '0' || c > '9') return false;
        iterations = iterations * 10 + (c - '0');
    }
    stored.remove_prefix(dollar + 1);
    dollar = stored.find('$');
    if (dollar == std::string_view::npos) return false;
    std::string_view salt_hex = stored.substr(0, dollar);
    std::string_view expected = stored.substr(dollar + 1);
    return same(digest(iterations, salt_hex, password), expected);
}

}  // namespace portal::backend
