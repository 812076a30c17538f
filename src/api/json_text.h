// A DTO's JSON text written straight from its `fields(v, dto)`, member after member, without
// building nlohmann's tree first: every answer of the stub is written this way, and the tree
// cost a map node, a key string and a value per member. Strings are escaped as nlohmann's dump()
// escapes them (the tests compare against a tree built member by member); an object's members
// come in their `fields` order. Used through json_codec.h's `encode` and `to_json`.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "api/dto.h"
#include "api/field_presence.h"
#include "domain/date.h"
#include "domain/enum_names.h"

namespace portal::api::codec {

// `text` as a JSON string, quoted and escaped as nlohmann's dump escapes it (no \u escapes above
// U+001F); text that is not valid UTF-8 has each bad sequence replaced with U+FFFD, as dump does
// with error_handler_t::replace.
void append_json_string(std::string& out, std::string_view text);

// Appends a number as nlohmann writes it (doubles in their shortest exact form).
void append_json_number(std::string& out, double value);

template <class T>
void write_text(std::string& out, const T& value);

class TextWriter;

// A DTO: a type with a `fields(v, dto)` (dto.h), written as an object of its members.
template <class T>
concept WritesFields = requires(TextWriter& writer, const T& value) {
    fields(writer, value);
};

// Writes the members of one object; a field handed without a Presence travels as `presence_of`
// (its DTO's PORTAL_PRESENCE) says.
class TextWriter {
  public:
    TextWriter(std::string& out, PresenceOf presence_of) : out_(out), presence_of_(presence_of) {
        out_ += '{';
    }
    void close() { out_ += '}'; }

    template <class T>
    void operator()(const char* name, const T& value) {
        (*this)(name, value, presence_from(presence_of_, name));
    }

    template <class T>
    void operator()(const char* name, const T& value, Presence presence) {
        const OnTheWire wire = on_the_wire(value, presence);
        if (wire == OnTheWire::nothing) return;
        key(name);
        if (wire == OnTheWire::null) {
            out_ += "null";
        } else {
            write_text(out_, value);
        }
    }

    // A nested object with no DTO of its own (the error shape's "error").
    template <class Fill>
    void object(const char* name, Fill&& fill) {
        key(name);
        TextWriter inner(out_, nullptr);
        fill(inner);
        inner.close();
    }

  private:
    void key(const char* name) {
        if (!first_) out_ += ',';
        first_ = false;
        append_json_string(out_, name);
        out_ += ':';
    }

    std::string& out_;
    PresenceOf presence_of_;
    bool first_ = true;
};

template <class T>
void write_text(std::string& out, const T& value) {
    if constexpr (WritesFields<T>) {
        TextWriter writer(out, &presence_in<T>);
        fields(writer, value);
        writer.close();
    } else if constexpr (domain::NamedEnum<T>) {
        append_json_string(out, domain::to_string(value));
    } else if constexpr (std::is_same_v<T, domain::Date>) {
        append_json_string(out, value.iso());
    } else if constexpr (requires { value.has_value(); }) {
        if (value) {
            write_text(out, *value);
        } else {
            out += "null";
        }
    } else if constexpr (requires {
                             value.first;
                             value.second;
                         }) {
        out += '[';
        write_text(out, value.first);
        out += ',';
        write_text(out, value.second);
        out += ']';
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        append_json_string(out, value);
    } else if constexpr (requires { value.begin(); }) {
        out += '[';
        bool first = true;
        for (const auto& item : value) {
            if (!first) out += ',';
            first = false;
            write_text(out, item);
        }
        out += ']';
    } else if constexpr (std::is_same_v<T, bool>) {
        out += value ? "true" : "false";
    } else if constexpr (std::is_integral_v<T>) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        out.append(digits, end);
    } else {
        static_assert(std::is_floating_point_v<T>, "a DTO member JSON has no text for");
        append_json_number(out, value);
    }
}

}  // namespace portal::api::codec
