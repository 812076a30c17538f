#include "domain/upgrade_quote.h"

namespace portal::domain {
namespace {

using Result = Outcome<UpgradeQuote>;

PlanChange direction_of(const Plan& current, const Plan& target) {
    if (target.rank != current.rank) {
        return target.rank > current.rank ? PlanChange::up : PlanChange::down;
    }
    // Equal rank (see header): pricier is an upgrade. Compared only within one currency.
    const bool comparable = target.price.currency == current.price.currency;
    return comparable && target.price.cents > current.price.cents ? PlanChange::up
                                                                  : PlanChange::down;
}

}  // namespace

Result quote_plan_change(const Service& service, const Plan& current, const Plan& target,
                         const Money& already_paid, Date enable_on) {
    if (service.status != ServiceStatus::active) {
        return Result::failure("service_not_active", "only active services can change plan");
    }
    if (target.id == current.id) {
        return Result::failure("same_plan", "the service is already on plan " + target.id);
    }
    if (target.product != current.product || target.product != service.type) {
        return Result::failure("other_product", "plan " + target.id + " is for another product");
    }
    if (!current.automatic_upgrade || !target.automatic_upgrade) {
        // §3: still possible, but through the account executive or a support ticket.
        return Result::failure("no_automatic_upgrade",
                               "this plan change must be requested from support");
    }
    if (target.price.currency != already_paid.currency) {
        return Result::failure("currency_mismatch",
                               "plan " + target.id + " is priced in " + target.price.currency +
                                   " but the service was paid in " + already_paid.currency);
    }

    UpgradeQuote quote;
    quote.direction = direction_of(current, target);
    quote.new_price = target.price;
    quote.already_paid = already_paid;
    quote.amount_due = Money::zero(target.price.currency);
    if (quote.direction == PlanChange::up && target.price.cents > already_paid.cents) {
        // §3: "only the difference" (150 − 100 = 50), never negative.
        quote.amount_due.cents = target.price.cents - already_paid.cents;
    }
    if (quote.direction == PlanChange::down) {
        // Scheduled: the next period, on the new plan.
        quote.period_start = service.period_end.add_days(1);
    } else if (quote.amount_due.is_zero()) {
        // Nothing to pay: enabled at once, in the period already paid.
        quote.period_start = service.period_start;
        quote.period_end = service.period_end;
        return quote;
    } else {
        // §3: the new plan is counted from the date it is enabled, for one whole cycle.
        quote.period_start = enable_on;
    }
    quote.period_end = quote.period_start.add_months(months(target.cycle)).add_days(-1);
    return quote;
}

}  // namespace portal::domain
