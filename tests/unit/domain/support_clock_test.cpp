#include "domain/support_clock.h"
#include "domain/support_plan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "company_calendar.h"
#include "printers.h"

namespace portal::domain {
namespace {

using test_support::at;
using test_support::calendar_2026;

std::string local(int64_t unix_seconds) {
    return company_rfc3339(unix_seconds);
}

// [SECTION] Statuses follow the last event

TEST(TicketStatus, FollowsTheLastEvent) {
    EXPECT_EQ(status_after(MessageKind::client), TicketStatus::open);
    EXPECT_EQ(status_after(MessageKind::staff_answer), TicketStatus::answered);
    EXPECT_EQ(status_after(MessageKind::staff_question), TicketStatus::waiting_on_client);
    EXPECT_EQ(status_after(std::nullopt), TicketStatus::closed);
}

// [SECTION] The due time of an answer, by plan

struct DueCase {
    const char* name;
    SupportPlan plan;
    TicketKind kind;
    TicketStatus status;
    std::vector<std::pair<MessageKind, const char*>> messages;  // oldest first, local times
    const char* due;                                            // local time, or "" for none
    DueFor what = DueFor::answer;
    void label(std::ostream& os) const { os << name; }
};

using SupportDue = TableTest<DueCase>;

TEST_P(SupportDue, IsWhatThePlanAndTheBusinessHoursGive) {
    const DueCase& c = GetParam();
    std::vector<TicketMessageTime> messages;
    for (const auto& [kind, time] : c.messages) messages.push_back({kind, at(time)});
    auto due = ticket_due(calendar_2026(), c.plan, c.kind, c.status, messages);
    if (std::string(c.due).empty()) {
        EXPECT_FALSE(due.has_value()) << local(due ? due->at : 0);
        return;
    }
    ASSERT_TRUE(due.has_value());
    EXPECT_EQ(local(due->at), local(at(c.due)));
    EXPECT_EQ(due->what, c.what);
}

using enum MessageKind;
constexpr auto kStandard = SupportPlan::standard, kProfessional = SupportPlan::professional,
               kFull = SupportPlan::full;
constexpr auto kGeneral = TicketKind::general;
constexpr auto kOpen = TicketStatus::open;

INSTANTIATE_TEST_SUITE_P(
    SupportClock, SupportDue,
    testing::Values(
        // Professional: 2 business hours.
        DueCase{"ProfessionalWithinTheDay",
                kProfessional,
                kGeneral,
                kOpen,
                {{client, "2026-12-02 11:00"}},
                "2026-12-02 13:00"},
        DueCase{"ProfessionalAcrossTheNight",
                kProfessional,
                kGeneral,
                kOpen,
                {{client, "2026-12-02 16:30"}},
                "2026-12-03 11:30"},
        DueCase{"ProfessionalAcrossTheWeekendTheNonWorkingDayAndTheHoliday",
                kProfessional,
                kGeneral,
                kOpen,
                {{client, "2026-12-04 16:00"}},
                "2026-12-09 11:00"},
        DueCase{"ProfessionalOnASaturday",
                kProfessional,
                kGeneral,
                kOpen,
                {{client, "2026-12-05 12:00"}},
                "2026-12-09 12:00"},
        // Standard: 8 business hours, more than one 7-hour business day.
        DueCase{"StandardIntoTheNextDay",
                kStandard,
                kGeneral,
                kOpen,
                {{client, "2026-12-03 10:00"}},
                "2026-12-04 11:00"},
        DueCase{"StandardFromFridayToWednesdayAfterTheHoliday",
                kStandard,
                kGeneral,
                kOpen,
                {{client, "2026-12-04 10:00"}},
                "2026-12-09 11:00"},
        DueCase{"StandardBeforeOpening",
                kStandard,
                kGeneral,
                kOpen,
                {{client, "2026-12-02 07:45"}},
                "2026-12-03 11:00"},
        // Full: 15 business minutes.
        DueCase{"FullWithinTheHour",
                kFull,
                kGeneral,
                kOpen,
                {{client, "2026-12-02 14:00"}},
                "2026-12-02 14:15"},
        DueCase{"FullAtNightFromTheNextOpening",
                kFull,
                kGeneral,
                kOpen,
                {{client, "2026-12-01 22:00"}},
                "2026-12-02 10:15"},
        DueCase{"FullAtClosingOverTheHoliday",
                kFull,
                kGeneral,
                kOpen,
                {{client, "2026-12-04 16:50"}},
                "2026-12-09 10:05"},
        // An error report: 2 hours at any hour (SLA 3).
        DueCase{"ErrorReportOnASaturdayNight",
                kStandard,
                TicketKind::error_report,
                kOpen,
                {{client, "2026-12-05 03:00"}},
                "2026-12-05 05:00"},
        DueCase{"ErrorReportOnTheHoliday",
                kFull,
                TicketKind::error_report,
                kOpen,
                {{client, "2026-12-08 16:30"}},
                "2026-12-08 18:30"},
        // The first unanswered message starts the clock; an answer stops it.
        DueCase{"FromTheFirstUnansweredMessage",
                kProfessional,
                kGeneral,
                kOpen,
                {{client, "2026-12-02 10:00"}, {client, "2026-12-02 12:00"}},
                "2026-12-02 12:00"},
        DueCase{"AnsweredOwesTheResolutionIn48BusinessHours",
                kProfessional,
                kGeneral,
                TicketStatus::answered,
                {{client, "2026-12-03 10:00"}, {staff_answer, "2026-12-03 15:00"}},
                "2026-12-16 14:00",
                DueFor::resolution},
        DueCase{"AClientReplyToAQuestionRestartsTheClock",
                kProfessional,
                kGeneral,
                kOpen,
                {{client, "2026-12-02 10:00"},
                 {staff_question, "2026-12-02 11:00"},
                 {client, "2026-12-03 10:30"}},
                "2026-12-03 12:30"},
        DueCase{"ReopenedAfterAnAnswer",
                kProfessional,
                kGeneral,
                kOpen,
                {{client, "2026-11-30 10:00"},
                 {staff_answer, "2026-11-30 11:00"},
                 {client, "2026-12-02 16:00"}},
                "2026-12-03 11:00"},
        DueCase{"WaitingOnTheClientOwesNothing",
                kFull,
                kGeneral,
                TicketStatus::waiting_on_client,
                {{client, "2026-12-02 10:00"}, {staff_question, "2026-12-02 10:05"}},
                ""},
        DueCase{"ClosedOwesNothing",
                kFull,
                kGeneral,
                TicketStatus::closed,
                {{client, "2026-12-02 10:00"}},
                ""}));

// [SECTION] Business minutes and the API's instants

TEST(SupportClock, AddingZeroMinutesAtAnOpenTimeKeepsIt) {
    EXPECT_EQ(add_business_minutes(calendar_2026(), at("2026-12-02 12:00"), 0),
              at("2026-12-02 12:00"));
}

TEST(SupportClock, InstantsAreWrittenInTheCompanysZone) {
    EXPECT_EQ(company_rfc3339(at("2026-12-04 09:05")), "2026-12-04T09:05:00-03:00");
    // 01:30 UTC on 5 Dec is still 4 Dec in GMT−3.
    EXPECT_EQ(company_rfc3339(*parse_rfc3339("2026-12-05T01:30:00Z")), "2026-12-04T22:30:00-03:00");
    EXPECT_FALSE(parse_rfc3339("2026-12-04 09:05:00-03:00").has_value());
    EXPECT_FALSE(parse_rfc3339("2026-12-04T09:05:00").has_value());
    EXPECT_FALSE(parse_rfc3339("2026-12-04T25:05:00Z").has_value());
}

// [SECTION] What each plan includes (RULES.md §8)

TEST(SupportPlan, EachPlanAddsItsChannelsToTheOneBefore) {
    using enum SupportChannel;
    EXPECT_TRUE(includes(SupportPlan::standard, tickets));
    EXPECT_TRUE(includes(SupportPlan::standard, chat));
    EXPECT_TRUE(includes(SupportPlan::standard, bot));
    EXPECT_FALSE(includes(SupportPlan::standard, phone));
    EXPECT_FALSE(includes(SupportPlan::standard, remote_support));
    EXPECT_FALSE(includes(SupportPlan::standard, whatsapp));
    EXPECT_TRUE(includes(SupportPlan::professional, remote_support));
    EXPECT_TRUE(includes(SupportPlan::professional, phone));
    EXPECT_TRUE(includes(SupportPlan::professional, courses));
    EXPECT_FALSE(includes(SupportPlan::professional, whatsapp));
    EXPECT_FALSE(includes(SupportPlan::professional, telegram));
    EXPECT_TRUE(includes(SupportPlan::full, whatsapp));
    EXPECT_TRUE(includes(SupportPlan::full, telegram));
    EXPECT_TRUE(includes(SupportPlan::full, video_tutorials));
    EXPECT_TRUE(includes(SupportPlan::full, phone));
    EXPECT_EQ(channels_of(SupportPlan::standard).size(), 5u);
    EXPECT_EQ(channels_of(SupportPlan::professional).size(), 8u);
    EXPECT_EQ(channels_of(SupportPlan::full).size(), 11u);
}

TEST(SupportPlan, TheTimeToAnAnswerIsThePlans) {
    EXPECT_EQ(answer_minutes(SupportPlan::standard), 8 * 60);
    EXPECT_EQ(answer_minutes(SupportPlan::professional), 2 * 60);
    EXPECT_EQ(answer_minutes(SupportPlan::full), 15);
}

}  // namespace
}  // namespace portal::domain
