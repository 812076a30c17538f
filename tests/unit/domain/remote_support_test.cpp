#include "domain/remote_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "company_calendar.h"
#include "domain/support_clock.h"
#include "domain/support_procedure.h"

namespace portal::domain {
namespace {

using test_support::at;
using test_support::calendar_2026;

std::vector<std::string> starts(const std::vector<RemoteSlot>& slots) {
    std::vector<std::string> texts;
    for (const auto& slot : slots) texts.push_back(company_rfc3339(slot.starts_at));
    return texts;
}

std::string first_start(const std::vector<RemoteSlot>& slots) {
    return slots.empty() ? "" : company_rfc3339(slots.front().starts_at);
}

// [SECTION] The free slots

TEST(RemoteSlots, EachIsOneHourOnTheHourInBusinessHours) {
    const auto slots = free_remote_slots(calendar_2026(), at("2026-12-09 08:00"), {});
    ASSERT_FALSE(slots.empty());
    for (const auto& slot : slots) {
        EXPECT_EQ(slot.ends_at - slot.starts_at, 3600);
        const std::string start = company_rfc3339(slot.starts_at);
        const int hour = std::stoi(start.substr(11, 2));
        EXPECT_GE(hour, 10) << start;
        EXPECT_LE(hour, 16) << start;
        EXPECT_EQ(start.substr(13), ":00:00-03:00") << start;
    }
    // Wednesday 9 Dec before opening: the whole day at two business hours' notice, 12 to 16 h.
    const std::vector<std::string> all = starts(slots);
    const std::vector<std::string> wednesday(all.begin(), all.begin() + 5);
    EXPECT_EQ(wednesday,
              (std::vector<std::string>{"2026-12-09T12:00:00-03:00", "2026-12-09T13:00:00-03:00",
                                        "2026-12-09T14:00:00-03:00", "2026-12-09T15:00:00-03:00",
                                        "2026-12-09T16:00:00-03:00"}));
}

TEST(RemoteSlots, TheFirstComesTwoBusinessHoursLaterAcrossANightAWeekendAndAHoliday) {
    struct Case {
        const char* now;
        const char* first;
        const char* why;
    };
    const std::vector<Case> cases = {
        {"2026-12-03 10:00", "2026-12-03T12:00:00-03:00", "in business hours, the same day"},
        {"2026-12-03 10:30", "2026-12-03T13:00:00-03:00", "slots start on the hour"},
        {"2026-12-03 15:00", "2026-12-04T10:00:00-03:00", "17 h is closing: the next morning"},
        {"2026-12-03 16:00", "2026-12-04T11:00:00-03:00", "one hour today, one tomorrow"},
        {"2026-12-03 22:00", "2026-12-04T12:00:00-03:00", "at night: from the next opening"},
        {"2026-12-04 16:00", "2026-12-09T11:00:00-03:00",
         "Friday: the weekend, Monday 7 (non-working) and Tuesday 8 (holiday) skipped"},
        {"2026-12-05 11:00", "2026-12-09T12:00:00-03:00", "on Saturday: from Wednesday's opening"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(first_start(free_remote_slots(calendar_2026(), at(c.now), {})), c.first) << c.why;
    }
}

TEST(RemoteSlots, TheyCoverTenBusinessDaysWithHolidaysSkipped) {
    const auto slots = free_remote_slots(calendar_2026(), at("2026-12-04 16:00"), {});
    std::vector<std::string> days;
    for (const auto& start : starts(slots)) {
        if (days.empty() || days.back() != start.substr(0, 10)) days.push_back(start.substr(0, 10));
    }
    // From Wednesday 9 Dec: 25 Dec (Christmas) and the weekends are not business days.
    EXPECT_EQ(days, (std::vector<std::string>{
                        "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-14", "2026-12-15",
                        "2026-12-16", "2026-12-17", "2026-12-18", "2026-12-21", "2026-12-22"}));
    EXPECT_EQ(slots.size(), 6u + 9 * 7u);  // Wednesday from 11 h, then whole days
}

TEST(RemoteSlots, ADayWithNoSlotLeftAtThatNoticeIsNotOneOfTheTen) {
    // At 15 h the notice ends at closing: Thursday gives no slot and the ten days start Friday
    // (4, 9, 10, 11, 14, ... 18, 21: Monday 7 and Tuesday 8 are not business days).
    const auto slots = free_remote_slots(calendar_2026(), at("2026-12-03 15:00"), {});
    ASSERT_FALSE(slots.empty());
    EXPECT_EQ(company_rfc3339(slots.front().starts_at).substr(0, 10), "2026-12-04");
    EXPECT_EQ(company_rfc3339(slots.back().starts_at).substr(0, 10), "2026-12-21");
}

TEST(RemoteSlots, ABookedSlotIsNoLongerFreeAndTheWindowDoesNotGrow) {
    const Calendar calendar = calendar_2026();
    const int64_t now = at("2026-12-04 16:00");
    const auto all = free_remote_slots(calendar, now, {});
    const int64_t taken = at("2026-12-09 11:00");
    const auto rest = free_remote_slots(calendar, now, {taken, at("2026-12-05 11:00")});
    ASSERT_EQ(rest.size(), all.size() - 1);
    EXPECT_EQ(first_start(rest), "2026-12-09T12:00:00-03:00");
    EXPECT_EQ(rest.back(), all.back());
}

// [SECTION] The RustDesk ID

TEST(RustdeskId, NineOrTenDigitsWithTheSpacesTypedDropped) {
    EXPECT_EQ(normalised_rustdesk_id("123456789"), "123456789");
    EXPECT_EQ(normalised_rustdesk_id("1 234 567 890"), "1234567890");
    EXPECT_EQ(normalised_rustdesk_id(" 123 456 789 "), "123456789");
    EXPECT_EQ(normalised_rustdesk_id(""), std::nullopt);
    EXPECT_EQ(normalised_rustdesk_id("12345678"), std::nullopt);     // 8 digits
    EXPECT_EQ(normalised_rustdesk_id("12345678901"), std::nullopt);  // 11 digits
    EXPECT_EQ(normalised_rustdesk_id("123-456-789"), std::nullopt);  // only spaces may part them
    EXPECT_EQ(normalised_rustdesk_id("12345678x"), std::nullopt);
    EXPECT_EQ(normalised_rustdesk_id("１２３４５６７８９"), std::nullopt);  // full-width digits
    EXPECT_EQ(normalised_rustdesk_id(std::string(30, ' ') + "123456789"), std::nullopt);
}

// [SECTION] The procedure

ProcedureForm remote_form(bool accepted, std::string id, std::string slot) {
    ProcedureForm form;
    form.requirements_accepted = accepted;
    form.rustdesk_id = std::move(id);
    form.slot = std::move(slot);
    return form;
}

TEST(RemoteSupportForm, NamesTheFieldItCannotGoAheadWithout) {
    const Date today{2026, 12, 4};
    const auto field = [&](const ProcedureForm& form) {
        auto problem = form_problem(TicketKind::remote_support, form, today);
        return problem ? problem->field : "";
    };
    const std::string slot = "2026-12-09T11:00:00-03:00";
    EXPECT_EQ(field(remote_form(false, "123456789", slot)), "requirements_accepted");
    EXPECT_EQ(field(remote_form(true, "", slot)), "rustdesk_id");
    EXPECT_EQ(field(remote_form(true, "12 34", slot)), "rustdesk_id");
    EXPECT_EQ(field(remote_form(true, "123 456 789", "")), "slot");
    EXPECT_EQ(field(remote_form(true, "123 456 789", "2026-12-09 11:00")), "slot");
    EXPECT_EQ(field(remote_form(true, "123 456 789", slot)), "");
    EXPECT_FALSE(needs_service(TicketKind::remote_support));
}

TEST(RemoteSupportForm, StandardIsRefusedAndOnlyAFreeSlotIsBooked) {
    const Calendar calendar = calendar_2026();
    const int64_t now = at("2026-12-04 16:00");
    ProcedureFacts facts;
    facts.today = Date{2026, 12, 4};
    facts.support_plan = SupportPlan::professional;
    facts.free_slots = free_remote_slots(calendar, now, {at("2026-12-09 12:00")});
    const auto unmet = [&](const std::string& slot) {
        return unmet_conditions(TicketKind::remote_support, remote_form(true, "123456789", slot),
                                facts);
    };
    using Conditions = std::vector<ProcedureCondition>;
    EXPECT_EQ(unmet("2026-12-09T11:00:00-03:00"), Conditions{});
    // The same instant written in UTC is the same slot.
    EXPECT_EQ(unmet("2026-12-09T14:00:00Z"), Conditions{});
    EXPECT_EQ(unmet("2026-12-09T12:00:00-03:00"),
              Conditions{ProcedureCondition::slot_not_free});  // booked
    EXPECT_EQ(unmet("2026-12-09T11:30:00-03:00"),
              Conditions{ProcedureCondition::slot_not_free});  // not on the hour
    EXPECT_EQ(unmet("2026-12-09T17:00:00-03:00"),
              Conditions{ProcedureCondition::slot_not_free});  // closed
    EXPECT_EQ(unmet("2026-12-08T11:00:00-03:00"),
              Conditions{ProcedureCondition::slot_not_free});  // holiday
    EXPECT_EQ(unmet("2026-12-04T16:00:00-03:00"),
              Conditions{ProcedureCondition::slot_not_free});  // too soon
    EXPECT_EQ(unmet("2026-12-23T11:00:00-03:00"),
              Conditions{ProcedureCondition::slot_not_free});  // too far

    facts.support_plan = SupportPlan::full;
    EXPECT_EQ(unmet("2026-12-09T11:00:00-03:00"), Conditions{});
    facts.support_plan = SupportPlan::standard;
    EXPECT_EQ(unmet("2026-12-09T11:00:00-03:00"),
              Conditions{ProcedureCondition::plan_excludes_remote_support});
    EXPECT_EQ(unmet("2026-12-09T12:00:00-03:00"),
              (Conditions{ProcedureCondition::plan_excludes_remote_support,
                          ProcedureCondition::slot_not_free}));
}

}  // namespace
}  // namespace portal::domain
