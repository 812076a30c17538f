#include "domain/calendar.h"

#include <gtest/gtest.h>

#include "printers.h"

#include <string>
#include <vector>

namespace portal::domain {
namespace {

// The non-working days decreed for 2026 (Resolución 164/2025), as the data file lists them.
constexpr const char* kDecreed2026 =
    "# 2026\n"
    "2026-03-23 Día no laborable con fines turísticos\n"
    "2026-07-10 Día no laborable con fines turísticos\n"
    "2026-12-07 Día no laborable con fines turísticos\n";

Calendar calendar_2026() {
    auto days = parse_non_working_days(kDecreed2026);
    EXPECT_TRUE(days.ok());
    return Calendar(days.ok() ? days.value() : std::vector<Holiday>{});
}

// [SECTION] Easter and the law's rule for movable holidays

struct EasterCase {
    int year;
    Date sunday;
    void label(std::ostream& os) const { os << year; }
};

using CalendarEaster = TableTest<EasterCase>;

TEST_P(CalendarEaster, IsTheGregorianEasterSunday) {
    EXPECT_EQ(easter_sunday(GetParam().year), GetParam().sunday);
    EXPECT_EQ(GetParam().sunday.weekday(), 6);
}

INSTANTIATE_TEST_SUITE_P(
    Calendar, CalendarEaster,
    testing::Values(EasterCase{2024, {2024, 3, 31}}, EasterCase{2025, {2025, 4, 20}},
                    EasterCase{2026, {2026, 4, 5}}, EasterCase{2027, {2027, 3, 28}},
                    EasterCase{2028, {2028, 4, 16}}, EasterCase{2029, {2029, 4, 1}},
                    EasterCase{2030, {2030, 4, 21}}));

struct MoveCase {
    Date day;
    Date moved;
    void label(std::ostream& os) const { os << day.iso(); }
};

using CalendarMove = TableTest<MoveCase>;

// Law 27.399 art. 6: Tuesday and Wednesday to the Monday before, Thursday and Friday to the
// Monday after; Monday, Saturday and Sunday stay.
TEST_P(CalendarMove, FollowsTheLaw) {
    EXPECT_EQ(move_by_law(GetParam().day), GetParam().moved);
}

INSTANTIATE_TEST_SUITE_P(Calendar, CalendarMove,
                         testing::Values(MoveCase{{2026, 11, 16}, {2026, 11, 16}},    // Monday
                                         MoveCase{{2026, 11, 17}, {2026, 11, 16}},    // Tuesday
                                         MoveCase{{2026, 6, 17}, {2026, 6, 15}},      // Wednesday
                                         MoveCase{{2026, 11, 19}, {2026, 11, 23}},    // Thursday
                                         MoveCase{{2026, 11, 20}, {2026, 11, 23}},    // Friday
                                         MoveCase{{2026, 11, 21}, {2026, 11, 21}},    // Saturday
                                         MoveCase{{2026, 11, 22}, {2026, 11, 22}}));  // Sunday

// [SECTION] The official list

struct Row {
    Date date;
    HolidayKind kind;
};

std::vector<Row> rows(const std::vector<Holiday>& holidays) {
    std::vector<Row> result;
    for (const auto& h : holidays) result.push_back({h.date, h.kind});
    return result;
}

bool operator==(const Row& a, const Row& b) {
    return a.date == b.date && a.kind == b.kind;
}
void PrintTo(const Row& row, std::ostream* os) {
    *os << row.date.iso() << " " << to_string(row.kind);
}

TEST(Calendar, Lists2026AsTheOfficialList) {
    constexpr auto F = HolidayKind::fixed, E = HolidayKind::easter, M = HolidayKind::movable,
                   N = HolidayKind::non_working;
    const std::vector<Row> official = {
        {{2026, 1, 1}, F},  {{2026, 2, 16}, E}, {{2026, 2, 17}, E},  {{2026, 3, 23}, N},
        {{2026, 3, 24}, F}, {{2026, 4, 2}, F},  {{2026, 4, 3}, E},   {{2026, 5, 1}, F},
        {{2026, 5, 25}, F}, {{2026, 6, 15}, M}, {{2026, 6, 20}, F},  {{2026, 7, 9}, F},
        {{2026, 7, 10}, N}, {{2026, 8, 17}, M}, {{2026, 10, 12}, M}, {{2026, 11, 23}, M},
        {{2026, 12, 7}, N}, {{2026, 12, 8}, F}, {{2026, 12, 25}, F},
    };
    const std::vector<Holiday> listed = calendar_2026().holidays(2026);
    EXPECT_EQ(rows(listed), official);
    ASSERT_EQ(listed.size(), official.size());
    EXPECT_EQ(listed[9].name, "Paso a la Inmortalidad del General Martín Miguel de Güemes");
    EXPECT_EQ(listed[15].name, "Día de la Soberanía Nacional");
    EXPECT_EQ(listed[3].name, "Día no laborable con fines turísticos");
}

TEST(Calendar, ComputesNextYearWithoutTheFile) {
    // 2027: Easter 28 Mar; 17 Jun is a Thursday, 17 Aug and 12 Oct Tuesdays, 20 Nov a Saturday.
    const std::vector<Holiday> listed = calendar_2026().holidays(2027);
    std::vector<Date> dates;
    for (const auto& h : listed) dates.push_back(h.date);
    const std::vector<Date> expected = {
        {2027, 1, 1},   {2027, 2, 8},   {2027, 2, 9},  {2027, 3, 24}, {2027, 3, 26}, {2027, 4, 2},
        {2027, 5, 1},   {2027, 5, 25},  {2027, 6, 20}, {2027, 6, 21}, {2027, 7, 9},  {2027, 8, 16},
        {2027, 10, 11}, {2027, 11, 20}, {2027, 12, 8}, {2027, 12, 25}};
    EXPECT_EQ(dates, expected);
}

// [SECTION] Business days

TEST(Calendar, KnowsBusinessDays) {
    const Calendar calendar = calendar_2026();
    EXPECT_TRUE(calendar.is_business_day({2026, 12, 4}));   // Friday
    EXPECT_FALSE(calendar.is_business_day({2026, 12, 5}));  // Saturday
    EXPECT_FALSE(calendar.is_business_day({2026, 12, 6}));  // Sunday
    EXPECT_FALSE(calendar.is_business_day({2026, 12, 7}));  // non-working day
    EXPECT_FALSE(calendar.is_business_day({2026, 12, 8}));  // Inmaculada Concepción
    EXPECT_TRUE(calendar.is_business_day({2026, 12, 9}));   // Wednesday
    EXPECT_TRUE(calendar.is_business_day({2026, 6, 17}));   // Güemes moved to the 15th
    EXPECT_FALSE(calendar.is_business_day({2026, 6, 15}));
    EXPECT_TRUE(calendar.is_business_day({2026, 11, 20}));  // Soberanía moved to the 23rd
    EXPECT_FALSE(calendar.is_business_day({2026, 11, 23}));
    EXPECT_TRUE(Calendar{}.is_business_day({2026, 12, 7}));  // not decreed without the file
}

TEST(Calendar, Has243BusinessDaysIn2026) {
    // 365 days − 104 Saturdays and Sundays − the 18 holidays of the list that fall on weekdays
    // (20 June is a Saturday).
    const Calendar calendar = calendar_2026();
    int count = 0;
    for (Date day{2026, 1, 1}; day.year == 2026; day = day.add_days(1)) {
        if (calendar.is_business_day(day)) ++count;
    }
    EXPECT_EQ(count, 243);
}

// The check of one day and the year's list agree on every day of several years, decreed days
// included: an estimate skips exactly the days the holiday list names.
TEST(Calendar, ADayIsABusinessDayExactlyWhenTheListDoesNotNameIt) {
    const Calendar calendar = calendar_2026();
    for (Date day{2024, 1, 1}; day.year <= 2030; day = day.add_days(1)) {
        bool listed = false;
        for (const Holiday& holiday : calendar.holidays(day.year)) listed |= holiday.date == day;
        EXPECT_EQ(calendar.is_business_day(day), day.weekday() < 5 && !listed) << day.iso();
    }
}

struct StepCase {
    Date from;
    int steps;
    Date expected;
    void label(std::ostream& os) const { os << from.iso() << "_plus_" << steps; }
};

using CalendarBusinessDays = TableTest<StepCase>;

TEST_P(CalendarBusinessDays, SkipWeekendsAndHolidays) {
    EXPECT_EQ(calendar_2026().add_business_days(GetParam().from, GetParam().steps),
              GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Calendar, CalendarBusinessDays,
    testing::Values(
        // The week crossing 8 Dec: Monday 7 is decreed, Tuesday 8 a holiday.
        StepCase{{2026, 12, 4}, 1, {2026, 12, 9}}, StepCase{{2026, 12, 4}, 2, {2026, 12, 10}},
        StepCase{{2026, 12, 5}, 1, {2026, 12, 9}}, StepCase{{2026, 12, 10}, -2, {2026, 12, 4}},
        // Long weekends: Carnival, Holy week with Malvinas, 23–24 March, 9–10 July.
        StepCase{{2026, 2, 13}, 1, {2026, 2, 18}}, StepCase{{2026, 4, 1}, 1, {2026, 4, 6}},
        StepCase{{2026, 3, 20}, 1, {2026, 3, 25}}, StepCase{{2026, 7, 8}, 1, {2026, 7, 13}},
        // A plain week, zero steps, a weekend start.
        StepCase{{2026, 1, 5}, 5, {2026, 1, 12}}, StepCase{{2026, 1, 5}, 0, {2026, 1, 5}},
        StepCase{{2026, 1, 3}, 0, {2026, 1, 3}}, StepCase{{2026, 1, 3}, 1, {2026, 1, 5}},
        // Across New Year: 1 Jan 2027 is a Friday.
        StepCase{{2026, 12, 30}, 2, {2027, 1, 4}},
        // 40 business days from Friday 2 Jan 2026 skip Carnival: 3 March, not 27 February.
        StepCase{{2026, 1, 2}, 40, {2026, 3, 3}}));

// Stepping over whole years at once agrees with asking day by day, forward and back, across
// New Year and from a weekend or a holiday.
TEST(Calendar, StepsAgreeWithTheDayByDayCheck) {
    const Calendar calendar = calendar_2026();
    for (Date from{2025, 11, 20}; from < Date{2027, 2, 10}; from = from.add_days(3)) {
        for (int steps : {-45, -7, -1, 1, 2, 10, 45}) {
            Date walked = from;
            for (int left = steps < 0 ? -steps : steps; left > 0;) {
                walked = walked.add_days(steps < 0 ? -1 : 1);
                if (calendar.is_business_day(walked)) --left;
            }
            EXPECT_EQ(calendar.add_business_days(from, steps), walked)
                << from.iso() << " " << steps;
        }
    }
}

TEST(Calendar, NamesTheWeekdayHolidaysOfAPeriod) {
    const std::vector<Holiday> skipped =
        calendar_2026().weekday_holidays_between({2026, 12, 4}, {2026, 12, 10});
    ASSERT_EQ(skipped.size(), 2u);
    EXPECT_EQ(skipped[0].date, (Date{2026, 12, 7}));
    EXPECT_EQ(skipped[0].kind, HolidayKind::non_working);
    EXPECT_EQ(skipped[1].date, (Date{2026, 12, 8}));
    EXPECT_EQ(skipped[1].name, "Inmaculada Concepción de María");
    // 20 June 2026 is a Saturday: nothing skipped besides the weekend.
    EXPECT_TRUE(calendar_2026().weekday_holidays_between({2026, 6, 18}, {2026, 6, 23}).empty());
}

// [SECTION] The data file

TEST(Calendar, ReadsTheDataFileSkippingCommentsAndBlankLines) {
    auto days = parse_non_working_days("# comment\n\n2026-12-07 Puente\r\n  \n2027-03-22\tOtro\n");
    ASSERT_TRUE(days.ok()) << days.error().message;
    ASSERT_EQ(days.value().size(), 2u);
    EXPECT_EQ(days.value()[0], (Holiday{{2026, 12, 7}, "Puente", HolidayKind::non_working}));
    EXPECT_EQ(days.value()[1].date, (Date{2027, 3, 22}));
    EXPECT_EQ(days.value()[1].name, "Otro");
}

struct BadFileCase {
    std::string text;
    std::string message;
    void label(std::ostream& os) const { os << ascii_escaped(text); }
};

using CalendarBadFile = TableTest<BadFileCase>;

TEST_P(CalendarBadFile, IsRefusedNamingTheLine) {
    auto days = parse_non_working_days(GetParam().text);
    ASSERT_FALSE(days.ok());
    EXPECT_EQ(days.error().code, "invalid_non_working_day");
    EXPECT_EQ(days.error().message, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Calendar, CalendarBadFile,
    testing::Values(
        BadFileCase{"# x\n2026-02-30 Nada\n",
                    "line 2: expected a date YYYY-MM-DD and a name, not \"2026-02-30 Nada\""},
        BadFileCase{"7/12/2026 Puente\n",
                    "line 1: expected a date YYYY-MM-DD and a name, not \"7/12/2026 Puente\""},
        BadFileCase{"2026-12-07Puente\n",
                    "line 1: expected a date YYYY-MM-DD and a name, not \"2026-12-07Puente\""},
        BadFileCase{"\n\n2026-12-07\n", "line 3: 2026-12-07 needs a name after the date"},
        BadFileCase{"2026-12-05 Sábado\n", "line 1: 2026-12-05 is a Saturday or Sunday already"},
        BadFileCase{"2026-12-07 A\n2026-12-07 B\n", "line 2: 2026-12-07 is listed twice"}));

TEST(Calendar, KindNamesRoundTrip) {
    for (HolidayKind kind : {HolidayKind::fixed, HolidayKind::easter, HolidayKind::movable,
                             HolidayKind::non_working}) {
        EXPECT_EQ(parse_enum<HolidayKind>(to_string(kind)), kind);
    }
}

}  // namespace
}  // namespace portal::domain
