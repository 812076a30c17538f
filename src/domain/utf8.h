// Reading UTF-8 strictly, as RFC 3629 §4 defines it: no overlong forms, no surrogates, nothing
// past U+10FFFF, no sequence cut short. The one reader for every place that must tell text from
// bytes (what a client types, an attachment's name, a JSON string written from outside text).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace portal::domain {

// Decodes the code point at `at` and moves past it; nullopt (and `at` unchanged) for a malformed
// sequence.
std::optional<uint32_t> next_code_point(std::string_view text, size_t& at);

// Whether all of `text` is well-formed UTF-8.
bool is_well_formed_utf8(std::string_view text);

}  // namespace portal::domain
