// A second, independent encoder for the tests: it builds nlohmann's tree from a DTO's
// `fields(v, dto)` member by member, so the text the portal writes without a tree (json_text.h)
// can be checked against what nlohmann itself makes of the same fields, escaping included. Which
// fields go on the wire at all is one rule, `on_the_wire` (field_presence.h), asked by both.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/dto.h"
#include "api/field_presence.h"
#include "domain/date.h"
#include "domain/enum_names.h"

namespace portal::api {

using Json = nlohmann::json;

namespace tree_oracle {

class JsonWriter;

// One value as JSON: scalars as themselves, dates as YYYY-MM-DD, enums as their names, DTOs as
// objects of their fields.
template <class T>
Json write(const T& value);

// Fills an object from the `fields` of a DTO; a field handed without a Presence travels as
// `presence_of` (its DTO's PORTAL_PRESENCE) says.
class JsonWriter {
  public:
    explicit JsonWriter(Json& out, PresenceOf presence_of = nullptr)
        : out_(out), presence_of_(presence_of) {
        out_ = Json::object();
    }

    template <class T>
    void operator()(const char* name, const T& value) {
        (*this)(name, value, presence_from(presence_of_, name));
    }

    template <class T>
    void operator()(const char* name, const T& value, Presence presence) {
        switch (on_the_wire(value, presence)) {
            case OnTheWire::nothing:
                return;
            case OnTheWire::null:
                out_[name] = nullptr;
                return;
            case OnTheWire::value:
                out_[name] = write(value);
                return;
        }
    }

    template <class Fill>
    void object(const char* name, Fill&& fill) {
        Json inner;
        JsonWriter writer(inner);
        fill(writer);
        out_[name] = std::move(inner);
    }

  private:
    Json& out_;
    PresenceOf presence_of_;
};

template <class T>
Json write(const T& value) {
    if constexpr (requires(JsonWriter & writer) { fields(writer, value); }) {
        Json j;
        JsonWriter writer(j, &presence_in<T>);
        fields(writer, value);
        return j;
    } else if constexpr (domain::NamedEnum<T>) {
        return std::string(domain::to_string(value));
    } else if constexpr (std::is_same_v<T, domain::Date>) {
        return value.iso();
    } else if constexpr (requires { value.has_value(); }) {
        return value ? write(*value) : Json(nullptr);
    } else if constexpr (requires {
                             value.first;
                             value.second;
                         }) {
        return Json::array({write(value.first), write(value.second)});
    } else if constexpr (requires { value.begin(); } && !std::is_same_v<T, std::string>) {
        Json array = Json::array();
        for (const auto& item : value) array.push_back(write(item));
        return array;
    } else {
        return value;
    }
}

}  // namespace tree_oracle
}  // namespace portal::api
