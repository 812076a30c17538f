#include "domain/billing.h"

#include <algorithm>

namespace portal::domain {

Period cycle_from(Date start, BillingCycle cycle) {
    return {start, start.add_months(months(cycle)).add_days(-1)};
}

Money invoice_value(const Invoice& invoice) {
    Money value = invoice.amount;
    if (invoice.credit.currency == invoice.amount.currency) value.cents += invoice.credit.cents;
    return value;
}

Money paid_for_period(const Service& service, const std::string& currency,
                      const std::vector<Invoice>& invoices) {
    Money paid = Money::zero(currency);
    for (const Invoice& invoice : invoices) {
        if (invoice.service_id != service.id || invoice.status != InvoiceStatus::paid ||
            invoice.period_start != service.period_start) {
            continue;
        }
        const Money value = invoice_value(invoice);
        // Another currency cannot be added to this one; the portal never converts.
        if (value.currency == currency) paid.cents += value.cents;
    }
    return paid;
}

OrderStatus initial_status(const UpgradeQuote& quote) {
    if (quote.direction == PlanChange::down) return OrderStatus::scheduled;
    return quote.amount_due.is_zero() ? OrderStatus::applied : OrderStatus::awaiting_payment;
}

Date payment_deadline(Date invoice_due_on, Date period_end) {
    return std::min(invoice_due_on, period_end);
}

void enable_upgrade(Service& service, const Plan& target, Date paid_on) {
    const Period period = cycle_from(paid_on, target.cycle);
    service.plan_id = target.id;
    service.period_start = period.start;
    service.period_end = period.end;
    service.next_due_on = period.end.add_days(1);
}

Date renewal_day(const Service& service) {
    return service.period_end.add_days(-kRenewalLeadDays);
}

std::optional<Invoice> renewal_due(const Service& service, const Plan& plan_in_force, Date today,
                                   const std::vector<Invoice>& invoices) {
    if (today < renewal_day(service)) return std::nullopt;
    const Period next = cycle_from(service.period_end.add_days(1), plan_in_force.cycle);
    for (const Invoice& invoice : invoices) {
        if (invoice.service_id == service.id && invoice.period_start == next.start &&
            invoice.status != InvoiceStatus::cancelled) {
            return std::nullopt;
        }
    }
    Invoice renewal;
    renewal.client_id = service.client_id;
    renewal.service_id = service.id;
    renewal.kind = InvoiceKind::renewal;
    renewal.plan_id = plan_in_force.id;
    renewal.amount = plan_in_force.price;
    renewal.credit = Money::zero(plan_in_force.price.currency);
    renewal.issued_on = today;
    renewal.due_on = std::max(today, service.period_end);
    renewal.period_start = next.start;
    renewal.period_end = next.end;
    renewal.status = InvoiceStatus::unpaid;
    return renewal;
}

void advance_to(Service& service, const Invoice& renewal) {
    service.period_start = renewal.period_start;
    service.period_end = renewal.period_end;
    service.next_due_on = renewal.period_end.add_days(1);
}

}  // namespace portal::domain
