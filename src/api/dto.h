// The REST contract's data (api/openapi.yaml is the reference): what travels between the page
// and the backend, in the client's words. Plain structs, each followed by its `fields` (usually
// PORTAL_FIELDS, domain/record_fields.h): every field once, with its JSON name (and its Presence
// when not simply required). json_codec.h derives the JSON encoding and the strict decoding from
// those declarations alone.
//
// Domain types (Money, Date, ServiceType, ...) are used directly, so the page never handles a
// price or a date as loose text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/dto_account.h"
#include "api/dto_manuals.h"
#include "api/dto_remote_support.h"
#include "api/dto_status.h"
#include "api/dto_tickets.h"
#include "api/field_presence.h"
#include "domain/activation_estimate.h"
#include "domain/billing_cycle.h"
#include "domain/calendar.h"
#include "domain/cancellation_policy.h"
#include "domain/date.h"
#include "domain/invoice.h"
#include "domain/money.h"
#include "domain/plan_change.h"
#include "domain/record_fields.h"
#include "domain/service.h"
#include "domain/upgrade_quote.h"

namespace portal::api {

using domain::FieldsOf;

// Money is {"amount_cents","currency"}: nested under its own name, or flattened next to other
// fields by calling this from theirs (QuoteView).
void fields(auto& v, FieldsOf<domain::Money> auto& x) {
    v("amount_cents", x.cents);
    v("currency", x.currency);
}

// Every error answer: {"error":{"code","message","field"}}. `code` is what the page translates;
// `message` is English for developers; `field` names the offending input, or is empty. A rule
// with several conditions names every unmet one in `conditions` (left out otherwise).
struct ApiError {
    std::string code;
    std::string message;
    std::string field;
    std::optional<std::vector<std::string>> conditions = std::nullopt;
    bool operator==(const ApiError&) const = default;
};
void fields(auto& v, FieldsOf<ApiError> auto& x) {
    v.object("error", [&](auto& error) {
        error("code", x.code);
        error("message", x.message);
        error("field", x.field, Presence::null_if_empty);
        error("conditions", x.conditions, Presence::omitted_if_empty);
    });
}

struct Health {
    std::string status;  // "ok"
    std::string version;
};
PORTAL_FIELDS(Health, status, version);

// POST /session
struct LoginRequest {
    std::string email;     // the holder's or an accepted contact's; trimmed, any case
    std::string password;  // an unknown email and a wrong password get the same 401, as slowly
};
PORTAL_FIELDS(LoginRequest, email, password);

struct ClientSummary {
    int64_t id = 0;
    std::string name;
    std::string email;
    std::string language;  // the client's saved language, "es" or "en": the page's after sign-in
};
PORTAL_FIELDS(ClientSummary, id, name, email, language);

struct Session {
    std::string token;
    ClientSummary client;
    int64_t expires_in = 0;             // seconds from now
    std::optional<ActingAs> acting_as;  // null: the holder signed in
};
PORTAL_FIELDS(Session, token, client, expires_in, acting_as);

// GET /me
struct Profile {
    int64_t id = 0;
    std::string name;
    std::string email;
    std::string phone;     // for WhatsApp alerts (RULES.md §10); may be empty
    std::string language;  // "es" or "en"
    std::string company;
    std::string address;
    domain::SupportPlan support_plan = domain::SupportPlan::standard;  // RULES.md §8
    std::optional<ActingAs> acting_as;                                 // null: the holder signed in
};
PORTAL_FIELDS(Profile, id, name, email, phone, language, company, address, support_plan, acting_as);

// PATCH /me: only the fields present change.
struct ProfileChanges {
    std::optional<std::string> name;
    std::optional<std::string> phone;
    std::optional<std::string> language;
    std::optional<std::string> company;
    std::optional<std::string> address;
};
PORTAL_CHANGES_FIELDS(ProfileChanges, name, phone, language, company, address);

struct PlanSummary {
    std::string id;
    std::string name;
    domain::Money price;  // for one whole cycle
    domain::BillingCycle cycle = domain::BillingCycle::monthly;
};
PORTAL_FIELDS(PlanSummary, id, name, price, cycle);

// The open plan change of a service: an upgrade awaiting its payment or a scheduled downgrade.
struct PendingPlanChange {
    int64_t order_id = 0;
    std::string to_plan_id;
    std::string to_plan_name;  // what the client reads: «Cambio a Radio 64 programado…»
    domain::PlanChange direction = domain::PlanChange::up;
    domain::OrderStatus status = domain::OrderStatus::awaiting_payment;
    std::optional<domain::Date> effective_on;  // first day on the new plan; null until paid
    std::optional<int64_t> invoice_id;         // the upgrade's invoice; null for a downgrade
};
PORTAL_FIELDS(PendingPlanChange, order_id, to_plan_id, to_plan_name, direction, status,
              effective_on, invoice_id);

// A service's latest cancellation request that is not withdrawn: scheduled until effective_on
// (the last day of service), effective from the day after.
struct ServiceCancellation {
    int64_t id = 0;
    domain::CancellationKind type = domain::CancellationKind::end_of_period;
    std::string status;  // "scheduled" or "effective"
    domain::Date effective_on;
};
PORTAL_FIELDS(ServiceCancellation, id, type, status, effective_on);

// GET /services/{id}, and each element of GET /services.
// GET /services/{id}/activation-estimate, and in each pending service of the list (RULES.md §5)
struct ActivationEstimateView {
    int64_t service_id = 0;
    domain::ServiceType product = domain::ServiceType::hosting;
    int min = 0;
    int max = 0;
    domain::DelayUnit unit = domain::DelayUnit::minutes;
    std::string requirement;  // "payment_credited", "domain_delegated", ...
    std::optional<domain::Date> requirements_met_on;
    std::optional<domain::Date> earliest;
    std::optional<domain::Date> latest;
    std::vector<domain::Holiday> skipped_holidays;  // weekday holidays the count skipped
};
PORTAL_FIELDS(ActivationEstimateView, service_id, product, min, max, unit, requirement,
              requirements_met_on, earliest, latest, skipped_holidays);

struct ServiceView {
    int64_t id = 0;
    std::string name;
    domain::ServiceType type = domain::ServiceType::hosting;
    domain::ServiceStatus status = domain::ServiceStatus::active;
    std::string domain;
    PlanSummary plan;
    domain::Date period_start;
    domain::Date period_end;
    domain::Money paid_for_period;  // the sum of the paid invoices of this period (RULES.md §3)
    domain::Date next_due_on;
    std::optional<PendingPlanChange> pending_plan_change;  // null when none is open
    std::optional<domain::AppPlatform> platform;           // app services: "android" or "ios"
    std::optional<ServiceCancellation> cancellation;       // null when none is requested
    // A pending service's: when it should be active. In the list itself, so that a client with
    // many pending services does not ask for each estimate apart. Left out for any other.
    std::optional<ActivationEstimateView> activation_estimate;
};
PORTAL_FIELDS(ServiceView, id, name, type, status, domain, plan, period_start, period_end,
              paid_for_period, next_due_on, pending_plan_change, platform, cancellation,
              activation_estimate);
PORTAL_PRESENCE(ServiceView, omitted_if_empty, activation_estimate);

struct ServiceList {
    std::vector<ServiceView> services;
};
PORTAL_FIELDS(ServiceList, services);

// GET /services/{id}/credentials
struct Credential {
    std::string label;  // what the user/password is for: "cPanel", "FTP", "Mailbox admin"
    std::string host;
    std::string username;
    std::string password;
};
PORTAL_FIELDS(Credential, label, host, username, password);

struct ServiceCredentials {
    int64_t service_id = 0;
    std::vector<Credential> credentials;
};
PORTAL_FIELDS(ServiceCredentials, service_id, credentials);

// GET /services/{id}/access: the button to the service's own control panel (RULES.md §1).
struct ServiceAccess {
    int64_t service_id = 0;
    std::string url;
    std::string label_key;  // translated by the page, e.g. "access.hosting_panel"
};
PORTAL_FIELDS(ServiceAccess, service_id, url, label_key);

// GET /services/{id}/downloads
struct Download {
    int64_t id = 0;
    std::string name;  // also the file name offered when saving
    std::string description;
    int64_t size_bytes = 0;
    std::string sha256;  // lowercase hex of the whole file
};
PORTAL_FIELDS(Download, id, name, description, size_bytes, sha256);

struct DownloadList {
    int64_t service_id = 0;
    std::vector<Download> downloads;
};
PORTAL_FIELDS(DownloadList, service_id, downloads);

// GET /services/{id}/upgrade-options
struct QuoteView {
    domain::Money amount;  // what the client pays now; JSON flattens it next to the period
    domain::Date period_start;
    domain::Date period_end;
    bool operator==(const QuoteView&) const = default;
};
void fields(auto& v, FieldsOf<QuoteView> auto& x) {
    fields(v, x.amount);
    v("period_start", x.period_start);
    v("period_end", x.period_end);
}

struct UpgradeOption {
    PlanSummary plan;
    domain::PlanChange direction = domain::PlanChange::up;
    QuoteView quote;
};
PORTAL_FIELDS(UpgradeOption, plan, direction, quote);

struct UpgradeOptions {
    int64_t service_id = 0;
    // False: the systems cannot change this package automatically (RULES.md §3); the client
    // asks the account executive through POST /services/{id}/upgrade-requests instead.
    bool automatic = false;
    std::vector<UpgradeOption> options;
};
PORTAL_FIELDS(UpgradeOptions, service_id, automatic, options);

// One line of an invoice; the lines add up to the invoice's amount. A credit (what was already
// paid for the period a plan change replaces) is a negative line.
struct InvoiceLine {
    std::string description;
    domain::Money amount;
};
PORTAL_FIELDS(InvoiceLine, description, amount);

// A payment of an invoice. `test` is true for the sandbox: no money moved.
struct PaymentView {
    int64_t id = 0;
    int64_t invoice_id = 0;
    domain::PaymentMethod method = domain::PaymentMethod::sandbox;
    domain::Money amount;
    domain::Date paid_on;
    std::string reference;  // the payment gateway's own id for it
    bool test = true;
};
PORTAL_FIELDS(PaymentView, id, invoice_id, method, amount, paid_on, reference, test);

// GET /invoices, GET /invoices/{id} (and the invoice of an upgrade order)
struct InvoiceView {
    int64_t id = 0;
    int64_t service_id = 0;
    std::string service_name;
    std::string description;
    domain::Money amount;
    domain::Date issued_on;
    domain::Date due_on;
    domain::Date period_start;
    domain::Date period_end;
    domain::InvoiceStatus status = domain::InvoiceStatus::unpaid;
    domain::InvoiceKind kind = domain::InvoiceKind::period;
    std::vector<InvoiceLine> lines;
    std::vector<PaymentView> payments;
    std::optional<int64_t> order_id;  // the plan change it pays for, if any
};
PORTAL_FIELDS(InvoiceView, id, service_id, service_name, description, amount, issued_on, due_on,
              period_start, period_end, status, kind, lines, payments, order_id);

struct InvoiceList {
    std::vector<InvoiceView> invoices;
};
PORTAL_FIELDS(InvoiceList, invoices);

// POST /services/{id}/upgrade-orders
struct UpgradeOrderRequest {
    std::string plan_id;
};
PORTAL_FIELDS(UpgradeOrderRequest, plan_id);

struct UpgradeOrder {
    int64_t id = 0;
    int64_t service_id = 0;
    std::string from_plan_id;
    std::string to_plan_id;
    domain::PlanChange direction = domain::PlanChange::up;
    domain::Money amount_due;
    domain::Date period_start;  // the new plan's period if it were enabled on the order's day
    domain::Date period_end;
    domain::OrderStatus status = domain::OrderStatus::awaiting_payment;
    std::optional<domain::Date> effective_on;  // first day on the new plan; null until paid
    std::optional<int64_t> invoice_id;         // null when nothing is to pay
    std::optional<domain::Date> expires_on;    // last day to pay an awaiting order; else null
};
PORTAL_FIELDS(UpgradeOrder, id, service_id, from_plan_id, to_plan_id, direction, amount_due,
              period_start, period_end, status, effective_on, invoice_id, expires_on);

// The order and the invoice it generated; a downgrade or a quote of 0 has no invoice.
struct UpgradeOrderResult {
    UpgradeOrder order;
    std::optional<InvoiceView> invoice;
};
PORTAL_FIELDS(UpgradeOrderResult, order, invoice);

// POST /invoices/{id}/payments
struct PaymentRequest {
    domain::PaymentMethod method = domain::PaymentMethod::sandbox;
};
PORTAL_FIELDS(PaymentRequest, method);

// The payment and the invoice it paid, as it stands after it.
struct PaymentResult {
    PaymentView payment;
    InvoiceView invoice;
};
PORTAL_FIELDS(PaymentResult, payment, invoice);

// POST /services/{id}/upgrade-requests (when no automatic upgrade exists): answered with the
// upgrade_request ticket it opens (dto_tickets.h).
struct UpgradeRequestBody {
    std::string message;
};
PORTAL_FIELDS(UpgradeRequestBody, message);

// POST /services/{id}/cancellation-requests: email and password are asked again (RULES.md §4).
struct CancellationRequestBody {
    domain::CancellationKind type = domain::CancellationKind::end_of_period;
    std::string reason;    // optional, up to 4,000 characters
    std::string email;     // must be the holder's; a wrong pair is a 403 and counts toward
    std::string password;  // sign-in's lock, so this route cannot be used to guess passwords
};
PORTAL_FIELDS(CancellationRequestBody, type, reason, email, password);

struct CancellationRequestView {
    int64_t id = 0;
    int64_t service_id = 0;
    std::string status;  // "scheduled", "withdrawn", "effective"
    domain::CancellationKind type = domain::CancellationKind::end_of_period;
    domain::Date requested_on;
    domain::Date effective_on;
    std::vector<int64_t> invoices_still_due;  // ids of invoices the client must still pay
    bool refund = false;                      // never: nothing paid is refunded
    int backup_kept_years = domain::kBackupKeptYears;
};
PORTAL_FIELDS(CancellationRequestView, id, service_id, status, type, requested_on, effective_on,
              invoices_still_due, refund, backup_kept_years);

// PUT /services/{id}/auto-renew
struct AutoRenewBody {
    bool enabled = true;
};
PORTAL_FIELDS(AutoRenewBody, enabled);

struct AutoRenewView {
    int64_t service_id = 0;
    bool enabled = true;
};
PORTAL_FIELDS(AutoRenewView, service_id, enabled);

// GET /calendar/holidays?year=YYYY (no session): the year's holidays and non-working days.
struct HolidayList {
    int year = 0;
    std::vector<domain::Holiday> holidays;
};
PORTAL_FIELDS(HolidayList, year, holidays);

}  // namespace portal::api
