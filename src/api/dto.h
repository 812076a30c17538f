// The REST contract's data (api/openapi.yaml is the reference): what travels between the page
// and the backend, in the client's words. Plain structs; the JSON shape lives in json_codec.h.
//
// Domain types (Money, Date, ServiceType, ...) are used directly, so the page never handles a
// price or a date as loose text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/activation_estimate.h"
#include "domain/billing_cycle.h"
#include "domain/cancellation_policy.h"
#include "domain/date.h"
#include "domain/invoice.h"
#include "domain/money.h"
#include "domain/service.h"
#include "domain/upgrade_quote.h"

namespace portal::api {

// Every error answer: {"error":{"code","message","field"}}. `code` is what the page translates;
// `message` is English for developers; `field` names the offending input, or is empty.
struct ApiError {
    std::string code;
    std::string message;
    std::string field;
};

struct Health {
    std::string status;  // "ok"
    std::string version;
};

// POST /session
struct LoginRequest {
    std::string email;
    std::string password;
};

struct ClientSummary {
    int64_t id = 0;
    std::string name;
    std::string email;
};

struct Session {
    std::string token;
    ClientSummary client;
    int64_t expires_in = 0;  // seconds from now
};

// GET /me
struct Profile {
    int64_t id = 0;
    std::string name;
    std::string email;
    std::string phone;     // for WhatsApp alerts (RULES.md §10); may be empty
    std::string language;  // "es" or "en"
};

// PATCH /me: only the fields present change.
struct ProfileChanges {
    std::optional<std::string> name;
    std::optional<std::string> phone;
    std::optional<std::string> language;
};

struct PlanSummary {
    std::string id;
    std::string name;
    domain::Money price;  // for one whole cycle
    domain::BillingCycle cycle = domain::BillingCycle::monthly;
};

// GET /services/{id}, and each element of GET /services.
struct ServiceView {
    int64_t id = 0;
    std::string name;
    domain::ServiceType type = domain::ServiceType::hosting;
    domain::ServiceStatus status = domain::ServiceStatus::active;
    std::string domain;
    PlanSummary plan;
    domain::Date period_start;
    domain::Date period_end;
    domain::Money paid_for_period;
    domain::Date next_due_on;
};

struct ServiceList {
    std::vector<ServiceView> services;
};

// GET /services/{id}/credentials
struct Credential {
    std::string label;  // what the user/password is for: "cPanel", "FTP", "Mailbox admin"
    std::string host;
    std::string username;
    std::string password;
};

struct ServiceCredentials {
    int64_t service_id = 0;
    std::vector<Credential> credentials;
};

// GET /services/{id}/access: the button to the service's own control panel (RULES.md §1).
struct ServiceAccess {
    int64_t service_id = 0;
    std::string url;
    std::string label_key;  // translated by the page, e.g. "access.hosting_panel"
};

// GET /services/{id}/downloads
struct Download {
    int64_t id = 0;
    std::string name;  // also the file name offered when saving
    std::string description;
    int64_t size_bytes = 0;
    std::string sha256;  // lowercase hex of the whole file
};

struct DownloadList {
    int64_t service_id = 0;
    std::vector<Download> downloads;
};

// GET /services/{id}/upgrade-options
struct QuoteView {
    domain::Money amount;  // what the client pays now; JSON flattens it next to the period
    domain::Date period_start;
    domain::Date period_end;
};

struct UpgradeOption {
    PlanSummary plan;
    domain::PlanChange direction = domain::PlanChange::up;
    QuoteView quote;
};

struct UpgradeOptions {
    int64_t service_id = 0;
    // False: the systems cannot change this package automatically (RULES.md §3); the client
    // asks the account executive through POST /services/{id}/upgrade-requests instead.
    bool automatic = false;
    std::vector<UpgradeOption> options;
};

// GET /invoices (and the invoice of an upgrade order)
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
};

struct InvoiceList {
    std::vector<InvoiceView> invoices;
};

// POST /services/{id}/upgrade-orders
struct UpgradeOrderRequest {
    std::string plan_id;
};

struct UpgradeOrder {
    int64_t id = 0;
    int64_t service_id = 0;
    std::string from_plan_id;
    std::string to_plan_id;
    domain::PlanChange direction = domain::PlanChange::up;
    domain::Money amount_due;
    domain::Date period_start;
    domain::Date period_end;
};

// The order and the invoice it generated; a downgrade costs nothing and has no invoice.
struct UpgradeOrderResult {
    UpgradeOrder order;
    std::optional<InvoiceView> invoice;
};

// POST /services/{id}/upgrade-requests (when no automatic upgrade exists)
struct UpgradeRequestBody {
    std::string message;
};

struct UpgradeRequestView {
    int64_t id = 0;
    int64_t service_id = 0;
    std::string message;
    std::string status;  // "received"
    domain::Date created_on;
};

// POST /services/{id}/cancellation-requests: email and password are asked again (RULES.md §4).
struct CancellationRequestBody {
    domain::CancellationKind type = domain::CancellationKind::end_of_period;
    std::string reason;
    std::string email;
    std::string password;
};

struct CancellationRequestView {
    int64_t id = 0;
    int64_t service_id = 0;
    std::string status;  // "scheduled", "withdrawn", "effective"
    domain::CancellationKind type = domain::CancellationKind::end_of_period;
    domain::Date requested_on;
    domain::Date effective_on;
    std::vector<int64_t> invoices_still_due;  // ids of invoices the client must still pay
    std::vector<int64_t> invoices_voided;     // advance invoices no longer owed (cancelled)
    bool refund = false;                      // never: nothing paid is refunded
    int backup_kept_years = domain::kBackupKeptYears;
};

// PUT /services/{id}/auto-renew
struct AutoRenewBody {
    bool enabled = true;
};

struct AutoRenewView {
    int64_t service_id = 0;
    bool enabled = true;
};

// GET /manuals
struct ManualPageRef {
    std::string slug;
    std::string title;
    // The service types whose own manual this page is (RULES.md §1: "its own MANUAL"); usually
    // empty.
    std::vector<std::string> service_types;
};

struct ManualChapter {
    std::string title;
    std::vector<ManualPageRef> pages;
};

struct ManualBook {
    std::string title;
    std::vector<ManualChapter> chapters;
};

struct ManualCatalog {
    std::vector<ManualBook> books;
};

// GET /manuals/{slug}
struct ManualPageView {
    std::string slug;
    std::string title;
    std::string book;
    std::string chapter;
    std::string body_markdown;
};

// GET /manuals?q=
struct ManualSearchHit {
    std::string slug;
    std::string title;
    double score = 0;
    std::string snippet;
    // Byte ranges [first, second) into title / snippet, for highlighting.
    std::vector<std::pair<int64_t, int64_t>> title_matches;
    std::vector<std::pair<int64_t, int64_t>> snippet_matches;
};

struct ManualSearchResults {
    std::string query;
    std::vector<ManualSearchHit> results;
};

// GET /services/{id}/activation-estimate (RULES.md §5)
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
};

}  // namespace portal::api
