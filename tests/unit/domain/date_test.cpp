#include "domain/date.h"

#include <gtest/gtest.h>

#include "printers.h"

#include <string>

namespace portal::domain {
namespace {

constexpr Date kThursday{2026, 1, 1};
constexpr Date kFriday{2026, 1, 2};
constexpr Date kSaturday{2026, 1, 3};
constexpr Date kSunday{2026, 1, 4};
constexpr Date kMonday{2026, 1, 5};
constexpr Date kTuesday{2026, 1, 6};

// [SECTION] Parsing: dates come from the API and from URLs; an impossible date must never
// become a billing period.

struct ParseCase {
    std::string text;
    std::optional<Date> expected;
    void label(std::ostream& os) const { os << ascii_escaped(text); }
};

using DateParse = TableTest<ParseCase>;

TEST_P(DateParse, AcceptsOnlyRealCalendarDaysInStrictIsoForm) {
    EXPECT_EQ(Date::parse_iso(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Date, DateParse,
    testing::Values(ParseCase{"2026-02-28", Date{2026, 2, 28}},
                    ParseCase{"2026-02-29", std::nullopt},  // 2026 is not a leap year
                    ParseCase{"2026-02-30", std::nullopt},
                    ParseCase{"2024-02-29", Date{2024, 2, 29}},  // divisible by 4
                    ParseCase{"2100-02-29", std::nullopt},       // century, not by 400
                    ParseCase{"2000-02-29", Date{2000, 2, 29}},  // divisible by 400
                    ParseCase{"2026-04-31", std::nullopt},
                    ParseCase{"2026-12-31", Date{2026, 12, 31}},
                    ParseCase{"2026-13-01", std::nullopt}, ParseCase{"2026-00-10", std::nullopt},
                    ParseCase{"2026-01-00", std::nullopt}, ParseCase{"2026-4-01", std::nullopt},
                    ParseCase{"2026/04/01", std::nullopt}, ParseCase{"2026-04-01T00", std::nullopt},
                    ParseCase{" 2026-04-01", std::nullopt}, ParseCase{"+026-04-01", std::nullopt},
                    ParseCase{"abcd-ef-gh", std::nullopt}, ParseCase{"", std::nullopt}));

TEST(Date, IsoRoundTrips) {
    EXPECT_EQ((Date{2026, 3, 9}).iso(), "2026-03-09");
    EXPECT_EQ((Date{987, 12, 1}).iso(), "0987-12-01");
    EXPECT_EQ(Date::parse_iso("2024-02-29")->iso(), "2024-02-29");
    EXPECT_EQ((Date{10000, 1, 1}).iso(), "10000-01-01");  // past four digits: still readable
}

TEST(Date, EveryDayOfFourCenturiesWritesAsItReads) {
    // 400 years repeat the Gregorian calendar's whole pattern of leap days.
    const Date first{1901, 1, 1};
    for (int offset = 0; offset < 146097; ++offset) {
        const Date day = first.add_days(offset);
        const std::string text = day.iso();
        ASSERT_EQ(text.size(), 10u) << offset;
        ASSERT_EQ(Date::parse_iso(text), day) << text;
    }
}

TEST(Date, LeapYearsFollowTheGregorianRule) {
    EXPECT_TRUE(Date::is_leap_year(2024));
    EXPECT_FALSE(Date::is_leap_year(2026));
    EXPECT_FALSE(Date::is_leap_year(1900));
    EXPECT_TRUE(Date::is_leap_year(2000));
    EXPECT_EQ(Date::days_in_month(2024, 2), 29);
    EXPECT_EQ(Date::days_in_month(2026, 2), 28);
    EXPECT_EQ(Date::days_in_month(2026, 4), 30);
}

// [SECTION] Day arithmetic

TEST(Date, CountsDaysFromTheUnixEpoch) {
    EXPECT_EQ((Date{1970, 1, 1}).days_since_epoch(), 0);
    EXPECT_EQ((Date{2000, 3, 1}).days_since_epoch(), 11017);
    EXPECT_EQ((Date{2026, 3, 10}).days_since_epoch(), 20522);
    EXPECT_EQ(Date::from_days(-1), (Date{1969, 12, 31}));
    EXPECT_EQ(Date::from_days(20522), (Date{2026, 3, 10}));
}

TEST(Date, DayCountAndDateAgreeOverCenturies) {
    for (int64_t day = -400000; day <= 400000; day += 97) {
        const Date date = Date::from_days(day);
        ASSERT_TRUE(date.is_valid()) << day;
        ASSERT_EQ(date.days_since_epoch(), day);
        ASSERT_EQ(Date::from_days(day + 1), date.add_days(1));
    }
}

TEST(Date, AddDaysCrossesMonthsYearsAndLeapDays) {
    EXPECT_EQ((Date{2026, 12, 31}).add_days(1), (Date{2027, 1, 1}));
    EXPECT_EQ((Date{2024, 2, 28}).add_days(1), (Date{2024, 2, 29}));
    EXPECT_EQ((Date{2026, 2, 28}).add_days(1), (Date{2026, 3, 1}));
    EXPECT_EQ((Date{2026, 3, 1}).add_days(-1), (Date{2026, 2, 28}));
    EXPECT_EQ((Date{2026, 1, 1}).add_days(365), (Date{2027, 1, 1}));
}

// A date, a number of steps (months, business days) from it, and the date they lead to.
struct StepCase {
    Date from;
    int steps;
    Date expected;
    void label(std::ostream& os) const { os << from.iso() << " " << steps; }
};

using DateAddMonths = TableTest<StepCase>;

TEST_P(DateAddMonths, KeepsTheDayClampedToTheMonthEnd) {
    EXPECT_EQ(GetParam().from.add_months(GetParam().steps), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Date, DateAddMonths,
                         testing::Values(StepCase{{2026, 1, 31}, 1, {2026, 2, 28}},
                                         StepCase{{2024, 1, 31}, 1, {2024, 2, 29}},
                                         StepCase{{2026, 3, 31}, -1, {2026, 2, 28}},
                                         StepCase{{2026, 5, 31}, 1, {2026, 6, 30}},
                                         StepCase{{2026, 12, 15}, 1, {2027, 1, 15}},
                                         StepCase{{2026, 1, 15}, -1, {2025, 12, 15}},
                                         StepCase{{2026, 7, 1}, 12, {2027, 7, 1}},
                                         StepCase{{2024, 2, 29}, 12, {2025, 2, 28}},
                                         StepCase{{2026, 8, 31}, 6, {2027, 2, 28}},
                                         StepCase{{2026, 3, 10}, 0, {2026, 3, 10}}));

TEST(Date, DaysBetweenIsLaterMinusEarlier) {
    EXPECT_EQ(days_between(Date{2026, 1, 1}, Date{2026, 12, 31}), 364);
    EXPECT_EQ(days_between(Date{2026, 3, 1}, Date{2026, 2, 1}), -28);
    EXPECT_EQ(days_between(kFriday, kFriday), 0);
}

TEST(Date, OrdersChronologically) {
    EXPECT_LT((Date{2025, 12, 31}), (Date{2026, 1, 1}));
    EXPECT_LT((Date{2026, 1, 31}), (Date{2026, 2, 1}));
    EXPECT_LT((Date{2026, 2, 1}), (Date{2026, 2, 2}));
    EXPECT_EQ((Date{2026, 2, 2}), (Date{2026, 2, 2}));
}

// [SECTION] Weekdays (business days are the Calendar's: calendar_test.cpp)

TEST(Date, KnowsWeekdays) {
    EXPECT_EQ(kThursday.weekday(), 3);
    EXPECT_EQ(kFriday.weekday(), 4);
    EXPECT_EQ(kSaturday.weekday(), 5);
    EXPECT_EQ(kSunday.weekday(), 6);
    EXPECT_EQ(kMonday.weekday(), 0);
    EXPECT_EQ(kTuesday.weekday(), 1);
    EXPECT_EQ((Date{1970, 1, 1}).weekday(), 3);
    EXPECT_EQ((Date{1969, 12, 29}).weekday(), 0);
    EXPECT_EQ((Date{2026, 12, 8}).weekday(), 1);  // a Tuesday
}

// [SECTION] The company's "today" (GMT−3, RULES.md §7)

TEST(Date, CompanyTodayIsTheDateInGmtMinus3) {
    EXPECT_EQ(company_today(1773111599),
              (Date{2026, 3, 9}));  // 02:59:59 UTC = 23:59:59 the day before
    EXPECT_EQ(company_today(1773111600), (Date{2026, 3, 10}));   // 03:00 UTC = midnight in GMT−3
    EXPECT_EQ(company_today(1773185400), (Date{2026, 3, 10}));   // 23:30 UTC = 20:30 same day
    EXPECT_EQ(company_today(1767229200), (Date{2025, 12, 31}));  // New Year in UTC, not yet here
    EXPECT_EQ(company_today(0), (Date{1969, 12, 31}));
}

}  // namespace
}  // namespace portal::domain
