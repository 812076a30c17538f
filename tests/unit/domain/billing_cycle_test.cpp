#include "domain/billing_cycle.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace portal::domain {
namespace {

struct CycleCase {
    BillingCycle cycle;
    int months;
    std::string_view name;
    void label(std::ostream& os) const { os << name; }
};

using BillingCycleTable = TableTest<CycleCase>;

TEST_P(BillingCycleTable, HasItsLengthAndName) {
    EXPECT_EQ(months(GetParam().cycle), GetParam().months);
    EXPECT_EQ(to_string(GetParam().cycle), GetParam().name);
    EXPECT_EQ(parse_enum<BillingCycle>(GetParam().name), GetParam().cycle);
}

INSTANTIATE_TEST_SUITE_P(BillingCycle, BillingCycleTable,
                         testing::Values(CycleCase{BillingCycle::monthly, 1, "monthly"},
                                         CycleCase{BillingCycle::quarterly, 3, "quarterly"},
                                         CycleCase{BillingCycle::semiannual, 6, "semiannual"},
                                         CycleCase{BillingCycle::yearly, 12, "yearly"}));

TEST(BillingCycle, RejectsUnknownNames) {
    EXPECT_EQ(parse_enum<BillingCycle>("annual"), std::nullopt);
    EXPECT_EQ(parse_enum<BillingCycle>("Monthly"), std::nullopt);
    EXPECT_EQ(parse_enum<BillingCycle>(""), std::nullopt);
}

}  // namespace
}  // namespace portal::domain
