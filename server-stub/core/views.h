// Stored rows → the DTOs the API answers with, including the values that depend on "today":
// an unpaid invoice past its due date is overdue; a cancellation past its effective date is
// effective and its service is cancelled.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/dto.h"
#include "core/invoice_words.h"
#include "core/records.h"
#include "domain/activation_estimate.h"
#include "domain/invoice.h"
#include "domain/service.h"

namespace portal::backend {

// The plan with its name in `language` ("es" or "en", language.h).
api::PlanSummary plan_summary(const domain::Plan& plan, const std::string& language);

// The service's latest cancellation that is not withdrawn, as the service shows it; nullopt when
// none is scheduled or effective.
std::optional<api::ServiceCancellation> service_cancellation(
    const std::vector<CancellationRecord>& client_cancellations, int64_t service_id,
    domain::Date today);

// A service whose plan is missing from the catalog still shows, with the plan id only.
// `paid` is what its paid invoices add up to for the period; `open_order` its open plan change;
// `cancellation` its scheduled or effective cancellation; `language` that of its plan's name.
api::ServiceView service_view(const domain::Service& service, const domain::Plan* plan,
                              const std::string& language, const domain::Money& paid,
                              const UpgradeOrderRecord* open_order,
                              std::optional<api::ServiceCancellation> cancellation = std::nullopt);

// The plan-change order an invoice bills, or null (an invoice bills at most one order).
template <class Orders>
auto order_of_invoice(Orders& orders, int64_t invoice_id) -> decltype(&orders.front()) {
    for (auto& order : orders) {
        if (order.invoice_id == invoice_id) return &order;
    }
    return nullptr;
}

// The service's awaiting or scheduled plan change, if any (there is at most one).
const UpgradeOrderRecord* open_order_of(const std::vector<UpgradeOrderRecord>& orders,
                                        int64_t service_id);

domain::InvoiceStatus invoice_status_on(const domain::Invoice& invoice, domain::Date today);
// `payments` and `orders` are the client's: the invoice shows its own payments and the plan
// change it pays for. Its description and lines are worded in `names`' language.
api::InvoiceView invoice_view(const domain::Invoice& invoice, const std::string& service_name,
                              domain::Date today, const PlanNames& names,
                              const std::vector<PaymentRecord>& payments = {},
                              const std::vector<UpgradeOrderRecord>& orders = {});
api::PaymentView payment_view(const PaymentRecord& payment);

// Invoice ids kept as "3,7,9" in a cancellation record.
std::vector<int64_t> parse_id_list(const std::string& ids);
std::string format_id_list(const std::vector<int64_t>& ids);

// "withdrawn", "effective" (the day after effective_on has begun) or "scheduled".
std::string cancellation_status(const CancellationRecord& cancellation, domain::Date today);
api::CancellationRequestView cancellation_view(const CancellationRecord& cancellation,
                                               domain::Date today);

api::UpgradeOrder upgrade_order_view(const UpgradeOrderRecord& order);

api::ActivationEstimateView activation_estimate_view(const domain::Service& service,
                                                     const domain::ActivationEstimate& estimate);

}  // namespace portal::backend
