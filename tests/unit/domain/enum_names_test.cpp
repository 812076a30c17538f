// Every named enum's table: each enumerator with a distinct name that reads back to it, and
// nothing else reads back at all. (Order and completeness come from PORTAL_NAMED_ENUM, which
// builds the enum and its table from one list.)
#include "domain/enum_names.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "domain/activation_estimate.h"
#include "domain/billing_cycle.h"
#include "domain/cancellation_policy.h"
#include "domain/invoice.h"
#include "domain/service.h"
#include "domain/upgrade_quote.h"

namespace portal::domain {
namespace {

template <class E>
class EnumNamesTest : public ::testing::Test {};

using NamedEnums = ::testing::Types<BillingCycle, CancellationKind, DelayUnit, InvoiceStatus,
                                    PlanChange, ServiceStatus, ServiceType>;
TYPED_TEST_SUITE(EnumNamesTest, NamedEnums);

TYPED_TEST(EnumNamesTest, EveryNameIsDistinctAndReadsBack) {
    std::set<std::string_view> names;
    for (TypeParam value : enum_values<TypeParam>()) {
        const std::string_view name = to_string(value);
        EXPECT_FALSE(name.empty());
        EXPECT_TRUE(names.insert(name).second) << name << " names two values";
        EXPECT_EQ(parse_enum<TypeParam>(name), value) << name;
    }
}

TYPED_TEST(EnumNamesTest, RefusesAnyOtherSpelling) {
    for (TypeParam value : enum_values<TypeParam>()) {
        const std::string name(to_string(value));
        std::string upper = name;
        upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
        EXPECT_EQ(parse_enum<TypeParam>(upper), std::nullopt) << upper;
        EXPECT_EQ(parse_enum<TypeParam>(name + " "), std::nullopt) << name;
        EXPECT_EQ(parse_enum<TypeParam>(name.substr(0, name.size() - 1)), std::nullopt) << name;
    }
    EXPECT_EQ(parse_enum<TypeParam>(""), std::nullopt);
}

// The last enumerator is in the table: a table one entry short would give it the first name.
TEST(EnumNames, LastEnumeratorsHaveTheirOwnNames) {
    EXPECT_EQ(to_string(ServiceType::web_design), "web_design");
    EXPECT_EQ(to_string(ServiceStatus::terminated), "terminated");
    EXPECT_EQ(to_string(BillingCycle::yearly), "yearly");
    EXPECT_EQ(to_string(InvoiceStatus::cancelled), "cancelled");
    EXPECT_EQ(to_string(CancellationKind::end_of_period), "end_of_period");
    EXPECT_EQ(to_string(PlanChange::down), "down");
    EXPECT_EQ(to_string(DelayUnit::calendar_days), "calendar_days");
}

}  // namespace
}  // namespace portal::domain
