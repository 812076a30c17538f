// How often a plan is invoiced. A plan's price is the price of one whole cycle.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "domain/enum_names.h"

namespace portal::domain {

PORTAL_NAMED_ENUM(BillingCycle, monthly, quarterly, semiannual, yearly);

int months(BillingCycle cycle);  // 1, 3, 6, 12

}  // namespace portal::domain
