#include "domain/activation_estimate.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace portal::domain {
namespace {

constexpr Date kFriday{2026, 1, 2};

struct TableCase {
    ServiceType product;
    std::string_view platform;
    int min;
    int max;
    DelayUnit unit;
    std::string_view requirement;
    void label(std::ostream& os) const {
        os << to_string(product) << (platform.empty() ? "" : " ") << platform;
    }
};

using ActivationTable = TableTest<TableCase>;

// RULES.md §5, row by row.
TEST_P(ActivationTable, MatchesTheManual) {
    const TableCase& c = GetParam();
    const ActivationEstimate estimate = estimate_activation(c.product, std::nullopt, c.platform);
    EXPECT_EQ(estimate.product, c.product);
    EXPECT_EQ(estimate.min, c.min) << to_string(c.product);
    EXPECT_EQ(estimate.max, c.max) << to_string(c.product);
    EXPECT_EQ(estimate.unit, c.unit) << to_string(c.product);
    EXPECT_EQ(estimate.requirement_code, c.requirement) << to_string(c.product);
    EXPECT_FALSE(estimate.earliest.has_value());
    EXPECT_FALSE(estimate.latest.has_value());
}

constexpr auto kMin = DelayUnit::minutes;
constexpr auto kBiz = DelayUnit::business_days;

INSTANTIATE_TEST_SUITE_P(
    Activation, ActivationTable,
    testing::Values(
        TableCase{ServiceType::hosting, "", 0, 2, kMin, "payment_credited"},
        TableCase{ServiceType::web_builder, "", 0, 2, kMin, "payment_credited"},
        TableCase{ServiceType::audio_streaming, "", 0, 2, kMin, "payment_credited"},
        TableCase{ServiceType::domain, "", 0, 2, kMin, "payment_credited"},
        TableCase{ServiceType::corporate_mail, "", 0, 2, kMin, "payment_credited"},
        TableCase{ServiceType::reseller, "", 24, 48, DelayUnit::hours, "payment_credited"},
        TableCase{ServiceType::simplenews, "", 2, 2, kBiz, "domain_delegated"},
        TableCase{ServiceType::portal_noticioso, "", 3, 3, kBiz, "domain_delegated"},
        TableCase{ServiceType::noticioso_plus, "", 4, 4, kBiz, "domain_delegated"},
        TableCase{ServiceType::video_streaming, "", 1, 1, kBiz, "payment_credited"},
        TableCase{ServiceType::audio_app, "android", 15, 40, kBiz, "requirements_ready"},
        TableCase{ServiceType::audio_app, "ios", 40, 40, kBiz, "requirements_ready"},
        TableCase{ServiceType::audio_app, "", 15, 40, kBiz, "requirements_ready"},
        TableCase{ServiceType::video_app, "android", 40, 50, kBiz, "requirements_ready"},
        TableCase{ServiceType::voice_over, "", 5, 7, kBiz, "texts_confirmed"},
        TableCase{ServiceType::web_design, "", 10, 15, kBiz, "information_received"}));

TEST(Activation, ManualProductsCountBusinessDaysOverTheWeekend) {
    // Domain delegated on a Friday: Simplenews takes 2 business days → Tuesday, not Sunday.
    const ActivationEstimate simplenews = estimate_activation(ServiceType::simplenews, kFriday);
    EXPECT_EQ(simplenews.earliest, (Date{2026, 1, 6}));
    EXPECT_EQ(simplenews.latest, (Date{2026, 1, 6}));

    const ActivationEstimate voice_over = estimate_activation(ServiceType::voice_over, kFriday);
    EXPECT_EQ(voice_over.earliest, (Date{2026, 1, 9}));  // 5 business days: next Friday
    EXPECT_EQ(voice_over.latest, (Date{2026, 1, 13}));   // 7 business days: the Tuesday after
}

TEST(Activation, RequirementsMetOnAWeekendStartCountingOnMonday) {
    const ActivationEstimate video =
        estimate_activation(ServiceType::video_streaming, Date{2026, 1, 3});  // Saturday
    EXPECT_EQ(video.earliest, (Date{2026, 1, 5}));
    EXPECT_EQ(video.latest, (Date{2026, 1, 5}));
}

TEST(Activation, InstantProductsAreReadyTheSameDay) {
    const ActivationEstimate hosting = estimate_activation(ServiceType::hosting, kFriday);
    EXPECT_EQ(hosting.earliest, kFriday);
    EXPECT_EQ(hosting.latest, kFriday);
}

TEST(Activation, ResellerTakesOneToTwoCalendarDays) {
    const ActivationEstimate reseller = estimate_activation(ServiceType::reseller, kFriday);
    EXPECT_EQ(reseller.earliest, (Date{2026, 1, 3}));
    EXPECT_EQ(reseller.latest, (Date{2026, 1, 4}));
}

TEST(Activation, AppsDependOnThePlatform) {
    const ActivationEstimate ios = estimate_activation(ServiceType::audio_app, kFriday, "ios");
    EXPECT_EQ(ios.earliest, kFriday.add_business_days(40));
    EXPECT_EQ(ios.latest, kFriday.add_business_days(40));
    const ActivationEstimate android =
        estimate_activation(ServiceType::audio_app, kFriday, "android");
    EXPECT_EQ(android.earliest, kFriday.add_business_days(15));
    EXPECT_EQ(android.latest, kFriday.add_business_days(40));
}

TEST(Activation, UnitNames) {
    const std::pair<DelayUnit, std::string_view> units[] = {
        {DelayUnit::minutes, "minutes"},
        {DelayUnit::hours, "hours"},
        {DelayUnit::business_days, "business_days"},
        {DelayUnit::calendar_days, "calendar_days"},
    };
    for (const auto& [unit, name] : units) EXPECT_EQ(to_string(unit), name);
}

}  // namespace
}  // namespace portal::domain
