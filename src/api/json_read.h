// Strict decoding of any DTO from its `fields(v, dto)` (dto.h). Used through json_codec.h.
// Every reader checks the JSON type before touching the value, so nlohmann never throws. The
// first failure wins; later reads become no-ops.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/dto.h"
#include "api/field_presence.h"
#include "domain/date.h"
#include "domain/enum_names.h"
#include "domain/outcome.h"

namespace portal::api {

using Json = nlohmann::json;

// Decoding error codes.
inline constexpr const char* kMalformedJson = "malformed_json";
inline constexpr const char* kMissingField = "missing_field";
inline constexpr const char* kUnknownField = "unknown_field";
inline constexpr const char* kWrongType = "wrong_type";
inline constexpr const char* kInvalidValue = "invalid_value";

namespace codec {

struct DecodeState {
    std::optional<domain::DomainError> error;

    bool failed() const { return error.has_value(); }
    void fail(const char* code, const std::string& path, const std::string& reason) {
        if (!error) error = domain::DomainError{code, path + ": " + reason};
    }
};

// One JSON object: hands out its fields by name and refuses the ones nobody asked for.
class ObjectReader {
  public:
    ObjectReader(const Json& j, std::string path, DecodeState& state);

    DecodeState& state() { return state_; }
    std::string path_of(const std::string& name) const;

    // A required field; nullptr (and an error) when absent.
    const Json* required(const char* name);
    // An optional field; nullptr when absent.
    const Json* optional(const char* name);
    // Refuses any field nobody asked for: a typo must not be silently ignored.
    void finish();

  private:
    const Json& j_;
    std::string path_;
    DecodeState& state_;
    std::set<std::string> known_;
};

// ---- Leaf readers (json_read.cpp) -----------------------------------------------------------
void read(const Json& j, const std::string& path, std::string& out, DecodeState& st);
void read(const Json& j, const std::string& path, int64_t& out, DecodeState& st);
void read(const Json& j, const std::string& path, int& out, DecodeState& st);
void read(const Json& j, const std::string& path, bool& out, DecodeState& st);
void read(const Json& j, const std::string& path, double& out, DecodeState& st);
void read(const Json& j, const std::string& path, domain::Date& out, DecodeState& st);
void read(const Json& j, const std::string& path, std::pair<int64_t, int64_t>& out,
          DecodeState& st);
// An enumeration's name; `expected` says what the names are, for the error.
bool read_name(const Json& j, const std::string& path, std::string_view& name, const char* expected,
               DecodeState& st);

// What an enumeration's error says it expected: its names, from the one table that spells them.
template <domain::NamedEnum E>
std::string expected_names() {
    std::string text = "one of:";
    for (const auto& entry : domain::EnumNames<E>::table) {
        text += ' ';
        text += entry.second;
    }
    return text;
}

// ---- Composite readers ----------------------------------------------------------------------
class FieldReader;

template <class T>
concept ReadsFields = requires(FieldReader& reader, T& value) {
    fields(reader, value);
};

template <domain::NamedEnum E>
void read(const Json& j, const std::string& path, E& out, DecodeState& st);
template <class T>
void read(const Json& j, const std::string& path, std::vector<T>& out, DecodeState& st);
template <class T>
void read(const Json& j, const std::string& path, std::optional<T>& out, DecodeState& st);
template <ReadsFields T>
void read(const Json& j, const std::string& path, T& out, DecodeState& st);

// Reads the `fields` of a DTO from one object; a field handed without a Presence is read as
// `presence_of` (its DTO's PORTAL_PRESENCE) says.
class FieldReader {
  public:
    using PresenceOf = Presence (*)(std::string_view member);
    explicit FieldReader(ObjectReader& object, PresenceOf presence_of = nullptr)
        : object_(object), presence_of_(presence_of) {}

    template <class T>
    void operator()(const char* name, T& out) {
        (*this)(name, out, presence_of_ ? presence_of_(name) : Presence::required);
    }

    template <class T>
    void operator()(const char* name, T& out, Presence presence) {
        const Json* value =
            presence == Presence::required ? object_.required(name) : object_.optional(name);
        if (!value) return;
        if constexpr (requires { out.emplace(); }) {
            // An omitted_if_empty field that is present must hold a value: null is refused.
            if (presence == Presence::omitted_if_empty) {
                return read(*value, object_.path_of(name), out.emplace(), object_.state());
            }
        } else if (presence == Presence::null_if_empty && value->is_null()) {
            return;
        }
        read(*value, object_.path_of(name), out, object_.state());
    }

    // A nested object with no DTO of its own (the error shape's "error").
    template <class Fill>
    void object(const char* name, Fill&& fill) {
        const Json* value = object_.required(name);
        if (!value) return;
        ObjectReader inner(*value, object_.path_of(name), object_.state());
        FieldReader reader(inner);
        fill(reader);
        inner.finish();
    }

  private:
    ObjectReader& object_;
    PresenceOf presence_of_;
};

template <domain::NamedEnum E>
void read(const Json& j, const std::string& path, E& out, DecodeState& st) {
    const std::string expected = expected_names<E>();
    std::string_view name;
    if (!read_name(j, path, name, expected.c_str(), st)) return;
    auto value = domain::parse_enum<E>(name);
    if (!value) return st.fail(kInvalidValue, path, "expected " + expected);
    out = *value;
}

template <class T>
void read(const Json& j, const std::string& path, std::vector<T>& out, DecodeState& st) {
    if (!j.is_array()) return st.fail(kWrongType, path, "expected an array");
    out.clear();
    out.reserve(j.size());
    for (size_t i = 0; i < j.size() && !st.failed(); ++i) {
        T item{};
        read(j[i], path + "[" + std::to_string(i) + "]", item, st);
        out.push_back(std::move(item));
    }
}

template <class T>
void read(const Json& j, const std::string& path, std::optional<T>& out, DecodeState& st) {
    if (j.is_null()) {
        out.reset();
        return;
    }
    T value{};
    read(j, path, value, st);
    out = std::move(value);
}

template <ReadsFields T>
void read(const Json& j, const std::string& path, T& out, DecodeState& st) {
    ObjectReader object(j, path, st);
    FieldReader reader(object, &presence_in<T>);
    if (!st.failed()) fields(reader, out);
    object.finish();
}

}  // namespace codec
}  // namespace portal::api
