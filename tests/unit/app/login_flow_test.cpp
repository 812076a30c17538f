// The sign-in flow as a client lives it: what they typed, what the server answered, what they see.
#include <gtest/gtest.h>

#include "app/portal_app.h"
#include "fake_browser.h"
#include "fake_transport.h"

namespace portal::app {
namespace {

constexpr const char* kSession =
    R"({"token":"t0k3n","client":{"id":1,"name":"Ana Pérez","email":"ana@example.com","language":"es"},"expires_in":28800,"acting_as":null})";
constexpr const char* kTwoServices = R"({"services":[
  {"id":11,"name":"Hosting Ana","type":"hosting","status":"active","domain":"ana.example",
   "plan":{"id":"hosting-basic","name":"Hosting Básico","price":{"amount_cents":10000,"currency":"USD"},"cycle":"yearly"},
   "period_start":"2026-05-01","period_end":"2027-04-30","paid_for_period":{"amount_cents":10000,"currency":"USD"},
   "next_due_on":"2027-05-01","pending_plan_change":null,"platform":null,"cancellation":null},
  {"id":12,"name":"Radio Ana","type":"audio_streaming","status":"pending","domain":"",
   "plan":{"id":"radio-s","name":"Radio S","price":{"amount_cents":1500,"currency":"USD"},"cycle":"monthly"},
   "period_start":"2026-11-01","period_end":"2026-11-30","paid_for_period":{"amount_cents":0,"currency":"USD"},
   "next_due_on":"2026-12-01","pending_plan_change":null,"platform":null,"cancellation":null}]})";

class LoginFlow : public ::testing::Test {
  protected:
    void type(const std::string& email, const std::string& password) {
        app.login_form().email = email;
        app.login_form().password = password;
    }
    // Ana's right password, accepted.
    void sign_in() {
        type("ana@example.com", "demo1234");
        app.dispatch(SubmitLogin{});
        net.reply(201, kSession);
    }
    void sign_in_as_ana() {
        sign_in();
        net.reply(200, kTwoServices);
    }

    testing::FakeTransport net;
    testing::FakeBrowser browser;
    PortalApp app{net, browser, 42};
};

TEST_F(LoginFlow, SignsInThenListsTheClientsServices) {
    type("ana@example.com", "demo1234");
    app.dispatch(SubmitLogin{});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().method, "POST");
    EXPECT_EQ(net.next().path, "/session");
    EXPECT_NE(net.next().body.find("\"email\":\"ana@example.com\""), std::string::npos);
    EXPECT_TRUE(app.state().login.submitting);

    net.reply(201, kSession);
    EXPECT_EQ(app.state().route.page, Route::Page::services);
    EXPECT_EQ(app.route(), "/servicios");
    EXPECT_TRUE(app.login_form().password.empty()) << "the password must not linger in memory";
    ASSERT_EQ(net.pending(), 3u)
        << "the services, the invoices for the overdue banner, the status for the incident one";
    EXPECT_EQ(net.next().path, "/services");
    bool authorised = false;
    for (const auto& [name, value] : net.next().headers) {
        authorised |= name == "Authorization" && value == "Bearer t0k3n";
    }
    EXPECT_TRUE(authorised);
    EXPECT_TRUE(app.state().services.loading());

    net.reply(200, kTwoServices);
    ASSERT_TRUE(app.state().services.data);
    ASSERT_EQ(app.state().services.data->services.size(), 2u);
    EXPECT_EQ(app.state().services.data->services[1].status, domain::ServiceStatus::pending);
}

TEST_F(LoginFlow, ChecksWhatWasTypedBeforeSendingAnything) {
    struct Case {
        const char* email;
        const char* password;
        std::optional<Text> email_error;
        std::optional<Text> password_error;
    };
    const Case cases[] = {
        {"", "x", Text::error_email_required, std::nullopt},
        {"ana.example.com", "x", Text::error_email_invalid, std::nullopt},
        {"ana@", "x", Text::error_email_invalid, std::nullopt},
        {"@example.com", "x", Text::error_email_invalid, std::nullopt},
        {"ana @example.com", "x", Text::error_email_invalid, std::nullopt},
        {"ana@example.com", "", std::nullopt, Text::error_password_required},
        {"", "", Text::error_email_required, Text::error_password_required},
    };
    for (const Case& c : cases) {
        type(c.email, c.password);
        app.dispatch(SubmitLogin{});
        EXPECT_EQ(app.state().login.email_error, c.email_error) << c.email;
        EXPECT_EQ(app.state().login.password_error, c.password_error) << c.email;
        EXPECT_EQ(net.pending(), 0u) << "nothing may be sent for " << c.email;
        EXPECT_EQ(app.state().route.page, Route::Page::login);
    }
}

TEST_F(LoginFlow, AWrongPasswordSaysSoAndKeepsTheEmail) {
    type("ana@example.com", "wrong");
    app.dispatch(SubmitLogin{});
    net.reply(401, R"({"error":{"code":"invalid_credentials","message":"no","field":""}})");
    EXPECT_EQ(app.state().route.page, Route::Page::login);
    ASSERT_TRUE(app.state().login.problem);
    EXPECT_EQ(app.state().login.problem->what, Text::error_wrong_credentials);
    EXPECT_FALSE(app.state().login.problem->retryable);
    EXPECT_EQ(app.login_form().email, "ana@example.com");
    EXPECT_FALSE(app.state().login.submitting) << "the client can try again";
}

TEST_F(LoginFlow, ALockedAccountAsksToWait) {
    type("ana@example.com", "wrong");
    app.dispatch(SubmitLogin{});
    net.reply(429, R"({"error":{"code":"account_locked","message":"locked","field":""}})");
    ASSERT_TRUE(app.state().login.problem);
    EXPECT_EQ(app.state().login.problem->what, Text::error_locked);
    EXPECT_EQ(app.state().login.problem->next_step, Text::hint_wait_and_retry);
}

TEST_F(LoginFlow, NetworkTroubleIsExplainedWithAWayForward) {
    struct Case {
        std::function<void(testing::FakeTransport&)> answer;
        Text expected;
    };
    const Case cases[] = {
        {[](auto& n) { n.fail(api::TransportFailure::unreachable); }, Text::error_unreachable},
        {[](auto& n) { n.fail(api::TransportFailure::timeout); }, Text::error_timeout},
        {[](auto& n) { n.reply(201, "<html>proxy</html>"); }, Text::error_malformed},
        {[](auto& n) { n.reply(201, R"({"token":5})"); }, Text::error_malformed},
        {[](auto& n) { n.reply(502, "Bad Gateway"); }, Text::error_malformed},
        {[](auto& n) { n.reply(500, R"({"error":{"code":"internal","message":"x","field":""}})"); },
         Text::error_server},
    };
    for (const Case& c : cases) {
        type("ana@example.com", "demo1234");
        app.dispatch(SubmitLogin{});
        c.answer(net);
        ASSERT_TRUE(app.state().login.problem);
        EXPECT_EQ(app.state().login.problem->what, c.expected);
        EXPECT_EQ(app.state().route.page, Route::Page::login);
        EXPECT_EQ(app.login_form().password, "demo1234") << "what the client typed is kept";
    }
}

TEST_F(LoginFlow, ADoubleClickSignsInOnce) {
    type("ana@example.com", "demo1234");
    app.dispatch(SubmitLogin{});
    app.dispatch(SubmitLogin{});
    EXPECT_EQ(net.pending(), 1u);
}

TEST_F(LoginFlow, AFailedServiceListCanBeRetried) {
    sign_in();
    net.fail(api::TransportFailure::unreachable);
    ASSERT_TRUE(app.state().services.failed());
    EXPECT_TRUE(app.state().services.problem.retryable);

    net.reply(200, R"({"invoices":[]})");
    net.reply(200, R"({"components":[]})");
    app.dispatch(ReloadServices{});
    ASSERT_EQ(net.next().path, "/services");
    net.reply(200, kTwoServices);
    EXPECT_FALSE(app.state().services.failed());
    EXPECT_EQ(app.state().services.data->services.size(), 2u);
}

TEST_F(LoginFlow, AnExpiredSessionReturnsToSignInWithAnExplanation) {
    sign_in_as_ana();
    app.dispatch(ReloadServices{});
    net.reply(401, R"({"error":{"code":"unauthorized","message":"expired","field":""}})");
    EXPECT_EQ(app.state().route.page, Route::Page::login);
    ASSERT_TRUE(app.state().login.problem);
    EXPECT_EQ(app.state().login.problem->what, Text::error_session_expired);
    EXPECT_FALSE(app.state().session);
}

TEST_F(LoginFlow, SigningOutForgetsTheSessionEvenWhenTheServerIsDown) {
    sign_in_as_ana();
    app.dispatch(SignOut{});
    EXPECT_EQ(app.state().route.page, Route::Page::login);
    EXPECT_FALSE(app.state().session);
    EXPECT_FALSE(app.state().services.data) << "the next client must not see Ana's services";
    EXPECT_TRUE(net.waiting("DELETE", "/session")) << "the server is told, so the token dies";
    net.fail_all(api::TransportFailure::unreachable);
    EXPECT_EQ(app.state().route.page, Route::Page::login);
    EXPECT_FALSE(app.state().login.problem);
}

TEST_F(LoginFlow, AnAnswerArrivingAfterSignOutIsIgnored) {
    type("ana@example.com", "demo1234");
    app.dispatch(SubmitLogin{});
    net.reply(201, kSession);  // the service list is now in flight
    app.dispatch(SignOut{});
    net.reply(200, kTwoServices);  // late answer of Ana's list
    EXPECT_FALSE(app.state().services.data);
    EXPECT_EQ(app.state().route.page, Route::Page::login);
}

TEST_F(LoginFlow, ADeepLinkWhileSignedOutLeadsThereAfterSigningIn) {
    app.dispatch(Navigate{*parse_route("/servicios/11"), true});
    EXPECT_EQ(app.route(), "/ingresar");
    sign_in();
    EXPECT_EQ(app.route(), "/servicios/11");
}

TEST_F(LoginFlow, AfterAnExpiredSessionSigningInAgainReturnsToTheSameScreen) {
    sign_in_as_ana();
    app.dispatch(Navigate{*parse_route("/manuales/cancelacion")});
    app.dispatch(ReloadServices{});
    // Whatever request is answered first, a 401 ends the session.
    while (net.pending() > 0) {
        net.reply(401, R"({"error":{"code":"unauthorized","message":"expired","field":""}})");
    }
    EXPECT_EQ(app.route(), "/ingresar");
    sign_in();
    EXPECT_EQ(app.route(), "/manuales/cancelacion");
}

TEST_F(LoginFlow, TheLanguageCanBeSwitched) {
    EXPECT_EQ(app.state().language, Language::es);
    app.dispatch(ChooseLanguage{Language::en});
    EXPECT_EQ(app.state().language, Language::en);
}

}  // namespace
}  // namespace portal::app

namespace portal::app {
namespace {

TEST_F(LoginFlow, TheSessionIsRememberedForAReloadAndForgottenAtSignOut) {
    sign_in_as_ana();
    ASSERT_FALSE(browser.remembered_session.empty());
    EXPECT_EQ(browser.remembered_session.find("demo1234"), std::string::npos)
        << "the password is never stored";

    // The same tab reloads: a new app restores the session and opens the screen in the URL.
    testing::FakeTransport net2;
    PortalApp reloaded{net2, browser, 7};
    reloaded.restore_session(browser.remembered_session);
    reloaded.dispatch(Navigate{*parse_route("/servicios/11"), true});
    EXPECT_EQ(reloaded.route(), "/servicios/11");

    app.dispatch(SignOut{});
    EXPECT_TRUE(browser.remembered_session.empty());
}

TEST_F(LoginFlow, AnUnreadableRememberedSessionIsDropped) {
    browser.remembered_session = "{not json";
    app.restore_session(browser.remembered_session);
    EXPECT_FALSE(app.state().session);
    EXPECT_TRUE(browser.remembered_session.empty());
    app.dispatch(Navigate{*parse_route("/servicios"), true});
    EXPECT_EQ(app.route(), "/ingresar");
}

}  // namespace
}  // namespace portal::app
