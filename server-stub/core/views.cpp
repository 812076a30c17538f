#include "core/views.h"

#include <utility>
#include "core/language.h"
#include "domain/billing.h"

namespace portal::backend {

api::PlanSummary plan_summary(const domain::Plan& plan, const std::string& language) {
    return {plan.id, in_language(language, plan.name, plan.name_en), plan.price, plan.cycle};
}

api::ServiceView service_view(const domain::Service& service, const domain::Plan* plan,
                              const std::string& language, const domain::Money& paid,
                              const UpgradeOrderRecord* open_order,
                              std::optional<api::ServiceCancellation> cancellation) {
    api::ServiceView view;
    view.id = service.id;
    view.name = service.name;
    view.type = service.type;
    view.status = service.status;
    view.domain = service.domain;
    view.plan =
        plan ? plan_summary(*plan, language)
             : api::PlanSummary{service.plan_id, service.plan_id,
                                domain::Money::zero(paid.currency), domain::BillingCycle::monthly};
    view.period_start = service.period_start;
    view.period_end = service.period_end;
    view.paid_for_period = paid;
    view.next_due_on = service.next_due_on;
    if (open_order) {
        view.pending_plan_change = api::PendingPlanChange{
            open_order->id,     open_order->to_plan_id,   open_order->direction,
            open_order->status, open_order->effective_on, open_order->invoice_id};
    }
    view.platform = service.platform;
    view.cancellation = std::move(cancellation);
    return view;
}

const UpgradeOrderRecord* open_order_of(const std::vector<UpgradeOrderRecord>& orders,
                                        int64_t service_id) {
    for (const auto& order : orders) {
        if (order.service_id == service_id &&
            (order.status == domain::OrderStatus::awaiting_payment ||
             order.status == domain::OrderStatus::scheduled)) {
            return &order;
        }
    }
    return nullptr;
}

domain::InvoiceStatus invoice_status_on(const domain::Invoice& invoice, domain::Date today) {
    if (invoice.status == domain::InvoiceStatus::unpaid && invoice.due_on < today) {
        return domain::InvoiceStatus::overdue;
    }
    return invoice.status;
}

api::PaymentView payment_view(const PaymentRecord& payment) {
    return {payment.id,      payment.invoice_id, payment.method, payment.amount,
            payment.paid_on, payment.reference,  payment.test};
}

api::InvoiceView invoice_view(const domain::Invoice& invoice, const std::string& service_name,
                              domain::Date today, const std::vector<PaymentRecord>& payments,
                              const std::vector<UpgradeOrderRecord>& orders) {
    api::InvoiceView view;
    view.id = invoice.id;
    view.service_id = invoice.service_id;
    view.service_name = service_name;
    view.description = invoice.description;
    view.amount = invoice.amount;
    view.issued_on = invoice.issued_on;
    view.due_on = invoice.due_on;
    view.period_start = invoice.period_start;
    view.period_end = invoice.period_end;
    view.status = invoice_status_on(invoice, today);
    view.kind = invoice.kind;
    if (invoice.credit.cents != 0) {
        // The new plan's price, less what was paid for the period it replaces (RULES.md §3).
        view.lines.push_back({invoice.description, domain::invoice_value(invoice)});
        view.lines.push_back({"Pagado del período actual / Paid for the current period",
                              domain::Money{-invoice.credit.cents, invoice.credit.currency}});
    } else {
        view.lines.push_back({invoice.description, invoice.amount});
    }
    for (const auto& payment : payments) {
        if (payment.invoice_id == invoice.id) view.payments.push_back(payment_view(payment));
    }
    for (const auto& order : orders) {
        if (order.invoice_id == invoice.id) view.order_id = order.id;
    }
    return view;
}

std::vector<int64_t> parse_id_list(const std::string& ids) {
    std::vector<int64_t> list;
    int64_t id = 0;
    for (size_t i = 0; i <= ids.size(); ++i) {
        if (i == ids.size() || ids[i] == ',') {
            if (id > 0) list.push_back(id);
            id = 0;
        } else if (ids[i] >= '0' && ids[i] <= '9') {
            id = id * 10 + (ids[i] - '0');
        }
    }
    return list;
}

std::string format_id_list(const std::vector<int64_t>& ids) {
    std::string text;
    for (int64_t id : ids) text += (text.empty() ? "" : ",") + std::to_string(id);
    return text;
}

std::string cancellation_status(const CancellationRecord& cancellation, domain::Date today) {
    if (cancellation.withdrawn) return "withdrawn";
    if (cancellation.effective_on < today) return "effective";
    return "scheduled";
}

std::optional<api::ServiceCancellation> service_cancellation(
    const std::vector<CancellationRecord>& client_cancellations, int64_t service_id,
    domain::Date today) {
    const CancellationRecord* latest = nullptr;
    for (const auto& each : client_cancellations) {
        if (each.service_id != service_id || each.withdrawn) continue;
        if (!latest || each.id > latest->id) latest = &each;
    }
    if (!latest) return std::nullopt;
    return api::ServiceCancellation{latest->id, latest->kind, cancellation_status(*latest, today),
                                    latest->effective_on};
}

api::CancellationRequestView cancellation_view(const CancellationRecord& cancellation,
                                               domain::Date today) {
    api::CancellationRequestView view;
    view.id = cancellation.id;
    view.service_id = cancellation.service_id;
    view.status = cancellation_status(cancellation, today);
    view.type = cancellation.kind;
    view.requested_on = cancellation.requested_on;
    view.effective_on = cancellation.effective_on;
    view.invoices_still_due = parse_id_list(cancellation.invoices_still_due);
    return view;
}

api::UpgradeOrder upgrade_order_view(const UpgradeOrderRecord& order) {
    api::UpgradeOrder view;
    view.id = order.id;
    view.service_id = order.service_id;
    view.from_plan_id = order.from_plan_id;
    view.to_plan_id = order.to_plan_id;
    view.direction = order.direction;
    view.amount_due = order.amount_due;
    view.period_start = order.period_start;
    view.period_end = order.period_end;
    view.invoice_id = order.invoice_id;
    view.status = order.status;
    // A day to come or that came: none for a change that never happened.
    const bool happens = order.status == domain::OrderStatus::scheduled ||
                         order.status == domain::OrderStatus::applied;
    if (happens) view.effective_on = order.effective_on;
    if (order.status == domain::OrderStatus::awaiting_payment) view.expires_on = order.expires_on;
    return view;
}

api::ActivationEstimateView activation_estimate_view(const domain::Service& service,
                                                     const domain::ActivationEstimate& estimate) {
    return {service.id,
            estimate.product,
            estimate.min,
            estimate.max,
            estimate.unit,
            estimate.requirement_code,
            service.requirements_met_on,
            estimate.earliest,
            estimate.latest,
            estimate.skipped_holidays};
}

}  // namespace portal::backend
