#include "domain/activation_estimate.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace portal::domain {
namespace {

constexpr Date kFriday{2026, 1, 2};

// The national holidays computed by law; the decreed 2026 days are added where a test needs them.
const Calendar kCalendar;

std::optional<AppPlatform> platform_named(std::string_view name) {
    return parse_enum<AppPlatform>(name);
}

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
    const ActivationEstimate estimate =
        estimate_activation(kCalendar, c.product, std::nullopt, platform_named(c.platform));
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
    const ActivationEstimate simplenews =
        estimate_activation(kCalendar, ServiceType::simplenews, kFriday);
    EXPECT_EQ(simplenews.earliest, (Date{2026, 1, 6}));
    EXPECT_EQ(simplenews.latest, (Date{2026, 1, 6}));

    const ActivationEstimate voice_over =
        estimate_activation(kCalendar, ServiceType::voice_over, kFriday);
    EXPECT_EQ(voice_over.earliest, (Date{2026, 1, 9}));  // 5 business days: next Friday
    EXPECT_EQ(voice_over.latest, (Date{2026, 1, 13}));   // 7 business days: the Tuesday after
}

TEST(Activation, RequirementsMetOnAWeekendStartCountingOnMonday) {
    const ActivationEstimate video =
        estimate_activation(kCalendar, ServiceType::video_streaming, Date{2026, 1, 3});  // Saturday
    EXPECT_EQ(video.earliest, (Date{2026, 1, 5}));
    EXPECT_EQ(video.latest, (Date{2026, 1, 5}));
}

TEST(Activation, InstantProductsAreReadyTheSameDay) {
    const ActivationEstimate hosting =
        estimate_activation(kCalendar, ServiceType::hosting, kFriday);
    EXPECT_EQ(hosting.earliest, kFriday);
    EXPECT_EQ(hosting.latest, kFriday);
}

TEST(Activation, ResellerTakesOneToTwoCalendarDays) {
    const ActivationEstimate reseller =
        estimate_activation(kCalendar, ServiceType::reseller, kFriday);
    EXPECT_EQ(reseller.earliest, (Date{2026, 1, 3}));
    EXPECT_EQ(reseller.latest, (Date{2026, 1, 4}));
}

TEST(Activation, AppsDependOnThePlatform) {
    // From Friday 2 Jan 2026: 15 business days = Friday 23 Jan; 40 = Tuesday 3 March, since
    // Carnival (16–17 Feb) is skipped.
    const ActivationEstimate ios =
        estimate_activation(kCalendar, ServiceType::audio_app, kFriday, AppPlatform::ios);
    EXPECT_EQ(ios.min, 40);
    EXPECT_EQ(ios.earliest, (Date{2026, 3, 3}));
    EXPECT_EQ(ios.latest, (Date{2026, 3, 3}));
    const ActivationEstimate android =
        estimate_activation(kCalendar, ServiceType::audio_app, kFriday, AppPlatform::android);
    EXPECT_EQ(android.earliest, (Date{2026, 1, 23}));
    EXPECT_EQ(android.latest, (Date{2026, 3, 3}));
    ASSERT_EQ(android.skipped_holidays.size(), 2u);
    EXPECT_EQ(android.skipped_holidays[0].date, (Date{2026, 2, 16}));
    EXPECT_EQ(android.skipped_holidays[1].date, (Date{2026, 2, 17}));
}

TEST(Activation, SkipsAndNamesTheHolidaysOfTheWeekOf8December) {
    auto decreed = parse_non_working_days("2026-12-07 Día no laborable con fines turísticos\n");
    ASSERT_TRUE(decreed.ok());
    const Calendar calendar(decreed.value());
    // Requirements met Friday 4 Dec 2026: 2 business days skip Monday 7 (decreed) and Tuesday 8
    // (holiday): Thursday 10, not Tuesday 8.
    const ActivationEstimate simplenews =
        estimate_activation(calendar, ServiceType::simplenews, Date{2026, 12, 4});
    EXPECT_EQ(simplenews.earliest, (Date{2026, 12, 10}));
    EXPECT_EQ(simplenews.latest, (Date{2026, 12, 10}));
    ASSERT_EQ(simplenews.skipped_holidays.size(), 2u);
    EXPECT_EQ(simplenews.skipped_holidays[0].date, (Date{2026, 12, 7}));
    EXPECT_EQ(simplenews.skipped_holidays[1].date, (Date{2026, 12, 8}));
    // Instant products name no holiday.
    EXPECT_TRUE(estimate_activation(calendar, ServiceType::hosting, Date{2026, 12, 7})
                    .skipped_holidays.empty());
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
