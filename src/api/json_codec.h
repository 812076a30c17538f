// JSON <-> DTO for the REST contract (nlohmann/json), derived from each DTO's `fields` (dto.h).
//
// Encoding: `to_json(json&, const X&)` for every DTO (found by nlohmann through ADL), and
// `encode(x)` for the compact text, written without the tree.
// Decoding is strict, for the page reading answers and for the backend reading request bodies:
// a wrong type, a missing field or an unknown field is refused with an error naming the field.
// Decoders never throw (the WebAssembly build has no exception support): they return an
// Outcome whose DomainError has one of the codes of json_read.h (kMissingField, ...) and the
// message "<field>: <reason>"; `to_api_error` splits it back into an ApiError with `field` set.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/dto.h"
#include "api/json_read.h"
#include "api/json_text.h"
#include "domain/outcome.h"

namespace portal::api {

// ---- Encoding -------------------------------------------------------------------------------
// The tree, for code that composes JSON around a DTO; parsed from `encode`'s text so that there
// is one writer.
template <codec::WritesFields T>
void to_json(Json& j, const T& value);

// The compact text, written straight from the DTO's fields (json_text.h). Text from outside (a
// request path, say) may hold invalid UTF-8: it is replaced with U+FFFD rather than thrown on
// (the page runs without exceptions, and an answer must never fail).
template <class T>
std::string encode(const T& value) {
    std::string text;
    codec::write_text(text, value);
    return text;
}

template <codec::WritesFields T>
void to_json(Json& j, const T& value) {
    j = Json::parse(encode(value), nullptr, /*allow_exceptions=*/false);
}

// ---- Decoding -------------------------------------------------------------------------------
template <class T>
domain::Outcome<T> decode_value(const Json& j) {
    codec::DecodeState state;
    T value{};
    codec::read(j, "", value, state);
    if (state.error) return *state.error;
    return value;
}

// Parses text (without exceptions) and decodes it; malformed text is kMalformedJson.
template <class T>
domain::Outcome<T> decode(std::string_view text) {
    Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        return domain::Outcome<T>::failure(kMalformedJson, ": the body is not valid JSON");
    }
    return decode_value<T>(j);
}

// Splits a decoding error ("<field>: <reason>") into the API error shape.
ApiError to_api_error(const domain::DomainError& error);

}  // namespace portal::api
