#include <gtest/gtest.h>

#include "app/display.h"

namespace portal::app {
namespace {

TEST(Display, DatesFollowTheLanguage) {
    const domain::Date date{2027, 3, 5};
    EXPECT_EQ(format_date(date, Language::es), "05/03/2027");
    EXPECT_EQ(format_date(date, Language::en), "2027-03-05");
}

TEST(Display, AmountsUseTheLanguagesSeparators) {
    const domain::Money money{123450, "USD"};
    EXPECT_EQ(format_money(money, Language::es), "USD 1.234,50");
    EXPECT_EQ(format_money(money, Language::en), "USD 1,234.50");
}

TEST(Display, PlanPricesSayTheirCycle) {
    api::PlanSummary plan;
    plan.price = {15000, "USD"};
    plan.cycle = domain::BillingCycle::yearly;
    EXPECT_EQ(plan_price(plan, Language::es), "USD 150,00 / año");
    plan.cycle = domain::BillingCycle::monthly;
    EXPECT_EQ(plan_price(plan, Language::en), "USD 150.00 / month");
}

}  // namespace
}  // namespace portal::app
