// Text without the blanks at its ends, for everything read from a person or a file: typed fields
// (a paste brings spaces and line breaks at its ends, nobody's words), header values, the
// manuals' front matter and Markdown lines, the calendar file's lines (a CRLF file leaves a \r).
#pragma once

#include <string_view>

namespace portal::domain {

inline constexpr std::string_view kBlanks = " \t\r\n";

inline std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(kBlanks);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

}  // namespace portal::domain
