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
#include <type_traits>

#include "domain/field_list.h"

namespace portal::domain {

// `S` is `Record` or `const Record`: what a `fields` function accepts.
template <class S, class Record>
concept FieldsOf = std::same_as<std::remove_const_t<S>, Record>;

}  // namespace portal::domain

// The `fields` of Type, visiting each listed member under its own name, and the equality of two
// Types as those members (so what compares equal is exactly what is stored and sent). Used at
// namespace scope beside the struct and followed by `;` (the static_assert takes it).
#define PORTAL_FIELDS(Type, ...)                                            \
    void fields(auto& v, ::portal::domain::FieldsOf<Type> auto& x) {        \
        PORTAL_FOR_EACH(PORTAL_FIELDS_VISIT_, x, __VA_ARGS__)               \
    }                                                                       \
    [[maybe_unused]] inline bool operator==(const Type& a, const Type& b) { \
        return true PORTAL_FOR_EACH(PORTAL_FIELDS_SAME_, a, __VA_ARGS__);   \
    }                                                                       \
    static_assert(std::is_class_v<Type>, "PORTAL_FIELDS lists the members of a struct")

#define PORTAL_FIELDS_VISIT_(x, member) v(#member, x.member);
#define PORTAL_FIELDS_SAME_(a, member) &&a.member == b.member
