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

}  // namespace portal::domain
