#include "core/views.h"

#include <utility>

namespace portal::backend {

api::PlanSummary plan_summary(const domain::Plan& plan) {
    return {plan.id, plan.name, plan.price, plan.cycle};
}

api::ServiceView service_view(const domain::Service& service, const domain::Plan* plan,
                              std::optional<api::ServiceCancellation> cancellation) {
    api::ServiceView view;
    view.id = service.id;
    view.name = service.name;
    view.type = service.type;
    view.status = service.status;
    view.domain = service.domain;
    view.plan = plan ? plan_summary(*plan)
                     : api::PlanSummary{service.plan_id, service.plan_id,
                                        domain::Money::zero(service.paid_for_period.currency),
                                        domain::BillingCycle::monthly};
    view.period_start = service.period_start;
    view.period_end = service.period_end;
    view.paid_for_period = service.paid_for_period;
    view.next_due_on = service.next_due_on;
    view.platform = service.platform;
    view.cancellation = std::move(cancellation);
    return view;
}

domain::InvoiceStatus invoice_status_on(const domain::Invoice& invoice, domain::Date today) {
    if (invoice.status == domain::InvoiceStatus::unpaid && invoice.due_on < today) {
        return domain::InvoiceStatus::overdue;
    }
    return invoice.status;
}

api::InvoiceView invoice_view(const domain::Invoice& invoice, const std::string& service_name,
                              domain::Date today) {
    return {invoice.id,         invoice.service_id,
            service_name,       invoice.description,
            invoice.amount,     invoice.issued_on,
            invoice.due_on,     invoice.period_start,
            invoice.period_end, invoice_status_on(invoice, today)};
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
    return {order.id,        order.service_id, order.from_plan_id, order.to_plan_id,
            order.direction, order.amount_due, order.period_start, order.period_end};
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
