// How often a plan is invoiced. A plan's price is the price of one whole cycle.
#pragma once

#include <optional>
#include <string_view>

namespace portal::domain {

enum class BillingCycle { monthly, quarterly, semiannual, yearly };

int months(BillingCycle cycle);                  // 1, 3, 6, 12
std::string_view to_string(BillingCycle cycle);  // "monthly", "quarterly", "semiannual", "yearly"
std::optional<BillingCycle> parse_billing_cycle(std::string_view text);

}  // namespace portal::domain
