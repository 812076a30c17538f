#include "core/views.h"

#include <utility>

#include "core/language.h"
#include "domain/alike_fields.h"
#include "domain/billing.h"

namespace portal::backend {

api::PlanSummary plan_summary(const domain::Plan& plan, const std::string& language) {
    return {plan.id, in_language(language, plan.name, plan.name_en), plan.price, plan.cycle};
}

api::ServiceView service_view(const domain::Service& service, const domain::Plan* plan,
                              const std::string& language, const domain::Money& paid,
                              const UpgradeOrderRecord* open_order,
                              std::optional<api::ServiceCancellation> cancellation) {
    auto view = domain::copy_alike_fields<api::ServiceView>(service);
    view.plan =
        plan ? plan_summary(*plan, language)
             : api::PlanSummary{service.plan_id, service.plan_id,
                                domain::Money::zero(paid.currency), domain::BillingCycle::monthly};
    view.paid_for_period = paid;
    if (open_order) {
        // The target plan's name comes from the catalog (Backend::service_answer).
        view.pending_plan_change = api::PendingPlanChange{
            open_order->id,        open_order->to_plan_id, {},
            open_order->direction, open_order->status,     open_order->effective_on,
            open_order->invoice_id};
    }
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
    return domain::copy_alike_fields<api::PaymentView>(payment);
}

api::InvoiceView invoice_view(const domain::Invoice& invoice, const std::string& service_name,
                              domain::Date today, const PlanNames& names,
                              const std::vector<PaymentRecord>& payments,
                              const std::vector<UpgradeOrderRecord>& orders) {
    auto view = domain::copy_alike_fields<api::InvoiceView>(invoice);
    view.service_name = service_name;
    view.status = invoice_status_on(invoice, today);
    const UpgradeOrderRecord* order = order_of_invoice(orders, invoice.id);
    if (order) view.order_id = order->id;
    view.description = invoice_description(invoice, names, order ? order->from_plan_id : "");
    if (invoice.credit.cents != 0) {
        // The new plan's price, less what was paid for the period it replaces (RULES.md §3).
        view.lines.push_back({view.description, domain::invoice_value(invoice)});
        view.lines.push_back({std::string(credit_line_description(names.language)),
                              domain::Money{-invoice.credit.cents, invoice.credit.currency}});
    } else {
        view.lines.push_back({view.description, invoice.amount});
    }
    for (const auto& payment : payments) {
        if (payment.invoice_id == invoice.id) view.payments.push_back(payment_view(payment));
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
    auto view = domain::copy_alike_fields<api::CancellationRequestView>(cancellation);
    view.status = cancellation_status(cancellation, today);
    view.type = cancellation.kind;
    view.invoices_still_due = parse_id_list(cancellation.invoices_still_due);
    return view;
}

api::UpgradeOrder upgrade_order_view(const UpgradeOrderRecord& order) {
    auto view = domain::copy_alike_fields<api::UpgradeOrder>(order);
    // A day to come or that came: none for a change that never happened.
    const bool happens = order.status == domain::OrderStatus::scheduled ||
                         order.status == domain::OrderStatus::applied;
    if (!happens) view.effective_on.reset();
    if (order.status != domain::OrderStatus::awaiting_payment) view.expires_on.reset();
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
