// The upgrade/downgrade wizard (RULES.md §3): options, the quote explained, confirm, the order.
//
//   options ──choose──▶ review ──confirm──▶ done ──«Pagar ahora»──▶ done, paid (plan enabled)
//      ▲                  │
//      └──────back────────┘
// An upgrade's order waits for its invoice: the done step shows it and pays it in place; the
// plan is enabled when it is paid. A downgrade's order is scheduled for the day after the paid
// period ends: the done step says «Cambio programado para el …».
// When the API answers `automatic: false`, the options step is replaced by the manual's
// explanation and a message to the account executive (POST upgrade-requests) ─▶ request_sent.
//
// Every amount and date comes from the API (which computes them with domain::quote_plan_change);
// the flow only lays the quote out line by line (new price − already paid = due now) and checks
// that those lines add up by the same rule before letting the client confirm.
//
// Safety: one Idempotency-Key per attempt (plan + service), reused by a retry after a network
// failure or a 5xx, so a double click or a retried request creates ONE order. A click while the
// order is on its way does nothing. A session that expires while the order (or the payment) is on
// its way keeps the choice and its key: once the same client signs in again the wizard comes back
// and sends it once more, so it acts once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "api/dto.h"
#include "app/flow_context.h"
#include "app/idempotent_attempt.h"
#include "app/invoice_payment.h"
#include "app/remote.h"
#include "app/route.h"
#include "app/texts/upgrade_texts.h"
#include "app/visit.h"

namespace portal::app {

enum class UpgradeStep { options, review, done, request_sent };

// Step 2: the chosen option's quote, one line each.
struct UpgradeQuoteLines {
    api::UpgradeOption option;
    domain::Money new_price;     // the new plan's price for one cycle (option.plan.price)
    domain::Money already_paid;  // what was paid for the current period (service.paid_for_period)
    domain::Money amount_due;    // the API's quote: what the client pays now, never negative
    domain::Date period_start;   // the new period: from the enable date …
    domain::Date period_end;     // … for one whole cycle of the new plan
    // A downgrade: the first day on the new plan, the day after the paid period (RULES.md §3).
    std::optional<domain::Date> scheduled_for;
    // An upgrade whose new price is covered by what was already paid: 0 due, nothing refunded.
    bool paid_covers_price = false;
    // new − paid (at least 0) equals the amount due for an upgrade, and 0 is due for a
    // downgrade. False when the service's data and the quote disagree: confirming is blocked.
    bool adds_up = true;
};

// Computes the lines of an option for a service (pure; exposed for tests).
UpgradeQuoteLines explain_quote(const api::ServiceView& service, const api::UpgradeOption& option);

struct UpgradeState {
    int64_t service_id = 0;
    UpgradeStep step = UpgradeStep::options;
    Remote<api::ServiceView> service;
    Remote<api::UpgradeOptions> options;
    // A refusal with a specific explanation (e.g. the service is not active); else options.problem.
    std::optional<UpgradeText> options_refusal;

    std::optional<UpgradeQuoteLines> quote;  // review and done steps
    Remote<api::UpgradeOrderResult> order;
    std::optional<UpgradeText> order_refusal;
    std::string from_plan;  // the plan's name when the order was placed (the service changes)
    // After the order: how long until the new plan works (RULES.md §5, by product).
    std::optional<api::ActivationEstimateView> activation;

    // No automatic upgrade: the message to the account executive (edited in place).
    std::string message;
    std::optional<UpgradeText> message_error;
    Remote<api::TicketDetail> request;  // the upgrade_request ticket it opened
    std::optional<UpgradeText> request_refusal;
};

struct ReloadUpgradeOptions {};
struct ChooseUpgradePlan {
    std::string plan_id;
};
struct BackToUpgradeOptions {};
struct ConfirmUpgrade {};
struct SendUpgradeRequest {};
struct PayUpgradeInvoice {};  // «Pagar ahora» on the done step
using UpgradeIntent = std::variant<ReloadUpgradeOptions, ChooseUpgradePlan, BackToUpgradeOptions,
                                   ConfirmUpgrade, SendUpgradeRequest, PayUpgradeInvoice>;

class UpgradeFlow {
  public:
    // Called when the client arrives on one of this flow's routes (a click, a link, back/forward).
    void enter(const Route& route, FlowContext& ctx);
    void handle(const UpgradeIntent& intent, FlowContext& ctx);
    // The page changed language: while the client is choosing, the plans again (their names
    // come in the page's language); later steps keep what the client confirmed, and an order's
    // invoice is asked for again (its lines come in the page's language).
    void relist(FlowContext& ctx);
    // Sign-out, or another client signed in: forget everything of the previous client.
    void reset() {
        state_ = {};
        order_attempt_.forget();
        request_attempt_.forget();
        payment_.reset();
        resume_plan_.reset();
        visit_.renew();
    }
    // The session expired: an order or payment on its way is kept to be sent once after the
    // same client signs in again.
    void suspend();
    const UpgradeState& state() const { return state_; }
    const PaymentState& payment() const { return payment_.state(); }
    // Whether «Pagar ahora» may be pressed now (the order's invoice is unpaid, nothing on its way).
    bool can_pay() const;
    // The message to the account executive, edited in place by the screen.
    std::string& message() { return state_.message; }

    // Whether the confirm button may be pressed now.
    bool can_confirm() const;

  private:
    void load(FlowContext& ctx);
    void confirm(FlowContext& ctx);
    void send_request(FlowContext& ctx);
    void choose(const std::string& plan_id);
    void resume_order(FlowContext& ctx);
    void pay(int64_t invoice_id, FlowContext& ctx);
    template <class T, class Done>
    api::Callback<T> send(Remote<T>& remote, std::optional<UpgradeText>& refusal,
                          IdempotentAttempt& attempt, const FlowContext& ctx, Done done);

    UpgradeState state_;
    IdempotentAttempt order_attempt_;    // per plan id
    IdempotentAttempt request_attempt_;  // per message
    InvoicePayment payment_;             // the order's invoice, paid in place
    // The plan whose order was on its way when the session expired.
    std::optional<std::string> resume_plan_;
    // Renewed on every load and sign-out.
    Visit visit_;
};

}  // namespace portal::app
