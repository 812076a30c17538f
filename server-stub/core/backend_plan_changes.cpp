// [SECTION] Handlers: upgrade/downgrade (RULES.md §3) — options with their quotes, the order (an
// upgrade waits for its invoice, a downgrade is scheduled), its withdrawal, and the request to
// the account executive when no automatic change exists.
#include <algorithm>

#include "core/backend.h"
#include "core/language.h"
#include "core/responses.h"
#include "core/text_rules.h"
#include "core/views.h"
#include "domain/billing.h"
#include "domain/upgrade_quote.h"

namespace portal::backend {

namespace {

// Automatic changes exist when the current plan and at least one other plan of the product allow
// them ("if no upgrade option appears, the systems judge it cannot be done automatically").
bool has_automatic_change(const domain::Plan& current, const std::vector<domain::Plan>& plans) {
    if (!current.automatic_upgrade) return false;
    return std::any_of(plans.begin(), plans.end(), [&](const domain::Plan& p) {
        return p.id != current.id && p.automatic_upgrade;
    });
}

// An upgrade request's subject, in the language the client writes in.
std::string upgrade_request_subject(const std::string& language, const std::string& service) {
    constexpr Words kSubject{"Cambio de plan: ", "Plan change: "};
    return std::string(kSubject.in(language)) + service;
}

}  // namespace

Response Backend::get_upgrade_options(Call& call) {
    auto service = find_service(call);
    if (auto answer = unless_active(service, "only an active service can change plan"))
        return *answer;
    auto current = store_.plan(service->plan_id);
    if (!current) return refused({"plan_unknown", "the service's plan is not in the catalog"});
    auto plans = store_.plans_of_product(service->type);
    std::sort(plans.begin(), plans.end(),
              [](const domain::Plan& a, const domain::Plan& b) { return a.rank < b.rank; });

    const domain::Money paid = domain::paid_for_period(*service, current->price.currency,
                                                       store_.invoices_of(call.client_id));
    api::UpgradeOptions answer;
    answer.service_id = service->id;
    answer.automatic = has_automatic_change(*current, plans);
    if (answer.automatic) {
        for (const auto& target : plans) {
            if (target.id == current->id) continue;
            auto quote = domain::quote_plan_change(*service, *current, target, paid, call.today);
            if (!quote.ok()) continue;  // e.g. a plan that is not automatic, another currency
            answer.options.push_back(
                {plan_summary(target, call.language),
                 quote.value().direction,
                 {quote.value().amount_due, quote.value().period_start, quote.value().period_end}});
        }
    }
    return json_answer(200, answer);
}

Response Backend::create_upgrade_order(Call& call) {
    api::UpgradeOrderRequest body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    const std::string plan_id = body.plan_id;

    return commit(call, [&]() -> Response {
        auto service = find_service(call);
        if (!service) return not_found("service");
        auto target = store_.plan(plan_id);
        if (!target) {
            return error_response(422, "unknown_plan", "plan_id: no such plan", "plan_id");
        }
        auto current = store_.plan(service->plan_id);
        if (!current) return refused({"plan_unknown", "the service's plan is not in the catalog"});
        auto orders = store_.upgrade_orders_of(call.client_id);
        if (open_order_of(orders, service->id)) {
            return refused({"order_pending",
                            "this service already has an open plan change; withdraw it first"});
        }
        for (const auto& cancellation : store_.cancellations_of(call.client_id)) {
            if (cancellation.service_id == service->id &&
                cancellation_status(cancellation, call.today) == "scheduled") {
                return refused({"cancellation_scheduled",
                                "this service is being cancelled; withdraw that request first"});
            }
        }
        auto invoices = store_.invoices_of(call.client_id);
        const domain::Money paid =
            domain::paid_for_period(*service, current->price.currency, invoices);
        auto quote = domain::quote_plan_change(*service, *current, *target, paid, call.today);
        if (!quote.ok()) return refused(quote.error());
        const domain::UpgradeQuote& q = quote.value();

        UpgradeOrderRecord order;
        order.client_id = call.client_id;
        order.service_id = service->id;
        order.from_plan_id = current->id;
        order.to_plan_id = target->id;
        order.direction = q.direction;
        order.amount_due = q.amount_due;
        order.period_start = q.period_start;
        order.period_end = q.period_end;
        order.created_at = call.now;
        order.status = domain::initial_status(q);

        std::optional<domain::Invoice> invoice;
        switch (order.status) {
            case domain::OrderStatus::awaiting_payment:
                // The invoice first; the plan changes when it is paid (pay_invoice).
                invoice.emplace();
                invoice->client_id = call.client_id;
                invoice->service_id = service->id;
                invoice->kind = domain::InvoiceKind::plan_change;
                invoice->plan_id = target->id;
                invoice->amount = q.amount_due;
                invoice->credit = q.already_paid;
                invoice->issued_on = call.today;
                invoice->due_on = call.today.add_days(domain::kUpgradePaymentDays);
                invoice->period_start = q.period_start;
                invoice->period_end = q.period_end;
                invoice->status = domain::InvoiceStatus::unpaid;
                invoice->id = store_.insert_invoice(*invoice);
                invoice_event(domain::AlertEvent::invoice_generated, *invoice, call.now);
                order.invoice_id = invoice->id;
                order.expires_on = domain::payment_deadline(invoice->due_on, service->period_end);
                break;
            case domain::OrderStatus::applied:
                // Nothing to pay: enabled at once, in the period already paid.
                order.effective_on = call.today;
                service->plan_id = target->id;
                store_.update_service(*service);
                break;
            default: {
                // Scheduled for the day after the paid period. A renewal already generated at
                // the old price is replaced by one at the new price, unless it was paid.
                order.effective_on = service->period_end.add_days(1);
                for (const auto& renewal : invoices) {
                    if (renewal.service_id != service->id ||
                        renewal.period_start != *order.effective_on ||
                        renewal.status == domain::InvoiceStatus::cancelled) {
                        continue;
                    }
                    if (renewal.status == domain::InvoiceStatus::paid) {
                        return refused({"renewal_generated",
                                        "the next period is already paid at the current plan"});
                    }
                    store_.set_invoice_status(call.client_id, renewal.id,
                                              domain::InvoiceStatus::cancelled);
                    invoice_event(domain::AlertEvent::invoice_cancelled, renewal, call.now);
                    auto lower = domain::renewal_due(*service, *target, call.today, {});
                    if (lower) {
                        lower->id = store_.insert_invoice(*lower);
                        invoice_event(domain::AlertEvent::invoice_generated, *lower, call.now);
                    }
                }
                break;
            }
        }
        order.id = store_.insert_upgrade_order(order);

        std::optional<api::InvoiceView> invoice_answer;
        if (invoice)
            invoice_answer =
                invoice_view(*invoice, service->name, call.today, plan_names(call), {}, {order});
        return json_answer(201, api::UpgradeOrderResult{upgrade_order_view(order), invoice_answer});
    });
}

Response Backend::get_upgrade_order(Call& call) {
    auto id = parse_id(call.params.at("id"));
    if (!id) return not_found("upgrade order");
    for (const auto& order : store_.upgrade_orders_of(call.client_id)) {
        if (order.id == *id) return json_answer(200, upgrade_order_view(order));
    }
    return not_found("upgrade order");
}

std::optional<domain::DomainError> Backend::withdraw_order(int64_t client_id,
                                                           UpgradeOrderRecord& order) {
    switch (order.status) {
        case domain::OrderStatus::withdrawn:
            return std::nullopt;
        case domain::OrderStatus::applied:
            return domain::DomainError{"order_applied", "the plan change already took effect"};
        case domain::OrderStatus::expired:
            return domain::DomainError{"order_expired", "the plan change expired unpaid"};
        case domain::OrderStatus::awaiting_payment:
            if (order.invoice_id) {
                store_.set_invoice_status(client_id, *order.invoice_id,
                                          domain::InvoiceStatus::cancelled);
                cancelled_invoice_event(client_id, *order.invoice_id);
            }
            break;
        case domain::OrderStatus::scheduled:
            // Until the renewal at the new price exists: then the next period is invoiced.
            for (const auto& invoice : store_.invoices_of(client_id)) {
                if (invoice.service_id == order.service_id &&
                    invoice.period_start == order.effective_on &&
                    invoice.status != domain::InvoiceStatus::cancelled) {
                    return domain::DomainError{
                        "renewal_generated", "the next period is already invoiced at the new plan"};
                }
            }
            break;
    }
    order.status = domain::OrderStatus::withdrawn;
    store_.update_upgrade_order(order);
    return std::nullopt;
}

Response Backend::withdraw_upgrade_order(Call& call) {
    auto id = parse_id(call.params.at("id"));
    if (!id) return not_found("upgrade order");
    return commit(call, [&]() -> Response {
        auto orders = store_.upgrade_orders_of(call.client_id);
        auto order = std::find_if(orders.begin(), orders.end(),
                                  [&](const UpgradeOrderRecord& o) { return o.id == *id; });
        if (order == orders.end()) return not_found("upgrade order");
        if (order->status == domain::OrderStatus::withdrawn) {
            return json_answer(200, upgrade_order_view(*order));  // already: the same answer
        }
        if (auto refusal = withdraw_order(call.client_id, *order)) return refused(*refusal);
        return json_answer(200, upgrade_order_view(*order));
    });
}

std::optional<Response> Backend::refuse_upgrade_request(
    const Call& call, const std::optional<domain::Service>& service) {
    if (auto answer = unless_active(service, "only an active service can change plan")) {
        return answer;
    }
    auto current = store_.plan(service->plan_id);
    if (current && has_automatic_change(*current, store_.plans_of_product(service->type))) {
        return refused(
            {"upgrade_is_automatic", "this service can change plan directly: use upgrade-orders"});
    }
    // Requests wait for the account executive; a client cannot pile up more than a few.
    const int64_t month_ago = call.now - 30 * 86400;
    if (at_limit(store_.tickets_of(call.client_id), config_.max_recent_upgrade_requests,
                 [&](const TicketRecord& ticket) {
                     return ticket.kind == domain::TicketKind::upgrade_request &&
                            month_ago < ticket.opened_at;
                 })) {
        return refused({"too_many_upgrade_requests",
                        "too many upgrade requests in the last 30 days; the account "
                        "executive will answer those first"});
    }
    return std::nullopt;
}

// The request becomes an upgrade_request ticket to sales about the service, so the client follows
// the account executive's answer, and when it is due, in «Soporte».
Response Backend::create_upgrade_request(Call& call) {
    api::UpgradeRequestBody body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    api::NewTicket request;
    request.department = domain::TicketDepartment::sales;
    request.kind = domain::TicketKind::upgrade_request;
    request.subject = "-";  // the service's, once it is found
    request.message = body.message;
    if (auto refusal = refuse_ticket_texts(request)) return *refusal;
    return commit(call, [&]() -> Response {
        auto service = find_service(call);
        if (!service) return not_found("service");
        request.service_id = service->id;
        request.subject = upgrade_request_subject(call.language, service->name);
        return open_ticket(call, request);
    });
}

}  // namespace portal::backend
