// How often a plan is invoiced. A plan's price is the price of one whole cycle.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "domain/enum_names.h"

namespace portal::domain {

enum class BillingCycle { monthly, quarterly, semiannual, yearly };

template <>
struct EnumNames<BillingCycle> {
    static constexpr std::array<std::pair<BillingCycle, std::string_view>, 4> table{{
        {BillingCycle::monthly, "monthly"},
        {BillingCycle::quarterly, "quarterly"},
        {BillingCycle::semiannual, "semiannual"},
        {BillingCycle::yearly, "yearly"},
    }};
};

int months(BillingCycle cycle);  // 1, 3, 6, 12

}  // namespace portal::domain
