#include "domain/utf8.h"

namespace portal::domain {

std::optional<uint32_t> next_code_point(std::string_view text, size_t& at) {
    const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
    const uint8_t lead = byte(at);
    if (lead < 0x80) {
        ++at;
        return lead;
    }
    const size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                          : lead >= 0xE0 && lead <= 0xEF ? 3
                          : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                         : 0;
    if (length == 0 || text.size() - at < length) return std::nullopt;
    uint32_t code = lead & (0xFF >> (length + 1));
    for (size_t i = 1; i < length; ++i) {
        const uint8_t next = byte(at + i);
        if ((next & 0xC0) != 0x80) return std::nullopt;
        code = (code << 6) | (next & 0x3F);
    }
    constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return std::nullopt;
    }
    at += length;
    return code;
}

bool is_well_formed_utf8(std::string_view text) {
    for (size_t at = 0; at < text.size();) {
        // Most text is ASCII: a byte at a time here, without a call per byte.
        if (static_cast<uint8_t>(text[at]) < 0x80) {
            ++at;
        } else if (!next_code_point(text, at)) {
            return false;
        }
    }
    return true;
}

}  // namespace portal::domain
