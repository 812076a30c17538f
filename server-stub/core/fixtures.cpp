#include "core/fixtures.h"

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/sha256.h"

namespace portal::backend {

namespace {

using Json = nlohmann::json;

// Reads fixture values without exceptions (the page has none); the first problem is kept with
// the path where it happened.
class Reader {
  public:
    explicit Reader(domain::Date today) : today_(today) {}

    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }
    void fail(const std::string& where, const std::string& what) {
        if (error_.empty()) error_ = where + ": " + what;
    }

    const Json* get(const Json& j, const char* key, const std::string& where, bool required) {
        if (!j.is_object()) {
            fail(where, "expected an object");
            return nullptr;
        }
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) {
            if (required) fail(where + "." + key, "is required");
            return nullptr;
        }
        return &*it;
    }

    std::string str(const Json& j, const char* key, const std::string& where,
                    const char* fallback = nullptr) {
        const Json* v = get(j, key, where, fallback == nullptr);
        if (!v) return fallback ? fallback : "";
        if (!v->is_string()) {
            fail(where + "." + key, "expected a string");
            return "";
        }
        return v->get<std::string>();
    }

    int64_t integer(const Json& j, const char* key, const std::string& where,
                    std::optional<int64_t> fallback = std::nullopt) {
        const Json* v = get(j, key, where, !fallback.has_value());
        if (!v) return fallback.value_or(0);
        if (!v->is_number_integer()) {
            fail(where + "." + key, "expected an integer");
            return 0;
        }
        return v->get<int64_t>();
    }

    bool boolean(const Json& j, const char* key, const std::string& where, bool fallback) {
        const Json* v = get(j, key, where, false);
        if (!v) return fallback;
        if (!v->is_boolean()) {
            fail(where + "." + key, "expected true or false");
            return fallback;
        }
        return v->get<bool>();
    }

    std::optional<domain::Date> date(const Json& j, const char* key, const std::string& where,
                                     bool required) {
        const Json* v = get(j, key, where, required);
        if (!v) return std::nullopt;
        if (!v->is_string()) {
            fail(where + "." + key, "expected a date");
            return std::nullopt;
        }
        auto parsed = parse_fixture_date(v->get<std::string>(), today_);
        if (!parsed) fail(where + "." + key, "expected today, -Nd, +Nd or YYYY-MM-DD");
        return parsed;
    }

    std::optional<domain::Money> money(const Json& j, const char* key, const std::string& where,
                                       bool required) {
        const Json* v = get(j, key, where, required);
        if (!v) return std::nullopt;
        std::string path = where + "." + key;
        domain::Money m{integer(*v, "amount_cents", path), str(*v, "currency", path)};
        return m;
    }

    template <class T, class Parse>
    T enumeration(const Json& j, const char* key, const std::string& where, Parse parse,
                  T fallback) {
        std::string text = str(j, key, where);
        auto value = parse(text);
        if (!value) {
            if (!failed()) fail(where + "." + key, "unknown value '" + text + "'");
            return fallback;
        }
        return *value;
    }

    const Json& array(const Json& j, const char* key, const std::string& where) {
        static const Json empty = Json::array();
        const Json* v = get(j, key, where, false);
        if (!v) return empty;
        if (!v->is_array()) {
            fail(where + "." + key, "expected an array");
            return empty;
        }
        return *v;
    }

  private:
    domain::Date today_;
    std::string error_;
};

std::string at(const std::string& where, const char* key, size_t index) {
    return where + "." + key + "[" + std::to_string(index) + "]";
}

}  // namespace

std::optional<domain::Date> parse_fixture_date(std::string_view text, domain::Date today) {
    if (text == "today") return today;
    if (text.size() >= 3 && (text.front() == '-' || text.front() == '+') && text.back() == 'd') {
        int days = 0;
        for (char c : text.substr(1, text.size() - 2)) {
            if (c < '0' || c > '9' || days > 100000) return std::nullopt;
            days = days * 10 + (c - '0');
        }
        return today.add_days(text.front() == '-' ? -days : days);
    }
    return domain::Date::parse_iso(text);
}

domain::Outcome<FixtureCounts> load_fixtures(std::string_view catalog_json,
                                             std::string_view clients_json, Store& store,
                                             PasswordHasher& hasher, domain::Date today) {
    Json catalog = Json::parse(catalog_json.begin(), catalog_json.end(), nullptr, false);
    Json clients = Json::parse(clients_json.begin(), clients_json.end(), nullptr, false);
    if (catalog.is_discarded())
        return domain::Outcome<FixtureCounts>::failure("bad_fixture", "catalog: not JSON");
    if (clients.is_discarded())
        return domain::Outcome<FixtureCounts>::failure("bad_fixture", "clients: not JSON");

    Reader r(today);
    FixtureCounts counts;

    // Read and hash everything before the transaction: hashing is slow and needs no lock.
    std::vector<std::string> password_hashes;
    for (size_t i = 0; i < r.array(clients, "clients", "clients").size(); ++i) {
        const Json& c = clients["clients"][i];
        password_hashes.push_back(hasher.hash(r.str(c, "password", at("clients", "clients", i))));
    }
    if (r.failed()) return domain::Outcome<FixtureCounts>::failure("bad_fixture", r.error());

    bool ok = store.transaction([&] {
        std::map<std::string, int64_t> download_ids;  // fixture key → id
        const Json& downloads = r.array(catalog, "downloads", "catalog");
        for (size_t i = 0; i < downloads.size() && !r.failed(); ++i) {
            const Json& d = downloads[i];
            const std::string where = at("catalog", "downloads", i);
            DownloadRecord record;
            record.name = r.str(d, "name", where);
            record.description = r.str(d, "description", where);
            record.content_type = r.str(d, "content_type", where, "application/octet-stream");
            if (const Json* text = r.get(d, "text", where, false); text && text->is_string()) {
                record.inline_content = text->get<std::string>();
                record.size_bytes = static_cast<int64_t>(record.inline_content.size());
            } else {
                record.seed = static_cast<uint64_t>(r.integer(d, "seed", where));
                record.size_bytes = r.integer(d, "size_bytes", where);
                record.sha256 = r.str(d, "sha256", where);
                if (record.seed == 0) r.fail(where + ".seed", "must not be 0");
            }
            if (r.failed()) break;
            if (record.seed == 0) record.sha256 = sha256_hex(record.inline_content);
            download_ids[r.str(d, "key", where)] = store.insert_download(record);
            ++counts.downloads;
        }

        std::map<std::string, domain::Plan> plans;
        const Json& plan_list = r.array(catalog, "plans", "catalog");
        for (size_t i = 0; i < plan_list.size() && !r.failed(); ++i) {
            const Json& p = plan_list[i];
            const std::string where = at("catalog", "plans", i);
            domain::Plan plan;
            plan.id = r.str(p, "id", where);
            plan.name = r.str(p, "name", where);
            plan.product =
                r.enumeration(p, "product", where, domain::parse_enum<domain::ServiceType>,
                              domain::ServiceType::hosting);
            plan.price = r.money(p, "price", where, true).value_or(domain::Money{});
            plan.cycle = r.enumeration(p, "cycle", where, domain::parse_enum<domain::BillingCycle>,
                                       domain::BillingCycle::monthly);
            plan.rank = static_cast<int>(r.integer(p, "rank", where));
            plan.automatic_upgrade = r.boolean(p, "automatic_upgrade", where, true);
            if (r.failed()) break;
            store.upsert_plan(plan);
            plans[plan.id] = plan;
            ++counts.plans;
            const Json& included = r.array(p, "downloads", where);
            for (size_t k = 0; k < included.size(); ++k) {
                auto key = included[k].is_string() ? included[k].get<std::string>() : "";
                auto id = download_ids.find(key);
                if (id == download_ids.end()) {
                    r.fail(at(where, "downloads", k), "unknown download '" + key + "'");
                    break;
                }
                store.include_download(plan.id, id->second);
            }
        }

        const Json& client_list = r.array(clients, "clients", "clients");
        for (size_t i = 0; i < client_list.size() && !r.failed(); ++i) {
            const Json& c = client_list[i];
            const std::string where = at("clients", "clients", i);
            ClientRecord client;
            client.email = r.str(c, "email", where);
            client.name = r.str(c, "name", where);
            client.phone = r.str(c, "phone", where, "");
            client.language = r.str(c, "language", where, "es");
            client.password_hash = password_hashes[i];
            if (r.failed()) break;
            client.id = store.insert_client(client);
            ++counts.clients;

            const Json& services = r.array(c, "services", where);
            for (size_t s = 0; s < services.size() && !r.failed(); ++s) {
                const Json& sj = services[s];
                const std::string swhere = at(where, "services", s);
                domain::Service service;
                service.client_id = client.id;
                service.name = r.str(sj, "name", swhere);
                service.type =
                    r.enumeration(sj, "type", swhere, domain::parse_enum<domain::ServiceType>,
                                  domain::ServiceType::hosting);
                service.status =
                    r.enumeration(sj, "status", swhere, domain::parse_enum<domain::ServiceStatus>,
                                  domain::ServiceStatus::active);
                service.domain = r.str(sj, "domain", swhere, "");
                service.plan_id = r.str(sj, "plan", swhere);
                auto plan = plans.find(service.plan_id);
                if (!r.failed() && plan == plans.end()) {
                    r.fail(swhere + ".plan", "unknown plan '" + service.plan_id + "'");
                }
                if (!r.failed() && plan->second.product != service.type) {
                    r.fail(swhere + ".plan", "is a plan of another product");
                }
                if (r.failed()) break;
                service.period_start = r.date(sj, "period_start", swhere, true).value_or(today);
                service.period_end =
                    r.date(sj, "period_end", swhere, false)
                        .value_or(service.period_start.add_months(months(plan->second.cycle))
                                      .add_days(-1));
                service.paid_for_period =
                    r.money(sj, "paid_for_period", swhere, false).value_or(plan->second.price);
                service.next_due_on = r.date(sj, "next_due_on", swhere, false)
                                          .value_or(service.period_end.add_days(1));
                service.auto_renew = r.boolean(sj, "auto_renew", swhere, true);
                service.requirements_met_on = r.date(sj, "requirements_met_on", swhere, false);
                if (r.failed()) break;
                service.id = store.insert_service(service);
                ++counts.services;

                const Json& credentials = r.array(sj, "credentials", swhere);
                for (size_t k = 0; k < credentials.size() && !r.failed(); ++k) {
                    const Json& cj = credentials[k];
                    const std::string cwhere = at(swhere, "credentials", k);
                    CredentialRecord credential;
                    credential.service_id = service.id;
                    credential.label = r.str(cj, "label", cwhere);
                    credential.host = r.str(cj, "host", cwhere, "");
                    credential.username = r.str(cj, "username", cwhere);
                    credential.password = r.str(cj, "password", cwhere);
                    if (!r.failed()) store.insert_credential(credential);
                }

                const Json& invoices = r.array(sj, "invoices", swhere);
                for (size_t k = 0; k < invoices.size() && !r.failed(); ++k) {
                    const Json& ij = invoices[k];
                    const std::string iwhere = at(swhere, "invoices", k);
                    domain::Invoice invoice;
                    invoice.client_id = client.id;
                    invoice.service_id = service.id;
                    invoice.description = r.str(ij, "description", iwhere);
                    invoice.amount =
                        r.money(ij, "amount", iwhere, false).value_or(plan->second.price);
                    invoice.issued_on = r.date(ij, "issued_on", iwhere, true).value_or(today);
                    invoice.due_on = r.date(ij, "due_on", iwhere, true).value_or(today);
                    invoice.period_start =
                        r.date(ij, "period_start", iwhere, false).value_or(service.period_start);
                    invoice.period_end =
                        r.date(ij, "period_end", iwhere, false).value_or(service.period_end);
                    invoice.status = r.enumeration(ij, "status", iwhere,
                                                   domain::parse_enum<domain::InvoiceStatus>,
                                                   domain::InvoiceStatus::unpaid);
                    if (r.failed()) break;
                    store.insert_invoice(invoice);
                    ++counts.invoices;
                }
            }
        }
        return !r.failed();
    });
    if (!ok) return domain::Outcome<FixtureCounts>::failure("bad_fixture", r.error());
    return counts;
}

}  // namespace portal::backend
