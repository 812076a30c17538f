// What the backend keeps, beyond the domain's own types (Service, Plan, Invoice): the rows of the
// Store. Plain data; both stores (memory, SQLite) hold exactly these. Each struct's PORTAL_FIELDS
// (domain/record_fields.h) names its members once, for every store: adding a field is one line in
// the struct, one name in its PORTAL_FIELDS, plus a migration
// (server-stub/sqlite/sqlite_migrations.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/cancellation_policy.h"
#include "domain/date.h"
#include "domain/invoice.h"
#include "domain/money.h"
#include "domain/plan_change.h"
#include "domain/record_fields.h"
#include "domain/server_status.h"
#include "domain/support_clock.h"
#include "domain/ticket_attachment.h"
#include "domain/upgrade_quote.h"

namespace portal::backend {

struct ClientRecord {
    int64_t id = 0;
    std::string email;  // lower case; one email per client (RULES.md §10)
    std::string name;
    std::string phone;
    std::string language = "es";
    std::string password_hash;
    domain::SupportPlan support_plan = domain::SupportPlan::standard;  // RULES.md §8
    std::string company;
    std::string address;
    std::string alerts_off;  // the alerts turned off, "event:channel,..." (domain/account.h)
};
PORTAL_FIELDS(ClientRecord, id, email, name, phone, language, password_hash, support_plan, company,
              address, alerts_off);

// A secondary contact: someone the holder lets into the account with chosen permissions
// (RULES.md §10). Its email is unique among clients and contacts alike. Of its invitation, as of
// a session, only a digest is kept: a copy of the database hands out no way in.
struct ContactRecord {
    int64_t id = 0, client_id = 0;  // the row, the account it acts for
    std::string name;
    std::string email;  // lower case
    std::string phone;
    std::string permissions;        // names joined by commas (domain/account.h)
    std::string password_hash;      // empty until the invitation is accepted
    std::string invitation_digest;  // sha256 hex of the invitation's token
    int64_t invited_at = 0;         // unix seconds
    int64_t accepted_at = 0;        // unix seconds; 0 = not yet
};
PORTAL_FIELDS(ContactRecord, id, client_id, name, email, phone, permissions, password_hash,
              invitation_digest, invited_at, accepted_at);

// A message the account was sent (the outbox): an alert on one channel, or an invitation.
// `event` is an AlertEvent's name or "contact_invited".
struct NotificationRecord {
    int64_t id = 0, client_id = 0;  // the row, the account it belongs to
    std::string event;
    std::string channel;    // "email" or "whatsapp"
    std::string recipient;  // the address or number it went to
    std::string text;
    std::string link;     // where it points in the panel, or empty
    int64_t sent_at = 0;  // unix seconds
};
PORTAL_FIELDS(NotificationRecord, id, client_id, event, channel, recipient, text, link, sent_at);

// The failed passwords given for one email string, whether an account has it or not, so the
// lockout answers alike for every email (password_check.h). Keyed by an HMAC of the email, so
// what people typed there (sometimes a password) is not kept. Deleted once it expires.
struct SignInLock {
    std::string account_key;   // HMAC-SHA256 hex of the lower-case email, under the secret
    int failed_logins = 0;     // consecutive, including checks still running; reset by a success
    int64_t locked_until = 0;  // unix seconds; 0 = not locked
    int64_t expires_at = 0;    // unix seconds: the lock's end, or lock time after the last failure
};
PORTAL_FIELDS(SignInLock, account_key, failed_logins, locked_until, expires_at);

// A value the server keeps for itself, such as the secret its fingerprints are keyed with.
struct Setting {
    std::string name;
    std::string value;
};
PORTAL_FIELDS(Setting, name, value);

// Only a digest of the token is kept, so a copy of the database does not hand out sessions.
struct SessionRecord {
    std::string token_digest;  // sha256 hex of the bearer token
    int64_t client_id = 0;
    int64_t expires_at = 0;  // unix seconds
    int64_t contact_id = 0;  // the secondary contact signed in; 0 = the holder
};
PORTAL_FIELDS(SessionRecord, token_digest, client_id, expires_at, contact_id);

struct CredentialRecord {
    int64_t id = 0, service_id = 0;  // the row, the service it opens
    std::string label;
    std::string host;
    std::string username;
    std::string password;  // shown to the client by design (RULES.md §1 "access credentials")
};
PORTAL_FIELDS(CredentialRecord, id, service_id, label, host, username, password);

// A file a plan includes. Either small inline text or bytes generated from a seed
// (download_content.h), so big demo files never live in git or in the database.
struct DownloadRecord {
    int64_t id = 0;
    std::string name;            // file name
    std::string description;     // in Spanish, the company's language
    std::string description_en;  // the same description in English
    std::string content_type = "application/octet-stream";
    int64_t size_bytes = 0;
    std::string sha256;
    std::string inline_content;  // used when seed == 0
    uint64_t seed = 0;
};
PORTAL_FIELDS(DownloadRecord, id, name, description, description_en, content_type, size_bytes,
              sha256, inline_content, seed);

struct UpgradeOrderRecord {
    int64_t id = 0, client_id = 0, service_id = 0;  // the row, its owner, the service it is about
    std::string from_plan_id, to_plan_id;           // the plan left, the plan taken
    domain::PlanChange direction = domain::PlanChange::up;
    domain::Money amount_due;
    domain::Date period_start;  // the new plan's period as quoted on the order's day
    domain::Date period_end;
    std::optional<int64_t> invoice_id;
    int64_t created_at = 0;
    domain::OrderStatus status = domain::OrderStatus::awaiting_payment;
    std::optional<domain::Date> effective_on;  // first day on the new plan, once known
    std::optional<domain::Date> expires_on;    // last day to pay an awaiting upgrade
};
PORTAL_FIELDS(UpgradeOrderRecord, id, client_id, service_id, from_plan_id, to_plan_id, direction,
              amount_due, period_start, period_end, invoice_id, created_at, status, effective_on,
              expires_on);

// A payment of one invoice, as the payment gateway approved it.
struct PaymentRecord {
    int64_t id = 0, client_id = 0, invoice_id = 0;  // the row, its owner, the invoice it paid
    domain::PaymentMethod method = domain::PaymentMethod::sandbox;
    domain::Money amount;
    domain::Date paid_on;
    int64_t paid_at = 0;    // unix seconds
    std::string reference;  // the gateway's id for it
    bool test = true;       // a sandbox payment: no money moved
};
PORTAL_FIELDS(PaymentRecord, id, client_id, invoice_id, method, amount, paid_on, paid_at, reference,
              test);

struct CancellationRecord {
    int64_t id = 0, client_id = 0, service_id = 0;  // the row, its owner, the service it is about
    domain::CancellationKind kind = domain::CancellationKind::end_of_period;
    std::string reason;
    domain::Date requested_on;
    domain::Date effective_on;
    bool withdrawn = false;
    std::string invoices_still_due;  // comma-separated invoice ids, as computed when requested
    // The service's auto-renew before the request turned it off: a withdrawal restores it.
    bool auto_renew_before = true;
};
PORTAL_FIELDS(CancellationRecord, id, client_id, service_id, kind, reason, requested_on,
              effective_on, withdrawn, invoices_still_due, auto_renew_before);

// A support ticket (RULES.md §6). Its status follows its last message, or its closing
// (domain/support_clock.h).
struct TicketRecord {
    int64_t id = 0, client_id = 0;      // the row, its owner
    std::optional<int64_t> service_id;  // the service it is about, if any
    domain::TicketDepartment department = domain::TicketDepartment::support;
    domain::TicketKind kind = domain::TicketKind::general;
    std::string subject;
    domain::TicketStatus status = domain::TicketStatus::open;
    int64_t opened_at = 0;   // unix seconds
    int64_t updated_at = 0;  // unix seconds: the last message or the closing
    // remote_support: the booked slot's start (unix seconds; free again once the ticket is
    // closed) and the RustDesk ID's digits.
    std::optional<int64_t> remote_slot;
    std::string rustdesk_id;
};
PORTAL_FIELDS(TicketRecord, id, client_id, service_id, department, kind, subject, status, opened_at,
              updated_at, remote_slot, rustdesk_id);

// One message of a ticket, by the client or by the staff.
struct TicketMessageRecord {
    int64_t id = 0, client_id = 0, ticket_id = 0;  // the row, its owner, its ticket
    domain::MessageKind kind = domain::MessageKind::client;
    std::string text;
    int64_t sent_at = 0;  // unix seconds
};
PORTAL_FIELDS(TicketMessageRecord, id, client_id, ticket_id, kind, text, sent_at);

// A file attached to a ticket by the client (domain/ticket_attachment.h). Its bytes are kept
// apart, under its id (core/attachment_files.h); the row says what they are.
struct AttachmentRecord {
    int64_t id = 0, client_id = 0, ticket_id = 0;  // the row, its owner, its ticket
    std::string name;                              // as the client's computer named it
    domain::AttachmentType type = domain::AttachmentType::text;  // read from the bytes
    int64_t size_bytes = 0;
    std::string sha256;       // hex, of the bytes
    int64_t uploaded_at = 0;  // unix seconds
};
PORTAL_FIELDS(AttachmentRecord, id, client_id, ticket_id, name, type, size_bytes, sha256,
              uploaded_at);

// A part of the platform the server-status page reports on (domain/server_status.h): a server
// services run on, its id what a service's `server` says ("hs-02"), or a service every client
// shares ("dns"). Its state follows from its incidents.
struct StatusComponentRecord {
    std::string id;
    std::string name;      // in Spanish, the company's language
    std::string name_en;   // the same name in English
    int64_t position = 0;  // the page lists components by it
};
PORTAL_FIELDS(StatusComponentRecord, id, name, name_en, position);

// Something wrong with one component, or work on it, as the company reports it.
struct IncidentRecord {
    int64_t id = 0;
    std::string component_id;
    // What it does to its component while it lasts.
    domain::ComponentState state = domain::ComponentState::degraded;
    std::string title;                // in Spanish
    std::string title_en;             // the same title in English
    int64_t started_at = 0;           // unix seconds
    std::optional<int64_t> ended_at;  // unix seconds; none while no end is announced
};
PORTAL_FIELDS(IncidentRecord, id, component_id, state, title, title_en, started_at, ended_at);

// What the company said about an incident at one moment.
struct IncidentUpdateRecord {
    int64_t id = 0, incident_id = 0;  // the row, its incident
    int64_t posted_at = 0;            // unix seconds
    std::string text;                 // in Spanish
    std::string text_en;              // the same text in English
};
PORTAL_FIELDS(IncidentUpdateRecord, id, incident_id, posted_at, text, text_en);

// The first answer given to a mutation with an Idempotency-Key, replayed on retries.
struct IdempotentAnswer {
    int64_t client_id = 0;
    std::string key;
    // HMAC-SHA256 (under the database's secret) of the first request's method, path and body,
    // the body with every password left out (backend.cpp, "fingerprint").
    std::string fingerprint;
    int status = 0;
    std::string body;
    std::string location;    // Location header, if any
    int64_t created_at = 0;  // unix seconds; the key expires a day later
};
PORTAL_FIELDS(IdempotentAnswer, client_id, key, fingerprint, status, body, location, created_at);

}  // namespace portal::backend
