// The whole REST API as a library: Response handle(const Request&) over a Store (DESIGN.md, "the
// one idea"). portal-stub puts its HTTP server in front of it; the page calls it in-process.
//
// Every answer is JSON (except a download's bytes and 204s); every error is
// {"error":{"code","message","field"}}. See api/openapi.yaml for the contract.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/dto.h"
#include "core/attachment_files.h"
#include "core/attempt_budget.h"
#include "core/clock.h"
#include "core/http.h"
#include "core/invoice_words.h"
#include "core/language.h"
#include "core/manual_library.h"
#include "core/notification_sender.h"
#include "core/password_hasher.h"
#include "core/payment_gateway.h"
#include "core/records.h"
#include "core/responses.h"
#include "core/router.h"
#include "core/store.h"
#include "domain/account.h"
#include "domain/calendar.h"
#include "domain/date.h"
#include "domain/remote_support.h"
#include "domain/ticket_attachment.h"

namespace portal::backend {

struct BackendConfig {
    int64_t token_ttl_seconds = 8 * 3600;
    size_t max_body_bytes = 64 * 1024;
    // The lockout of one email string, whether an account has it or not (password_check.h).
    int failed_logins_before_lock = 5;
    int64_t lock_seconds = 15 * 60;
    int64_t max_sign_in_locks = 10000;  // past it, the locks that end first are dropped
    // The budget of password checks of one peer address (attempt_budget.h).
    int failed_checks_per_address = 20;
    int64_t address_window_seconds = 15 * 60;
    size_t max_tracked_addresses = 10000;
    // What one client may keep: sessions (a new sign-in past it ends the oldest), Idempotency-Key
    // answers (kept for idempotency_key_seconds; past the cap a keyed mutation is 429), upgrade
    // requests of the last 30 days and upgrade orders whose invoice is unpaid (past them, 409).
    size_t max_sessions_per_client = 10;
    int64_t idempotency_key_seconds = 24 * 3600;
    size_t max_idempotency_keys_per_client = 500;
    size_t max_recent_upgrade_requests = 10;
    // Support tickets not closed (past it a new one is 409) and messages in one ticket.
    size_t max_open_tickets_per_client = 20;
    size_t max_messages_per_ticket = 200;
    // Files attached to tickets (domain/ticket_attachment.h, which the page checks against too):
    // the largest file (413 past it; the one route whose body may pass max_body_bytes), the files
    // one ticket holds and the bytes all of one client's files add up to (409 past them).
    // DemoBackend lowers them to what a browser's storage holds.
    int64_t max_attachment_bytes = domain::kAttachmentMaxBytes;
    size_t max_attachments_per_ticket = domain::kAttachmentsPerTicket;
    int64_t max_attachment_bytes_per_client = 100 * 1024 * 1024;
    std::string panel_base_url = "https://panel.hosting.example";
    std::string version = "1.0.0";
    // Business days (activation estimates) and GET /calendar/holidays; the decreed non-working
    // days come from the data file (server-stub/fixtures/non_working_days.txt).
    domain::Calendar calendar;
};

class Backend {
  public:
    Backend(Store& store, const Clock& clock, PasswordHasher& hasher, RandomSource& random,
            const ManualLibrary& manuals, BackendConfig config = {});

    Response handle(const Request& request);

    // Whether answering `request` may run a password hash (sign-in, a cancellation's
    // re-authentication): a server can keep such requests apart from cheap ones.
    static bool checks_password(const Request& request);

    // Where the account's messages go besides the outbox (docs/notifications.md).
    void use_notification_sender(NotificationSender& sender) { sender_ = &sender; }

    // Where invoices are charged; the sandbox unless a real gateway is given (docs/payments.md).
    void use_payment_gateway(PaymentGateway& gateway) { gateway_ = &gateway; }

    // Where the bytes of ticket attachments are kept; in memory unless a place is given
    // (attachment_files.h).
    void use_attachment_files(AttachmentFiles& files) { files_ = &files; }
    // Whether `request` sends a file as its body (POST /tickets/{id}/attachments): the one route
    // whose body may reach max_attachment_bytes, which a server may spool to disk (SpooledBody).
    static bool takes_file(const Request& request);
    int64_t max_attachment_bytes() const { return config_.max_attachment_bytes; }
    // The answer to a file past max_attachment_bytes (413 attachment_too_large), for a server that
    // refuses it while reading it.
    Response attachment_too_large() const;

    // The route table (method, pattern), for api/openapi.yaml's test.
    std::vector<RouteInfo> routes() const { return router_.routes(); }

    // Who may call a route, said once per route in the table (backend.cpp): anyone; anyone
    // signed in (the holder or a secondary contact); only the holder; or the holder and the
    // contacts given `permission` (domain/account.h). Others get 403 permission_denied.
    struct Access {
        enum class Who { anyone, signed_in, holder, permitted };
        Who who = Who::anyone;
        domain::Permission permission = domain::Permission::profile;  // for `permitted`
    };
    struct RouteAccess {
        std::string method, path;  // path as in api/openapi.yaml, e.g. /services/{id}
        Access access;
    };
    const std::vector<RouteAccess>& route_access() const { return route_access_; }

    // Records `event` for the client in the outbox, on each channel the client has on
    // (GET /me/alerts), in the client's language; `detail` names what it is about (an invoice's
    // number, a service's name), `link` a panel address or "". The core calls it where an event
    // happens (a payment, a password change...); events with no trigger in the portal
    // (suspension, reactivation, quote available, domain deleted) come from outside through it.
    // Runs inside the caller's transaction when there is one.
    void raise_event(int64_t client_id, domain::AlertEvent event, const std::string& detail,
                     const std::string& link, int64_t now);

    // Everything a handler needs about the request being answered.
    struct Call {
        const Request& request;
        const PathParams& params;
        int64_t client_id = 0;
        int64_t now = 0;         // unix seconds
        domain::Date today;      // in the company's zone (GMT−3)
        int64_t contact_id = 0;  // the secondary contact signed in; 0 = the holder
        std::vector<domain::Permission> permissions;           // a contact's
        std::string language = std::string(kDefaultLanguage);  // of the answer (language.h)
    };

  private:
    using Method = Response (Backend::*)(Call&);
    void route(const char* method, const char* pattern, Access access, Method handler);
    // A refusal (403) when the caller may not use a route that needs `access`.
    static std::optional<Response> refuse_access(const Call& call, Access access);
    // Starts a session of the client (and of its contact, when not 0) in its transaction.
    api::Session start_session(const Call& call, const ClientRecord& client, int64_t contact_id,
                               std::optional<api::ActingAs> acting_as);
    // An invoice's alert (generated, cancelled, paid), with its number and what it bills.
    void invoice_event(domain::AlertEvent event, const domain::Invoice& invoice, int64_t now);
    // The same, for an invoice just cancelled, found by its id.
    void cancelled_invoice_event(int64_t client_id, int64_t invoice_id);
    // Records `message` in the outbox and hands it to the sender, in the caller's transaction.
    void send_notification(const NotificationRecord& message);
    // Whether `email` is free for a client or contact (one email each, RULES.md §10).
    bool email_taken(std::string_view email);
    // The account's details as GET /me answers them to the caller.
    api::Profile profile_answer(const Call& call, const ClientRecord& client);

    Response dispatch(const Request& request, const PathParams& params, Access access,
                      Method handler);
    // Runs a mutation in one store transaction together with its Idempotency-Key answer: a
    // retried key replays the first answer; a failed (non-2xx) answer rolls everything back.
    Response commit(Call& call, const std::function<Response()>& work);
    // A mutation of the caller's record that the path's id names, read by `find` inside the
    // commit; `what` is answered 404 when the id names none of the caller's (store.h, "Ownership").
    template <class Record>
    Response commit_to_owned(Call& call, std::string_view what,
                             std::optional<Record> (Store::*find)(int64_t, int64_t),
                             const std::function<Response(Record&)>& work) {
        auto id = parse_id(call.params.at("id"));
        if (!id) return not_found(what);
        return commit(call, [&]() -> Response {
            auto record = (store_.*find)(call.client_id, *id);
            if (!record) return not_found(what);
            return work(*record);
        });
    }
    // The stored first answer for this request's Idempotency-Key, if any.
    std::optional<Response> replay(const Call& call);

    // The secret this store's fingerprints and lock keys are keyed with, made at first use.
    std::string secret();
    // The request as its Idempotency-Key remembers it: a keyed digest, passwords left out.
    std::string fingerprint(const Request& request);

    // [SECTION] Password checks (password_check.cpp): sign-in and the re-authentication a
    // cancellation asks for keep one tally per email and one budget per peer address.
    struct PasswordCheck {
        std::string account_key;  // the email's key in the sign-in locks
        int64_t locks_for = 0;    // seconds of lock if this check fails; 0 = it does not lock
    };
    // Reserves one check of a password given for `email` before any hashing, counting it as a
    // failure until it passes; the answer to give instead (429) when it may not run.
    std::optional<Response> reserve_password_check(const Call& call, std::string_view email,
                                                   PasswordCheck& check);
    // A reserved check passed: its email's failures are forgotten, its attempt given back.
    void password_check_passed(const Call& call, const PasswordCheck& check);
    // A reserved check failed: `answer`, or the lock it led to (429 account_locked).
    Response password_check_failed(const PasswordCheck& check, Response answer);
    // The holder's current password, asked again before its email or password changes: a
    // password check like sign-in's; nullopt when it matches (backend_credentials.cpp).
    std::optional<Response> check_current_password(const Call& call, const std::string& password);

    // Loads what the request names, scoped to the caller; nullopt means "answer 404".
    std::optional<domain::Service> find_service(Call& call);
    // One of the client's services as it stands today (a cancellation that took effect applied).
    std::optional<domain::Service> service_on(const Call& call, int64_t id);
    std::vector<domain::Service> client_services(int64_t client_id, domain::Date today);
    // What the date brings, before any request of the client is answered (RULES.md §3): unpaid
    // upgrades past their last day expire, scheduled downgrades take effect, renewals are
    // generated. Writes only when something is due.
    void settle_billing(int64_t client_id, domain::Date today);
    api::ServiceView service_answer(const domain::Service& service, const domain::Plan* plan,
                                    const std::vector<domain::Invoice>& invoices,
                                    const std::vector<UpgradeOrderRecord>& orders,
                                    const std::vector<CancellationRecord>& cancellations,
                                    const Call& call);
    // Plans named in the request's language, or in `language` (invoice_words.h).
    PlanNames plan_names(const Call& call);
    PlanNames plan_names(const std::string& language);
    const std::string& dummy_hash();
    // A ticket as the client sees it, with the due time of its plan (backend_tickets.cpp).
    api::TicketSummary ticket_summary(const Call& call, const TicketRecord& ticket,
                                      const std::vector<TicketMessageRecord>& messages,
                                      domain::SupportPlan plan, const std::string& service_name);
    api::TicketDetail ticket_detail(const Call& call, const TicketRecord& ticket);
    static api::TicketAttachmentView attachment_view(const AttachmentRecord& attachment);
    // A refusal of the file the request attaches to `ticket` (409: closed, too many files), in
    // the caller's transaction; nullopt to go on.
    std::optional<Response> refuse_attachment(const Call& call, const TicketRecord& ticket,
                                              int64_t size);
    // A procedure's refusal (400 a field, 403, 409 with every unmet condition), or nullopt to go
    // on; and what it asks for, as lines under the client's message (backend_procedures.cpp).
    std::optional<Response> refuse_procedure(const Call& call, api::NewTicket& request);
    // An upgrade request's refusal: the service not active, an automatic change available, or
    // too many requests this month (backend_plan_changes.cpp).
    std::optional<Response> refuse_upgrade_request(const Call& call,
                                                   const std::optional<domain::Service>& service);
    // A new ticket's subject and message as typed text (422 naming the field), before anything
    // is stored; then the ticket opened inside the caller's transaction (backend_tickets.cpp).
    std::optional<Response> refuse_ticket_texts(api::NewTicket& request);
    Response open_ticket(Call& call, api::NewTicket& request);
    std::string procedure_details(const Call& call, const api::NewTicket& request);
    // The remote-support slots free at the call's time, across clients
    // (backend_remote_support.cpp).
    std::vector<domain::RemoteSlot> free_remote_slots(const Call& call);
    // The service's cancellation that is still scheduled on `today` (not withdrawn, not effective).
    std::optional<CancellationRecord> scheduled_cancellation(int64_t client_id, int64_t service_id,
                                                             domain::Date today);
    // What a newly scheduled cancellation stops besides itself (renewals), in its transaction.
    void end_what_a_cancellation_stops(domain::Service& service);
    void withdraw_open_plan_change(Call& call, int64_t service_id);
    // Withdraws an open plan change (inside the caller's transaction): an unpaid upgrade's invoice
    // is cancelled; a scheduled downgrade only until its renewal at the new price is generated.
    // nullopt: withdrawn; otherwise the rule that keeps it.
    std::optional<domain::DomainError> withdraw_order(int64_t client_id, UpgradeOrderRecord& order);

    // [SECTION] handlers, one per route (backend_*.cpp)
    Response health(Call& call);
    Response create_session(Call& call);
    Response delete_session(Call& call);
    Response get_me(Call& call);
    Response patch_me(Call& call);
    Response list_services(Call& call);
    Response get_service(Call& call);
    Response get_credentials(Call& call);
    Response get_access(Call& call);
    Response list_downloads(Call& call);
    Response get_download_file(Call& call);
    Response get_upgrade_options(Call& call);
    Response create_upgrade_order(Call& call);
    Response create_upgrade_request(Call& call);
    Response get_upgrade_order(Call& call);
    Response withdraw_upgrade_order(Call& call);
    Response create_cancellation(Call& call);
    Response get_cancellation(Call& call);
    Response withdraw_cancellation(Call& call);
    Response get_auto_renew(Call& call);
    Response put_auto_renew(Call& call);
    Response list_invoices(Call& call);
    Response get_invoice(Call& call);
    Response pay_invoice(Call& call);
    Response list_manuals(Call& call);
    Response get_manual(Call& call);
    Response get_activation_estimate(Call& call);
    Response list_holidays(Call& call);
    Response list_contacts(Call& call);
    Response create_contact(Call& call);
    Response get_contact(Call& call);
    Response patch_contact(Call& call);
    Response delete_contact(Call& call);
    Response accept_invitation(Call& call);
    Response change_email(Call& call);
    Response change_password(Call& call);
    Response get_alerts(Call& call);
    Response put_alerts(Call& call);
    Response list_notifications(Call& call);
    Response list_tickets(Call& call);
    Response get_ticket(Call& call);
    Response create_ticket(Call& call);
    Response reply_to_ticket(Call& call);
    Response close_ticket(Call& call);
    Response attach_to_ticket(Call& call);
    Response get_ticket_attachment(Call& call);
    Response get_status(Call& call);
    Response list_remote_slots(Call& call);

    Store& store_;
    const Clock& clock_;
    PasswordHasher& hasher_;
    RandomSource& random_;
    const ManualLibrary& manuals_;
    BackendConfig config_;
    SandboxGateway sandbox_;
    PaymentGateway* gateway_ = &sandbox_;
    HeldAttachmentFiles held_files_;
    AttachmentFiles* files_ = &held_files_;
    NotificationSender outbox_only_;  // the outbox alone
    NotificationSender* sender_ = &outbox_only_;
    Router router_;
    std::vector<RouteAccess> route_access_;
    AttemptBudget address_budget_;
    std::once_flag dummy_hash_once_;
    std::string dummy_hash_;
};

}  // namespace portal::backend
