// [SECTION] What the date brings to a client's money (RULES.md §3), settled before any of the
// client's requests is answered, so no separate process is needed: unpaid upgrades expire,
// scheduled downgrades take effect, renewals are generated ahead of the period's end.
#include "core/backend.h"
#include "core/views.h"
#include "domain/activation_estimate.h"
#include "domain/billing.h"

namespace portal::backend {

namespace {

bool cancellation_scheduled(const std::vector<CancellationRecord>& cancellations,
                            int64_t service_id, domain::Date today) {
    for (const auto& cancellation : cancellations) {
        if (cancellation.service_id == service_id &&
            cancellation_status(cancellation, today) == "scheduled") {
            return true;
        }
    }
    return false;
}

}  // namespace

api::ServiceView Backend::service_answer(const domain::Service& service, const domain::Plan* plan,
                                         const std::vector<domain::Invoice>& invoices,
                                         const std::vector<UpgradeOrderRecord>& orders,
                                         const std::vector<CancellationRecord>& cancellations,
                                         const Call& call) {
    const std::string currency = plan ? plan->price.currency : std::string("USD");
    api::ServiceView view = service_view(
        service, plan, call.language, domain::paid_for_period(service, currency, invoices),
        open_order_of(orders, service.id),
        service_cancellation(cancellations, service.id, call.today));
    if (view.pending_plan_change) {
        // The client reads the target plan by its name; a plan gone from the catalog by its id.
        api::PendingPlanChange& change = *view.pending_plan_change;
        change.to_plan_name = plan_name(plan_names(call), change.to_plan_id);
    }
    if (service.status == domain::ServiceStatus::pending) {
        view.activation_estimate = activation_estimate_view(
            service, domain::estimate_activation(config_.calendar, service.type,
                                                 service.requirements_met_on, service.platform));
    }
    return view;
}

PlanNames Backend::plan_names(const Call& call) {
    return plan_names(call.language);
}

PlanNames Backend::plan_names(const std::string& language) {
    return {language, [this](std::string_view plan_id) { return store_.plan(plan_id); }};
}

void Backend::settle_billing(int64_t client_id, domain::Date today) {
    // Run once to look (write = false), and again inside a transaction only when something is
    // due: most requests find nothing to do and write nothing.
    auto settle = [&](bool write) {
        bool due = false;
        auto orders = store_.upgrade_orders_of(client_id);
        auto services = store_.services_of(client_id);
        for (auto& order : orders) {
            const bool expired = order.status == domain::OrderStatus::awaiting_payment &&
                                 order.expires_on && *order.expires_on < today;
            const bool takes_effect = order.status == domain::OrderStatus::scheduled &&
                                      order.effective_on && *order.effective_on <= today;
            if (!expired && !takes_effect) continue;
            due = true;
            if (!write) continue;
            if (expired) {
                order.status = domain::OrderStatus::expired;
                if (order.invoice_id) {
                    store_.set_invoice_status(client_id, *order.invoice_id,
                                              domain::InvoiceStatus::cancelled);
                    cancelled_invoice_event(client_id, *order.invoice_id);
                }
            } else {
                order.status = domain::OrderStatus::applied;
                for (auto& service : services) {
                    if (service.id != order.service_id) continue;
                    service.plan_id = order.to_plan_id;
                    store_.update_service(service);
                }
            }
            store_.update_upgrade_order(order);
        }

        std::vector<domain::Invoice> invoices;
        std::vector<CancellationRecord> cancellations;
        bool loaded = false;
        for (const auto& service : services) {
            if (service.status != domain::ServiceStatus::active || !service.auto_renew ||
                today < domain::renewal_day(service)) {
                continue;
            }
            if (!loaded) {
                invoices = store_.invoices_of(client_id);
                cancellations = store_.cancellations_of(client_id);
                loaded = true;
            }
            if (cancellation_scheduled(cancellations, service.id, today)) continue;
            // The plan then in force: a downgrade scheduled for the next period renews lower.
            std::string plan_id = service.plan_id;
            const UpgradeOrderRecord* open = open_order_of(orders, service.id);
            if (open && open->status == domain::OrderStatus::scheduled &&
                open->effective_on == service.period_end.add_days(1)) {
                plan_id = open->to_plan_id;
            }
            auto plan = store_.plan(plan_id);
            if (!plan) continue;
            auto renewal = domain::renewal_due(service, *plan, today, invoices);
            if (!renewal) continue;
            due = true;
            if (!write) continue;
            renewal->id = store_.insert_invoice(*renewal);
            invoice_event(domain::AlertEvent::invoice_generated, *renewal, clock_.now());
            invoices.push_back(*renewal);
        }
        return due;
    };
    if (!settle(false)) return;
    store_.transaction([&] {
        settle(true);
        return true;
    });
}

}  // namespace portal::backend
