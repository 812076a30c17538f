// Upgrade / downgrade quote (RULES.md §3, "Upgrade/Downgrade").
//
// The manual's rule: the client pays only the difference, and only when moving to a higher plan,
// counted from the date the new plan is enabled. Its example: paid 100 $/year, moves mid-year to
// a 150 $/year plan, is invoiced 150 − 100 = 50 $. So:
//   amount_due = max(0, target.price − already_paid)   for an upgrade,
//   amount_due = 0 and nothing refunded                 for a downgrade,
// where already_paid is what the paid invoices of the current period add up to (billing.h).
// An upgrade with something to pay runs from the enable date for one whole cycle of the new
// plan: [enable_on, enable_on.add_months(months(target.cycle)) − 1 day] (add_months clamps, so
// a monthly plan enabled on Jan 31 runs to Feb 27). RULES.md §3 decisions:
// - an upgrade quoted 0 is enabled at once and keeps the current period;
// - a downgrade is scheduled for the end of the paid period: its period is the next one,
//   [period_end + 1 day, one cycle of the new plan later − 1 day].
//
// Decisions where RULES.md is silent:
// - Direction comes from Plan::rank. Two different plans of equal rank count as an upgrade when
//   the target costs more (the client pays the difference) and as a downgrade otherwise.
// - Only active services change plan ("service_not_active"): a pending, suspended, cancelled or
//   terminated service has no running period to build on.
// - Both plans must be of the service's product ("other_product").
// - If either plan is not automatically upgradable the portal offers no quote
//   ("no_automatic_upgrade") and points the client to the account executive or a ticket.
// - The target price and the amount already paid must share a currency ("currency_mismatch");
//   the portal never converts currencies.
// - enable_on is taken as given (callers pass company_today()); it is not checked against the
//   current period.
#pragma once

#include "domain/date.h"
#include "domain/enum_names.h"
#include "domain/money.h"
#include "domain/outcome.h"
#include "domain/service.h"

#include <string_view>

namespace portal::domain {

PORTAL_NAMED_ENUM(PlanChange, up, down);

struct UpgradeQuote {
    PlanChange direction = PlanChange::up;
    Money new_price;     // target plan price for one cycle
    Money already_paid;  // the paid invoices of the current period
    Money amount_due;    // never negative
    Date period_start;   // the new plan's first period (see above)
    Date period_end;
};

Outcome<UpgradeQuote> quote_plan_change(const Service& service, const Plan& current,
                                        const Plan& target, const Money& already_paid,
                                        Date enable_on);

}  // namespace portal::domain
