// The API in two languages: Spanish (the company's) unless a request asks for English with
// `?lang=` or, without it, Accept-Language. Manual articles, their catalog and search, plan names
// and download descriptions are each kept once per language; `?lang=en` answers English only.
#include <set>

#include "backend_world.h"
#include "core/language.h"

namespace portal::backend::testing {
namespace {

PORTAL_SUITE_ON_BOTH_STORES(LanguageTest, SignedInWorld);

Json fixture_catalog() {
    return Json::parse(read_file(fixtures_dir() / "catalog.json"));
}

// What the fixture says of each plan and download, by id / file name, in one language.
std::map<std::string, std::string> plan_names(const std::string& key) {
    std::map<std::string, std::string> names;
    const Json catalog = fixture_catalog();
    for (const auto& plan : catalog["plans"]) names[plan["id"]] = plan[key];
    return names;
}
std::map<std::string, std::string> download_descriptions(const std::string& key) {
    std::map<std::string, std::string> descriptions;
    const Json catalog = fixture_catalog();
    for (const auto& d : catalog["downloads"]) descriptions[d["name"]] = d[key];
    return descriptions;
}

TEST(Language, KnownLanguagesAndAcceptLanguage) {
    EXPECT_EQ(known_language("en"), "en");
    EXPECT_EQ(known_language("EN-gb"), "en");
    EXPECT_EQ(known_language(" es-AR "), "es");
    EXPECT_EQ(known_language("fr"), std::nullopt);
    EXPECT_EQ(known_language("english"), std::nullopt);
    EXPECT_EQ(known_language(""), std::nullopt);

    EXPECT_EQ(accepted_language("en-US,en;q=0.9"), "en");
    EXPECT_EQ(accepted_language("fr-FR, en;q=0.5, es;q=0.4"), "en");
    EXPECT_EQ(accepted_language("en;q=0.1, es"), "es");
    EXPECT_EQ(accepted_language("es;q=0.8, en;q=0.9"), "en");
    EXPECT_EQ(accepted_language("de, fr"), "es") << "none spoken: the company's language";
    EXPECT_EQ(accepted_language("en;q=0"), "es") << "q=0 means not acceptable";
    EXPECT_EQ(accepted_language("*"), "es");
    EXPECT_EQ(accepted_language(""), "es");
}

TYPED_TEST(LanguageTest, TheManualsCatalogIsPerLanguage) {
    Json spanish = this->json(this->call("GET", "/api/v1/manuals"));
    Json english = this->json(this->call("GET", "/api/v1/manuals?lang=en"));
    ASSERT_EQ(english["books"].size(), 2u);
    EXPECT_EQ(english["books"][0]["title"], "Panel");
    EXPECT_EQ(english["books"][0]["chapters"][0]["title"], "Services");
    EXPECT_EQ(english["books"][0]["chapters"][0]["pages"][0]["title"], "How to cancel a service");
    EXPECT_EQ(english["books"][1]["chapters"][0]["pages"][0]["title"], "Support tickets");
    EXPECT_EQ(spanish["books"][0]["title"], "panel") << "Spanish stays the default";
    // Accept-Language when there is no ?lang=; ?lang= wins over it.
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/manuals", "", "",
                                    {{"accept-language", "en-GB,en;q=0.9"}})),
              english);
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/manuals?lang=es", "", "",
                                    {{"accept-language", "en"}})),
              spanish);
}

TYPED_TEST(LanguageTest, AnArticleInEnglishIsTheEnglishOneOnly) {
    Response r = this->call("GET", "/api/v1/manuals/cancelar-servicio?lang=en");
    ASSERT_EQ(r.status, 200) << r.body;
    Json page = this->json(r);
    EXPECT_EQ(page["title"], "How to cancel a service");
    EXPECT_EQ(page["body_markdown"].get<std::string>().rfind("To **cancel**", 0), 0u);
    // No English article with that slug: not found, never the Spanish one.
    EXPECT_EQ(this->call("GET", "/api/v1/manuals/upgrade?lang=en").status, 404);
    EXPECT_EQ(this->call("GET", "/api/v1/manuals/upgrade").status, 200);
}

TYPED_TEST(LanguageTest, SearchFindsTheArticlesOfItsLanguage) {
    Json english = this->json(this->call("GET", "/api/v1/manuals?lang=en&q=cancel"))["results"];
    ASSERT_EQ(english.size(), 1u);
    EXPECT_EQ(english[0]["slug"], "cancelar-servicio");
    EXPECT_EQ(english[0]["title"], "How to cancel a service");
    // A Spanish word finds nothing in English, and an English one nothing in Spanish.
    EXPECT_TRUE(this->json(this->call("GET", "/api/v1/manuals?lang=en&q=baja"))["results"].empty());
    EXPECT_TRUE(this->json(this->call("GET", "/api/v1/manuals?q=question"))["results"].empty());
    Json by_header = this->json(this->call("GET", "/api/v1/manuals?q=question", "", "",
                                           {{"accept-language", "en"}}))["results"];
    ASSERT_EQ(by_header.size(), 1u);
    EXPECT_EQ(by_header[0]["slug"], "tickets");
}

TYPED_TEST(LanguageTest, AnUnknownLangIsRefused) {
    for (const char* target : {"/api/v1/manuals?lang=fr",
                               "/api/v1/manuals?lang=", "/api/v1/manuals/tickets?lang=english"}) {
        Response r = this->call("GET", target);
        EXPECT_EQ(r.status, 400) << target;
        EXPECT_EQ(this->error_field(r), "lang") << target;
    }
    // An Accept-Language the API does not speak is no error: the answer is Spanish.
    EXPECT_EQ(this->call("GET", "/api/v1/manuals", "", "", {{"accept-language", "fr"}}).status,
              200);
}

// Every plan name a client sees is the catalog's in the language asked for.
TYPED_TEST(LanguageTest, PlanNamesComeInTheLanguageAskedFor) {
    const auto spanish = plan_names("name");
    const auto english = plan_names("name_en");
    for (const std::string& token : {this->ana, this->bruno, this->carla}) {
        Json es = this->json(this->call("GET", "/api/v1/services", "", token))["services"];
        Json en = this->json(this->call("GET", "/api/v1/services?lang=en", "", token))["services"];
        ASSERT_EQ(es.size(), en.size());
        ASSERT_FALSE(en.empty());
        for (size_t i = 0; i < en.size(); ++i) {
            const std::string plan = en[i]["plan"]["id"];
            EXPECT_EQ(en[i]["plan"]["name"], english.at(plan)) << plan;
            EXPECT_EQ(es[i]["plan"]["name"], spanish.at(plan)) << plan;
            Json one = this->json(
                this->call("GET", "/api/v1/services/" + std::to_string(en[i]["id"].get<int64_t>()),
                           "", token, {{"accept-language", "en"}}));
            EXPECT_EQ(one["plan"]["name"], english.at(plan)) << plan;
        }
    }
    Json options = this->json(this->call(
        "GET",
        this->service_path(this->ana, "Hosting anagarcia.example", "/upgrade-options?lang=en"), "",
        this->ana));
    ASSERT_FALSE(options["options"].empty()) << options;
    for (const auto& option : options["options"]) {
        EXPECT_EQ(option["plan"]["name"], english.at(option["plan"]["id"])) << option;
    }
}

TYPED_TEST(LanguageTest, DownloadDescriptionsComeInTheLanguageAskedFor) {
    const auto spanish = download_descriptions("description");
    const auto english = download_descriptions("description_en");
    std::set<std::string> seen;
    for (const std::string& token : {this->ana, this->bruno, this->carla}) {
        const Json active =
            this->json(this->call("GET", "/api/v1/services?status=active", "", token))["services"];
        for (const Json& service : active) {
            const std::string path =
                "/api/v1/services/" + std::to_string(service["id"].get<int64_t>()) + "/downloads";
            Json en = this->json(this->call("GET", path + "?lang=en", "", token))["downloads"];
            Json es = this->json(this->call("GET", path, "", token))["downloads"];
            ASSERT_EQ(en.size(), es.size());
            for (size_t i = 0; i < en.size(); ++i) {
                EXPECT_EQ(en[i]["description"], english.at(en[i]["name"]));
                EXPECT_EQ(es[i]["description"], spanish.at(es[i]["name"]));
                seen.insert(en[i]["name"]);
            }
        }
    }
    EXPECT_GE(seen.size(), 4u) << "the demo clients' downloads cover several files";
}

// `?lang=en` answers English only: every plan and download of the catalog has its English text,
// and a catalog missing one does not load.
TEST(LanguageFixtures, EveryPlanAndDownloadIsTranslated) {
    const Json catalog = fixture_catalog();
    for (const auto& plan : catalog["plans"]) {
        ASSERT_TRUE(plan.contains("name_en")) << plan["id"];
        EXPECT_FALSE(plan["name_en"].get<std::string>().empty()) << plan["id"];
    }
    for (const auto& download : catalog["downloads"]) {
        ASSERT_TRUE(download.contains("description_en")) << download["key"];
        EXPECT_FALSE(download["description_en"].get<std::string>().empty()) << download["key"];
        EXPECT_NE(download["description_en"], download["description"]) << download["key"];
    }
    for (const char* part : {"plans", "downloads"}) {
        Json untranslated = catalog;
        untranslated[part][0].erase(std::string(part) == "plans" ? "name_en" : "description_en");
        MemoryStore store;
        auto loaded = load_fixture_texts(untranslated.dump(), fixture_file("clients.json"), store);
        EXPECT_FALSE(loaded.ok()) << part;
    }
}

}  // namespace
}  // namespace portal::backend::testing
