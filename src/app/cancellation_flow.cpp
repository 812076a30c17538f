#include "app/cancellation_flow.h"

#include <ctime>

#include "app/overloaded.h"
#include "domain/alike_fields.h"

namespace portal::app {
namespace {

// What the domain rule needs of the service, as the API shows it.
domain::Service to_domain(const api::ServiceView& view) {
    auto service = domain::copy_alike_fields<domain::Service>(view);
    service.plan_id = view.plan.id;  // the view carries the whole plan
    return service;
}

bool rejected_with(const api::ApiFailure& failure, const char* code) {
    return failure.kind == api::ApiFailure::Kind::rejected && failure.error.code == code;
}

}  // namespace

CancellationFlow::CancellationFlow()
    : today_([] { return domain::company_today(static_cast<int64_t>(std::time(nullptr))); }) {}

void CancellationFlow::reset() {
    state_ = {};
    submit_attempt_.forget();
    withdraw_attempt_.forget();
    renew_attempt_.forget();
    known_requests_.clear();
    visit_.renew();
}

void CancellationFlow::enter(const Route& route, FlowContext& ctx) {
    CancellationState next;
    next.service_id = route.service_id;
    if (route.service_id == state_.service_id) {
        // The same service again: what the client chose and wrote stays, except the password
        // (never kept longer than it serves) and the acceptance (the conditions are shown anew).
        next.kind = state_.kind;
        next.form.reason = std::move(state_.form.reason);
        next.form.email = std::move(state_.form.email);
    } else {
        submit_attempt_.forget();
        withdraw_attempt_.forget();
        renew_attempt_.forget();
    }
    state_ = std::move(next);
    load(ctx);
}

void CancellationFlow::load(const FlowContext& ctx) {
    visit_.renew();
    const int64_t id = state_.service_id;
    state_.which = CancellationCase::loading;
    ctx.api.service(
        id, visit_.load(state_.service, ctx, [this, ctx](const api::ApiResult<api::ServiceView>&) {
            const auto& service = state_.service.data;
            if (!state_.service.failed() && service->type == domain::ServiceType::domain) {
                ctx.api.auto_renew(state_.service_id, visit_.load(state_.auto_renew, ctx));
            }
            // A request made earlier (another session, another device): shown to withdraw it.
            if (!state_.service.failed() && service->cancellation &&
                service->cancellation->status == "scheduled") {
                load_known_request(ctx, service->cancellation->id);
            }
            decide();
        }));
    ctx.api.invoices(visit_.load(state_.invoices, ctx,
                                 [this](const api::ApiResult<api::InvoiceList>&) { decide(); }));
    const auto known = known_requests_.find(id);
    if (known != known_requests_.end()) load_known_request(ctx, known->second);
}

void CancellationFlow::load_known_request(const FlowContext& ctx, int64_t request_id) {
    ctx.api.cancellation_request(
        request_id, visit_.guard<api::CancellationRequestView>(
                        ctx, [this](api::ApiResult<api::CancellationRequestView> result) {
                            if (!result.ok()) return;  // the form stays usable
                            if (result.value->status == "scheduled") {
                                state_.request = std::move(*result.value);
                                state_.step = CancellationStep::result;
                            }
                        }));
}

// Decides what the screen offers once the service (and, for a cancellable one, the invoices)
// are known, with the domain rule.
void CancellationFlow::decide() {
    if (state_.service.failed()) {
        state_.which = CancellationCase::failed;
        return;
    }
    if (!state_.service.data) return;
    const api::ServiceView& view = *state_.service.data;
    if (view.type == domain::ServiceType::domain) {
        state_.which = CancellationCase::domain;
        return;
    }
    if (!domain::can_be_cancelled(to_domain(view))) {
        state_.which = CancellationCase::not_active;
        return;
    }
    if (state_.invoices.failed()) {
        state_.which = CancellationCase::failed;
        return;
    }
    if (!state_.invoices.data) return;

    const domain::Service service = to_domain(view);
    std::vector<domain::Invoice> invoices;
    for (const api::InvoiceView& invoice : state_.invoices.data->invoices) {
        invoices.push_back(domain::copy_alike_fields<domain::Invoice>(invoice));
    }
    const domain::Date today = today_();
    auto immediate =
        domain::cancellation_terms(service, domain::CancellationKind::immediate, today, invoices);
    auto end_of_period = domain::cancellation_terms(
        service, domain::CancellationKind::end_of_period, today, invoices);
    if (!immediate.ok() || !end_of_period.ok()) {
        state_.which = CancellationCase::not_active;
        return;
    }
    state_.invoices_due.clear();
    for (const domain::Invoice& due : immediate.value().invoices_still_due) {
        for (const api::InvoiceView& invoice : state_.invoices.data->invoices) {
            if (invoice.id == due.id) state_.invoices_due.push_back(invoice);
        }
    }
    state_.immediate = std::move(immediate).value();
    state_.end_of_period = std::move(end_of_period).value();
    state_.which = CancellationCase::cancellable;
}

const domain::CancellationTerms* CancellationFlow::chosen_terms() const {
    if (!state_.kind) return nullptr;
    const auto& terms = *state_.kind == domain::CancellationKind::immediate ? state_.immediate
                                                                            : state_.end_of_period;
    return terms ? &*terms : nullptr;
}

bool CancellationFlow::can_submit() const {
    return state_.which == CancellationCase::cancellable && state_.step == CancellationStep::form &&
           chosen_terms() != nullptr && state_.accepted && !state_.form.email.empty() &&
           !state_.form.password.empty() && !state_.submitting;
}

void CancellationFlow::handle(const CancellationIntent& intent, FlowContext& ctx) {
    std::visit(Overloaded{
                   [&](const ReloadCancellation&) {
                       if (!state_.submitting) load(ctx);
                   },
                   [&](const ChooseCancellationKind& value) {
                       if (state_.step != CancellationStep::form || state_.submitting) return;
                       // Another kind means another date: the conditions must be accepted again.
                       if (state_.kind != value.kind) state_.accepted = false;
                       state_.kind = value.kind;
                   },
                   [&](const AcceptCancellationConditions& value) {
                       if (state_.step == CancellationStep::form && !state_.submitting) {
                           state_.accepted = value.accepted && state_.kind.has_value();
                       }
                   },
                   [&](const SubmitCancellation&) { submit(ctx); },
                   [&](const AskWithdrawCancellation&) {
                       if (state_.request && state_.request->status == "scheduled") {
                           state_.withdrawal.ask();
                       }
                   },
                   [&](const KeepCancellation&) { state_.withdrawal.keep(); },
                   [&](const ConfirmWithdrawCancellation&) { withdraw(ctx); },
                   [&](const StartNewCancellation&) {
                       if (state_.request && state_.request->status == "withdrawn") {
                           state_.request.reset();
                           state_.step = CancellationStep::form;
                           state_.accepted = false;
                           known_requests_.erase(state_.service_id);
                           load(ctx);  // invoices and dates may have changed
                       }
                   },
                   [&](const SetAutoRenew& value) { set_auto_renew(value.enabled, ctx); },
               },
               intent);
}

void CancellationFlow::submit(FlowContext& ctx) {
    if (state_.submitting || state_.which != CancellationCase::cancellable ||
        state_.step != CancellationStep::form) {
        return;  // a second click while the first is on its way does nothing
    }
    CancellationForm& form = state_.form;
    state_.email_error = form.email.empty()
                             ? std::optional<CancellationText>(CancellationText::email_required)
                             : std::nullopt;
    state_.password_error =
        form.password.empty() ? std::optional<CancellationText>(CancellationText::password_required)
                              : std::nullopt;
    if (!can_submit()) return;

    api::CancellationRequestBody body;
    body.type = *state_.kind;
    body.reason = form.reason;
    body.email = form.email;
    body.password = form.password;
    // Same body as the unanswered attempt: same key, so the server acts at most once.
    const std::string& key = submit_attempt_.key_for(api::encode(body), ctx);
    state_.submitting = true;
    state_.submit_problem.reset();
    state_.submit_refusal.reset();
    const int64_t service_id = state_.service_id;
    using View = api::CancellationRequestView;
    // The request made is remembered even when the client has moved on: it exists on the server.
    auto on_answer = visit_.drop_stale<View>(
        submit_attempt_.settling<View>([this, service_id, ctx](api::ApiResult<View> result) {
            state_.submitting = false;
            if (result.ok()) {
                state_.form.password.clear();  // it has served
                state_.request = std::move(*result.value);
                state_.step = CancellationStep::result;
                state_.withdrawal.asking = false;
                return;
            }
            const api::ApiFailure& failure = result.failure;
            if (rejected_with(failure, "reauthentication_failed")) {
                // Only the password goes; the kind, reason and email stay as typed.
                state_.form.password.clear();
                state_.submit_refusal = CancellationText::wrong_credentials;
                if (failure.error.field == "email") {
                    state_.email_error = CancellationText::mismatch;
                } else {
                    state_.password_error = CancellationText::mismatch;
                }
                return;
            }
            if (rejected_with(failure, "cancellation_already_requested")) {
                const auto known = known_requests_.find(service_id);
                if (known != known_requests_.end()) {
                    state_.submit_refusal = CancellationText::already_requested_known;
                    load_known_request(ctx, known->second);
                } else {
                    state_.submit_refusal = CancellationText::already_requested;
                }
                return;
            }
            if (rejected_with(failure, "service_not_active") ||
                rejected_with(failure, "domain_not_cancellable")) {
                load(ctx);  // the service changed meanwhile: show what it is now
                return;
            }
            state_.submit_problem = describe(failure);
        }));
    ctx.api.request_cancellation(
        service_id, body, key,
        ctx.guard<View>([this, service_id, on_answer](api::ApiResult<View> result) mutable {
            if (result.ok()) known_requests_[service_id] = result.value->id;
            on_answer(std::move(result));
        }));
}

void CancellationFlow::withdraw(FlowContext& ctx) {
    Withdrawal<CancellationText>& withdrawal = state_.withdrawal;
    if (!withdrawal.asking || withdrawal.withdrawing || !state_.request) return;
    const int64_t request_id = state_.request->id;
    withdrawal.start();
    using View = api::CancellationRequestView;
    ctx.api.withdraw_cancellation(
        request_id, withdraw_attempt_.key_for(std::to_string(request_id), ctx),
        visit_.guard<View>(
            ctx, withdraw_attempt_.settling<View>([this](api::ApiResult<View> result) {
                Withdrawal<CancellationText>& w = state_.withdrawal;
                if (result.ok()) {
                    state_.request = std::move(*result.value);
                    w.settle();
                } else if (rejected_with(result.failure, "cancellation_already_effective")) {
                    w.settle();
                    w.refusal = CancellationText::already_effective;
                } else {
                    w.fail(describe(result.failure));
                }
            })));
}

void CancellationFlow::set_auto_renew(bool enabled, FlowContext& ctx) {
    if (state_.which != CancellationCase::domain || state_.saving_renew ||
        !state_.auto_renew.data || state_.auto_renew.data->enabled == enabled) {
        return;
    }
    state_.saving_renew = true;
    state_.renew_problem.reset();
    state_.renew_refusal.reset();
    using View = api::AutoRenewView;
    ctx.api.set_auto_renew(
        state_.service_id, api::AutoRenewBody{enabled},
        renew_attempt_.key_for(enabled ? "on" : "off", ctx),
        visit_.guard<View>(ctx, renew_attempt_.settling<View>([this](api::ApiResult<View> result) {
            state_.saving_renew = false;
            if (result.ok()) {
                state_.auto_renew.succeed(*result.value);
                state_.renew_changed = true;
                return;
            }
            if (rejected_with(result.failure, "auto_renew_not_changeable")) {
                state_.renew_refusal = CancellationText::renew_not_changeable;
                return;
            }
            state_.renew_problem = describe(result.failure);
        })));
}

}  // namespace portal::app
