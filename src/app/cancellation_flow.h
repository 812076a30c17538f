// The cancellation wizard (RULES.md §4): kind, conditions, reason, confirmation with email and
// password; then the request, which can be withdrawn until its effective date.
//
// What the service is decides what the screen offers (CancellationCase):
//   cancellable  an active or suspended service that is not a domain: the wizard
//   domain       a domain is never cancelled: only its renewal is turned off ("No renovar")
//   not_active   pending, cancelled, terminated: why it cannot be cancelled
//
// The effective date of each kind and the invoices still due are computed by the domain rule
// (domain::cancellation_terms) from GET /services/{id} and GET /invoices, with today's date in the
// company's zone; the request the server creates carries its own effective date, which is what
// the result shows.
//
// Safety: the request is sent only when a kind is chosen, the conditions are accepted and email
// and password are typed. One Idempotency-Key per attempt (the same kind, reason, email and
// password), kept after a network failure or a 5xx so a retry or a double click creates ONE
// request; a wrong password clears only the password field. Withdrawal asks first.
//
// A scheduled request shows instead of the form, to withdraw it: the one the service carries
// (GET /services/{id} "cancellation") or one this session created.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "api/dto.h"
#include "app/flow_context.h"
#include "app/idempotent_attempt.h"
#include "app/remote.h"
#include "app/route.h"
#include "app/texts/cancellation_texts.h"
#include "app/visit.h"
#include "app/withdrawal.h"
#include "domain/cancellation_policy.h"

namespace portal::app {

enum class CancellationCase { loading, cancellable, domain, not_active, failed };
enum class CancellationStep { form, result };

// The text fields the screen edits in place.
struct CancellationForm {
    std::string reason;
    std::string email;
    std::string password;
};

struct CancellationState {
    int64_t service_id = 0;
    CancellationCase which = CancellationCase::loading;
    CancellationStep step = CancellationStep::form;
    Remote<api::ServiceView> service;
    Remote<api::InvoiceList> invoices;

    // cancellable: the rule's terms for each kind (computed once service and invoices are here).
    std::optional<domain::CancellationTerms> immediate;
    std::optional<domain::CancellationTerms> end_of_period;
    // This service's invoices of running periods that must still be paid, as the API shows them.
    std::vector<api::InvoiceView> invoices_due;

    // What the client chose and typed.
    std::optional<domain::CancellationKind> kind;
    bool accepted = false;
    CancellationForm form;
    std::optional<CancellationText> email_error;
    std::optional<CancellationText> password_error;

    bool submitting = false;
    std::optional<Problem> submit_problem;
    std::optional<CancellationText> submit_refusal;  // explained in this flow's words

    // The request (just created, or remembered from earlier in the session).
    std::optional<api::CancellationRequestView> request;
    Withdrawal<CancellationText> withdrawal;

    // domain: its renewal.
    Remote<api::AutoRenewView> auto_renew;
    bool saving_renew = false;
    bool renew_changed = false;  // the client turned it off (or on) during this visit
    std::optional<Problem> renew_problem;
    std::optional<CancellationText> renew_refusal;
};

struct ReloadCancellation {};
struct ChooseCancellationKind {
    domain::CancellationKind kind;
};
struct AcceptCancellationConditions {
    bool accepted = false;
};
struct SubmitCancellation {};
struct AskWithdrawCancellation {};
struct KeepCancellation {};  // "No, mantenerla": closes the withdrawal question
struct ConfirmWithdrawCancellation {};
struct StartNewCancellation {};  // after a withdrawal
struct SetAutoRenew {
    bool enabled = false;
};
using CancellationIntent =
    std::variant<ReloadCancellation, ChooseCancellationKind, AcceptCancellationConditions,
                 SubmitCancellation, AskWithdrawCancellation, KeepCancellation,
                 ConfirmWithdrawCancellation, StartNewCancellation, SetAutoRenew>;

class CancellationFlow {
  public:
    CancellationFlow();

    // Called when the client arrives on one of this flow's routes (a click, a link, back/forward).
    void enter(const Route& route, FlowContext& ctx);
    void handle(const CancellationIntent& intent, FlowContext& ctx);
    // The page's language changed: what comes in a language (the plan's name, the invoices'
    // lines) is asked for again; the step and what the client chose and wrote stay.
    void relist(const FlowContext& ctx) { load(ctx); }
    // Sign-out: forget everything of the previous client.
    void reset();
    const CancellationState& state() const { return state_; }
    // The text fields (reason, email, password), edited in place by the screen.
    CancellationForm& form() { return state_.form; }

    // Whether the destructive button may be pressed now.
    bool can_submit() const;
    // The terms of the chosen kind, when there is one.
    const domain::CancellationTerms* chosen_terms() const;

    // Today in the company's zone (GMT−3); tests set a fixed day.
    void set_today(std::function<domain::Date()> today) { today_ = std::move(today); }

  private:
    void load(const FlowContext& ctx);
    void load_known_request(const FlowContext& ctx, int64_t request_id);
    void decide();
    void submit(FlowContext& ctx);
    void withdraw(FlowContext& ctx);
    void set_auto_renew(bool enabled, FlowContext& ctx);

    CancellationState state_;
    std::function<domain::Date()> today_;
    IdempotentAttempt submit_attempt_;    // per body sent
    IdempotentAttempt withdraw_attempt_;  // per request withdrawn
    IdempotentAttempt renew_attempt_;     // per setting (on, off)
    // service id → the id of the cancellation request created for it in this session.
    std::map<int64_t, int64_t> known_requests_;
    // Renewed on every load and sign-out.
    Visit visit_;
};

}  // namespace portal::app
