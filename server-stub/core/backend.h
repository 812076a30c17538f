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
#include "core/attempt_budget.h"
#include "core/clock.h"
#include "core/http.h"
#include "core/invoice_words.h"
#include "core/language.h"
#include "core/manual_library.h"
#include "core/password_hasher.h"
#include "core/payment_gateway.h"
#include "core/records.h"
#include "core/responses.h"
#include "core/router.h"
#include "core/store.h"
#include "domain/calendar.h"
#include "domain/date.h"

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

    // Where invoices are charged; the sandbox unless a real gateway is given (docs/payments.md).
    void use_payment_gateway(PaymentGateway& gateway) { gateway_ = &gateway; }

    // The route table (method, pattern), for api/openapi.yaml's test.
    std::vector<RouteInfo> routes() const { return router_.routes(); }

    // Everything a handler needs about the request being answered.
    struct Call {
        const Request& request;
        const PathParams& params;
        int64_t client_id = 0;
        int64_t now = 0;                                       // unix seconds
        domain::Date today;                                    // in the company's zone (GMT−3)
        std::string language = std::string(kDefaultLanguage);  // of the answer (language.h)
    };

  private:
    using Method = Response (Backend::*)(Call&);
    enum class Access { open, client };
    void route(const char* method, const char* pattern, Access access, Method handler);

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

    // Loads what the request names, scoped to the caller; nullopt means "answer 404".
    std::optional<domain::Service> find_service(Call& call);
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
    // Plans named in the request's language (invoice_words.h).
    PlanNames plan_names(const Call& call);
    const std::string& dummy_hash();
    // A ticket as the client sees it, with the due time of its plan (backend_tickets.cpp).
    api::TicketSummary ticket_summary(const Call& call, const TicketRecord& ticket,
                                      const std::vector<TicketMessageRecord>& messages,
                                      domain::SupportPlan plan, const std::string& service_name);
    api::TicketDetail ticket_detail(const Call& call, const TicketRecord& ticket);
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
    Response list_tickets(Call& call);
    Response get_ticket(Call& call);
    Response create_ticket(Call& call);
    Response reply_to_ticket(Call& call);
    Response close_ticket(Call& call);

    Store& store_;
    const Clock& clock_;
    PasswordHasher& hasher_;
    RandomSource& random_;
    const ManualLibrary& manuals_;
    BackendConfig config_;
    SandboxGateway sandbox_;
    PaymentGateway* gateway_ = &sandbox_;
    Router router_;
    AttemptBudget address_budget_;
    std::once_flag dummy_hash_once_;
    std::string dummy_hash_;
};

}  // namespace portal::backend
