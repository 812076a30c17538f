// What a DTO's `fields(v, dto)` says about each field besides its JSON name and member: whether
// it is always on the wire (api/openapi.yaml's `required`) and how an empty value travels
// (`nullable`). json_codec.h encodes and strictly decodes every DTO from these declarations.
#pragma once

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

}  // namespace portal::api
