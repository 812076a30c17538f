// Readable GoogleTest output for domain values: failures and ctest names show "2026-01-02" and
// "150,00 USD" instead of raw bytes.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/money.h"

namespace portal::domain {

inline void PrintTo(const Date& date, std::ostream* os) {
    *os << date.iso();
}

inline void PrintTo(const Money& money, std::ostream* os) {
    *os << format_amount(money, '.', '\0') << ' ' << money.currency;
}

// Non-ASCII and control bytes as \xNN, so parameterized test names stay plain ASCII (and
// visible: ctest cannot name a test after an empty value).
inline std::string ascii_escaped(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    if (text.empty()) return "(empty)";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7F) {
            out += c;
        } else {
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

}  // namespace portal::domain
