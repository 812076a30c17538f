// [SECTION] Handlers: upgrade/downgrade (RULES.md §3) — options with their quotes, the order that
// changes the plan and bills the difference, and the request to the account executive when no
// automatic change exists.
#include <algorithm>

#include "core/backend.h"
#include "core/responses.h"
#include "core/text_rules.h"
#include "core/views.h"
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

}  // namespace

size_t Backend::unpaid_upgrade_orders(int64_t client_id) {
    const auto invoices = store_.invoices_of(client_id);
    size_t unpaid = 0;
    for (const auto& order : store_.upgrade_orders_of(client_id)) {
        if (!order.invoice_id) continue;
        unpaid += static_cast<size_t>(
            std::count_if(invoices.begin(), invoices.end(), [&](const domain::Invoice& invoice) {
                return invoice.id == *order.invoice_id &&
                       invoice.status == domain::InvoiceStatus::unpaid;
            }));
    }
    return unpaid;
}

Response Backend::get_upgrade_options(Call& call) {
    auto service = find_service(call);
    if (auto answer = unless_active(service, "only an active service can change plan"))
        return *answer;
    auto current = store_.plan(service->plan_id);
    if (!current) return refused({"plan_unknown", "the service's plan is not in the catalog"});
    auto plans = store_.plans_of_product(service->type);
    std::sort(plans.begin(), plans.end(),
              [](const domain::Plan& a, const domain::Plan& b) { return a.rank < b.rank; });

    api::UpgradeOptions answer;
    answer.service_id = service->id;
    answer.automatic = has_automatic_change(*current, plans);
    if (answer.automatic) {
        for (const auto& target : plans) {
            if (target.id == current->id) continue;
            auto quote = domain::quote_plan_change(*service, *current, target, call.today);
            if (!quote.ok()) continue;  // e.g. a plan that is not automatic, another currency
            answer.options.push_back(
                {plan_summary(target),
                 quote.value().direction,
                 {quote.value().amount_due, quote.value().period_start, quote.value().period_end}});
        }
    }
    return json_answer(200, answer);
}

Response Backend::create_upgrade_order(Call& call) {
    auto body = api::decode<api::UpgradeOrderRequest>(call.request.body);
    if (!body.ok()) return bad_request(body.error());
    const std::string plan_id = body.value().plan_id;

    return commit(call, [&]() -> Response {
        auto service = find_service(call);
        if (!service) return not_found("service");
        auto target = store_.plan(plan_id);
        if (!target) {
            return error_response(422, "unknown_plan", "plan_id: no such plan", "plan_id");
        }
        auto current = store_.plan(service->plan_id);
        if (!current) return refused({"plan_unknown", "the service's plan is not in the catalog"});
        auto quote = domain::quote_plan_change(*service, *current, *target, call.today);
        if (!quote.ok()) return refused(quote.error());
        const domain::UpgradeQuote& q = quote.value();
        if (!q.amount_due.is_zero() &&
            unpaid_upgrade_orders(call.client_id) >= config_.max_unpaid_upgrade_orders) {
            return refused({"too_many_unpaid_orders",
                            "too many plan changes wait for payment; pay their invoices first"});
        }

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

        // Only an upgrade with something to pay generates an invoice; a downgrade costs nothing
        // and refunds nothing (RULES.md §3).
        std::optional<api::InvoiceView> invoice_answer;
        if (!q.amount_due.is_zero()) {
            domain::Invoice invoice;
            invoice.client_id = call.client_id;
            invoice.service_id = service->id;
            invoice.description = "Upgrade " + current->name + " -> " + target->name;
            invoice.amount = q.amount_due;
            invoice.issued_on = call.today;
            invoice.due_on = call.today.add_days(7);
            invoice.period_start = q.period_start;
            invoice.period_end = q.period_end;
            invoice.status = domain::InvoiceStatus::unpaid;
            invoice.id = store_.insert_invoice(invoice);
            order.invoice_id = invoice.id;
            invoice_answer = invoice_view(invoice, service->name, call.today);
        }
        order.id = store_.insert_upgrade_order(order);

        // The new plan runs from today for one whole cycle; what was paid plus the difference
        // is what the client has paid for it.
        auto paid = domain::add(q.already_paid, q.amount_due);
        service->plan_id = target->id;
        service->period_start = q.period_start;
        service->period_end = q.period_end;
        service->paid_for_period = paid.ok() ? paid.value() : q.already_paid;
        service->next_due_on = q.period_end.add_days(1);
        store_.update_service(*service);

        Response response =
            json_answer(201, api::UpgradeOrderResult{upgrade_order_view(order), invoice_answer});
        return response;
    });
}

Response Backend::create_upgrade_request(Call& call) {
    auto body = api::decode<api::UpgradeRequestBody>(call.request.body);
    if (!body.ok()) return bad_request(body.error());
    std::string message(trim(body.value().message));
    if (auto refusal = refuse_text(message, "message", 1, 4000, TextLines::many)) return *refusal;
    return commit(call, [&]() -> Response {
        auto service = find_service(call);
        if (auto answer = unless_active(service, "only an active service can change plan"))
            return *answer;
        auto current = store_.plan(service->plan_id);
        if (current && has_automatic_change(*current, store_.plans_of_product(service->type))) {
            return refused({"upgrade_is_automatic",
                            "this service can change plan directly: use upgrade-orders"});
        }
        // Requests wait for the account executive; a client cannot pile up more than a few.
        const domain::Date month_ago = call.today.add_days(-30);
        const auto requests = store_.upgrade_requests_of(call.client_id);
        const auto recent = std::count_if(requests.begin(), requests.end(),
                                          [&](const auto& r) { return month_ago < r.created_on; });
        if (static_cast<size_t>(recent) >= config_.max_recent_upgrade_requests) {
            return refused({"too_many_upgrade_requests",
                            "too many upgrade requests in the last 30 days; the account "
                            "executive will answer those first"});
        }
        UpgradeRequestRecord request;
        request.client_id = call.client_id;
        request.service_id = service->id;
        request.message = message;
        request.created_on = call.today;
        request.id = store_.insert_upgrade_request(request);
        return json_answer(201,
                           api::UpgradeRequestView{request.id, request.service_id, request.message,
                                                   "received", request.created_on});
    });
}

}  // namespace portal::backend
