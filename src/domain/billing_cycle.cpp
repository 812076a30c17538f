#include "domain/billing_cycle.h"

namespace portal::domain {

int months(BillingCycle cycle) {
    switch (cycle) {
        case BillingCycle::monthly:
            return 1;
        case BillingCycle::quarterly:
            return 3;
        case BillingCycle::semiannual:
            return 6;
        case BillingCycle::yearly:
            return 12;
    }
    return 1;
}

std::string_view to_string(BillingCycle cycle) {
    switch (cycle) {
        case BillingCycle::monthly:
            return "monthly";
        case BillingCycle::quarterly:
            return "quarterly";
        case BillingCycle::semiannual:
            return "semiannual";
        case BillingCycle::yearly:
            return "yearly";
    }
    return "monthly";
}

std::optional<BillingCycle> parse_billing_cycle(std::string_view text) {
    for (BillingCycle cycle : {BillingCycle::monthly, BillingCycle::quarterly,
                               BillingCycle::semiannual, BillingCycle::yearly}) {
        if (to_string(cycle) == text) return cycle;
    }
    return std::nullopt;
}

}  // namespace portal::domain
