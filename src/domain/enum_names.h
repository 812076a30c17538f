// Each enumeration's names, written once: one table beside the enum gives both directions
// (value -> name for JSON, SQLite and the memory store; name -> value when reading them back), so
// no reader can accept a spelling that a writer does not produce.
//
// Inside namespace portal::domain,
//     PORTAL_NAMED_ENUM(E, a, b, c);
// declares `enum class E { a, b, c };` and its table, each name exactly its enumerator's, in
// declaration order; then `to_string(value)` and `parse_enum<E>(text)` work for it.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "domain/field_list.h"

namespace portal::domain {

template <class E>
struct EnumNames;

template <class E>
concept NamedEnum = requires {
    EnumNames<E>::table;
};

// The name of a value. Tables list their enum in declaration order with no gap (PORTAL_NAMED_ENUM
// builds them from the enum's own list), so a value outside the table can only come from a cast.
template <NamedEnum E>
constexpr std::string_view to_string(E value) {
    for (const auto& [each, name] : EnumNames<E>::table) {
        if (each == value) return name;
    }
    return EnumNames<E>::table.front().second;
}

// The value of a name, or nullopt for any text that is not exactly one of the names.
template <NamedEnum E>
constexpr std::optional<E> parse_enum(std::string_view text) {
    for (const auto& [each, name] : EnumNames<E>::table) {
        if (name == text) return each;
    }
    return std::nullopt;
}

// Every value of E, in the table's order.
template <NamedEnum E>
constexpr auto enum_values() {
    std::array<E, EnumNames<E>::table.size()> values{};
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = EnumNames<E>::table[i].first;
    return values;
}

}  // namespace portal::domain

// `enum class Name { ... };` and its EnumNames table, from the one list of enumerators. Used inside
// namespace portal::domain (where EnumNames lives) and followed by `;`.
#define PORTAL_NAMED_ENUM(Name, ...)                                               \
    enum class Name { __VA_ARGS__ };                                               \
    template <>                                                                    \
    struct EnumNames<Name> {                                                       \
        static constexpr std::array<std::pair<Name, std::string_view>,             \
                                    PORTAL_FIELD_LIST_COUNT(__VA_ARGS__)>          \
            table{{PORTAL_FOR_EACH(PORTAL_NAMED_ENUM_ENTRY_, Name, __VA_ARGS__)}}; \
    }

#define PORTAL_NAMED_ENUM_ENTRY_(Name, value) {Name::value, #value},
