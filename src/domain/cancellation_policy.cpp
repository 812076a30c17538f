#include "domain/cancellation_policy.h"

namespace portal::domain {
namespace {

using Result = Outcome<CancellationTerms>;

bool has_started(const Invoice& invoice, Date today) {
    return invoice.period_start <= today;
}

// §4: the service works "until the end of the period of its last generated invoice". See the
// header for why an unpaid, not yet started period does not count.
Date end_of_billed_period(const Service& service, Date today,
                          const std::vector<Invoice>& client_invoices) {
    std::optional<Date> end;
    for (const Invoice& invoice : client_invoices) {
        if (invoice.service_id != service.id || invoice.status == InvoiceStatus::cancelled) {
            continue;
        }
        const bool counts = invoice.status == InvoiceStatus::paid || has_started(invoice, today);
        if (counts && (!end || invoice.period_end > *end)) end = invoice.period_end;
    }
    return end.value_or(service.period_end);
}

}  // namespace

Result cancellation_terms(const Service& service, CancellationKind kind, Date today,
                          const std::vector<Invoice>& client_invoices) {
    if (service.status != ServiceStatus::active) {
        return Result::failure("service_not_active", "only active services can be cancelled");
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
        const Date end = end_of_billed_period(service, today, client_invoices);
        if (end > today) terms.effective_on = end;
    }
    for (const Invoice& invoice : client_invoices) {
        if (invoice.service_id != service.id || !invoice.is_outstanding()) continue;
        // §4: invoices of periods already running must still be paid.
        if (has_started(invoice, today)) {
            terms.invoices_still_due.push_back(invoice);
        } else {
            terms.invoices_voided.push_back(invoice);
        }
    }
    return terms;
}

bool can_turn_off_auto_renew(const Service& service) {
    return service.auto_renew &&
           (service.status == ServiceStatus::active || service.status == ServiceStatus::suspended);
}

}  // namespace portal::domain
