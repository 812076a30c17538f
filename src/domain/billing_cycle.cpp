#include "domain/billing_cycle.h"

#include "domain/enum_map.h"

namespace portal::domain {

int months(BillingCycle cycle) {
    static constexpr EnumMap<BillingCycle, int> kMonths{{BillingCycle::monthly, 1},
                                                        {BillingCycle::quarterly, 3},
                                                        {BillingCycle::semiannual, 6},
                                                        {BillingCycle::yearly, 12}};
    return kMonths[cycle];
}

}  // namespace portal::domain
