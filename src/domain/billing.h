// Money that adds up (RULES.md §3, "Decisions of this project"): what a service has paid for its
// period, when a plan change takes effect, and the renewal of a period.
//
// Rules:
// - Paid for the current period = the sum of the service's paid invoices whose period starts on
//   the service's period_start; unpaid, overdue and cancelled invoices count for nothing. A plan
//   change invoice also carries, as a credit, what was paid for the period it replaces, so after
//   100 → 150 paid with 50 the new period counts 150 paid.
// - An upgrade with something to pay waits for its invoice; when it is paid the plan changes and
//   the new period starts on the payment day, one whole cycle of the new plan. Unpaid, it
//   expires after its invoice's due date or the current period's end, whichever comes first.
//   An upgrade quoted 0 is applied at once in the same period.
// - A downgrade is free and scheduled for the day after the current period ends.
// - A renewal is generated kRenewalLeadDays before the period ends, at the plan then in force,
//   for the next period; it is due on the last day of the current period. Paying it moves the
//   service to that period.
//
// Decisions where RULES.md is silent:
// - An upgrade's invoice is due kUpgradePaymentDays after the order.
// - A renewal generated late (after the period ended) is due on the day it is generated.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/invoice.h"
#include "domain/money.h"
#include "domain/plan_change.h"
#include "domain/service.h"
#include "domain/upgrade_quote.h"

namespace portal::domain {

inline constexpr int kRenewalLeadDays = 15;
inline constexpr int kUpgradePaymentDays = 7;

struct Period {
    Date start;  // both ends inclusive
    Date end;
    bool contains(Date day) const { return start <= day && day <= end; }
};

// One whole cycle from `start`: a monthly plan from Jan 31 runs to Feb 27.
Period cycle_from(Date start, BillingCycle cycle);

// What an invoice pays for its period once paid: its amount plus the credit it carries.
Money invoice_value(const Invoice& invoice);

// The sum of `service`'s paid invoices of its current period, in `currency` (the plan's).
Money paid_for_period(const Service& service, const std::string& currency,
                      const std::vector<Invoice>& invoices);

// The status an order starts in, from its quote.
OrderStatus initial_status(const UpgradeQuote& quote);

// The last day an awaiting upgrade can be paid.
Date payment_deadline(Date invoice_due_on, Date period_end);

// The service once a paid upgrade to `target` is enabled on `paid_on`.
void enable_upgrade(Service& service, const Plan& target, Date paid_on);

// The day a renewal of the current period is generated.
Date renewal_day(const Service& service);

// The renewal invoice of the period after the current one, at `plan_in_force`'s price, when
// `today` has reached renewal_day; nullopt before then. `invoices` are the client's: none is
// generated when one of this service for that period already exists (and is not cancelled).
std::optional<Invoice> renewal_due(const Service& service, const Plan& plan_in_force, Date today,
                                   const std::vector<Invoice>& invoices);

// The service once its renewal `invoice` is paid: its period becomes the renewal's.
void advance_to(Service& service, const Invoice& renewal);

}  // namespace portal::domain
