// How a struct names its fields, once: beside the struct,
//     PORTAL_FIELDS(Service, id, client_id, name, ...);
// lists every member; its stored and JSON name is the member's name. Each store and the JSON
// codec visit that list with their own visitor `v(name, member)` (write a JSON object, bind SQL
// parameters, read a row back), so nothing lists fields again. A DTO some of whose members travel
// other than required adds PORTAL_PRESENCE (api/field_presence.h). A struct whose fields need
// more (a JSON name other than the member's, a nested object) writes the same function by hand:
//     void fields(auto& v, FieldsOf<X> auto& x) { v("name", x.member, ...); ... }
// The one template serves const structs (writing) and mutable ones (reading).
#pragma once

#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "domain/field_list.h"

namespace portal::domain {

// `S` is `Record` or `const Record`: what a `fields` function accepts.
template <class S, class Record>
concept FieldsOf = std::same_as<std::remove_const_t<S>, Record>;

namespace record_fields_detail {
// Converts to any member's type, so `T{AnyMember{}, ...}` compiles with as many of them as T has
// members, and not with one more. Only ever named in unevaluated checks.
struct AnyMember {
    template <class T>
    operator T() const;
};
template <class T, std::size_t... I>
constexpr bool initialised_by(std::index_sequence<I...>) {
    return requires {
        T{(void(I), AnyMember{})...};
    };
}
}  // namespace record_fields_detail

// How many members the aggregate T has: the most initialisers its braces take.
template <class T, std::size_t N = 0>
constexpr std::size_t member_count() {
    if constexpr (record_fields_detail::initialised_by<T>(std::make_index_sequence<N + 1>{})) {
        return member_count<T, N + 1>();
    } else {
        return N;
    }
}

}  // namespace portal::domain

// The `fields` of Type, visiting each listed member under its own name, and the equality of two
// Types as those members (so what compares equal is exactly what is stored and sent). A member
// left out of the list stops the build, so a new member cannot go unstored and unsent. Used at
// namespace scope beside the struct and followed by `;` (the static_assert takes it).
#define PORTAL_FIELDS(Type, ...)                                                                  \
    void fields(auto& v, ::portal::domain::FieldsOf<Type> auto& x) {                              \
        PORTAL_FOR_EACH(PORTAL_FIELDS_VISIT_, x, __VA_ARGS__)                                     \
    }                                                                                             \
    [[maybe_unused]] inline bool operator==(const Type& a, const Type& b) {                       \
        return true PORTAL_FOR_EACH(PORTAL_FIELDS_SAME_, a, __VA_ARGS__);                         \
    }                                                                                             \
    static_assert(::portal::domain::member_count<Type>() == PORTAL_FIELD_LIST_COUNT(__VA_ARGS__), \
                  "PORTAL_FIELDS lists every member of the struct, each once")

#define PORTAL_FIELDS_VISIT_(x, member) v(#member, x.member);
#define PORTAL_FIELDS_SAME_(a, member) &&a.member == b.member
