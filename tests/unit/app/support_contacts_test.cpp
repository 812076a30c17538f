// The channels that take an address (RULES.md §8): the operator's phone, WhatsApp and Telegram
// turned into links that open them, refused when they cannot be dialled or linked; and a plan
// without phone or WhatsApp asking for them by a ticket to sales.
#include "app/support_contacts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support_form.h"

namespace portal::app {
namespace {

using domain::SupportChannel;

const SupportContacts kContacts{"+54 11 5263-0000", "+54 9 (11) 5263-0001", "@panel_soporte"};

TEST(SupportContacts, EachAddressOpensItsChannelAndReadsAsTheOperatorWroteIt) {
    const auto phone = contact_for(kContacts, SupportChannel::phone);
    ASSERT_TRUE(phone);
    EXPECT_EQ(phone->shown, "+54 11 5263-0000");
    EXPECT_EQ(phone->link, "tel:+541152630000");
    EXPECT_EQ(phone->words, ChannelText::call);
    const auto whatsapp = contact_for(kContacts, SupportChannel::whatsapp);
    ASSERT_TRUE(whatsapp);
    EXPECT_EQ(whatsapp->link, "https://wa.me/5491152630001");
    EXPECT_EQ(whatsapp->words, ChannelText::write_whatsapp);
    const auto telegram = contact_for(kContacts, SupportChannel::telegram);
    ASSERT_TRUE(telegram);
    EXPECT_EQ(telegram->link, "https://t.me/panel_soporte");
    EXPECT_EQ(telegram->shown, "@panel_soporte");
    const auto without_at = contact_for({"", "", "panel_soporte"}, SupportChannel::telegram);
    ASSERT_TRUE(without_at);
    EXPECT_EQ(without_at->shown, "@panel_soporte") << "one way of writing it on screen";
}

TEST(SupportContacts, WhatCannotBeDialledOrLinkedOffersNoButton) {
    for (const std::string phone : {"", "javascript:alert(1)", "12345", "+54 11 5263-0000 int 2",
                                    "1234567890123456", "54+11"}) {
        EXPECT_FALSE(contact_for({phone, phone, ""}, SupportChannel::phone)) << phone;
        EXPECT_FALSE(contact_for({phone, phone, ""}, SupportChannel::whatsapp)) << phone;
    }
    for (const std::string& user :
         std::vector<std::string>{"", "@abc", "panel soporte", "panel/soporte", "@@panel_soporte",
                                  std::string(33, 'a')}) {
        EXPECT_FALSE(contact_for({"", "", user}, SupportChannel::telegram)) << user;
    }
    EXPECT_FALSE(contact_for(kContacts, SupportChannel::chat)) << "the chat takes no address";
}

TEST(SupportContacts, OnlyTheFullPlanHasBothPhoneAndWhatsapp) {
    EXPECT_TRUE(lacks_phone_or_whatsapp(domain::SupportPlan::standard));
    EXPECT_TRUE(lacks_phone_or_whatsapp(domain::SupportPlan::professional)) << "no WhatsApp";
    EXPECT_FALSE(lacks_phone_or_whatsapp(domain::SupportPlan::full));
}

class ChannelsFlowTest : public testing::SupportFormTest {};

TEST_F(ChannelsFlowTest, APhoneIsDialledAndAChatOpensInANewTab) {
    app.tickets_form().set_contacts(kContacts);
    app.dispatch(SupportIntent{ReachChannel{SupportChannel::phone}});
    app.dispatch(SupportIntent{ReachChannel{SupportChannel::whatsapp}});
    EXPECT_EQ(browser.dialled, std::vector<std::string>{"tel:+541152630000"});
    EXPECT_EQ(browser.opened, std::vector<std::string>{"https://wa.me/5491152630001"});
    app.tickets_form().set_contacts({});
    app.dispatch(SupportIntent{ReachChannel{SupportChannel::phone}});
    EXPECT_EQ(browser.dialled.size(), 1u) << "no address, nothing dialled";
}

TEST_F(ChannelsFlowTest, AskingForPhoneOrWhatsappIsATicketToSalesWithItsSubjectWritten) {
    open_form();  // a service's form first: asking is about the plan, not that service
    app.dispatch(SupportIntent{AskForPhoneOrWhatsapp{}});
    EXPECT_EQ(app.route(), "/soporte/nuevo");
    ASSERT_EQ(net.next().path, "/services");
    net.reply(200, R"({"services":[]})");
    EXPECT_EQ(state().service_id, 0);
    EXPECT_EQ(state().form.department, domain::TicketDepartment::sales);
    EXPECT_EQ(state().form.subject, tr(Language::es, ChannelText::ask_subject));
    form().message = "Quiero que me llamen.";
    app.dispatch(SupportIntent{SendTicket{}});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_NE(net.next().body.find(R"("department":"sales")"), std::string::npos);
    EXPECT_EQ(net.next().body.find("service_id"), std::string::npos);
}

TEST_F(ChannelsFlowTest, TheOperatorsAddressesOutliveASignOut) {
    app.tickets_form().set_contacts(kContacts);
    app.dispatch(SignOut{});
    EXPECT_EQ(state().contacts.phone, kContacts.phone);
}

}  // namespace
}  // namespace portal::app
