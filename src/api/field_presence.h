// What a DTO's `fields(v, dto)` says about each field besides its JSON name and member: whether
// it is always on the wire (api/openapi.yaml's `required`) and how an empty value travels
// (`nullable`). json_codec.h encodes and strictly decodes every DTO from these declarations.
#pragma once

#include <string_view>
#include <type_traits>

#include "domain/field_list.h"
#include "domain/record_fields.h"

namespace portal::api {

enum class Presence {
    // Always written and required when read. A std::optional member is written as null when
    // empty and reads null as empty (a required, nullable field).
    required,
    // A std::optional member left out when empty; absent reads as empty, null is refused (a
    // PATCH body: absent means "leave unchanged", which null must not be mistaken for).
    omitted_if_empty,
    // A string written as null when empty; absent or null reads as empty.
    null_if_empty,
};

// How a member of a DTO travels when its `fields` hands no Presence (PORTAL_FIELDS): required,
// unless the DTO's PORTAL_PRESENCE names the member.
constexpr Presence presence_of(const void*, std::string_view) {
    return Presence::required;
}

template <class Dto>
constexpr Presence presence_in(std::string_view member) {
    return presence_of(static_cast<const Dto*>(nullptr), member);
}

// A DTO's table of its members' Presence (`&presence_in<Dto>`); none for a nested object with no
// DTO of its own, whose fields are all required unless `fields` says otherwise.
using PresenceOf = Presence (*)(std::string_view member);

// What a writer puts on the wire for one field: nothing, null, or its value.
enum class OnTheWire { nothing, null, value };

template <class T>
constexpr OnTheWire on_the_wire(const T& value, Presence presence) {
    if constexpr (requires { value.has_value(); }) {
        if (presence == Presence::omitted_if_empty && !value) return OnTheWire::nothing;
    } else if constexpr (requires { value.empty(); }) {
        if (presence == Presence::null_if_empty && value.empty()) return OnTheWire::null;
    }
    return OnTheWire::value;
}

// The Presence of a field whose `fields` hands none.
constexpr Presence presence_from(PresenceOf table, std::string_view member) {
    return table ? table(member) : Presence::required;
}

}  // namespace portal::api

// Beside a DTO's PORTAL_FIELDS, at namespace scope and followed by `;`: the members that travel
// with Presence `how` instead of required, e.g. `PORTAL_PRESENCE(Notification, null_if_empty,
// link);`. A name that is no member of Type does not compile.
#define PORTAL_PRESENCE(Type, how, ...)                                                   \
    constexpr ::portal::api::Presence presence_of(const Type*, std::string_view member) { \
        constexpr auto named = ::portal::api::Presence::how;                              \
        PORTAL_FOR_EACH(PORTAL_PRESENCE_MEMBER_, Type, __VA_ARGS__)                       \
        return ::portal::api::Presence::required;                                         \
    }                                                                                     \
    static_assert(std::is_class_v<Type>, "PORTAL_PRESENCE names members of a struct")

#define PORTAL_PRESENCE_MEMBER_(Type, name) \
    if (sizeof(Type::name) > 0 && member == #name) return named;

// The fields of a body of changes (a PATCH's): every member a std::optional that is left out when
// it is empty, so what is absent is what stays unchanged.
#define PORTAL_CHANGES_FIELDS(Type, ...) \
    PORTAL_FIELDS(Type, __VA_ARGS__);    \
    PORTAL_PRESENCE(Type, omitted_if_empty, __VA_ARGS__)
