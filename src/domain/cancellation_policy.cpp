#include "domain/cancellation_policy.h"

namespace portal::domain {
namespace {

using Result = Outcome<CancellationTerms>;

// A renewal bills a whole period: the current one (starting with it) or one after it. An
// upgrade invoice bills the rest of the running period and starts within it.
bool is_renewal(const Invoice& invoice, const Service& service) {
    return invoice.period_start == service.period_start ||
           invoice.period_start > service.period_end;
}

// §4: the service works "until the end of the period of its last generated invoice".
Date end_of_billed_period(const Service& service, const std::vector<Invoice>& client_invoices) {
    Date end = service.period_end;
    for (const Invoice& invoice : client_invoices) {
        if (invoice.service_id != service.id || invoice.status == InvoiceStatus::cancelled ||
            !is_renewal(invoice, service)) {
            continue;
        }
        if (invoice.period_end > end) end = invoice.period_end;
    }
    return end;
}

}  // namespace

bool can_be_cancelled(const Service& service) {
    return service.status == ServiceStatus::active || service.status == ServiceStatus::suspended;
}

Result cancellation_terms(const Service& service, CancellationKind kind, Date today,
                          const std::vector<Invoice>& client_invoices) {
    if (!can_be_cancelled(service)) {
        return Result::failure("service_not_active",
                               "only active or suspended services can be cancelled");
    }
    if (service.type == ServiceType::domain) {
        // §4: domains are paid a year in advance; the client can only stop their renewal.
        return Result::failure("domain_not_cancellable",
                               "domains cannot be cancelled; turn off their renewal instead");
    }

    CancellationTerms terms;
    terms.kind = kind;
    terms.effective_on = today;
    if (kind == CancellationKind::end_of_period) {
        const Date end = end_of_billed_period(service, client_invoices);
        if (end > today) terms.effective_on = end;
    }
    for (const Invoice& invoice : client_invoices) {
        // §4: generated invoices stay due, whatever period they bill.
        if (invoice.service_id == service.id && invoice.is_outstanding()) {
            terms.invoices_still_due.push_back(invoice);
        }
    }
    return terms;
}

bool can_turn_off_auto_renew(const Service& service) {
    return service.auto_renew &&
           (service.status == ServiceStatus::active || service.status == ServiceStatus::suspended);
}

}  // namespace portal::domain
