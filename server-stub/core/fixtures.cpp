#include "core/fixtures.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>

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

    std::string str(const Json& j, const char* key, const std::string& where) {
        std::string out;
        if (const Json* v = get(j, key, where, true)) value(*v, where + "." + key, out);
        return out;
    }

    // One value of the kind of `out`, at `path`; `out` is left as it was when it is malformed.
    void value(const Json& v, const std::string& path, std::string& out) {
        if (!v.is_string()) return fail(path, "expected a string");
        out = v.get<std::string>();
    }
    template <class T>
    requires std::is_integral_v<T> &&
        (!std::is_same_v<T, bool>)void value(const Json& v, const std::string& path, T& out) {
        if (!v.is_number_integer()) return fail(path, "expected an integer");
        out = static_cast<T>(v.get<int64_t>());
    }
    void value(const Json& v, const std::string& path, bool& out) {
        if (!v.is_boolean()) return fail(path, "expected true or false");
        out = v.get<bool>();
    }
    void value(const Json& v, const std::string& path, domain::Date& out) {
        if (!v.is_string()) return fail(path, "expected a date");
        auto parsed = parse_fixture_date(v.get<std::string>(), today_);
        if (!parsed) return fail(path, "expected today, -Nd, +Nd or YYYY-MM-DD");
        out = *parsed;
    }
    void value(const Json& v, const std::string& path, domain::Money& out) {
        const Json* cents = get(v, "amount_cents", path, true);
        const Json* currency = get(v, "currency", path, true);
        if (cents) value(*cents, path + ".amount_cents", out.cents);
        if (currency) value(*currency, path + ".currency", out.currency);
    }
    template <domain::NamedEnum E>
    void value(const Json& v, const std::string& path, E& out) {
        std::string text;
        value(v, path, text);
        if (failed()) return;
        auto parsed = domain::parse_enum<E>(text);
        if (!parsed) return fail(path, "unknown value '" + text + "'");
        out = *parsed;
    }
    template <class T>
    void value(const Json& v, const std::string& path, std::optional<T>& out) {
        T given{};
        value(v, path, given);
        if (!failed()) out = given;
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

// Which of a record's `fields` a fixture object gives, under the same names: all of them but
// the `skipped` ones (set by the loader), required unless `optional` (a missing optional one
// keeps the value the record already has).
struct Shape {
    std::initializer_list<std::string_view> optional;
    std::initializer_list<std::string_view> skipped;
};

template <class R>
void read_fields(Reader& r, const Json& j, const std::string& where, R& record, Shape shape) {
    auto listed = [](std::initializer_list<std::string_view> names, std::string_view name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    auto field = [&](const char* name, auto& value) {
        if (r.failed() || listed(shape.skipped, name)) return;
        if (const Json* v = r.get(j, name, where, !listed(shape.optional, name))) {
            r.value(*v, where + "." + name, value);
        }
    };
    fields(field, record);
}

bool given(const Json& j, const char* key) {
    return j.contains(key) && !j[key].is_null();
}

std::string at(const std::string& where, const char* key, size_t index) {
    return where + "." + key + "[" + std::to_string(index) + "]";
}

// Calls read(item, where, index) for each item of the array j[key], until something fails.
template <class Read>
void each(Reader& r, const Json& j, const char* key, const std::string& where, Read read) {
    const Json& items = r.array(j, key, where);
    for (size_t i = 0; i < items.size() && !r.failed(); ++i) read(items[i], at(where, key, i), i);
}

// "-1d 15:00": a fixture date and a time of day in the company's zone → unix seconds.
std::optional<int64_t> parse_fixture_time(std::string_view text, domain::Date today) {
    const size_t space = text.find(' ');
    if (space == std::string_view::npos || text.size() != space + 6 || text[space + 3] != ':') {
        return std::nullopt;
    }
    auto date = parse_fixture_date(text.substr(0, space), today);
    int hour = 0, minute = 0;
    for (size_t i : {space + 1, space + 2, space + 4, space + 5}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    hour = (text[space + 1] - '0') * 10 + (text[space + 2] - '0');
    minute = (text[space + 4] - '0') * 10 + (text[space + 5] - '0');
    if (!date || hour > 23 || minute > 59) return std::nullopt;
    return date->days_since_epoch() * 86400 + hour * 3600 + minute * 60 -
           domain::kCompanyUtcOffsetSeconds;
}

// A ticket: its fields, "service" (the name of one of the client's services) and its
// "messages" ({kind, at, text}, oldest first). Its status follows its last message, unless
// "closed" is true. A fixture books no remote-support slot: its dates are relative to today.
void load_ticket(Reader& r, const Json& tj, const std::string& where, Store& store,
                 int64_t client_id, domain::Date today) {
    TicketRecord ticket;
    ticket.client_id = client_id;
    read_fields(r, tj, where, ticket,
                {{"kind", "department"},
                 {"id", "client_id", "service_id", "status", "opened_at", "updated_at",
                  "remote_slot", "rustdesk_id"}});
    if (given(tj, "service")) {
        const std::string name = r.str(tj, "service", where);
        for (const auto& service : store.services_of(client_id)) {
            if (service.name == name) ticket.service_id = service.id;
        }
        if (!r.failed() && !ticket.service_id) {
            r.fail(where + ".service", "no service of this client is named '" + name + "'");
        }
    }
    std::vector<TicketMessageRecord> messages;
    each(r, tj, "messages", where, [&](const Json& mj, const std::string& mwhere, size_t) {
        TicketMessageRecord message;
        message.client_id = client_id;
        read_fields(r, mj, mwhere, message, {{}, {"id", "client_id", "ticket_id", "sent_at"}});
        auto at = parse_fixture_time(r.str(mj, "at", mwhere), today);
        if (!r.failed() && !at) r.fail(mwhere + ".at", "expected a fixture date and HH:MM");
        if (r.failed()) return;
        message.sent_at = *at;
        messages.push_back(message);
    });
    if (!r.failed() && messages.empty()) r.fail(where + ".messages", "needs one message at least");
    bool closed = false;
    if (given(tj, "closed")) r.value(tj["closed"], where + ".closed", closed);
    if (r.failed()) return;
    ticket.opened_at = messages.front().sent_at;
    ticket.updated_at = messages.back().sent_at;
    ticket.status =
        domain::status_after(closed ? std::nullopt : std::optional(messages.back().kind));
    ticket.id = store.insert_ticket(ticket);
    for (auto& message : messages) {
        message.ticket_id = ticket.id;
        store.insert_ticket_message(message);
    }
}

// The server-status page: "components" (listed in the page's order) and "incidents", each on
// one "component", with "started_at", "ended_at" (null while it lasts) and "updates" ({at, text,
// text_en}), times as "-1d 15:00". Gives the components' ids.
std::set<std::string> load_status(Reader& r, const Json& catalog, Store& store,
                                  domain::Date today) {
    std::set<std::string> ids;
    const Json* status = r.get(catalog, "status", "catalog", false);
    if (!status) return ids;
    const auto time = [&](const Json& j, const char* key, const std::string& where) {
        auto at = parse_fixture_time(r.str(j, key, where), today);
        if (!r.failed() && !at) r.fail(where + "." + key, "expected a fixture date and HH:MM");
        return at.value_or(0);
    };
    each(r, *status, "components", "catalog.status",
         [&](const Json& cj, const std::string& where, size_t i) {
             StatusComponentRecord component;
             read_fields(r, cj, where, component, {{}, {"position"}});
             component.position = static_cast<int64_t>(i);
             if (r.failed()) return;
             store.upsert_status_component(component);
             ids.insert(component.id);
         });
    each(r, *status, "incidents", "catalog.status",
         [&](const Json& ij, const std::string& where, size_t) {
             IncidentRecord incident;
             read_fields(r, ij, where, incident,
                         {{}, {"id", "component_id", "started_at", "ended_at"}});
             incident.component_id = r.str(ij, "component", where);
             if (!r.failed() && !ids.count(incident.component_id)) {
                 r.fail(where + ".component", "unknown component '" + incident.component_id + "'");
             }
             incident.started_at = time(ij, "started_at", where);
             if (given(ij, "ended_at")) incident.ended_at = time(ij, "ended_at", where);
             if (r.failed()) return;
             incident.id = store.insert_incident(incident);
             each(r, ij, "updates", where, [&](const Json& uj, const std::string& uwhere, size_t) {
                 IncidentUpdateRecord update;
                 read_fields(r, uj, uwhere, update, {{}, {"id", "incident_id", "posted_at"}});
                 update.incident_id = incident.id;
                 update.posted_at = time(uj, "at", uwhere);
                 if (!r.failed()) store.insert_incident_update(update);
             });
         });
    return ids;
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
    each(r, clients, "clients", "clients", [&](const Json& c, const std::string& where, size_t) {
        password_hashes.push_back(hasher.hash(r.str(c, "password", where)));
    });
    if (r.failed()) return domain::Outcome<FixtureCounts>::failure("bad_fixture", r.error());

    bool ok = store.transaction([&] {
        std::map<std::string, int64_t> download_ids;  // fixture key → id
        each(r, catalog, "downloads", "catalog",
             [&](const Json& d, const std::string& where, size_t) {
                 // Small files come as "text"; big ones as the seed of generated bytes.
                 DownloadRecord record;
                 if (const Json* text = r.get(d, "text", where, false); text && text->is_string()) {
                     record.inline_content = text->get<std::string>();
                     record.size_bytes = static_cast<int64_t>(record.inline_content.size());
                     record.sha256 = sha256_hex(record.inline_content);
                     read_fields(r, d, where, record,
                                 {{"content_type"},
                                  {"id", "size_bytes", "sha256", "inline_content", "seed"}});
                 } else {
                     read_fields(r, d, where, record, {{"content_type"}, {"id", "inline_content"}});
                     if (!r.failed() && record.seed == 0) r.fail(where + ".seed", "must not be 0");
                 }
                 std::string key = r.str(d, "key", where);
                 if (r.failed()) return;
                 download_ids[key] = store.insert_download(record);
                 ++counts.downloads;
             });

        std::map<std::string, domain::Plan> plans;
        each(r, catalog, "plans", "catalog", [&](const Json& p, const std::string& where, size_t) {
            domain::Plan plan;
            read_fields(r, p, where, plan, {{"automatic_upgrade"}, {}});
            if (r.failed()) return;
            store.upsert_plan(plan);
            plans[plan.id] = plan;
            ++counts.plans;
            each(r, p, "downloads", where, [&](const Json& k, const std::string& kwhere, size_t) {
                auto key = k.is_string() ? k.get<std::string>() : "";
                auto id = download_ids.find(key);
                if (id == download_ids.end())
                    return r.fail(kwhere, "unknown download '" + key + "'");
                store.include_download(plan.id, id->second);
            });
        });

        const std::set<std::string> servers = load_status(r, catalog, store, today);

        each(r, clients, "clients", "clients",
             [&](const Json& c, const std::string& where, size_t i) {
                 ClientRecord client;
                 client.password_hash = password_hashes[i];
                 read_fields(
                     r, c, where, client,
                     {{"phone", "language", "support_plan", "company", "address", "alerts_off"},
                      {"id", "password_hash"}});
                 if (r.failed()) return;
                 client.id = store.insert_client(client);
                 ++counts.clients;

                 each(r, c, "services", where,
                      [&](const Json& sj, const std::string& swhere, size_t) {
                          domain::Service service;
                          service.client_id = client.id;
                          read_fields(r, sj, swhere, service,
                                      {{"domain", "period_end", "next_due_on", "auto_renew",
                                        "requirements_met_on", "platform"},
                                       {"id", "client_id", "plan_id"}});
                          service.plan_id = r.str(sj, "plan", swhere);
                          auto plan = plans.find(service.plan_id);
                          if (!r.failed() && plan == plans.end()) {
                              r.fail(swhere + ".plan", "unknown plan '" + service.plan_id + "'");
                          }
                          if (!r.failed() && plan->second.product != service.type) {
                              r.fail(swhere + ".plan", "is a plan of another product");
                          }
                          if (!r.failed() && !servers.count(service.server)) {
                              r.fail(swhere + ".server", "unknown component '" + service.server +
                                                             "' of the status page");
                          }
                          if (r.failed()) return;
                          // What a fixture leaves out follows from its plan and its period.
                          if (!given(sj, "period_end")) {
                              service.period_end =
                                  service.period_start.add_months(months(plan->second.cycle))
                                      .add_days(-1);
                          }
                          if (!given(sj, "next_due_on"))
                              service.next_due_on = service.period_end.add_days(1);
                          service.id = store.insert_service(service);
                          ++counts.services;

                          each(r, sj, "credentials", swhere,
                               [&](const Json& cj, const std::string& cwhere, size_t) {
                                   CredentialRecord credential;
                                   credential.service_id = service.id;
                                   read_fields(r, cj, cwhere, credential,
                                               {{"host"}, {"id", "service_id"}});
                                   if (!r.failed()) store.insert_credential(credential);
                               });

                          each(r, sj, "invoices", swhere,
                               [&](const Json& ij, const std::string& iwhere, size_t) {
                                   domain::Invoice invoice;
                                   invoice.client_id = client.id;
                                   invoice.service_id = service.id;
                                   invoice.plan_id = service.plan_id;
                                   invoice.amount = plan->second.price;
                                   invoice.period_start = service.period_start;
                                   invoice.period_end = service.period_end;
                                   read_fields(
                                       r, ij, iwhere, invoice,
                                       {{"amount", "period_start", "period_end", "kind"},
                                        {"id", "client_id", "service_id", "plan_id", "credit"}});
                                   if (r.failed()) return;
                                   invoice.credit = domain::Money::zero(invoice.amount.currency);
                                   store.insert_invoice(invoice);
                                   ++counts.invoices;
                               });
                      });

                 each(r, c, "tickets", where,
                      [&](const Json& tj, const std::string& twhere, size_t) {
                          load_ticket(r, tj, twhere, store, client.id, today);
                      });
             });
        return !r.failed();
    });
    if (!ok) return domain::Outcome<FixtureCounts>::failure("bad_fixture", r.error());
    return counts;
}

}  // namespace portal::backend
