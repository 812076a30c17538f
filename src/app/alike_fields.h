// The domain's records and the API's views each list their members by name (their `fields`
// functions). Where the app hands what the API showed to a domain rule, the members both list
// under one name and type are copied by that list, so no conversion names the members again.
#pragma once

#include <string_view>
#include <type_traits>

namespace portal::app {

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

}  // namespace portal::app
