#include "api/json_codec.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace portal::api {

namespace {

// =============================================================================================
// [SECTION] Strict reading
// Every reader checks the JSON type before touching the value, so nlohmann never throws.
// The first failure wins; later reads become no-ops.
// =============================================================================================

struct DecodeState {
    std::optional<domain::DomainError> error;

    bool failed() const { return error.has_value(); }
    void fail(const char* code, const std::string& path, const std::string& reason) {
        if (!error) error = domain::DomainError{code, path + ": " + reason};
    }
};

std::string join(const std::string& path, const std::string& name) {
    return path.empty() ? name : path + "." + name;
}

class ObjectReader {
  public:
    ObjectReader(const Json& j, std::string path, DecodeState& state)
        : j_(j), path_(std::move(path)), state_(state) {
        if (!j_.is_object()) state_.fail(kWrongType, path_, "expected an object");
    }

    DecodeState& state() { return state_; }
    std::string path_of(const char* name) const { return join(path_, name); }

    // A required field; nullptr (and an error) when absent.
    const Json* required(const char* name) {
        if (state_.failed()) return nullptr;
        known_.insert(name);
        auto it = j_.find(name);
        if (it == j_.end()) {
            state_.fail(kMissingField, path_of(name), "is required");
            return nullptr;
        }
        return &*it;
    }

    // An optional field; nullptr when absent (null is handed to the reader).
    const Json* optional(const char* name) {
        if (state_.failed()) return nullptr;
        known_.insert(name);
        auto it = j_.find(name);
        return it == j_.end() ? nullptr : &*it;
    }

    // Refuses any field nobody asked for: a typo must not be silently ignored.
    void finish() {
        if (state_.failed()) return;
        for (auto it = j_.begin(); it != j_.end(); ++it) {
            if (!known_.count(it.key())) {
                state_.fail(kUnknownField, path_of(it.key().c_str()), "is not a known field");
                return;
            }
        }
    }

  private:
    const Json& j_;
    std::string path_;
    DecodeState& state_;
    std::set<std::string> known_;
};

// ---- Leaf readers ---------------------------------------------------------------------------
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

// Enumerations travel as their names; `parse` maps a name back or gives nullopt.
template <class E, class Parse>
void read_enum(const Json& j, const std::string& path, E& out, DecodeState& st, Parse parse,
               const char* expected) {
    if (!j.is_string()) return st.fail(kWrongType, path, std::string("expected ") + expected);
    auto value = parse(j.get_ref<const std::string&>());
    if (!value) return st.fail(kInvalidValue, path, std::string("expected ") + expected);
    out = *value;
}

void read(const Json& j, const std::string& p, domain::ServiceType& out, DecodeState& st) {
    read_enum(j, p, out, st, domain::parse_enum<domain::ServiceType>, "a service type");
}
void read(const Json& j, const std::string& p, domain::ServiceStatus& out, DecodeState& st) {
    read_enum(j, p, out, st, domain::parse_enum<domain::ServiceStatus>, "a service status");
}
void read(const Json& j, const std::string& p, domain::BillingCycle& out, DecodeState& st) {
    read_enum(j, p, out, st, domain::parse_enum<domain::BillingCycle>, "a billing cycle");
}
void read(const Json& j, const std::string& p, domain::InvoiceStatus& out, DecodeState& st) {
    read_enum(j, p, out, st, domain::parse_enum<domain::InvoiceStatus>, "an invoice status");
}
void read(const Json& j, const std::string& p, domain::CancellationKind& out, DecodeState& st) {
    read_enum(j, p, out, st, domain::parse_enum<domain::CancellationKind>,
              "immediate or end_of_period");
}
void read(const Json& j, const std::string& p, domain::PlanChange& out, DecodeState& st) {
    read_enum(j, p, out, st, domain::parse_enum<domain::PlanChange>, "up or down");
}
void read(const Json& j, const std::string& p, domain::DelayUnit& out, DecodeState& st) {
    read_enum(j, p, out, st, domain::parse_enum<domain::DelayUnit>, "a delay unit");
}

// Forward declarations: the generic readers below call these for nested values.
void read(const Json& j, const std::string& path, domain::Money& out, DecodeState& st);
void read(const Json& j, const std::string& path, std::pair<int64_t, int64_t>& out,
          DecodeState& st);
void read(const Json& j, const std::string& path, ApiError& out, DecodeState& st);
void read(const Json& j, const std::string& path, Health& out, DecodeState& st);
void read(const Json& j, const std::string& path, LoginRequest& out, DecodeState& st);
void read(const Json& j, const std::string& path, ClientSummary& out, DecodeState& st);
void read(const Json& j, const std::string& path, Session& out, DecodeState& st);
void read(const Json& j, const std::string& path, Profile& out, DecodeState& st);
void read(const Json& j, const std::string& path, ProfileChanges& out, DecodeState& st);
void read(const Json& j, const std::string& path, PlanSummary& out, DecodeState& st);
void read(const Json& j, const std::string& path, ServiceView& out, DecodeState& st);
void read(const Json& j, const std::string& path, ServiceList& out, DecodeState& st);
void read(const Json& j, const std::string& path, Credential& out, DecodeState& st);
void read(const Json& j, const std::string& path, ServiceCredentials& out, DecodeState& st);
void read(const Json& j, const std::string& path, ServiceAccess& out, DecodeState& st);
void read(const Json& j, const std::string& path, Download& out, DecodeState& st);
void read(const Json& j, const std::string& path, DownloadList& out, DecodeState& st);
void read(const Json& j, const std::string& path, QuoteView& out, DecodeState& st);
void read(const Json& j, const std::string& path, UpgradeOption& out, DecodeState& st);
void read(const Json& j, const std::string& path, UpgradeOptions& out, DecodeState& st);
void read(const Json& j, const std::string& path, InvoiceView& out, DecodeState& st);
void read(const Json& j, const std::string& path, InvoiceList& out, DecodeState& st);
void read(const Json& j, const std::string& path, UpgradeOrderRequest& out, DecodeState& st);
void read(const Json& j, const std::string& path, UpgradeOrder& out, DecodeState& st);
void read(const Json& j, const std::string& path, UpgradeOrderResult& out, DecodeState& st);
void read(const Json& j, const std::string& path, UpgradeRequestBody& out, DecodeState& st);
void read(const Json& j, const std::string& path, UpgradeRequestView& out, DecodeState& st);
void read(const Json& j, const std::string& path, CancellationRequestBody& out, DecodeState& st);
void read(const Json& j, const std::string& path, CancellationRequestView& out, DecodeState& st);
void read(const Json& j, const std::string& path, AutoRenewBody& out, DecodeState& st);
void read(const Json& j, const std::string& path, AutoRenewView& out, DecodeState& st);
void read(const Json& j, const std::string& path, ManualPageRef& out, DecodeState& st);
void read(const Json& j, const std::string& path, ManualChapter& out, DecodeState& st);
void read(const Json& j, const std::string& path, ManualBook& out, DecodeState& st);
void read(const Json& j, const std::string& path, ManualCatalog& out, DecodeState& st);
void read(const Json& j, const std::string& path, ManualPageView& out, DecodeState& st);
void read(const Json& j, const std::string& path, ManualSearchHit& out, DecodeState& st);
void read(const Json& j, const std::string& path, ManualSearchResults& out, DecodeState& st);
void read(const Json& j, const std::string& path, ActivationEstimateView& out, DecodeState& st);

// ---- Composite readers ----------------------------------------------------------------------
template <class T>
void read(const Json& j, const std::string& path, std::vector<T>& out, DecodeState& st);
template <class T>
void read(const Json& j, const std::string& path, std::optional<T>& out, DecodeState& st);

template <class T>
void field(ObjectReader& r, const char* name, T& out) {
    if (const Json* v = r.required(name)) read(*v, r.path_of(name), out, r.state());
}

template <class T>
void optional_field(ObjectReader& r, const char* name, std::optional<T>& out) {
    if (const Json* v = r.optional(name)) read(*v, r.path_of(name), out, r.state());
}

void read(const Json& j, const std::string& path, domain::Money& out, DecodeState& st) {
    ObjectReader r(j, path, st);
    field(r, "amount_cents", out.cents);
    field(r, "currency", out.currency);
    r.finish();
}

void read(const Json& j, const std::string& path, std::pair<int64_t, int64_t>& out,
          DecodeState& st) {
    if (!j.is_array() || j.size() != 2) {
        return st.fail(kWrongType, path, "expected a pair [first, second]");
    }
    read(j[0], path + "[0]", out.first, st);
    read(j[1], path + "[1]", out.second, st);
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

// =============================================================================================
// [SECTION] DTO readers (field lists mirror the to_json functions below)
// =============================================================================================

void read(const Json& j, const std::string& p, ApiError& out, DecodeState& st) {
    ObjectReader outer(j, p, st);
    const Json* inner = outer.required("error");
    outer.finish();
    if (!inner) return;
    ObjectReader r(*inner, outer.path_of("error"), st);
    field(r, "code", out.code);
    field(r, "message", out.message);
    std::optional<std::string> field_name;
    optional_field(r, "field", field_name);
    out.field = field_name.value_or("");
    r.finish();
}

void read(const Json& j, const std::string& p, Health& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "status", out.status);
    field(r, "version", out.version);
    r.finish();
}

void read(const Json& j, const std::string& p, LoginRequest& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "email", out.email);
    field(r, "password", out.password);
    r.finish();
}

void read(const Json& j, const std::string& p, ClientSummary& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "id", out.id);
    field(r, "name", out.name);
    field(r, "email", out.email);
    r.finish();
}

void read(const Json& j, const std::string& p, Session& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "token", out.token);
    field(r, "client", out.client);
    field(r, "expires_in", out.expires_in);
    r.finish();
}

void read(const Json& j, const std::string& p, Profile& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "id", out.id);
    field(r, "name", out.name);
    field(r, "email", out.email);
    field(r, "phone", out.phone);
    field(r, "language", out.language);
    r.finish();
}

void read(const Json& j, const std::string& p, ProfileChanges& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    // null is not "leave unchanged": absent is. A null would be a wrong type.
    if (const Json* v = r.optional("name")) read(*v, r.path_of("name"), out.name.emplace(), st);
    if (const Json* v = r.optional("phone")) read(*v, r.path_of("phone"), out.phone.emplace(), st);
    if (const Json* v = r.optional("language")) {
        read(*v, r.path_of("language"), out.language.emplace(), st);
    }
    r.finish();
}

void read(const Json& j, const std::string& p, PlanSummary& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "id", out.id);
    field(r, "name", out.name);
    field(r, "price", out.price);
    field(r, "cycle", out.cycle);
    r.finish();
}

void read(const Json& j, const std::string& p, ServiceView& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "id", out.id);
    field(r, "name", out.name);
    field(r, "type", out.type);
    field(r, "status", out.status);
    field(r, "domain", out.domain);
    field(r, "plan", out.plan);
    field(r, "period_start", out.period_start);
    field(r, "period_end", out.period_end);
    field(r, "paid_for_period", out.paid_for_period);
    field(r, "next_due_on", out.next_due_on);
    r.finish();
}

void read(const Json& j, const std::string& p, ServiceList& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "services", out.services);
    r.finish();
}

void read(const Json& j, const std::string& p, Credential& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "label", out.label);
    field(r, "host", out.host);
    field(r, "username", out.username);
    field(r, "password", out.password);
    r.finish();
}

void read(const Json& j, const std::string& p, ServiceCredentials& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "service_id", out.service_id);
    field(r, "credentials", out.credentials);
    r.finish();
}

void read(const Json& j, const std::string& p, ServiceAccess& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "service_id", out.service_id);
    field(r, "url", out.url);
    field(r, "label_key", out.label_key);
    r.finish();
}

void read(const Json& j, const std::string& p, Download& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "id", out.id);
    field(r, "name", out.name);
    field(r, "description", out.description);
    field(r, "size_bytes", out.size_bytes);
    field(r, "sha256", out.sha256);
    r.finish();
}

void read(const Json& j, const std::string& p, DownloadList& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "service_id", out.service_id);
    field(r, "downloads", out.downloads);
    r.finish();
}

void read(const Json& j, const std::string& p, QuoteView& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "amount_cents", out.amount.cents);
    field(r, "currency", out.amount.currency);
    field(r, "period_start", out.period_start);
    field(r, "period_end", out.period_end);
    r.finish();
}

void read(const Json& j, const std::string& p, UpgradeOption& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "plan", out.plan);
    field(r, "direction", out.direction);
    field(r, "quote", out.quote);
    r.finish();
}

void read(const Json& j, const std::string& p, UpgradeOptions& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "service_id", out.service_id);
    field(r, "automatic", out.automatic);
    field(r, "options", out.options);
    r.finish();
}

void read(const Json& j, const std::string& p, InvoiceView& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "id", out.id);
    field(r, "service_id", out.service_id);
    field(r, "service_name", out.service_name);
    field(r, "description", out.description);
    field(r, "amount", out.amount);
    field(r, "issued_on", out.issued_on);
    field(r, "due_on", out.due_on);
    field(r, "period_start", out.period_start);
    field(r, "period_end", out.period_end);
    field(r, "status", out.status);
    r.finish();
}

void read(const Json& j, const std::string& p, InvoiceList& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "invoices", out.invoices);
    r.finish();
}

void read(const Json& j, const std::string& p, UpgradeOrderRequest& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "plan_id", out.plan_id);
    r.finish();
}

void read(const Json& j, const std::string& p, UpgradeOrder& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "id", out.id);
    field(r, "service_id", out.service_id);
    field(r, "from_plan_id", out.from_plan_id);
    field(r, "to_plan_id", out.to_plan_id);
    field(r, "direction", out.direction);
    field(r, "amount_due", out.amount_due);
    field(r, "period_start", out.period_start);
    field(r, "period_end", out.period_end);
    r.finish();
}

void read(const Json& j, const std::string& p, UpgradeOrderResult& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "order", out.order);
    field(r, "invoice", out.invoice);  // required, may be null
    r.finish();
}

void read(const Json& j, const std::string& p, UpgradeRequestBody& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "message", out.message);
    r.finish();
}

void read(const Json& j, const std::string& p, UpgradeRequestView& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "id", out.id);
    field(r, "service_id", out.service_id);
    field(r, "message", out.message);
    field(r, "status", out.status);
    field(r, "created_on", out.created_on);
    r.finish();
}

void read(const Json& j, const std::string& p, CancellationRequestBody& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "type", out.type);
    field(r, "reason", out.reason);
    field(r, "email", out.email);
    field(r, "password", out.password);
    r.finish();
}

void read(const Json& j, const std::string& p, CancellationRequestView& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "id", out.id);
    field(r, "service_id", out.service_id);
    field(r, "status", out.status);
    field(r, "type", out.type);
    field(r, "requested_on", out.requested_on);
    field(r, "effective_on", out.effective_on);
    field(r, "invoices_still_due", out.invoices_still_due);
    field(r, "invoices_voided", out.invoices_voided);
    field(r, "refund", out.refund);
    field(r, "backup_kept_years", out.backup_kept_years);
    r.finish();
}

void read(const Json& j, const std::string& p, AutoRenewBody& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "enabled", out.enabled);
    r.finish();
}

void read(const Json& j, const std::string& p, AutoRenewView& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "service_id", out.service_id);
    field(r, "enabled", out.enabled);
    r.finish();
}

void read(const Json& j, const std::string& p, ManualPageRef& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "slug", out.slug);
    field(r, "title", out.title);
    field(r, "service_types", out.service_types);
    r.finish();
}

void read(const Json& j, const std::string& p, ManualChapter& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "title", out.title);
    field(r, "pages", out.pages);
    r.finish();
}

void read(const Json& j, const std::string& p, ManualBook& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "title", out.title);
    field(r, "chapters", out.chapters);
    r.finish();
}

void read(const Json& j, const std::string& p, ManualCatalog& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "books", out.books);
    r.finish();
}

void read(const Json& j, const std::string& p, ManualPageView& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "slug", out.slug);
    field(r, "title", out.title);
    field(r, "book", out.book);
    field(r, "chapter", out.chapter);
    field(r, "body_markdown", out.body_markdown);
    r.finish();
}

void read(const Json& j, const std::string& p, ManualSearchHit& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "slug", out.slug);
    field(r, "title", out.title);
    field(r, "score", out.score);
    field(r, "snippet", out.snippet);
    field(r, "title_matches", out.title_matches);
    field(r, "snippet_matches", out.snippet_matches);
    r.finish();
}

void read(const Json& j, const std::string& p, ManualSearchResults& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "query", out.query);
    field(r, "results", out.results);
    r.finish();
}

void read(const Json& j, const std::string& p, ActivationEstimateView& out, DecodeState& st) {
    ObjectReader r(j, p, st);
    field(r, "service_id", out.service_id);
    field(r, "product", out.product);
    field(r, "min", out.min);
    field(r, "max", out.max);
    field(r, "unit", out.unit);
    field(r, "requirement", out.requirement);
    field(r, "requirements_met_on", out.requirements_met_on);
    field(r, "earliest", out.earliest);
    field(r, "latest", out.latest);
    r.finish();
}

template <class T>
domain::Outcome<T> run_decoder(const Json& j) {
    DecodeState state;
    T value{};
    read(j, "", value, state);
    if (state.error) return *state.error;
    return value;
}

template <class T>
Json optional_json(const std::optional<T>& value) {
    if (!value) return nullptr;
    Json j;
    to_json(j, *value);
    return j;
}

Json optional_date(const std::optional<domain::Date>& date) {
    if (!date) return nullptr;
    return date->iso();
}

}  // namespace

// =============================================================================================
// [SECTION] Encoding
// =============================================================================================

Json money_json(const domain::Money& money) {
    return Json{{"amount_cents", money.cents}, {"currency", money.currency}};
}

void to_json(Json& j, const ApiError& v) {
    Json inner{{"code", v.code}, {"message", v.message}};
    inner["field"] = v.field.empty() ? Json(nullptr) : Json(v.field);
    j = Json{{"error", inner}};
}

void to_json(Json& j, const Health& v) {
    j = Json{{"status", v.status}, {"version", v.version}};
}

void to_json(Json& j, const LoginRequest& v) {
    j = Json{{"email", v.email}, {"password", v.password}};
}

void to_json(Json& j, const ClientSummary& v) {
    j = Json{{"id", v.id}, {"name", v.name}, {"email", v.email}};
}

void to_json(Json& j, const Session& v) {
    j = Json{{"token", v.token}, {"client", v.client}, {"expires_in", v.expires_in}};
}

void to_json(Json& j, const Profile& v) {
    j = Json{{"id", v.id},
             {"name", v.name},
             {"email", v.email},
             {"phone", v.phone},
             {"language", v.language}};
}

void to_json(Json& j, const ProfileChanges& v) {
    j = Json::object();
    if (v.name) j["name"] = *v.name;
    if (v.phone) j["phone"] = *v.phone;
    if (v.language) j["language"] = *v.language;
}

void to_json(Json& j, const PlanSummary& v) {
    j = Json{{"id", v.id},
             {"name", v.name},
             {"price", money_json(v.price)},
             {"cycle", std::string(domain::to_string(v.cycle))}};
}

void to_json(Json& j, const ServiceView& v) {
    j = Json{{"id", v.id},
             {"name", v.name},
             {"type", std::string(domain::to_string(v.type))},
             {"status", std::string(domain::to_string(v.status))},
             {"domain", v.domain},
             {"plan", v.plan},
             {"period_start", v.period_start.iso()},
             {"period_end", v.period_end.iso()},
             {"paid_for_period", money_json(v.paid_for_period)},
             {"next_due_on", v.next_due_on.iso()}};
}

void to_json(Json& j, const ServiceList& v) {
    j = Json{{"services", v.services}};
}

void to_json(Json& j, const Credential& v) {
    j = Json{
        {"label", v.label}, {"host", v.host}, {"username", v.username}, {"password", v.password}};
}

void to_json(Json& j, const ServiceCredentials& v) {
    j = Json{{"service_id", v.service_id}, {"credentials", v.credentials}};
}

void to_json(Json& j, const ServiceAccess& v) {
    j = Json{{"service_id", v.service_id}, {"url", v.url}, {"label_key", v.label_key}};
}

void to_json(Json& j, const Download& v) {
    j = Json{{"id", v.id},
             {"name", v.name},
             {"description", v.description},
             {"size_bytes", v.size_bytes},
             {"sha256", v.sha256}};
}

void to_json(Json& j, const DownloadList& v) {
    j = Json{{"service_id", v.service_id}, {"downloads", v.downloads}};
}

void to_json(Json& j, const QuoteView& v) {
    j = Json{{"amount_cents", v.amount.cents},
             {"currency", v.amount.currency},
             {"period_start", v.period_start.iso()},
             {"period_end", v.period_end.iso()}};
}

void to_json(Json& j, const UpgradeOption& v) {
    j = Json{{"plan", v.plan},
             {"direction", std::string(domain::to_string(v.direction))},
             {"quote", v.quote}};
}

void to_json(Json& j, const UpgradeOptions& v) {
    j = Json{{"service_id", v.service_id}, {"automatic", v.automatic}, {"options", v.options}};
}

void to_json(Json& j, const InvoiceView& v) {
    j = Json{{"id", v.id},
             {"service_id", v.service_id},
             {"service_name", v.service_name},
             {"description", v.description},
             {"amount", money_json(v.amount)},
             {"issued_on", v.issued_on.iso()},
             {"due_on", v.due_on.iso()},
             {"period_start", v.period_start.iso()},
             {"period_end", v.period_end.iso()},
             {"status", std::string(domain::to_string(v.status))}};
}

void to_json(Json& j, const InvoiceList& v) {
    j = Json{{"invoices", v.invoices}};
}

void to_json(Json& j, const UpgradeOrderRequest& v) {
    j = Json{{"plan_id", v.plan_id}};
}

void to_json(Json& j, const UpgradeOrder& v) {
    j = Json{{"id", v.id},
             {"service_id", v.service_id},
             {"from_plan_id", v.from_plan_id},
             {"to_plan_id", v.to_plan_id},
             {"direction", std::string(domain::to_string(v.direction))},
             {"amount_due", money_json(v.amount_due)},
             {"period_start", v.period_start.iso()},
             {"period_end", v.period_end.iso()}};
}

void to_json(Json& j, const UpgradeOrderResult& v) {
    j = Json{{"order", v.order}, {"invoice", optional_json(v.invoice)}};
}

void to_json(Json& j, const UpgradeRequestBody& v) {
    j = Json{{"message", v.message}};
}

void to_json(Json& j, const UpgradeRequestView& v) {
    j = Json{{"id", v.id},
             {"service_id", v.service_id},
             {"message", v.message},
             {"status", v.status},
             {"created_on", v.created_on.iso()}};
}

void to_json(Json& j, const CancellationRequestBody& v) {
    j = Json{{"type", std::string(domain::to_string(v.type))},
             {"reason", v.reason},
             {"email", v.email},
             {"password", v.password}};
}

void to_json(Json& j, const CancellationRequestView& v) {
    j = Json{{"id", v.id},
             {"service_id", v.service_id},
             {"status", v.status},
             {"type", std::string(domain::to_string(v.type))},
             {"requested_on", v.requested_on.iso()},
             {"effective_on", v.effective_on.iso()},
             {"invoices_still_due", v.invoices_still_due},
             {"invoices_voided", v.invoices_voided},
             {"refund", v.refund},
             {"backup_kept_years", v.backup_kept_years}};
}

void to_json(Json& j, const AutoRenewBody& v) {
    j = Json{{"enabled", v.enabled}};
}

void to_json(Json& j, const AutoRenewView& v) {
    j = Json{{"service_id", v.service_id}, {"enabled", v.enabled}};
}

void to_json(Json& j, const ManualPageRef& v) {
    j = Json{{"slug", v.slug}, {"title", v.title}, {"service_types", v.service_types}};
}

void to_json(Json& j, const ManualChapter& v) {
    j = Json{{"title", v.title}, {"pages", v.pages}};
}

void to_json(Json& j, const ManualBook& v) {
    j = Json{{"title", v.title}, {"chapters", v.chapters}};
}

void to_json(Json& j, const ManualCatalog& v) {
    j = Json{{"books", v.books}};
}

void to_json(Json& j, const ManualPageView& v) {
    j = Json{{"slug", v.slug},
             {"title", v.title},
             {"book", v.book},
             {"chapter", v.chapter},
             {"body_markdown", v.body_markdown}};
}

void to_json(Json& j, const ManualSearchHit& v) {
    j = Json{{"slug", v.slug},
             {"title", v.title},
             {"score", v.score},
             {"snippet", v.snippet},
             {"title_matches", v.title_matches},
             {"snippet_matches", v.snippet_matches}};
}

void to_json(Json& j, const ManualSearchResults& v) {
    j = Json{{"query", v.query}, {"results", v.results}};
}

void to_json(Json& j, const ActivationEstimateView& v) {
    j = Json{{"service_id", v.service_id},
             {"product", std::string(domain::to_string(v.product))},
             {"min", v.min},
             {"max", v.max},
             {"unit", std::string(domain::to_string(v.unit))},
             {"requirement", v.requirement},
             {"requirements_met_on", optional_date(v.requirements_met_on)},
             {"earliest", optional_date(v.earliest)},
             {"latest", optional_date(v.latest)}};
}

// =============================================================================================
// [SECTION] Decoding entry points
// =============================================================================================

ApiError to_api_error(const domain::DomainError& error) {
    ApiError api{error.code, error.message, ""};
    auto colon = error.message.find(": ");
    if (colon != std::string::npos) {
        api.field = error.message.substr(0, colon);
        api.message = api.field.empty() ? error.message.substr(colon + 2) : error.message;
    }
    return api;
}

#define PORTAL_API_DEFINE_DECODER(T)                    \
    template <>                                         \
    domain::Outcome<T> decode_value<T>(const Json& j) { \
        return run_decoder<T>(j);                       \
    }

PORTAL_API_DEFINE_DECODER(ApiError)
PORTAL_API_DEFINE_DECODER(Health)
PORTAL_API_DEFINE_DECODER(LoginRequest)
PORTAL_API_DEFINE_DECODER(ClientSummary)
PORTAL_API_DEFINE_DECODER(Session)
PORTAL_API_DEFINE_DECODER(Profile)
PORTAL_API_DEFINE_DECODER(ProfileChanges)
PORTAL_API_DEFINE_DECODER(PlanSummary)
PORTAL_API_DEFINE_DECODER(ServiceView)
PORTAL_API_DEFINE_DECODER(ServiceList)
PORTAL_API_DEFINE_DECODER(Credential)
PORTAL_API_DEFINE_DECODER(ServiceCredentials)
PORTAL_API_DEFINE_DECODER(ServiceAccess)
PORTAL_API_DEFINE_DECODER(Download)
PORTAL_API_DEFINE_DECODER(DownloadList)
PORTAL_API_DEFINE_DECODER(UpgradeOptions)
PORTAL_API_DEFINE_DECODER(InvoiceView)
PORTAL_API_DEFINE_DECODER(InvoiceList)
PORTAL_API_DEFINE_DECODER(UpgradeOrderRequest)
PORTAL_API_DEFINE_DECODER(UpgradeOrderResult)
PORTAL_API_DEFINE_DECODER(UpgradeRequestBody)
PORTAL_API_DEFINE_DECODER(UpgradeRequestView)
PORTAL_API_DEFINE_DECODER(CancellationRequestBody)
PORTAL_API_DEFINE_DECODER(CancellationRequestView)
PORTAL_API_DEFINE_DECODER(AutoRenewBody)
PORTAL_API_DEFINE_DECODER(AutoRenewView)
PORTAL_API_DEFINE_DECODER(ManualCatalog)
PORTAL_API_DEFINE_DECODER(ManualPageView)
PORTAL_API_DEFINE_DECODER(ManualSearchResults)
PORTAL_API_DEFINE_DECODER(ActivationEstimateView)

#undef PORTAL_API_DEFINE_DECODER

}  // namespace portal::api
