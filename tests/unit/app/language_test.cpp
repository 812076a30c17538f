// The page's language as a client lives it: Spanish on a first visit, the saved language once
// signed in (bruno's is English), every request asking for its answer in the page's language,
// and a change of language showing what is on screen again in the other one.
#include <gtest/gtest.h>

#include "app/portal_app.h"
#include "fake_browser.h"
#include "fake_transport.h"

namespace portal::app {
namespace {

constexpr const char* kAna =
    R"({"token":"t-ana","client":{"id":1,"name":"Ana García","email":"ana@example.com","language":"es"},"expires_in":28800,"acting_as":null})";
constexpr const char* kBruno =
    R"({"token":"t-bruno","client":{"id":2,"name":"Bruno Díaz","email":"bruno@example.com","language":"en"},"expires_in":28800,"acting_as":null})";
constexpr const char* kNoServices = R"({"services":[]})";
constexpr const char* kNoInvoices = R"({"invoices":[]})";

std::string accept_language(const api::HttpRequest& request) {
    for (const auto& [name, value] : request.headers) {
        if (name == "Accept-Language") return value;
    }
    return "(none)";
}

std::string article(const std::string& slug, const std::string& title) {
    return R"({"slug":")" + slug + R"(","title":")" + title +
           R"(","book":"B","chapter":"C","body_markdown":"# )" + title + R"(\n"})";
}

class PageLanguage : public ::testing::Test {
  protected:
    void sign_in(const char* session) {
        app.login_form().email = "someone@example.com";
        app.login_form().password = "demo1234";
        app.dispatch(SubmitLogin{});
        net.reply(201, session);
    }
    // Answers the services list and the invoices and the status asked for with it.
    void answer_services() {
        while (net.pending() > 0) {
            const std::string& path = net.next().path;
            net.reply(200, path == "/services" ? kNoServices
                           : path == "/status" ? R"({"components":[]})"
                                               : kNoInvoices);
        }
    }

    testing::FakeTransport net;
    testing::FakeBrowser browser;
    PortalApp app{net, browser, 42};
};

TEST_F(PageLanguage, AFirstVisitIsInSpanishAndAsksForSpanish) {
    EXPECT_EQ(app.state().language, Language::es);
    app.login_form().email = "ana@example.com";
    app.login_form().password = "demo1234";
    app.dispatch(SubmitLogin{});
    ASSERT_TRUE(net.find("POST", "/session"));
    EXPECT_EQ(accept_language(*net.find("POST", "/session")), "es");
}

TEST_F(PageLanguage, BrunoSignsInToEnglishAndEveryRequestAsksForIt) {
    sign_in(kBruno);
    EXPECT_EQ(app.state().language, Language::en);
    ASSERT_TRUE(net.find("GET", "/services"));
    EXPECT_EQ(accept_language(*net.find("GET", "/services")), "en");
    answer_services();
    app.dispatch(Navigate{Route{Route::Page::manual, 0, "cancelacion"}});
    ASSERT_TRUE(net.find("GET", "/manuals/cancelacion"));
    EXPECT_EQ(accept_language(*net.find("GET", "/manuals/cancelacion")), "en");
}

TEST_F(PageLanguage, TheSavedLanguageWinsOverTheOneChosenBeforeSigningIn) {
    app.dispatch(ChooseLanguage{Language::en});
    EXPECT_EQ(app.state().language, Language::en);
    EXPECT_EQ(net.pending(), 0u) << "nothing to save or show again before signing in";
    sign_in(kAna);
    EXPECT_EQ(app.state().language, Language::es);
    EXPECT_EQ(accept_language(*net.find("GET", "/services")), "es");
}

TEST_F(PageLanguage, ChoosingEnglishSavesItAndShowsTheServicesAgainInEnglish) {
    sign_in(kAna);
    answer_services();
    app.dispatch(ChooseLanguage{Language::en});
    EXPECT_EQ(app.state().language, Language::en);
    const api::HttpRequest* saved = net.find("PATCH", "/me");
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->body, R"({"language":"en"})");
    ASSERT_TRUE(net.find("GET", "/services")) << "the list again, in English";
    EXPECT_EQ(accept_language(*net.find("GET", "/services")), "en");
    // A reload of the tab opens in English too.
    EXPECT_NE(browser.remembered_session.find(R"("language":"en")"), std::string::npos);
    PortalApp reloaded{net, browser, 7};
    reloaded.restore_session(browser.remembered_session);
    EXPECT_EQ(reloaded.state().language, Language::en);
}

TEST_F(PageLanguage, AnArticleOnScreenComesAgainInTheOtherLanguage) {
    sign_in(kAna);
    answer_services();
    app.dispatch(Navigate{Route{Route::Page::manual, 0, "cancelacion"}});
    net.reply(200, article("cancelacion", "Cancelación del servicio"));
    ASSERT_TRUE(app.manuals().state().article.data);
    EXPECT_EQ((*app.manuals().state().article.data)->page.title, "Cancelación del servicio");

    app.dispatch(ChooseLanguage{Language::en});
    const api::HttpRequest* again = net.find("GET", "/manuals/cancelacion");
    ASSERT_TRUE(again) << "the article again";
    EXPECT_EQ(accept_language(*again), "en");
    while (net.pending() > 0 && net.next().path != "/manuals/cancelacion") net.reply(200, "{}");
    net.reply(200, article("cancelacion", "Cancelling a service"));
    ASSERT_TRUE(app.manuals().state().article.data);
    EXPECT_EQ((*app.manuals().state().article.data)->page.title, "Cancelling a service");

    // Back in Spanish: the English article kept is not shown for it.
    app.dispatch(ChooseLanguage{Language::es});
    ASSERT_TRUE(net.find("GET", "/manuals/cancelacion"));
    EXPECT_EQ(accept_language(*net.find("GET", "/manuals/cancelacion")), "es");
}

TEST_F(PageLanguage, AnAnswerInTheOldLanguageIsNotShown) {
    sign_in(kAna);
    answer_services();
    app.dispatch(Navigate{Route{Route::Page::manual, 0, "sla"}});
    ASSERT_EQ(net.pending(), 1u);
    app.dispatch(ChooseLanguage{Language::en});
    // The Spanish answer arrives after the change: dropped, the English one is shown.
    net.reply(200, article("sla", "Acuerdo de niveles de servicio (SLA)"));
    EXPECT_FALSE(app.manuals().state().article.data);
    net.reply(200, R"({"id":1,"name":"Ana García","email":"ana@example.com","phone":"",)"
                   R"("language":"en"})");  // the PATCH /me that saved it
    ASSERT_TRUE(net.find("GET", "/manuals/sla"));
    EXPECT_EQ(accept_language(*net.find("GET", "/manuals/sla")), "en");
    net.reply(200, article("sla", "Service level agreement (SLA)"));
    ASSERT_TRUE(app.manuals().state().article.data);
    EXPECT_EQ((*app.manuals().state().article.data)->page.title, "Service level agreement (SLA)");
}

// The invoices' lines are worded by the API in the language asked for: a change of language on
// the invoices tab asks for them again, and an answer in the old language is not shown.
TEST_F(PageLanguage, TheInvoicesOnScreenComeAgainInTheOtherLanguage) {
    auto invoices = [](const std::string& line) {
        api::InvoiceView invoice;
        invoice.id = 3;
        invoice.service_id = 7;
        invoice.description = line;
        invoice.amount = {1500, "USD"};
        invoice.lines = {{line, {1500, "USD"}}};
        return api::encode(api::InvoiceList{{invoice}});
    };
    sign_in(kAna);
    answer_services();
    app.dispatch(Navigate{Route{Route::Page::invoices}});
    ASSERT_TRUE(net.find("GET", "/invoices"));
    EXPECT_EQ(accept_language(*net.find("GET", "/invoices")), "es");

    app.dispatch(ChooseLanguage{Language::en});
    // The Spanish answer arrives after the change: dropped.
    while (net.pending() > 0 && net.next().path != "/invoices") net.reply(200, "{}");
    net.reply(200, invoices("Video HD · 1 mes"));
    EXPECT_TRUE(app.invoices().state().ordered.empty());
    while (net.pending() > 0 && net.next().path != "/invoices") net.reply(200, "{}");
    ASSERT_GT(net.pending(), 0u) << "the invoices again, in English";
    EXPECT_EQ(accept_language(net.next()), "en");
    net.reply(200, invoices("HD Video · 1 month"));
    ASSERT_EQ(app.invoices().state().ordered.size(), 1u);
    EXPECT_EQ(app.invoices().state().ordered[0].lines.at(0).description, "HD Video · 1 month");
}

}  // namespace
}  // namespace portal::app
