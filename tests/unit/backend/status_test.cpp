// The server-status page (GET /status; domain/server_status.h) against the demo fixtures: each
// component in the worst state of its ongoing incidents, which of the caller's services run on it
// (and no one else's), ongoing and ended read on the backend's clock, words in the reader's
// language.
#include "backend_world.h"
#include "domain/support_clock.h"

namespace portal::backend::testing {
namespace {

PORTAL_SUITE_ON_BOTH_STORES(StatusTest, SignedInWorld);

// The component with this id in a GET /status answer.
Json component(const Json& status, const std::string& id) {
    for (const auto& c : status["components"]) {
        if (c["id"] == id) return c;
    }
    ADD_FAILURE() << "no component " << id;
    return Json::object();
}

template <class World>
Json status_of(World& w, const std::string& token, const std::string& query = "") {
    Response r = w.call("GET", "/api/v1/status" + query, "", token);
    EXPECT_EQ(r.status, 200) << r.body;
    return w.json(r);
}

// Unix seconds of a day relative to kToday, at hh:mm in the company's zone.
int64_t local(int days, int hour, int minute = 0) {
    return kToday.add_days(days).days_since_epoch() * 86400 + hour * 3600 + minute * 60 -
           domain::kCompanyUtcOffsetSeconds;
}

TYPED_TEST(StatusTest, AnasHostingServerHasAnOngoingIncidentThatAffectsHer) {
    const Json status = status_of(*this, this->ana);
    ASSERT_GE(status["components"].size(), 5u);
    const Json hs02 = component(status, "hs-02");
    EXPECT_EQ(hs02["name"], "Servidor de hosting hs-02");
    EXPECT_EQ(hs02["state"], "degraded");
    EXPECT_EQ(hs02["affects_you"], true);
    EXPECT_EQ(hs02["your_services"],
              Json::array({this->service_id(this->ana, "Hosting anagarcia.example")}));
    ASSERT_EQ(hs02["incidents"].size(), 1u);
    const Json& incident = hs02["incidents"][0];
    EXPECT_EQ(incident["title"], "Sitios lentos en el servidor hs-02");
    EXPECT_EQ(incident["started_at"], domain::company_rfc3339(local(-1, 21, 30)));
    EXPECT_TRUE(incident["ended_at"].is_null()) << "no end: it is ongoing";
    ASSERT_EQ(incident["updates"].size(), 2u);
    // The newest first.
    EXPECT_EQ(incident["updates"][0]["at"], "2026-03-10T23:10:00-03:00");
    EXPECT_EQ(incident["updates"][1]["at"], "2026-03-10T21:45:00-03:00");
    EXPECT_NE(incident["updates"][1]["text"].get<std::string>().find("lentitud"),
              std::string::npos);

    // The DNS incident of three days ago ended: listed, with its end; the DNS is operational.
    const Json dns = component(status, "dns");
    EXPECT_EQ(dns["state"], "operational");
    ASSERT_EQ(dns["incidents"].size(), 1u);
    EXPECT_EQ(dns["incidents"][0]["ended_at"], "2026-03-08T15:20:00-03:00");
    EXPECT_EQ(dns["affects_you"], true) << "her domain is served there";
    EXPECT_EQ(component(status, "mail")["affects_you"], false);
    EXPECT_EQ(component(status, "mail")["state"], "operational");
}

TYPED_TEST(StatusTest, OtherClientsSeeTheIncidentButNoneOfAnasServices) {
    for (const std::string& token : {this->bruno, this->carla}) {
        const Json status = status_of(*this, token);
        const Json hs02 = component(status, "hs-02");
        EXPECT_EQ(hs02["state"], "degraded") << "the page is the same for everyone";
        EXPECT_EQ(hs02["incidents"].size(), 1u);
        EXPECT_EQ(hs02["affects_you"], false);
        EXPECT_EQ(hs02["your_services"], Json::array());
    }
    // A cancelled or terminated service runs nowhere: Bruno's old hosting on hs-01 and Carla's
    // terminated domain on the DNS are not theirs there.
    const Json bruno = status_of(*this, this->bruno);
    const Json hs01 = component(bruno, "hs-01");
    const int64_t old_hosting = this->service_id(this->bruno, "Hosting antiguo");
    for (const auto& id : hs01["your_services"]) EXPECT_NE(id.get<int64_t>(), old_hosting);
    EXPECT_EQ(hs01["affects_you"], true) << "his reseller runs there";
    EXPECT_EQ(component(status_of(*this, this->carla), "dns")["affects_you"], false);
}

TYPED_TEST(StatusTest, TheClockDecidesWhatIsOngoingAndWhatIsShown) {
    using State = domain::ComponentState;
    const int64_t now = this->clock.now();
    // Work on the panels that ends in an hour, and an outage of the mail that starts tomorrow.
    const int64_t work = this->store->insert_incident(
        {0, "panels", State::maintenance, "Mantenimiento", "Maintenance", now - 3600, now + 3600});
    this->store->insert_incident_update({0, work, now - 3600, "Empezamos", "We started"});
    this->store->insert_incident_update({0, work, now + 1800, "A mitad", "Halfway"});
    this->store->insert_incident(
        {0, "mail", State::major_outage, "Corte", "Outage", now + 86400, std::nullopt});

    Json status = status_of(*this, this->ana);
    Json panels = component(status, "panels");
    EXPECT_EQ(panels["state"], "maintenance");
    ASSERT_EQ(panels["incidents"].size(), 1u);
    EXPECT_TRUE(panels["incidents"][0]["ended_at"].is_null()) << "its end has not come";
    EXPECT_EQ(panels["incidents"][0]["updates"].size(), 1u) << "an update of later is not shown";
    EXPECT_EQ(component(status, "mail")["incidents"].size(), 0u) << "not started yet";
    EXPECT_EQ(component(status, "mail")["state"], "operational");

    this->clock.advance(2 * 3600);
    status = status_of(*this, this->ana);
    panels = component(status, "panels");
    EXPECT_EQ(panels["state"], "operational") << "the work is over";
    EXPECT_EQ(panels["incidents"][0]["ended_at"], domain::company_rfc3339(now + 3600));
    EXPECT_EQ(panels["incidents"][0]["updates"].size(), 2u);

    // A week after its end, an incident leaves the page; an ongoing one never does.
    this->clock.set(local(5, 12));
    status = status_of(*this, this->login("ana@example.com"));
    EXPECT_EQ(component(status, "dns")["incidents"].size(), 0u);
    EXPECT_EQ(component(status, "hs-02")["incidents"].size(), 1u);
    EXPECT_EQ(component(status, "hs-02")["state"], "degraded");
    EXPECT_EQ(component(status, "mail")["state"], "major_outage") << "it has started";
}

TYPED_TEST(StatusTest, OngoingIncidentsComeFirstAndTheWorstStateShows) {
    using State = domain::ComponentState;
    const int64_t now = this->clock.now();
    this->store->insert_incident(
        {0, "hs-02", State::major_outage, "Caído", "Down", now - 600, std::nullopt});
    this->store->insert_incident(
        {0, "hs-02", State::partial_outage, "Antes", "Before", now - 7200, now - 3600});
    const Json hs02 = component(status_of(*this, this->ana), "hs-02");
    EXPECT_EQ(hs02["state"], "major_outage") << "the worse of its two ongoing incidents";
    ASSERT_EQ(hs02["incidents"].size(), 3u);
    EXPECT_EQ(hs02["incidents"][0]["title"], "Caído");
    EXPECT_EQ(hs02["incidents"][1]["title"], "Sitios lentos en el servidor hs-02");
    EXPECT_EQ(hs02["incidents"][2]["title"], "Antes");
}

TYPED_TEST(StatusTest, AnswersInTheReadersLanguage) {
    const Json english = status_of(*this, this->ana, "?lang=en");
    const Json hs02 = component(english, "hs-02");
    EXPECT_EQ(hs02["name"], "Hosting server hs-02");
    EXPECT_EQ(hs02["incidents"][0]["title"], "Slow websites on server hs-02");
    EXPECT_EQ(hs02["incidents"][0]["updates"][0]["text"],
              "We found the cause: one of the server's disks is failing. We are replacing it; the "
              "websites stay online, though slower.");
    EXPECT_EQ(component(english, "panels")["name"], "Control panels");
    Response accepted =
        this->call("GET", "/api/v1/status", "", this->ana, {{"accept-language", "en-GB,en;q=0.8"}});
    EXPECT_EQ(this->json(accepted), english);
    EXPECT_EQ(component(status_of(*this, this->ana), "panels")["name"], "Paneles de control");
    EXPECT_EQ(this->call("GET", "/api/v1/status?lang=fr", "", this->ana).status, 400);
}

// Every component, incident and update of the fixtures says itself in English too, and a catalog
// missing one of those words does not load.
TEST(StatusFixtures, EveryWordOfThePageIsTranslated) {
    const Json catalog = Json::parse(read_file(fixtures_dir() / "catalog.json"));
    const Json& status = catalog["status"];
    for (const auto& c : status["components"]) EXPECT_FALSE(c.value("name_en", "").empty());
    for (const auto& incident : status["incidents"]) {
        EXPECT_FALSE(incident.value("title_en", "").empty());
        for (const auto& update : incident["updates"]) {
            EXPECT_FALSE(update.value("text_en", "").empty());
            EXPECT_NE(update["text_en"], update["text"]);
        }
    }
    for (const auto& [part, key] :
         {std::pair{"components", "name_en"}, std::pair{"incidents", "title_en"}}) {
        Json untranslated = catalog;
        untranslated["status"][part][0].erase(key);
        MemoryStore store;
        auto loaded = load_fixture_texts(untranslated.dump(), fixture_file("clients.json"), store);
        EXPECT_FALSE(loaded.ok()) << part;
    }
}

// A service on a server the page does not know would never hear of its incidents.
TEST(StatusFixtures, EveryServiceRunsOnAComponentOfThePage) {
    Json clients = Json::parse(read_file(fixtures_dir() / "clients.json"));
    clients["clients"][0]["services"][0]["server"] = "hs-99";
    MemoryStore store;
    auto loaded = load_fixture_texts(fixture_file("catalog.json"), clients.dump(), store);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().message.find("services[0].server"), std::string::npos)
        << loaded.error().message;
}

}  // namespace
}  // namespace portal::backend::testing
