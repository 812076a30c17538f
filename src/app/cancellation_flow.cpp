#include "app/cancellation_flow.h"

#include <ctime>
#include <type_traits>

namespace portal::app {
namespace {

std::string service_path(int64_t id, const char* tail) {
    return "/services/" + std::to_string(id) + tail;
}

std::string request_path(int64_t id) {
    return "/cancellation-requests/" + std::to_string(id);
}

domain::Service to_domain(const api::ServiceView& view) {
    domain::Service service;
    service.id = view.id;
    service.name = view.name;
    service.type = view.type;
    service.status = view.status;
    service.domain = view.domain;
    service.plan_id = view.plan.id;
    service.period_start = view.period_start;
    service.period_end = view.period_end;
    service.paid_for_period = view.paid_for_period;
    service.next_due_on = view.next_due_on;
    return service;
}

domain::Invoice to_domain(const api::InvoiceView& view) {
    domain::Invoice invoice;
    invoice.id = view.id;
    invoice.service_id = view.service_id;
    invoice.description = view.description;
    invoice.amount = view.amount;
    invoice.issued_on = view.issued_on;
    invoice.due_on = view.due_on;
    invoice.period_start = view.period_start;
    invoice.period_end = view.period_end;
    invoice.status = view.status;
    return invoice;
}

bool rejected_with(const api::ApiFailure& failure, const char* code) {
    return failure.kind == api::ApiFailure::Kind::rejected && failure.error.code == code;
}

}  // namespace

CancellationFlow::CancellationFlow()
    : today_([] { return domain::company_today(static_cast<int64_t>(std::time(nullptr))); }) {}

void CancellationFlow::reset() {
    state_ = {};
    submit_attempt_ = {};
    withdraw_attempt_ = {};
    renew_attempt_ = {};
    known_requests_.clear();
    ++generation_;
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
        submit_attempt_ = {};
        withdraw_attempt_ = {};
        renew_attempt_ = {};
    }
    state_ = std::move(next);
    load(ctx);
}

void CancellationFlow::load(const FlowContext& ctx) {
    const uint64_t visit = ++generation_;
    const int64_t id = state_.service_id;
    state_.which = CancellationCase::loading;
    state_.service.start();
    state_.invoices.start();
    ctx.api.service(id, ctx.guard<api::ServiceView>([this, visit, ctx](auto result) {
        if (visit != generation_) return;
        if (!result.ok()) {
            state_.service.fail(describe(result.failure));
            decide();
            return;
        }
        const bool is_domain = result.value->type == domain::ServiceType::domain;
        state_.service.succeed(std::move(*result.value));
        if (is_domain) {
            state_.auto_renew.start();
            ctx.api.get<api::AutoRenewView>(
                service_path(state_.service_id, "/auto-renew"),
                ctx.guard<api::AutoRenewView>([this, visit](api::ApiResult<api::AutoRenewView> r) {
                    if (visit != generation_) return;
                    if (r.ok()) {
                        state_.auto_renew.succeed(*r.value);
                    } else {
                        state_.auto_renew.fail(describe(r.failure));
                    }
                }));
        }
        decide();
    }));
    ctx.api.get<api::InvoiceList>(
        "/invoices",
        ctx.guard<api::InvoiceList>([this, visit](api::ApiResult<api::InvoiceList> result) {
            if (visit != generation_) return;
            if (result.ok()) {
                state_.invoices.succeed(std::move(*result.value));
            } else {
                state_.invoices.fail(describe(result.failure));
            }
            decide();
        }));
    const auto known = known_requests_.find(id);
    if (known != known_requests_.end()) load_known_request(ctx, known->second);
}

void CancellationFlow::load_known_request(const FlowContext& ctx, int64_t request_id) {
    const uint64_t visit = generation_;
    ctx.api.get<api::CancellationRequestView>(
        request_path(request_id),
        ctx.guard<api::CancellationRequestView>(
            [this, visit](api::ApiResult<api::CancellationRequestView> result) {
                if (visit != generation_ || !result.ok()) return;  // the form stays usable
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
    if (view.status != domain::ServiceStatus::active) {
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
        invoices.push_back(to_domain(invoice));
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
    std::visit(
        [&](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, ReloadCancellation>) {
                if (!state_.submitting) load(ctx);
            }
            if constexpr (std::is_same_v<T, ChooseCancellationKind>) {
                if (state_.step != CancellationStep::form || state_.submitting) return;
                // Another kind means another date: the conditions must be accepted again.
                if (state_.kind != value.kind) state_.accepted = false;
                state_.kind = value.kind;
            }
            if constexpr (std::is_same_v<T, AcceptCancellationConditions>) {
                if (state_.step == CancellationStep::form && !state_.submitting) {
                    state_.accepted = value.accepted && state_.kind.has_value();
                }
            }
            if constexpr (std::is_same_v<T, SubmitCancellation>) submit(ctx);
            if constexpr (std::is_same_v<T, AskWithdrawCancellation>) {
                if (state_.request && state_.request->status == "scheduled") {
                    state_.asking_withdraw = true;
                    state_.withdraw_problem.reset();
                    state_.withdraw_refusal.reset();
                }
            }
            if constexpr (std::is_same_v<T, KeepCancellation>) {
                if (!state_.withdrawing) state_.asking_withdraw = false;
            }
            if constexpr (std::is_same_v<T, ConfirmWithdrawCancellation>) withdraw(ctx);
            if constexpr (std::is_same_v<T, StartNewCancellation>) {
                if (state_.request && state_.request->status == "withdrawn") {
                    state_.request.reset();
                    state_.step = CancellationStep::form;
                    state_.accepted = false;
                    known_requests_.erase(state_.service_id);
                    load(ctx);  // invoices and dates may have changed
                }
            }
            if constexpr (std::is_same_v<T, SetAutoRenew>) set_auto_renew(value.enabled, ctx);
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
    const std::string what = api::encode(body);
    if (submit_attempt_.key.empty() || submit_attempt_.what != what) {
        submit_attempt_ = {what, ctx.new_idempotency_key()};
    }
    state_.submitting = true;
    state_.submit_problem.reset();
    state_.submit_refusal.reset();
    const uint64_t visit = generation_;
    const int64_t service_id = state_.service_id;
    ctx.api.post<api::CancellationRequestView>(
        service_path(service_id, "/cancellation-requests"), body, submit_attempt_.key,
        ctx.guard<api::CancellationRequestView>(
            [this, visit, service_id, ctx](api::ApiResult<api::CancellationRequestView> result) {
                if (result.ok()) known_requests_[service_id] = result.value->id;
                if (visit != generation_) return;
                state_.submitting = false;
                if (result.ok()) {
                    submit_attempt_ = {};
                    state_.form.password.clear();  // it has served
                    state_.request = std::move(*result.value);
                    state_.step = CancellationStep::result;
                    state_.asking_withdraw = false;
                    return;
                }
                const api::ApiFailure& failure = result.failure;
                const Problem problem = describe(failure);
                if (!problem.retryable) submit_attempt_ = {};
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
                state_.submit_problem = problem;
            }));
}

void CancellationFlow::withdraw(FlowContext& ctx) {
    if (!state_.asking_withdraw || state_.withdrawing || !state_.request) return;
    const int64_t request_id = state_.request->id;
    const std::string what = std::to_string(request_id);
    if (withdraw_attempt_.key.empty() || withdraw_attempt_.what != what) {
        withdraw_attempt_ = {what, ctx.new_idempotency_key()};
    }
    state_.withdrawing = true;
    state_.withdraw_problem.reset();
    state_.withdraw_refusal.reset();
    const uint64_t visit = generation_;
    ctx.api.del<api::CancellationRequestView>(
        request_path(request_id), withdraw_attempt_.key,
        ctx.guard<api::CancellationRequestView>(
            [this, visit](api::ApiResult<api::CancellationRequestView> result) {
                if (visit != generation_) return;
                state_.withdrawing = false;
                if (result.ok()) {
                    withdraw_attempt_ = {};
                    state_.request = std::move(*result.value);
                    state_.asking_withdraw = false;
                    return;
                }
                const Problem problem = describe(result.failure);
                if (!problem.retryable) withdraw_attempt_ = {};
                if (rejected_with(result.failure, "cancellation_already_effective")) {
                    state_.withdraw_refusal = CancellationText::already_effective;
                    state_.asking_withdraw = false;
                    return;
                }
                state_.withdraw_problem = problem;
            }));
}

void CancellationFlow::set_auto_renew(bool enabled, FlowContext& ctx) {
    if (state_.which != CancellationCase::domain || state_.saving_renew ||
        !state_.auto_renew.data || state_.auto_renew.data->enabled == enabled) {
        return;
    }
    const std::string what = enabled ? "on" : "off";
    if (renew_attempt_.key.empty() || renew_attempt_.what != what) {
        renew_attempt_ = {what, ctx.new_idempotency_key()};
    }
    state_.saving_renew = true;
    state_.renew_problem.reset();
    state_.renew_refusal.reset();
    const uint64_t visit = generation_;
    ctx.api.put<api::AutoRenewView>(
        service_path(state_.service_id, "/auto-renew"), api::AutoRenewBody{enabled},
        renew_attempt_.key,
        ctx.guard<api::AutoRenewView>([this, visit](api::ApiResult<api::AutoRenewView> result) {
            if (visit != generation_) return;
            state_.saving_renew = false;
            if (result.ok()) {
                renew_attempt_ = {};
                state_.auto_renew.succeed(*result.value);
                state_.renew_changed = true;
                return;
            }
            const Problem problem = describe(result.failure);
            if (!problem.retryable) renew_attempt_ = {};
            if (rejected_with(result.failure, "auto_renew_not_changeable")) {
                state_.renew_refusal = CancellationText::renew_not_changeable;
                return;
            }
            state_.renew_problem = problem;
        }));
}

}  // namespace portal::app
