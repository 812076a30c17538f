// Records and views each list their members by name (their `fields` functions). Where one is made
// from the other (a stored record shown as an API view, an API view handed to a domain rule), the
// members both list under one name and type are copied by those lists, so no conversion names the
// members again.
#pragma once

#include <string_view>
#include <type_traits>
#include <vector>

namespace portal::domain {

// A `To` holding every member `from` shares with it by name and type; the others keep their
// defaults.
template <class To, class From>
To copy_alike_fields(const From& from) {
    To to{};
    auto each_target = [&](std::string_view name, auto& target) {
        using Target = std::remove_cvref_t<decltype(target)>;
        auto each_source = [&](std::string_view source_name, const auto& source) {
            if constexpr (std::is_same_v<Target, std::remove_cvref_t<decltype(source)>>) {
                if (source_name == name) target = source;
            }
        };
        fields(each_source, from);
    };
    fields(each_target, to);
    return to;
}

// The members of `To` that copy_alike_fields<To>(From) leaves at their defaults: those `From` has
// under no member of the same name and type. A test pins this list for every conversion the app
// makes, so renaming a member on one side fails a test instead of silently dropping a value.
template <class To, class From>
std::vector<std::string_view> fields_left_at_default() {
    std::vector<std::string_view> left;
    To to{};
    From from{};
    auto each_target = [&](std::string_view name, auto& target) {
        using Target = std::remove_cvref_t<decltype(target)>;
        bool matched = false;
        auto each_source = [&](std::string_view source_name, const auto& source) {
            if constexpr (std::is_same_v<Target, std::remove_cvref_t<decltype(source)>>) {
                if (source_name == name) matched = true;
            }
        };
        fields(each_source, from);
        if (!matched) left.push_back(name);
    };
    fields(each_target, to);
    return left;
}

}  // namespace portal::domain
