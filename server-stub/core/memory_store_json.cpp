// MemoryStore <-> JSON text, so the page can keep its demo data in localStorage across visits.
// Each record's `fields` (records.h, domain/service.h, domain/invoice.h) serve both to write and
// to read.
#include <concepts>
#include <nlohmann/json.hpp>
#include <optional>
#include <type_traits>

#include "core/memory_store.h"
#include "domain/field_list.h"

namespace portal::backend {

namespace {

using Json = nlohmann::json;
// 2: sign-in locks by email and the server's settings; idempotency fingerprints keyed (a save
// of version 1 is not read, so its unkeyed fingerprints are dropped with it); invoices carry
// their kind and credit, orders their status, payments are kept; what a service has paid follows
// from its invoices and is not stored.
// 3: plans and downloads carry their English name and description.
// 4: clients have a support plan; support tickets and their messages.
// 5: an invoice keeps the plan it bills instead of a Spanish description (its words follow from
// the plan, in the reader's language); a save of an older version is not read.
// 6: secondary contacts, the outbox, a client's company, address and alerts turned off, the
// contact a session is of.
// 7: the server each service runs on; the server-status page's components, incidents and
// their updates.
// 8: upgrade requests are tickets (kind upgrade_request); their own table is gone.
// 9: a remote-support ticket keeps its booked slot and RustDesk ID.
// 10: files attached to tickets (their rows; the bytes of each, base64, under "attachment_bytes"
// when the store keeps them: attachment_files.h).
constexpr int kFormatVersion = 10;

// ---- One value ------------------------------------------------------------------------------
template <class T>
requires std::is_arithmetic_v<T> || std::same_as<T, std::string> Json encode(const T& v) {
    return v;
}
Json encode(const domain::Date& v) {
    return v.iso();
}
Json encode(const domain::Money& v) {
    return Json{{"cents", v.cents}, {"currency", v.currency}};
}
template <domain::NamedEnum E>
Json encode(E v) {
    return std::string(domain::to_string(v));
}
template <class T>
Json encode(const std::optional<T>& v) {
    return v ? encode(*v) : Json(nullptr);
}

// A JSON value of exactly T's kind, or false.
template <class T>
requires std::is_arithmetic_v<T> || std::same_as<T, std::string>
bool decode(const Json& j, T& out) {
    bool fits = std::is_same_v<T, bool>       ? j.is_boolean()
                : std::is_same_v<T, uint64_t> ? j.is_number_unsigned()
                : std::is_integral_v<T>       ? j.is_number_integer()
                                              : j.is_string();
    if (fits) out = j.get<T>();
    return fits;
}
bool decode(const Json& j, domain::Date& out) {
    auto date = j.is_string() ? domain::Date::parse_iso(j.get<std::string>()) : std::nullopt;
    if (date) out = *date;
    return date.has_value();
}
bool decode(const Json& j, domain::Money& out) {
    if (!j.is_object() || !j.contains("cents") || !j.contains("currency")) return false;
    return decode(j["cents"], out.cents) && decode(j["currency"], out.currency);
}
template <domain::NamedEnum E>
bool decode(const Json& j, E& out) {
    auto value = j.is_string() ? domain::parse_enum<E>(j.get<std::string>()) : std::nullopt;
    if (value) out = *value;
    return value.has_value();
}
template <class T>
bool decode(const Json& j, std::optional<T>& out) {
    if (j.is_null()) {
        out.reset();
        return true;
    }
    T value{};
    if (!decode(j, value)) return false;
    out = std::move(value);
    return true;
}

struct Writer {
    Json out = Json::object();
    template <class T>
    void operator()(const char* key, const T& value) {
        out[key] = encode(value);
    }
};

struct Reader {
    const Json& in;
    bool ok = true;
    template <class T>
    void operator()(const char* key, T& value) {
        if (!ok) return;
        auto it = in.find(key);
        ok = it != in.end() && decode(*it, value);
    }
};

template <class R>
Json write_record(const R& record) {
    Writer writer;
    fields(writer, record);
    return writer.out;
}

template <class R>
bool read_record(const Json& j, R& record) {
    if (!j.is_object()) return false;
    Reader reader{j};
    fields(reader, record);
    return reader.ok;
}

template <class Map>
Json write_table(const Map& map) {
    Json rows = Json::array();
    for (const auto& [key, row] : map) rows.push_back(write_record(row));
    return rows;
}

// Reads a table; `key_of` gives the map key of a row.
template <class Map, class KeyOf>
bool read_table(const Json& j, const char* name, Map& map, KeyOf key_of) {
    auto it = j.find(name);
    if (it == j.end() || !it->is_array()) return false;
    for (const auto& row_json : *it) {
        typename Map::mapped_type row{};
        if (!read_record(row_json, row)) return false;
        map[key_of(row)] = std::move(row);
    }
    return true;
}

// Every table of the data: its name in the file and the key a row is filed under. Written once for
// the writer and the reader (plan_downloads, a set of pairs, is the one table outside this list).
template <class Data, class Visit>
void each_table(Data& data, Visit&& visit) {
    visit("sessions", data.sessions, [](const SessionRecord& s) { return s.token_digest; });
    visit("sign_in_locks", data.sign_in_locks, [](const SignInLock& l) { return l.account_key; });
    visit("settings", data.settings, [](const Setting& s) { return s.name; });
    visit("plans", data.plans, [](const domain::Plan& p) { return p.id; });
    visit("status_components", data.status_components,
          [](const StatusComponentRecord& c) { return c.id; });
    visit("idempotent_answers", data.idempotent_answers,
          [](const IdempotentAnswer& a) { return std::make_pair(a.client_id, a.key); });
    // The tables filed under their rows' id, each named in the file as its member is.
    const auto by_id = [](const auto& row) { return row.id; };
#define PORTAL_VISIT_BY_ID_(data, table) visit(#table, data.table, by_id);
    PORTAL_FOR_EACH(PORTAL_VISIT_BY_ID_, data, clients, downloads, services, credentials, invoices,
                    payments, upgrade_orders, cancellations, tickets, ticket_messages, attachments,
                    contacts, notifications, incidents, incident_updates)
#undef PORTAL_VISIT_BY_ID_
}

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Bytes as JSON text carries them (a JSON string is UTF-8; a file's bytes are anything).
std::string to_base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        uint32_t group = static_cast<uint8_t>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) group |= static_cast<uint8_t>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) group |= static_cast<uint8_t>(bytes[i + 2]);
        out += kBase64[(group >> 18) & 63];
        out += kBase64[(group >> 12) & 63];
        out += i + 1 < bytes.size() ? kBase64[(group >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kBase64[group & 63] : '=';
    }
    return out;
}

std::optional<std::string> from_base64(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (size_t i = 0; i < text.size(); i += 4) {
        uint32_t group = 0;
        int padding = 0;
        for (size_t k = 0; k < 4; ++k) {
            const char c = text[i + k];
            size_t value = 0;
            if (c == '=' && i + 4 == text.size() && k >= 2) {
                ++padding;
            } else if (padding > 0 || (value = kBase64.find(c)) == std::string_view::npos) {
                return std::nullopt;
            }
            group = (group << 6) | static_cast<uint32_t>(value);
        }
        out += static_cast<char>((group >> 16) & 0xFF);
        if (padding < 2) out += static_cast<char>((group >> 8) & 0xFF);
        if (padding < 1) out += static_cast<char>(group & 0xFF);
    }
    return out;
}

}  // namespace

std::string data_to_json(const MemoryStore::Data& data,
                         const std::map<int64_t, std::string>& files) {
    Json j;
    j["format"] = "portal-memory-store";
    j["version"] = kFormatVersion;
    each_table(data,
               [&](const char* name, const auto& table, auto) { j[name] = write_table(table); });
    Json links = Json::array();
    for (const auto& [plan, download] : data.plan_downloads) links.push_back({plan, download});
    j["plan_downloads"] = links;
    Json bytes = Json::array();
    for (const auto& [id, content] : files) bytes.push_back({id, to_base64(content)});
    j["attachment_bytes"] = bytes;
    return j.dump();
}

domain::Outcome<StoredData> data_from_json(std::string_view text) {
    using Result = domain::Outcome<StoredData>;
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Result::failure("bad_store", "not JSON");
    if (j.value("format", "") != "portal-memory-store" || !j.contains("version") ||
        !j["version"].is_number_integer() || j["version"].get<int>() != kFormatVersion) {
        return Result::failure("bad_store",
                               "not a portal store of version " + std::to_string(kFormatVersion));
    }
    MemoryStore::Data data;
    bool ok = true;
    each_table(data, [&](const char* name, auto& table, auto key_of) {
        ok = ok && read_table(j, name, table, key_of);
    });
    if (!ok) return Result::failure("bad_store", "a table is missing or has a malformed row");
    auto links = j.find("plan_downloads");
    if (links == j.end() || !links->is_array()) {
        return Result::failure("bad_store", "plan_downloads is missing");
    }
    for (const auto& link : *links) {
        std::string plan;
        int64_t download = 0;
        if (!link.is_array() || link.size() != 2 || !decode(link[0], plan) ||
            !decode(link[1], download)) {
            return Result::failure("bad_store", "plan_downloads has a malformed row");
        }
        data.plan_downloads.insert({plan, download});
    }
    StoredData stored{std::move(data), {}};
    auto files = j.find("attachment_bytes");
    if (files == j.end() || !files->is_array()) {
        return Result::failure("bad_store", "attachment_bytes is missing");
    }
    for (const auto& file : *files) {
        int64_t id = 0;
        std::string text_bytes;
        std::optional<std::string> content;
        if (!file.is_array() || file.size() != 2 || !decode(file[0], id) ||
            !decode(file[1], text_bytes) || !(content = from_base64(text_bytes))) {
            return Result::failure("bad_store", "attachment_bytes has a malformed row");
        }
        stored.files[id] = std::move(*content);
    }
    return stored;
}

}  // namespace portal::backend
