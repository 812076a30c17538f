// What the backend keeps, beyond the domain's own types (Service, Plan, Invoice): the rows of the
// Store. Plain data; both stores (memory, SQLite) hold exactly these. Each struct's `fields`
// (domain/record_fields.h) names its members once, for every store: adding a field is one line in
// the struct, one in its `fields`, plus a migration (server-stub/sqlite/sqlite_migrations.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/cancellation_policy.h"
#include "domain/date.h"
#include "domain/money.h"
#include "domain/record_fields.h"
#include "domain/upgrade_quote.h"

namespace portal::backend {

using domain::FieldsOf;

struct ClientRecord {
    int64_t id = 0;
    std::string email;  // lower case; one email per client (RULES.md §10)
    std::string name;
    std::string phone;
    std::string language = "es";
    std::string password_hash;
    int failed_logins = 0;     // consecutive, reset by a successful login
    int64_t locked_until = 0;  // unix seconds; 0 = not locked
};
template <class V, FieldsOf<ClientRecord> S>
void fields(V& v, S& r) {
    v("id", r.id), v("email", r.email), v("name", r.name), v("phone", r.phone);
    v("language", r.language), v("password_hash", r.password_hash);
    v("failed_logins", r.failed_logins), v("locked_until", r.locked_until);
}

// Only a digest of the token is kept, so a copy of the database does not hand out sessions.
struct SessionRecord {
    std::string token_digest;  // sha256 hex of the bearer token
    int64_t client_id = 0;
    int64_t expires_at = 0;  // unix seconds
};
template <class V, FieldsOf<SessionRecord> S>
void fields(V& v, S& r) {
    v("token_digest", r.token_digest), v("client_id", r.client_id), v("expires_at", r.expires_at);
}

struct CredentialRecord {
    int64_t id = 0, service_id = 0;  // the row, the service it opens
    std::string label;
    std::string host;
    std::string username;
    std::string password;  // shown to the client by design (RULES.md §1 "access credentials")
};
template <class V, FieldsOf<CredentialRecord> S>
void fields(V& v, S& r) {
    v("id", r.id), v("service_id", r.service_id), v("label", r.label), v("host", r.host);
    v("username", r.username), v("password", r.password);
}

// A file a plan includes. Either small inline text or bytes generated from a seed
// (download_content.h), so big demo files never live in git or in the database.
struct DownloadRecord {
    int64_t id = 0;
    std::string name;  // file name
    std::string description;
    std::string content_type = "application/octet-stream";
    int64_t size_bytes = 0;
    std::string sha256;
    std::string inline_content;  // used when seed == 0
    uint64_t seed = 0;
};
template <class V, FieldsOf<DownloadRecord> S>
void fields(V& v, S& r) {
    v("id", r.id), v("name", r.name), v("description", r.description);
    v("content_type", r.content_type), v("size_bytes", r.size_bytes), v("sha256", r.sha256);
    v("inline_content", r.inline_content), v("seed", r.seed);
}

struct UpgradeOrderRecord {
    int64_t id = 0, client_id = 0, service_id = 0;  // the row, its owner, the service it is about
    std::string from_plan_id;
    std::string to_plan_id;
    domain::PlanChange direction = domain::PlanChange::up;
    domain::Money amount_due;
    domain::Date period_start;
    domain::Date period_end;
    std::optional<int64_t> invoice_id;
    int64_t created_at = 0;
};
template <class V, FieldsOf<UpgradeOrderRecord> S>
void fields(V& v, S& r) {
    v("id", r.id), v("client_id", r.client_id), v("service_id", r.service_id);
    v("from_plan_id", r.from_plan_id), v("to_plan_id", r.to_plan_id);
    v("direction", r.direction), v("amount_due", r.amount_due);
    v("period_start", r.period_start), v("period_end", r.period_end);
    v("invoice_id", r.invoice_id), v("created_at", r.created_at);
}

struct UpgradeRequestRecord {
    int64_t id = 0, client_id = 0, service_id = 0;  // the row, its owner, the service it is about
    std::string message;
    domain::Date created_on;
};
template <class V, FieldsOf<UpgradeRequestRecord> S>
void fields(V& v, S& r) {
    v("id", r.id), v("client_id", r.client_id), v("service_id", r.service_id);
    v("message", r.message), v("created_on", r.created_on);
}

struct CancellationRecord {
    int64_t id = 0, client_id = 0, service_id = 0;  // the row, its owner, the service it is about
    domain::CancellationKind kind = domain::CancellationKind::end_of_period;
    std::string reason;
    domain::Date requested_on;
    domain::Date effective_on;
    bool withdrawn = false;
    std::string invoices_still_due;  // comma-separated invoice ids, as computed when requested
    // Unpaid invoices of periods not yet started, cancelled by this request (restored to unpaid
    // if it is withdrawn); comma-separated ids.
    std::string invoices_voided;
};
template <class V, FieldsOf<CancellationRecord> S>
void fields(V& v, S& r) {
    v("id", r.id), v("client_id", r.client_id), v("service_id", r.service_id);
    v("kind", r.kind), v("reason", r.reason), v("requested_on", r.requested_on);
    v("effective_on", r.effective_on), v("withdrawn", r.withdrawn);
    v("invoices_still_due", r.invoices_still_due), v("invoices_voided", r.invoices_voided);
}

// The first answer given to a mutation with an Idempotency-Key, replayed on retries.
struct IdempotentAnswer {
    int64_t client_id = 0;
    std::string key;
    std::string fingerprint;  // method, path and body digest of the first request
    int status = 0;
    std::string body;
    std::string location;  // Location header, if any
};
template <class V, FieldsOf<IdempotentAnswer> S>
void fields(V& v, S& r) {
    v("client_id", r.client_id), v("key", r.key), v("fingerprint", r.fingerprint);
    v("status", r.status), v("body", r.body), v("location", r.location);
}

}  // namespace portal::backend
