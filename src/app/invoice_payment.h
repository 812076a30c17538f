// Paying one invoice (POST /invoices/{id}/payments, a sandbox payment), as the invoices tab and
// the upgrade wizard's last step both do it.
//
// Safety: one Idempotency-Key per invoice paid; a second press while the payment is on its way
// does nothing, and a retry after a network failure or a 5xx reuses the key, so however many
// clicks or retries, the server takes ONE payment. When the session expires during the payment
// (401: the server did not act), the payment is remembered with its key and sent once more when
// the same client signs in again, so the client's confirmed "Pagar" acts exactly once.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "api/dto.h"
#include "app/flow_context.h"
#include "app/idempotent_attempt.h"
#include "app/problem.h"
#include "app/texts/invoice_texts.h"

namespace portal::app {

struct PaymentState {
    std::optional<int64_t> asking;           // the invoice whose confirmation is open
    std::optional<int64_t> paying;           // the invoice whose payment is on its way
    std::optional<api::PaymentResult> paid;  // the last payment taken
    // The last payment that failed: which invoice, and why (in this flow's words or a Problem).
    std::optional<int64_t> failed;
    std::optional<InvoiceText> refusal;
    std::optional<Problem> problem;
};

// The refusals of a payment explained in the invoices' own words; nullopt for the rest.
std::optional<InvoiceText> payment_refusal(const api::ApiFailure& failure);

class InvoicePayment {
  public:
    const PaymentState& state() const { return state_; }

    // "Pagar": opens the confirmation (not while a payment is on its way).
    void ask(int64_t invoice_id) {
        if (state_.paying) return;
        state_.asking = invoice_id;
        state_.failed.reset();
    }
    // "No, volver": closes it.
    void keep() {
        if (!state_.paying) state_.asking.reset();
    }

    // Sends the payment of `invoice_id` once; `paid()` runs after it was taken. The answer is
    // taken even after the client left the screen: the payment exists on the server.
    template <class Paid>
    void pay(int64_t invoice_id, FlowContext& ctx, Paid paid) {
        if (state_.paying) return;  // a double click pays once
        state_.paying = invoice_id;
        state_.failed.reset();
        state_.refusal.reset();
        state_.problem.reset();
        using Result = api::PaymentResult;
        ctx.api.pay_invoice(
            invoice_id, api::PaymentRequest{domain::PaymentMethod::sandbox},
            attempt_.key_for(std::to_string(invoice_id), ctx),
            ctx.guard<Result>(attempt_.settling<Result>(
                [this, invoice_id, paid = std::move(paid)](api::ApiResult<Result> answer) mutable {
                    state_.paying.reset();
                    if (answer.ok()) {
                        state_.asking.reset();
                        state_.paid = std::move(*answer.value);
                        paid();
                        return;
                    }
                    state_.failed = invoice_id;
                    state_.refusal = payment_refusal(answer.failure);
                    // A refusal is final; after a failure the confirmation stays open
                    // and «Reintentar» pays with the same key.
                    if (state_.refusal) {
                        state_.asking.reset();
                    } else {
                        state_.problem = describe(answer.failure);
                    }
                })));
    }

    // The invoice whose payment was on its way when the session expired (to send again, once,
    // with the same key, when the same client is back); taking it clears it.
    std::optional<int64_t> take_resume() { return std::exchange(resume_, std::nullopt); }
    bool resuming() const { return resume_.has_value(); }

    // The session expired: nothing is shown any more, but an unanswered payment is kept.
    void suspend() {
        if (state_.paying) resume_ = state_.paying;
        if (!resume_) attempt_.forget();
        state_ = {};
    }
    // Sign-out, or another client: nothing of the earlier payments may be replayed.
    void reset() {
        state_ = {};
        resume_.reset();
        attempt_.forget();
    }
    // Another screen: what was shown goes, an unanswered payment's key stays for a retry.
    void clear_shown() {
        if (!state_.paying) state_ = {};
    }

  private:
    PaymentState state_;
    IdempotentAttempt attempt_;  // per invoice id
    std::optional<int64_t> resume_;
};

}  // namespace portal::app
