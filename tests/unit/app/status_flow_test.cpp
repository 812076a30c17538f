// The server-status page and its banners in the app: which incidents a client's banner names (only
// ongoing ones, only on servers that run their services, one service's or any), the page's order,
// and when the portal asks for the status (on «Mis servicios», on the page, on a deep link to a
// service, again in a new language) and forgets it (signing out).
#include <gtest/gtest.h>

#include "app/status_flow.h"
#include "signed_in_portal.h"

namespace portal::app {
namespace {

using State = domain::ComponentState;

api::Incident incident(int64_t id, std::string title, std::string started,
                       std::optional<std::string> ended = std::nullopt) {
    return {id, std::move(title), std::move(started), std::move(ended), {}};
}

// Ana's hosting (11) on hs-02, slow since last night; the DNS had an outage two days ago; the
// panels are being worked on and run none of Ana's services.
api::ServerStatus anas_status() {
    api::ServerStatus status;
    status.components.push_back({"panels",
                                 "Paneles de control",
                                 State::maintenance,
                                 false,
                                 {},
                                 {incident(3, "Mantenimiento", "2026-03-11T08:00:00-03:00")}});
    status.components.push_back(
        {"hs-02",
         "Servidor de hosting hs-02",
         State::degraded,
         true,
         {11},
         {incident(1, "Sitios lentos", "2026-03-10T21:30:00-03:00"),
          incident(4, "Disco", "2026-03-09T10:00:00-03:00", "2026-03-09T11:00:00-03:00")}});
    status.components.push_back(
        {"dns",
         "DNS",
         State::operational,
         true,
         {14},
         {incident(2, "Demoras DNS", "2026-03-08T14:05:00-03:00", "2026-03-08T15:20:00-03:00")}});
    return status;
}

TEST(StatusBanner, NamesTheOngoingIncidentsOnTheClientsServers) {
    const auto status = anas_status();
    EXPECT_EQ(incidents_affecting(status), std::vector<std::string>{"Sitios lentos"})
        << "not the panels' (none of hers there), not the DNS's (over)";
    EXPECT_EQ(incident_banner(status, Language::es),
              "Hay un incidente en curso que afecta a sus servicios: Sitios lentos");
    EXPECT_EQ(incident_banner(status, Language::en),
              "An ongoing incident affects your services: Sitios lentos");
    EXPECT_EQ(incident_banner(status, Language::es, 11),
              "Hay un incidente en curso que afecta a este servicio: Sitios lentos");
    EXPECT_EQ(incident_banner(status, Language::es, 14), "") << "the DNS incident is over";
    EXPECT_EQ(incident_banner(status, Language::es, 99), "") << "another service";
}

TEST(StatusBanner, IsEmptyForAClientWhoseServersAreFine) {
    auto status = anas_status();
    for (auto& component : status.components) {
        component.affects_you = false;
        component.your_services.clear();
    }
    EXPECT_EQ(incident_banner(status, Language::es), "");
    EXPECT_EQ(incident_banner(status, Language::es, 11), "");
}

TEST(StatusPage, OngoingIncidentsComeFirstTheClientsAheadAndResolvedOnesLatestFirst) {
    const auto status = anas_status();
    const auto lists = incident_lists(status);
    ASSERT_EQ(lists.ongoing.size(), 2u);
    EXPECT_EQ(lists.ongoing[0].incident->title, "Sitios lentos") << "hers, though older";
    EXPECT_EQ(lists.ongoing[0].component->id, "hs-02");
    EXPECT_EQ(lists.ongoing[1].incident->title, "Mantenimiento");
    ASSERT_EQ(lists.resolved.size(), 2u);
    EXPECT_EQ(lists.resolved[0].incident->title, "Disco");
    EXPECT_EQ(lists.resolved[1].incident->title, "Demoras DNS");
}

TEST(StatusPage, SaysWhenInTheCompanysZoneAndNamesTheClientsServices) {
    EXPECT_EQ(when(StatusText::started_on, "2026-03-10T21:30:00-03:00", Language::es),
              "Comenzó el 10/03/2026 a las 21:30");
    EXPECT_EQ(when(StatusText::ended_on, "2026-03-09T14:00:00Z", Language::en),
              "Resolved on 2026-03-09 at 11:00");
    api::ServiceList list;
    list.services.resize(2);
    list.services[0].id = 11;
    list.services[0].name = "Hosting anagarcia.example";
    list.services[1].id = 14;
    list.services[1].name = "anagarcia.example";
    EXPECT_EQ(service_names({14, 11}, list), "anagarcia.example, Hosting anagarcia.example");
    EXPECT_EQ(service_names({11, 99}, list), "Hosting anagarcia.example");
    EXPECT_EQ(service_names({11}, std::nullopt), "");
}

// [SECTION] When the portal asks

class StatusFlowTest : public testing::SignedInPortal {
  protected:
    const Remote<api::ServerStatus>& status() { return app.status().state().status; }
};

TEST_F(StatusFlowTest, MisServiciosAsksForTheStatusOfItsBanner) {
    ASSERT_TRUE(status().data) << "answered when «Mis servicios» opened after sign-in";
    app.dispatch(Navigate{Route{Route::Page::services}});
    ASSERT_TRUE(net.waiting("GET", "/status")) << "asked again on every arrival";
    net.reply(200, R"({"services":[]})");
    net.reply(200, R"({"invoices":[]})");
    net.reply(200, api::encode(anas_status()));
    ASSERT_EQ(net.pending(), 0u);
    EXPECT_FALSE(incident_banner(*status().data, Language::es).empty());
}

TEST_F(StatusFlowTest, TheStatusPageAsksOnEveryArrivalAndLoadsTheServicesNames) {
    app.dispatch(Navigate{Route{Route::Page::status}});
    EXPECT_EQ(app.route(), "/estado");
    ASSERT_EQ(net.pending(), 1u) << "the services are already known";
    EXPECT_EQ(net.next().path, "/status");
    net.reply(200, api::encode(anas_status()));
    ASSERT_TRUE(status().data);
    EXPECT_EQ(status().data->components.size(), 3u);

    // A reload of the page, signed in: nothing is known but the session.
    testing::FakeTransport fresh_net;
    testing::FakeBrowser fresh_browser;
    PortalApp fresh{fresh_net, fresh_browser, 7};
    fresh.restore_session(testing::kAnaSession);
    fresh.dispatch(Navigate{Route{Route::Page::status}, true});
    EXPECT_TRUE(fresh_net.waiting("GET", "/status"));
    EXPECT_TRUE(fresh_net.waiting("GET", "/services")) << "to name the client's services";
}

TEST_F(StatusFlowTest, AServiceUsesTheStatusItHasOrAsksWhenItHasNone) {
    app.dispatch(Navigate{Route{Route::Page::service, 11}});
    EXPECT_FALSE(net.waiting("GET", "/status")) << "«Mis servicios» just had it";
    while (net.pending() > 0) net.reply(404, testing::error_body("not_found"));

    testing::FakeTransport fresh_net;
    testing::FakeBrowser fresh_browser;
    PortalApp fresh{fresh_net, fresh_browser, 7};
    fresh.restore_session(testing::kAnaSession);
    fresh.dispatch(Navigate{Route{Route::Page::service, 11}, true});
    EXPECT_TRUE(fresh_net.waiting("GET", "/status")) << "a deep link to a service";
}

TEST_F(StatusFlowTest, AFailureCanBeRetriedAndANewLanguageAsksAgain) {
    app.dispatch(Navigate{Route{Route::Page::status}});
    net.fail(api::TransportFailure::unreachable);
    EXPECT_TRUE(status().failed());
    app.dispatch(StatusIntent{ReloadStatus{}});
    ASSERT_EQ(net.next().path, "/status");
    net.reply(200, api::encode(anas_status()));
    EXPECT_FALSE(status().failed());

    app.dispatch(ChooseLanguage{Language::en});
    ASSERT_TRUE(net.waiting("GET", "/status")) << "the incidents' words, in English";
    EXPECT_EQ(testing::header(*net.find("GET", "/status"), "Accept-Language"), "en");
}

TEST_F(StatusFlowTest, SigningOutForgetsTheStatus) {
    ASSERT_TRUE(status().data);
    app.dispatch(SignOut{});
    EXPECT_FALSE(status().data);
}

}  // namespace
}  // namespace portal::app
