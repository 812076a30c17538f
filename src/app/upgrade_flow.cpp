#include "app/upgrade_flow.h"

#include <algorithm>
#include <utility>

#include "app/code_words.h"
#include "app/overloaded.h"
#include "app/texts/activation_texts.h"
#include "domain/trim.h"

namespace portal::app {
namespace {

// The refusals this wizard explains in its own words; anything else gets the generic Problem.
std::optional<UpgradeText> refusal_of(const api::ApiFailure& failure) {
    return refusal_in_words(failure, UpgradeText::why_not_found);
}

}  // namespace

// Shows a mutation on its way in `remote`, then its answer (a refusal in the wizard's own words
// in `refusal`); `done` runs once it succeeded.
template <class T, class Done>
api::Callback<T> UpgradeFlow::send(Remote<T>& remote, std::optional<UpgradeText>& refusal,
                                   IdempotentAttempt& attempt, const FlowContext& ctx, Done done) {
    remote.start();
    refusal.reset();
    return visit_.guard<T>(ctx, attempt.settling<T>([&remote, &refusal, done = std::move(done)](
                                                        api::ApiResult<T> answer) mutable {
        remote.settle(answer);
        if (answer.ok()) {
            done();
        } else {
            refusal = refusal_of(answer.failure);
        }
    }));
}

UpgradeQuoteLines explain_quote(const api::ServiceView& service, const api::UpgradeOption& option) {
    UpgradeQuoteLines lines;
    lines.option = option;
    lines.new_price = option.plan.price;
    lines.already_paid = service.paid_for_period;
    lines.amount_due = option.quote.amount;
    lines.period_start = option.quote.period_start;
    lines.period_end = option.quote.period_end;

    // The same rule as domain::quote_plan_change (RULES.md §3), to check the lines add up.
    if (lines.amount_due.is_negative() || lines.amount_due.currency != lines.new_price.currency) {
        lines.adds_up = false;
        return lines;
    }
    if (option.direction == domain::PlanChange::down) {
        lines.scheduled_for = service.period_end.add_days(1);
        lines.adds_up = lines.amount_due.is_zero();
        return lines;
    }
    const auto difference = domain::subtract(lines.new_price, lines.already_paid);
    if (!difference.ok()) {  // paid in another currency: the quote cannot be explained
        lines.adds_up = false;
        return lines;
    }
    lines.paid_covers_price = difference.value().cents <= 0;
    const int64_t expected = std::max<int64_t>(0, difference.value().cents);
    lines.adds_up = expected == lines.amount_due.cents;
    return lines;
}

void UpgradeFlow::enter(const Route& route, FlowContext& ctx) {
    if (route.service_id != state_.service_id) {
        // Another service: nothing of the previous one applies.
        reset();
        state_.service_id = route.service_id;
    } else if (const auto invoice = payment_.take_resume()) {
        // Back after signing in again while «Pagar ahora» was on its way: the done step stays
        // and the payment is sent once more with its key.
        visit_.renew();
        pay(*invoice, ctx);
        return;
    } else {
        // The same service again: fresh data, but what the client wrote stays, and so do the keys
        // of attempts whose answer never arrived (confirming again replays them).
        std::string message = std::move(state_.message);
        state_ = {};
        state_.service_id = route.service_id;
        state_.message = std::move(message);
    }
    load(ctx);
}

void UpgradeFlow::suspend() {
    if (state_.order.loading() && state_.quote) resume_plan_ = state_.quote->option.plan.id;
    payment_.suspend();
    request_attempt_.forget();
    if (!resume_plan_) order_attempt_.forget();
    visit_.renew();
    // The done step, with its order and invoice, waits for the client's return.
    if (payment_.resuming()) return;
    const int64_t service_id = state_.service_id;
    state_ = {};
    state_.service_id = service_id;
}

// After signing in again: the order that was on its way is placed once, with its key, when the
// plan is still offered at a quote that adds up.
void UpgradeFlow::resume_order(FlowContext& ctx) {
    if (!resume_plan_ || !state_.service.data || !state_.options.data) return;
    const std::string plan_id = *std::exchange(resume_plan_, std::nullopt);
    choose(plan_id);
    confirm(ctx);
}

void UpgradeFlow::handle(const UpgradeIntent& intent, FlowContext& ctx) {
    std::visit(Overloaded{
                   [&](const ReloadUpgradeOptions&) {
                       state_.step = UpgradeStep::options;
                       state_.quote.reset();
                       load(ctx);
                   },
                   [&](const ChooseUpgradePlan& value) { choose(value.plan_id); },
                   [&](const BackToUpgradeOptions&) {
                       if (state_.step == UpgradeStep::review && !state_.order.loading()) {
                           state_.step = UpgradeStep::options;
                           state_.quote.reset();
                           state_.order = {};
                           state_.order_refusal.reset();
                       }
                   },
                   [&](const ConfirmUpgrade&) { confirm(ctx); },
                   [&](const SendUpgradeRequest&) { send_request(ctx); },
                   [&](const PayUpgradeInvoice&) {
                       if (can_pay()) pay(state_.order.data->invoice->id, ctx);
                   },
               },
               intent);
}

void UpgradeFlow::relist(FlowContext& ctx) {
    if (state_.step == UpgradeStep::options && state_.service_id > 0) load(ctx);
    if (!state_.order.data || !state_.order.data->invoice) return;
    // The order's invoice again: its lines come worded in the page's language.
    ctx.api.invoice(state_.order.data->invoice->id,
                    visit_.guard<api::InvoiceView>(ctx, [this](api::ApiResult<api::InvoiceView> r) {
                        if (!r.ok() || !state_.order.data) return;
                        auto& shown = state_.order.data->invoice;
                        if (shown && shown->id == r.value->id) shown = std::move(*r.value);
                    }));
}

void UpgradeFlow::load(FlowContext& ctx) {
    visit_.renew();
    const int64_t id = state_.service_id;
    state_.options_refusal.reset();
    ctx.api.service(id,
                    visit_.load(state_.service, ctx,
                                [this, c = ctx](const api::ApiResult<api::ServiceView>&) mutable {
                                    resume_order(c);
                                }));
    ctx.api.upgrade_options(
        id, visit_.load(state_.options, ctx,
                        [this, c = ctx](const api::ApiResult<api::UpgradeOptions>& r) mutable {
                            if (!r.ok()) state_.options_refusal = refusal_of(r.failure);
                            resume_order(c);
                        }));
}

void UpgradeFlow::choose(const std::string& plan_id) {
    if (state_.step != UpgradeStep::options || !state_.options.data || !state_.service.data) return;
    const auto& options = state_.options.data->options;
    const auto found = std::find_if(options.begin(), options.end(),
                                    [&](const auto& o) { return o.plan.id == plan_id; });
    if (found == options.end()) return;
    state_.quote = explain_quote(*state_.service.data, *found);
    state_.order = {};
    state_.order_refusal.reset();
    state_.step = UpgradeStep::review;
}

bool UpgradeFlow::can_confirm() const {
    return state_.step == UpgradeStep::review && state_.quote && state_.quote->adds_up &&
           !state_.order.loading() && !state_.order.data;
}

void UpgradeFlow::confirm(FlowContext& ctx) {
    // A second click while the first is on its way (or after it succeeded) does nothing.
    if (!can_confirm()) return;
    const std::string plan_id = state_.quote->option.plan.id;
    state_.from_plan = state_.service.data ? state_.service.data->plan.name : std::string();
    ctx.api.order_upgrade(
        state_.service_id, api::UpgradeOrderRequest{plan_id}, order_attempt_.key_for(plan_id, ctx),
        send(state_.order, state_.order_refusal, order_attempt_, ctx, [this] {
            state_.activation.reset();
            if (state_.order.data->invoice && state_.service.data) {
                state_.activation = activation_of(state_.service.data->type, state_.service_id);
            }
            state_.step = UpgradeStep::done;
        }));
}

bool UpgradeFlow::can_pay() const {
    if (state_.step != UpgradeStep::done || !state_.order.data || payment_.state().paying) {
        return false;
    }
    const auto& invoice = state_.order.data->invoice;
    return invoice && !payment_.state().paid && invoice->status != domain::InvoiceStatus::paid &&
           invoice->status != domain::InvoiceStatus::cancelled;
}

void UpgradeFlow::pay(int64_t invoice_id, FlowContext& ctx) {
    payment_.pay(invoice_id, ctx, [this, c = ctx]() mutable {
        // The plan is enabled by the payment: the service as it is now shows it.
        visit_.renew();
        c.api.service(state_.service_id, visit_.load(state_.service, c));
    });
}

void UpgradeFlow::send_request(FlowContext& ctx) {
    if (state_.request.loading() || state_.step == UpgradeStep::request_sent) return;
    if (!state_.options.data || state_.options.data->automatic) return;
    const std::string_view text = domain::trim(state_.message);
    state_.message_error.reset();
    if (text.empty()) {
        state_.message_error = UpgradeText::message_required;
        return;
    }
    if (text.size() > 4000) {
        state_.message_error = UpgradeText::message_too_long;
        return;
    }
    const std::string message(text);
    ctx.api.request_upgrade(state_.service_id, api::UpgradeRequestBody{message},
                            request_attempt_.key_for(message, ctx),
                            send(state_.request, state_.request_refusal, request_attempt_, ctx,
                                 [this] { state_.step = UpgradeStep::request_sent; }));
}

}  // namespace portal::app
