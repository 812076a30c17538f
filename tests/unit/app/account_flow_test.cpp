// A secondary contact in the page (RULES.md §10): it lands where its permissions let it and the
// page asks nothing it may not see; «Mi cuenta» sends the account's changes; an invitation is
// accepted without a session.
#include <gtest/gtest.h>

#include "app/portal_app.h"
#include "fake_browser.h"
#include "fake_transport.h"

namespace portal::app {
namespace {

constexpr const char* kContactSession =
    R"({"token":"c0ntact","client":{"id":1,"name":"Ana García","email":"ana@example.com","language":"es"},"expires_in":28800,"acting_as":{"contact_id":4,"permissions":["invoices"]}})";

class ContactInPage : public ::testing::Test {
  protected:
    void sign_in(const char* session) {
        app.login_form().email = "laura@contable.example";
        app.login_form().password = "contable-2026";
        app.dispatch(SubmitLogin{});
        net.reply(201, session);
    }
    testing::FakeTransport net;
    testing::FakeBrowser browser;
    PortalApp app{net, browser, 7};
};

TEST_F(ContactInPage, AContactWithOnlyInvoicesLandsOnTheInvoicesAndNeverAsksForServices) {
    sign_in(kContactSession);
    EXPECT_EQ(app.state().route.page, Route::Page::invoices);
    EXPECT_TRUE(net.waiting("GET", "/invoices"));
    EXPECT_FALSE(net.waiting("GET", "/services"));
    // A link to a service leads back to the invoices, asking nothing.
    app.dispatch(Navigate{Route{Route::Page::service, 12}, true});
    EXPECT_EQ(app.state().route.page, Route::Page::invoices);
    EXPECT_FALSE(net.waiting("GET", "/services/12"));
}

TEST_F(ContactInPage, MayFollowsTheSessionsPermissions) {
    sign_in(kContactSession);
    const auto& session = app.state().session;
    EXPECT_TRUE(may(session, domain::Permission::invoices));
    EXPECT_FALSE(may(session, domain::Permission::services_view));
    EXPECT_FALSE(is_holder(session));
    // Its account page asks only for the details it may read: no contacts, no alerts.
    app.dispatch(Navigate{Route{Route::Page::account}});
    EXPECT_TRUE(net.waiting("GET", "/me"));
    EXPECT_FALSE(net.waiting("GET", "/contacts"));
    EXPECT_FALSE(net.waiting("GET", "/me/alerts"));
}

TEST_F(ContactInPage, AServiceOffersOnlyWhatTheContactMayDo) {
    sign_in(
        R"({"token":"c0ntact","client":{"id":1,"name":"Ana García","email":"ana@example.com","language":"es"},"expires_in":28800,"acting_as":{"contact_id":5,"permissions":["services_view"]}})");
    while (net.pending() > 0) net.reply(200, R"({"services":[]})");
    app.dispatch(Navigate{Route{Route::Page::service, 12}, true});
    ASSERT_TRUE(net.waiting("GET", "/services/12"));
    net.reply(
        200,
        R"({"id":12,"name":"Hosting Ana","type":"hosting","status":"active","domain":"ana.example",
   "plan":{"id":"hosting-plus","name":"Hosting Plus","price":{"amount_cents":10000,"currency":"USD"},"cycle":"yearly"},
   "period_start":"2026-05-01","period_end":"2027-04-30","paid_for_period":{"amount_cents":10000,"currency":"USD"},
   "next_due_on":"2027-05-01","pending_plan_change":null,"platform":null,"cancellation":null})");
    EXPECT_TRUE(net.waiting("GET", "/services/12/access"));
    EXPECT_FALSE(net.waiting("GET", "/services/12/downloads")) << "downloads need `downloads`";
    const ServiceActions& allowed = app.service().state().allowed;
    EXPECT_FALSE(allowed.manage);
    EXPECT_FALSE(allowed.cancel) << "cancelling stays with the holder";
    EXPECT_FALSE(allowed.downloads);
    EXPECT_FALSE(allowed.tickets);
}

// «Mis servicios» shows its list once its banners are known; one the contact may not see is known
// to be none at once.
TEST_F(ContactInPage, AContactWithoutInvoicesGetsTheListWithoutWaitingForThem) {
    sign_in(
        R"({"token":"c0ntact","client":{"id":1,"name":"Ana García","email":"ana@example.com","language":"es"},"expires_in":28800,"acting_as":{"contact_id":5,"permissions":["services_view"]}})");
    EXPECT_TRUE(net.waiting("GET", "/services"));
    EXPECT_FALSE(net.waiting("GET", "/invoices")) << "invoices need `invoices`";
    EXPECT_EQ(app.state().overdue_invoices, 0);
}

TEST_F(ContactInPage, AnInvitationIsAcceptedWithoutASession) {
    app.dispatch(Navigate{Route{Route::Page::invitation, 0, "Ab-9_xZ"}, true});
    EXPECT_EQ(app.state().route.page, Route::Page::invitation);
    app.account_form().invitation_form().password = "contable-2026";
    app.dispatch(AccountIntent{AcceptInvitation{}});
    ASSERT_TRUE(net.waiting("POST", "/invitations/Ab-9_xZ"));
    EXPECT_EQ(net.next().body, R"({"password":"contable-2026"})");
    net.reply(
        200,
        R"({"id":4,"name":"Laura","email":"laura@contable.example","phone":"","permissions":["invoices"],"status":"active"})");
    ASSERT_TRUE(app.account().invitation().accepted_email);
    EXPECT_EQ(*app.account().invitation().accepted_email, "laura@contable.example");
    EXPECT_TRUE(app.account().invitation().password.empty()) << "never kept once sent";
}

TEST_F(ContactInPage, AnInvitationAlreadyUsedSaysSo) {
    app.dispatch(Navigate{Route{Route::Page::invitation, 0, "used"}, true});
    app.account_form().invitation_form().password = "contable-2026";
    app.dispatch(AccountIntent{AcceptInvitation{}});
    net.reply(410, R"({"error":{"code":"invitation_used","message":"x","field":null}})");
    EXPECT_EQ(app.account().invitation().refused, AccountText::why_invitation_used);
}

}  // namespace
}  // namespace portal::app
