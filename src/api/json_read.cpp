#include "api/json_read.h"

#include <cstdint>
#include <limits>

namespace portal::api::codec {

ObjectReader::ObjectReader(const Json& j, std::string path, DecodeState& state)
    : j_(j), path_(std::move(path)), state_(state) {
    if (!j_.is_object()) state_.fail(kWrongType, path_, "expected an object");
}

std::string ObjectReader::path_of(const std::string& name) const {
    return path_.empty() ? name : path_ + "." + name;
}

const Json* ObjectReader::required(const char* name) {
    const Json* value = optional(name);
    if (!value && !state_.failed()) state_.fail(kMissingField, path_of(name), "is required");
    return value;
}

const Json* ObjectReader::optional(const char* name) {
    if (state_.failed()) return nullptr;
    known_.insert(name);
    auto it = j_.find(name);
    return it == j_.end() ? nullptr : &*it;
}

void ObjectReader::finish() {
    if (state_.failed()) return;
    for (auto it = j_.begin(); it != j_.end(); ++it) {
        if (!known_.count(it.key())) {
            return state_.fail(kUnknownField, path_of(it.key()), "is not a known field");
        }
    }
}

void read(const Json& j, const std::string& path, std::string& out, DecodeState& st) {
    if (!j.is_string()) return st.fail(kWrongType, path, "expected a string");
    out = j.get_ref<const std::string&>();
}

void read(const Json& j, const std::string& path, int64_t& out, DecodeState& st) {
    if (j.is_number_unsigned()) {
        uint64_t u = j.get<uint64_t>();
        if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
            return st.fail(kInvalidValue, path, "is too large");
        }
        out = static_cast<int64_t>(u);
        return;
    }
    if (!j.is_number_integer()) return st.fail(kWrongType, path, "expected an integer");
    out = j.get<int64_t>();
}

void read(const Json& j, const std::string& path, int& out, DecodeState& st) {
    int64_t wide = 0;
    read(j, path, wide, st);
    if (st.failed()) return;
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
        return st.fail(kInvalidValue, path, "is out of range");
    }
    out = static_cast<int>(wide);
}

void read(const Json& j, const std::string& path, bool& out, DecodeState& st) {
    if (!j.is_boolean()) return st.fail(kWrongType, path, "expected true or false");
    out = j.get<bool>();
}

void read(const Json& j, const std::string& path, double& out, DecodeState& st) {
    if (!j.is_number()) return st.fail(kWrongType, path, "expected a number");
    out = j.get<double>();
}

void read(const Json& j, const std::string& path, domain::Date& out, DecodeState& st) {
    if (!j.is_string()) return st.fail(kWrongType, path, "expected a date YYYY-MM-DD");
    auto date = domain::Date::parse_iso(j.get_ref<const std::string&>());
    if (!date) return st.fail(kInvalidValue, path, "expected a date YYYY-MM-DD");
    out = *date;
}

void read(const Json& j, const std::string& path, std::pair<int64_t, int64_t>& out,
          DecodeState& st) {
    if (!j.is_array() || j.size() != 2) {
        return st.fail(kWrongType, path, "expected a pair [first, second]");
    }
    read(j[0], path + "[0]", out.first, st);
    read(j[1], path + "[1]", out.second, st);
}

bool read_name(const Json& j, const std::string& path, std::string_view& name, const char* expected,
               DecodeState& st) {
    if (!j.is_string()) {
        st.fail(kWrongType, path, std::string("expected ") + expected);
        return false;
    }
    name = j.get_ref<const std::string&>();
    return true;
}

}  // namespace portal::api::codec
