// Fills the "{}" placeholders of a translated pattern, in order: fill_in("Vence el {}", {date}).
// Translations keep whole sentences (word order differs between Spanish and English); only the
// values are inserted. Extra placeholders stay empty; extra values are ignored.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace portal::app {

inline std::string fill_in(std::string_view pattern,
                           std::initializer_list<std::string_view> values) {
    std::string out;
    out.reserve(pattern.size() + 32);
    auto next = values.begin();
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            if (next != values.end()) out += *next++;
            ++i;
            continue;
        }
        out += pattern[i];
    }
    return out;
}

}  // namespace portal::app
