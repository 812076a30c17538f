// Booking remote support from «Nuevo ticket» (RULES.md §9): the free slots read when the procedure
// is chosen and offered by day, the requirements, the RustDesk ID and the slot sent with the
// ticket, a slot someone else took first, and a plan that does not include remote support.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/tickets_flow.h"
#include "support_form.h"

namespace portal::app {
namespace {

using testing::header;

// Tuesday 8 and Wednesday 9 December 2026, in the company's zone; the last one written in UTC.
api::RemoteSlotList free_slots(bool included) {
    api::RemoteSlotList list;
    list.included = included;
    list.slots = {{"2026-12-08T10:00:00-03:00", "2026-12-08T11:00:00-03:00"},
                  {"2026-12-08T11:00:00-03:00", "2026-12-08T12:00:00-03:00"},
                  {"2026-12-09T13:00:00Z", "2026-12-09T14:00:00Z"}};
    return list;
}

bool has(const std::string& body, const std::string& part) {
    return body.find(part) != std::string::npos;
}

class RemoteSupportFormTest : public testing::SupportFormTest {
  protected:
    void choose_remote_support(bool included) {
        open_blank_form();
        app.dispatch(SupportIntent{ChooseKind{domain::TicketKind::remote_support}});
        ASSERT_EQ(net.next().path, "/support/remote-slots");
        net.reply(200, api::encode(free_slots(included)));
    }
};

TEST(SlotDays, TheFreeSlotsAreOfferedByDayInTheCompanysZone) {
    const std::vector<SlotDay> es = slot_days(free_slots(true), Language::es);
    ASSERT_EQ(es.size(), 2u);
    EXPECT_EQ(es[0].heading, "martes 08/12/2026");
    ASSERT_EQ(es[0].slots.size(), 2u);
    EXPECT_EQ(es[0].slots[0].label, "10:00");
    EXPECT_EQ(es[0].slots[1].label, "11:00");
    EXPECT_EQ(es[0].slots[1].starts_at, "2026-12-08T11:00:00-03:00") << "sent back as written";
    EXPECT_EQ(es[1].heading, "miércoles 09/12/2026");
    ASSERT_EQ(es[1].slots.size(), 1u);
    EXPECT_EQ(es[1].slots[0].label, "10:00") << "13:00 UTC is 10:00 in GMT−3";

    const std::vector<SlotDay> en = slot_days(free_slots(true), Language::en);
    ASSERT_EQ(en.size(), 2u);
    EXPECT_EQ(en[0].heading, "Tuesday 2026-12-08");
    EXPECT_EQ(en[1].heading, "Wednesday 2026-12-09");
}

TEST(SlotDays, ASlotWhoseStartIsNotAnInstantIsNotOffered) {
    api::RemoteSlotList list;
    list.slots = {{"mañana", "pasado"}, {"2026-12-08T10:00:00-03:00", "2026-12-08T11:00:00-03:00"}};
    const std::vector<SlotDay> days = slot_days(list, Language::es);
    ASSERT_EQ(days.size(), 1u);
    ASSERT_EQ(days[0].slots.size(), 1u);
    EXPECT_EQ(days[0].slots[0].label, "10:00");
}

TEST_F(RemoteSupportFormTest, TheRequirementsTheIdAndTheChosenSlotLeaveWithTheTicketOnce) {
    choose_remote_support(true);
    EXPECT_FALSE(plan_refuses_procedure(state()));
    EXPECT_FALSE(asks_for_service(state())) << "remote support is about the client's computer";
    form().rustdesk_id = " 123 456 789 ";
    form().message = "No me llegan los correos a Outlook.";
    app.dispatch(SupportIntent{AcceptRemoteRequirements{true}});
    app.dispatch(SupportIntent{ChooseRemoteSlot{"2026-12-08T11:00:00-03:00"}});
    app.dispatch(SupportIntent{SendTicket{}});
    app.dispatch(SupportIntent{SendTicket{}});
    ASSERT_EQ(net.pending(), 1u) << "one booking left the page";
    EXPECT_EQ(net.next().path, "/tickets");
    const std::string body = net.next().body;
    EXPECT_TRUE(has(body, R"("kind":"remote_support")")) << body;
    EXPECT_TRUE(has(body, R"("department":"support")")) << body;
    EXPECT_TRUE(has(body, R"("requirements_accepted":true)")) << body;
    EXPECT_TRUE(has(body, R"("rustdesk_id":"123 456 789")")) << body;
    EXPECT_TRUE(has(body, R"("slot":"2026-12-08T11:00:00-03:00")")) << body;
    EXPECT_FALSE(has(body, "service_id")) << body;
}

TEST_F(RemoteSupportFormTest, ASlotTakenFirstBySomeoneElseIsDroppedAndTheSlotsAreReadAgain) {
    choose_remote_support(true);
    form().rustdesk_id = "123456789";
    form().message = "Hola.";
    app.dispatch(SupportIntent{AcceptRemoteRequirements{true}});
    app.dispatch(SupportIntent{ChooseRemoteSlot{"2026-12-08T10:00:00-03:00"}});
    app.dispatch(SupportIntent{SendTicket{}});
    const std::string first_key = header(net.next(), "Idempotency-Key");
    net.reply(409, api::encode(api::ApiError{"procedure_refused", "x", "",
                                             std::vector<std::string>{"slot_not_free"}}));
    EXPECT_EQ(state().refusal, SupportText::why_procedure_refused);
    EXPECT_EQ(state().conditions,
              std::vector<domain::ProcedureCondition>{domain::ProcedureCondition::slot_not_free});
    EXPECT_TRUE(state().form.slot.empty()) << "the taken slot is no longer chosen";
    EXPECT_EQ(state().form.rustdesk_id, "123456789") << "the rest of the form stays";
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/support/remote-slots") << "what is free now is read again";
    api::RemoteSlotList now = free_slots(true);
    now.slots.erase(now.slots.begin());
    net.reply(200, api::encode(now));
    ASSERT_EQ(slot_days(*state().remote_slots.data, Language::es)[0].slots.size(), 1u);

    app.dispatch(SupportIntent{ChooseRemoteSlot{"2026-12-08T11:00:00-03:00"}});
    app.dispatch(SupportIntent{SendTicket{}});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_NE(header(net.next(), "Idempotency-Key"), first_key) << "a new booking, a new key";
    EXPECT_TRUE(has(net.next().body, R"("slot":"2026-12-08T11:00:00-03:00")"));
}

TEST_F(RemoteSupportFormTest, APlanWithoutRemoteSupportIsToldUpFrontAndNothingIsSent) {
    choose_remote_support(false);
    EXPECT_TRUE(plan_refuses_procedure(state()));
    form().rustdesk_id = "123456789";
    form().message = "Hola.";
    app.dispatch(SupportIntent{SendTicket{}});
    EXPECT_EQ(net.pending(), 0u);
    // Another procedure is open to every plan.
    app.dispatch(SupportIntent{ChooseKind{domain::TicketKind::error_report}});
    EXPECT_FALSE(plan_refuses_procedure(state()));
}

TEST_F(RemoteSupportFormTest, TheServersWordsOnAMissingIdShowUnderIt) {
    choose_remote_support(true);
    form().message = "Hola.";
    app.dispatch(SupportIntent{SendTicket{}});
    EXPECT_FALSE(has(net.next().body, "rustdesk_id")) << "nothing typed, nothing sent";
    net.reply(400, testing::error_body("missing_field", "rustdesk_id"));
    EXPECT_EQ(state().form.problem_field, "rustdesk_id");
    EXPECT_EQ(state().form.problem, SupportText::problem_rustdesk_id);
}

}  // namespace
}  // namespace portal::app
