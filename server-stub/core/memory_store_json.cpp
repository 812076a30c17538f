// MemoryStore <-> JSON text, so the page can keep its demo data in localStorage across visits.
// Each record lists its fields once (`fields`), used both to write and to read.
#include <nlohmann/json.hpp>

#include "core/memory_store.h"

namespace portal::backend {

namespace {

using Json = nlohmann::json;
constexpr int kFormatVersion = 1;

// ---- One value ------------------------------------------------------------------------------
Json encode(int64_t v) {
    return v;
}
Json encode(int v) {
    return v;
}
Json encode(uint64_t v) {
    return v;
}
Json encode(bool v) {
    return v;
}
Json encode(const std::string& v) {
    return v;
}
Json encode(const domain::Date& v) {
    return v.iso();
}
Json encode(const domain::Money& v) {
    return Json{{"cents", v.cents}, {"currency", v.currency}};
}
Json encode(domain::ServiceType v) {
    return std::string(domain::to_string(v));
}
Json encode(domain::ServiceStatus v) {
    return std::string(domain::to_string(v));
}
Json encode(domain::BillingCycle v) {
    return std::string(domain::to_string(v));
}
Json encode(domain::InvoiceStatus v) {
    return std::string(domain::to_string(v));
}
Json encode(domain::CancellationKind v) {
    return std::string(domain::to_string(v));
}
Json encode(domain::PlanChange v) {
    return std::string(domain::to_string(v));
}
template <class T>
Json encode(const std::optional<T>& v) {
    return v ? encode(*v) : Json(nullptr);
}

bool decode(const Json& j, int64_t& out) {
    if (!j.is_number_integer()) return false;
    out = j.get<int64_t>();
    return true;
}
bool decode(const Json& j, int& out) {
    if (!j.is_number_integer()) return false;
    out = j.get<int>();
    return true;
}
bool decode(const Json& j, uint64_t& out) {
    if (!j.is_number_unsigned()) return false;
    out = j.get<uint64_t>();
    return true;
}
bool decode(const Json& j, bool& out) {
    if (!j.is_boolean()) return false;
    out = j.get<bool>();
    return true;
}
bool decode(const Json& j, std::string& out) {
    if (!j.is_string()) return false;
    out = j.get<std::string>();
    return true;
}
bool decode(const Json& j, domain::Date& out) {
    if (!j.is_string()) return false;
    auto date = domain::Date::parse_iso(j.get<std::string>());
    if (date) out = *date;
    return date.has_value();
}
bool decode(const Json& j, domain::Money& out) {
    if (!j.is_object() || !j.contains("cents") || !j.contains("currency")) return false;
    return decode(j["cents"], out.cents) && decode(j["currency"], out.currency);
}
template <class E, class Parse>
bool decode_enum(const Json& j, E& out, Parse parse) {
    if (!j.is_string()) return false;
    auto value = parse(j.get<std::string>());
    if (value) out = *value;
    return value.has_value();
}
bool decode(const Json& j, domain::ServiceType& out) {
    return decode_enum(j, out, domain::parse_enum<domain::ServiceType>);
}
bool decode(const Json& j, domain::ServiceStatus& out) {
    return decode_enum(j, out, domain::parse_enum<domain::ServiceStatus>);
}
bool decode(const Json& j, domain::BillingCycle& out) {
    return decode_enum(j, out, domain::parse_enum<domain::BillingCycle>);
}
bool decode(const Json& j, domain::InvoiceStatus& out) {
    return decode_enum(j, out, domain::parse_enum<domain::InvoiceStatus>);
}
bool decode(const Json& j, domain::CancellationKind& out) {
    return decode_enum(j, out, domain::parse_enum<domain::CancellationKind>);
}
bool decode(const Json& j, domain::PlanChange& out) {
    return decode_enum(j, out, domain::parse_enum<domain::PlanChange>);
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

// ---- The fields of each record --------------------------------------------------------------
template <class V, class R>
void fields(V& v, R& r);

template <class V>
void fields(V& v, ClientRecord& r) {
    v("id", r.id), v("email", r.email), v("name", r.name), v("phone", r.phone);
    v("language", r.language), v("password_hash", r.password_hash);
    v("failed_logins", r.failed_logins), v("locked_until", r.locked_until);
}
template <class V>
void fields(V& v, SessionRecord& r) {
    v("token_digest", r.token_digest), v("client_id", r.client_id), v("expires_at", r.expires_at);
}
template <class V>
void fields(V& v, domain::Plan& r) {
    v("id", r.id), v("name", r.name), v("product", r.product), v("price", r.price);
    v("cycle", r.cycle), v("rank", r.rank), v("automatic_upgrade", r.automatic_upgrade);
}
template <class V>
void fields(V& v, DownloadRecord& r) {
    v("id", r.id), v("name", r.name), v("description", r.description);
    v("content_type", r.content_type), v("size_bytes", r.size_bytes), v("sha256", r.sha256);
    v("inline_content", r.inline_content), v("seed", r.seed);
}
template <class V>
void fields(V& v, domain::Service& r) {
    v("id", r.id), v("client_id", r.client_id), v("name", r.name), v("type", r.type);
    v("status", r.status), v("domain", r.domain), v("plan_id", r.plan_id);
    v("period_start", r.period_start), v("period_end", r.period_end);
    v("paid_for_period", r.paid_for_period), v("next_due_on", r.next_due_on);
    v("auto_renew", r.auto_renew), v("requirements_met_on", r.requirements_met_on);
}
template <class V>
void fields(V& v, CredentialRecord& r) {
    v("id", r.id), v("service_id", r.service_id), v("label", r.label), v("host", r.host);
    v("username", r.username), v("password", r.password);
}
template <class V>
void fields(V& v, domain::Invoice& r) {
    v("id", r.id), v("client_id", r.client_id), v("service_id", r.service_id);
    v("description", r.description), v("amount", r.amount), v("issued_on", r.issued_on);
    v("due_on", r.due_on), v("period_start", r.period_start), v("period_end", r.period_end);
    v("status", r.status);
}
template <class V>
void fields(V& v, UpgradeOrderRecord& r) {
    v("id", r.id), v("client_id", r.client_id), v("service_id", r.service_id);
    v("from_plan_id", r.from_plan_id), v("to_plan_id", r.to_plan_id);
    v("direction", r.direction), v("amount_due", r.amount_due);
    v("period_start", r.period_start), v("period_end", r.period_end);
    v("invoice_id", r.invoice_id), v("created_at", r.created_at);
}
template <class V>
void fields(V& v, UpgradeRequestRecord& r) {
    v("id", r.id), v("client_id", r.client_id), v("service_id", r.service_id);
    v("message", r.message), v("created_on", r.created_on);
}
template <class V>
void fields(V& v, CancellationRecord& r) {
    v("id", r.id), v("client_id", r.client_id), v("service_id", r.service_id);
    v("kind", r.kind), v("reason", r.reason), v("requested_on", r.requested_on);
    v("effective_on", r.effective_on), v("withdrawn", r.withdrawn);
    v("invoices_still_due", r.invoices_still_due), v("invoices_voided", r.invoices_voided);
}
template <class V>
void fields(V& v, IdempotentAnswer& r) {
    v("client_id", r.client_id), v("key", r.key), v("fingerprint", r.fingerprint);
    v("status", r.status), v("body", r.body), v("location", r.location);
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
Json write_record(R record) {  // by value: fields() takes a non-const reference
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

}  // namespace

std::string data_to_json(const MemoryStore::Data& data) {
    Json j;
    j["format"] = "portal-memory-store";
    j["version"] = kFormatVersion;
    j["clients"] = write_table(data.clients);
    j["sessions"] = write_table(data.sessions);
    j["plans"] = write_table(data.plans);
    j["downloads"] = write_table(data.downloads);
    Json links = Json::array();
    for (const auto& [plan, download] : data.plan_downloads) links.push_back({plan, download});
    j["plan_downloads"] = links;
    j["services"] = write_table(data.services);
    j["credentials"] = write_table(data.credentials);
    j["invoices"] = write_table(data.invoices);
    j["upgrade_orders"] = write_table(data.upgrade_orders);
    j["upgrade_requests"] = write_table(data.upgrade_requests);
    j["cancellations"] = write_table(data.cancellations);
    j["idempotent_answers"] = write_table(data.idempotent_answers);
    return j.dump();
}

domain::Outcome<MemoryStore::Data> data_from_json(std::string_view text) {
    using Result = domain::Outcome<MemoryStore::Data>;
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Result::failure("bad_store", "not JSON");
    if (j.value("format", "") != "portal-memory-store" || !j.contains("version") ||
        !j["version"].is_number_integer() || j["version"].get<int>() != kFormatVersion) {
        return Result::failure("bad_store", "not a portal store of version 1");
    }
    MemoryStore::Data data;
    auto by_id = [](const auto& row) { return row.id; };
    bool ok =
        read_table(j, "clients", data.clients, by_id) &&
        read_table(j, "sessions", data.sessions,
                   [](const SessionRecord& s) { return s.token_digest; }) &&
        read_table(j, "plans", data.plans, [](const domain::Plan& p) { return p.id; }) &&
        read_table(j, "downloads", data.downloads, by_id) &&
        read_table(j, "services", data.services, by_id) &&
        read_table(j, "credentials", data.credentials, by_id) &&
        read_table(j, "invoices", data.invoices, by_id) &&
        read_table(j, "upgrade_orders", data.upgrade_orders, by_id) &&
        read_table(j, "upgrade_requests", data.upgrade_requests, by_id) &&
        read_table(j, "cancellations", data.cancellations, by_id) &&
        read_table(j, "idempotent_answers", data.idempotent_answers,
                   [](const IdempotentAnswer& a) { return std::make_pair(a.client_id, a.key); });
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
    return data;
}

}  // namespace portal::backend
