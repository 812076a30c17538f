#include "core/download_content.h"

#include <algorithm>

#include "core/sha256.h"

namespace portal::backend {

namespace {

// splitmix64: one 64-bit word per position, so any byte can be produced without the ones before.
uint64_t word_at(uint64_t seed, uint64_t index) {
    uint64_t z = seed + (index + 1) * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void generate(uint64_t seed, int64_t offset, int64_t length, std::string& out) {
    out.resize(static_cast<size_t>(length));
    for (int64_t i = 0; i < length; ++i) {
        uint64_t position = static_cast<uint64_t>(offset + i);
        out[static_cast<size_t>(i)] =
            static_cast<char>((word_at(seed, position / 8) >> ((position % 8) * 8)) & 0xFF);
    }
}

}  // namespace

std::string download_bytes(const DownloadRecord& download, int64_t offset, int64_t length) {
    int64_t size = download.seed == 0 ? static_cast<int64_t>(download.inline_content.size())
                                      : download.size_bytes;
    offset = std::clamp<int64_t>(offset, 0, size);
    length = std::clamp<int64_t>(length, 0, size - offset);
    if (download.seed == 0) {
        return download.inline_content.substr(static_cast<size_t>(offset),
                                              static_cast<size_t>(length));
    }
    std::string bytes;
    generate(download.seed, offset, length, bytes);
    return bytes;
}

std::string generated_sha256(uint64_t seed, int64_t size) {
    Sha256 sha;
    std::string chunk;
    const int64_t chunk_size = 1 << 20;
    for (int64_t offset = 0; offset < size; offset += chunk_size) {
        generate(seed, offset, std::min(chunk_size, size - offset), chunk);
        sha.update(chunk);
    }
    auto digest = sha.finish();
    return to_hex(digest.data(), digest.size());
}

}  // namespace portal::backend
