// The demo and the stub give the same answers. One suite of API scenarios, each going
// through api::ApiClient (so the DTOs are decoded as the page decodes them), runs against both
// ways the page reaches the backend:
//   InProcessDemo — backend::InProcessExchange over a DemoBackend (memory store), the very code
//                   the static-host demo runs in the page;
//   HttpStub      — a real portal-stub process (SQLite, Argon2id) on a free port with a fresh
//                   database, reached over HTTP.
// Expected values come from the fixtures (server-stub/fixtures) and RULES.md, never from an
// answer. The last test runs one scripted visit on both and compares the raw answers.
// Both run with a fixed clock (portal-stub --now, DemoBackend::Sources::now) at kNow, so dates
// and holidays are the same on every run.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "api/api_client.h"
#include "core/demo_backend.h"
#include "core/in_process_exchange.h"
#include "core/sha256.h"
#include "data_files.h"
#include "http_test_transport.h"
#include "recording_transport.h"
#include "stub_process.h"
#include "task_queue.h"

namespace portal::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using api::ApiClient;
using api::ApiFailure;
using api::ApiResult;

// The two overloads of ApiClient::invoices, each by name (a member pointer must pick one).
constexpr auto all_invoices =
    static_cast<void (ApiClient::*)(api::Callback<api::InvoiceList>)>(&ApiClient::invoices);
constexpr auto invoices_of_status =
    static_cast<void (ApiClient::*)(domain::InvoiceStatus, api::Callback<api::InvoiceList>)>(
        &ApiClient::invoices);

constexpr const char* kPassword = "demo1234";  // every demo client's (fixtures/README.md)
// Friday 4 Dec 2026, 10:00 in GMT−3: the week of the 7 Dec non-working day and the 8 Dec holiday.
constexpr const char* kNow = "2026-12-04T10:00";

std::string fixture_text(const char* name) {
    auto text = stub::read_text_file(fs::path(PORTAL_FIXTURES_DIR) / name);
    if (!text) throw std::runtime_error(std::string("cannot read fixture ") + name);
    return *text;
}

const Json& clients_fixture() {
    static const Json clients = Json::parse(fixture_text("clients.json"));
    return clients;
}
const Json& catalog_fixture() {
    static const Json catalog = Json::parse(fixture_text("catalog.json"));
    return catalog;
}

// The fixture's entry for a download, by its file name.
const Json& download_fixture(const std::string& name) {
    for (const auto& d : catalog_fixture()["downloads"]) {
        if (d["name"] == name) return d;
    }
    throw std::runtime_error("no download named " + name + " in the fixtures");
}

// --- the two ways to the backend ---------------------------------------------------------------

enum class Way { in_process_demo, http_stub };

const char* name_of(Way way) {
    return way == Way::in_process_demo ? "InProcessDemo" : "HttpStub";
}
void PrintTo(Way way, std::ostream* out) {
    *out << name_of(way);
}

// One backend, fresh from the fixtures, and a Transport to it whose answers come from `later`.
class World {
  public:
    virtual ~World() = default;
    virtual api::Transport& transport() = 0;
    virtual bool ready() const = 0;
    virtual std::string problem() { return {}; }
    // The same data, later: the backend starts again with its clock at `now` (a transport from
    // before is gone; make a new Visit).
    virtual void restart_at(const std::string& now) = 0;
    TaskQueue later;
};

class DemoWorld final : public World {
  public:
    DemoWorld()
        : demo_(make_demo(kNow, {})),
          exchange_([this](const backend::Request& r) { return demo_->handle(r); },
                    [this](std::function<void()> task) { later.post(std::move(task)); },
                    [this] { saved_ = demo_->save(); }) {}
    api::Transport& transport() override { return exchange_; }
    bool ready() const override { return !demo_->load_error().has_value(); }
    // As a visitor coming back another day: the page starts from what it saved.
    void restart_at(const std::string& now) override { demo_ = make_demo(now, demo_->save()); }

  private:
    static std::unique_ptr<backend::DemoBackend> make_demo(const std::string& now,
                                                           const std::string& saved) {
        return std::make_unique<backend::DemoBackend>(
            backend::DemoBackend::Sources{
                fixture_text("catalog.json"), fixture_text("clients.json"),
                stub::read_manual_sources(PORTAL_MANUALS_DIR), fixture_text("non_working_days.txt"),
                backend::parse_company_time(now)},
            saved);
    }
    std::unique_ptr<backend::DemoBackend> demo_;
    backend::InProcessExchange exchange_;
    std::string saved_;  // what the page would keep in localStorage
};

class StubWorld final : public World {
  public:
    StubWorld() {
        static std::atomic<int> counter{0};
        dir_ = fs::temp_directory_path() / ("portal-api-scenarios-" + std::to_string(getpid()) +
                                            "-" + std::to_string(counter++));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        start(kNow);
    }
    // The same database file, a new process with another --now.
    void restart_at(const std::string& now) override {
        http_.reset();
        stub_.reset();
        ready_ = false;
        start(now);
    }
    ~StubWorld() override {
        http_.reset();
        stub_.reset();
        fs::remove_all(dir_);
    }
    api::Transport& transport() override { return *http_; }
    bool ready() const override { return ready_; }
    std::string problem() override { return stub_->output(); }

  private:
    void start(const std::string& now) {
        stub_ = std::make_unique<integration::StubProcess>(std::vector<std::string>{
            "--port", "0", "--db", (dir_ / "portal.db").string(), "--fixtures", PORTAL_FIXTURES_DIR,
            "--manuals", PORTAL_MANUALS_DIR, "--fast-hash", "--quiet", "--threads", "2", "--now",
            now});
        if (stub_->started()) {
            http_ = std::make_unique<HttpTestTransport>("127.0.0.1", stub_->port(), later);
            ready_ = http_->wait_until_ready();
        }
    }
    fs::path dir_;
    std::unique_ptr<integration::StubProcess> stub_;
    std::unique_ptr<HttpTestTransport> http_;
    bool ready_ = false;
};

std::unique_ptr<World> make_world(Way way) {
    if (way == Way::in_process_demo) return std::make_unique<DemoWorld>();
    return std::make_unique<StubWorld>();
}

// --- a visit: ApiClient calls completed by pumping the world's queue ---------------------------

class Visit {
  public:
    Visit(World& world, api::Transport& transport)
        : world_(world), transport_(transport), client_(transport) {}
    explicit Visit(World& world) : Visit(world, world.transport()) {}

    ApiClient& client() { return client_; }

    // Starts one ApiClient call and returns its result once the answer is delivered. Checks the
    // Transport contract on the way: never answered inside send(), always exactly once.
    template <class T, class Start>
    ApiResult<T> call(Start start) {
        std::optional<ApiResult<T>> result;
        int answers = 0;
        start([&](ApiResult<T> r) {
            ++answers;
            result = std::move(r);
        });
        EXPECT_EQ(answers, 0) << "answered inside send()";
        world_.later.run_until_idle();
        EXPECT_EQ(answers, 1) << "an answer must arrive exactly once";
        if (!result) {
            ApiResult<T> none;
            none.failure.kind = ApiFailure::Kind::unreachable;
            return none;
        }
        return std::move(*result);
    }

    // One typed ApiClient route, e.g. ask(&ApiClient::service_access, id): its arguments but the
    // callback, and the result once answered.
    template <class Method, class... Args>
    auto ask(Method method, Args&&... args) {
        using T = typename AnswerOf<Method>::type;
        return call<T>([&](api::Callback<T> done) {
            (client_.*method)(std::forward<Args>(args)..., std::move(done));
        });
    }

    // A request the typed client never sends (an odd query, a malformed path, a method the route
    // does not have): the contract's answer to it, through the same transport and token.
    template <class T>
    ApiResult<T> raw(std::string method, std::string path, std::string body = {}) {
        api::HttpRequest request =
            api::contract_request(std::move(method), std::move(path), std::move(body), token_, {});
        return call<T>([&](api::Callback<T> done) {
            transport_.send(std::move(request), [done = std::move(done)](api::HttpResponse r) {
                done(api::interpret<T>(r));
            });
        });
    }

    ApiResult<api::Session> login(const std::string& email, const std::string& password) {
        auto session = call<api::Session>([&](api::Callback<api::Session> done) {
            client_.login({email, password}, done);
        });
        if (session.ok()) {
            token_ = session.value->token;
            client_.set_token(token_);
        }
        return session;
    }
    ApiResult<api::NoContent> logout() {
        return call<api::NoContent>(
            [&](api::Callback<api::NoContent> done) { client_.logout(std::move(done)); });
    }
    ApiResult<api::ServiceList> services() {
        return call<api::ServiceList>(
            [&](api::Callback<api::ServiceList> done) { client_.services(std::move(done)); });
    }
    ApiResult<api::ServiceView> service(int64_t id) {
        return call<api::ServiceView>(
            [&](api::Callback<api::ServiceView> done) { client_.service(id, std::move(done)); });
    }

    struct Downloaded {
        api::HttpResponse response;
        std::vector<std::pair<uint64_t, uint64_t>> progress;
    };
    Downloaded download(int64_t download_id) {
        Downloaded out;
        bool answered = false;
        client_.download_file(
            download_id,
            [&](uint64_t received, uint64_t total) { out.progress.emplace_back(received, total); },
            [&](api::HttpResponse r) {
                answered = true;
                out.response = std::move(r);
            });
        EXPECT_FALSE(answered) << "answered inside send()";
        world_.later.run_until_idle();
        EXPECT_TRUE(answered);
        return out;
    }

    // Signs in as `email` and finds that client's service `name` into `id`; a fatal failure
    // when either step fails.
    void sign_in_to_service(const std::string& email, const std::string& name, int64_t& id) {
        ASSERT_TRUE(login(email, kPassword).ok());
        id = service_id(name);
        ASSERT_NE(id, 0);
    }

    // The id of the caller's service with this name (0 when it has none).
    int64_t service_id(const std::string& name) {
        auto list = services();
        if (!list.ok()) return 0;
        for (const auto& s : list.value->services) {
            if (s.name == name) return s.id;
        }
        return 0;
    }

  private:
    // The T of a route method's last parameter, its Callback<T>.
    template <class Callback>
    struct ValueOf;
    template <class T>
    struct ValueOf<api::Callback<T>> {
        using type = T;
    };
    template <class Method>
    struct AnswerOf;
    template <class... Params>
    struct AnswerOf<void (ApiClient::*)(Params...)> {
        using type = typename ValueOf<
            std::tuple_element_t<sizeof...(Params) - 1, std::tuple<Params...>>>::type;
    };

    World& world_;
    api::Transport& transport_;
    ApiClient client_;
    std::string token_;
};

// Shorthand for "this failed as the contract's error with that status and code".
::testing::AssertionResult rejected(const ApiFailure& failure, int status,
                                    const std::string& code) {
    if (failure.kind != ApiFailure::Kind::rejected) {
        return ::testing::AssertionFailure()
               << "not a rejection with the contract's error body (kind "
               << static_cast<int>(failure.kind) << ", status " << failure.status << ")";
    }
    if (failure.status != status || failure.error.code != code) {
        return ::testing::AssertionFailure()
               << "got " << failure.status << " " << failure.error.code << " ("
               << failure.error.message << "), expected " << status << " " << code;
    }
    return ::testing::AssertionSuccess();
}

// --- the scenarios, on both ways ---------------------------------------------------------------

class ApiScenario : public ::testing::TestWithParam<Way> {
  protected:
    void SetUp() override {
        world = make_world(GetParam());
        ASSERT_TRUE(world->ready()) << world->problem();
    }
    std::unique_ptr<World> world;
};

TEST_P(ApiScenario, SignInWorksWithTheRightPasswordOnly) {
    Visit visit(*world);
    auto wrong = visit.login("ana@example.com", "demo12345");
    ASSERT_FALSE(wrong.ok());
    EXPECT_TRUE(rejected(wrong.failure, 401, "invalid_credentials"));
    // An unknown email gets exactly the same answer: nobody learns which emails have accounts.
    auto unknown = visit.login("nadie@example.com", kPassword);
    ASSERT_FALSE(unknown.ok());
    EXPECT_TRUE(rejected(unknown.failure, 401, "invalid_credentials"));

    auto session = visit.login("ana@example.com", kPassword);
    ASSERT_TRUE(session.ok()) << session.failure.error.message;
    EXPECT_FALSE(session.value->token.empty());
    EXPECT_EQ(session.value->client.name, "Ana García");
    EXPECT_EQ(session.value->client.email, "ana@example.com");
    EXPECT_EQ(session.value->expires_in, 8 * 3600);  // the stub's and the demo's default lifetime
    // Emails are not case-sensitive for the person typing them.
    Visit again(*world);
    EXPECT_TRUE(again.login("  ANA@Example.com ", kPassword).ok());
}

TEST_P(ApiScenario, EachDemoClientSeesExactlyTheirServices) {
    for (const auto& client : clients_fixture()["clients"]) {
        const std::string email = client["email"];
        SCOPED_TRACE(email);
        Visit visit(*world);
        ASSERT_TRUE(visit.login(email, kPassword).ok());
        auto list = visit.services();
        ASSERT_TRUE(list.ok());
        std::multiset<std::string> expected, seen;
        std::map<std::string, std::pair<std::string, std::string>> kinds;  // name -> type, status
        for (const auto& s : client["services"]) {
            expected.insert(s["name"].get<std::string>());
            kinds[s["name"]] = {s["type"], s["status"]};
        }
        for (const auto& s : list.value->services) {
            seen.insert(s.name);
            ASSERT_TRUE(kinds.count(s.name)) << s.name;
            EXPECT_EQ(domain::to_string(s.type), kinds[s.name].first) << s.name;
            EXPECT_EQ(domain::to_string(s.status), kinds[s.name].second) << s.name;
        }
        EXPECT_EQ(seen, expected);
    }
    // Diego has none at all, and that is an answer, not an error.
    Visit diego(*world);
    ASSERT_TRUE(diego.login("diego@example.com", kPassword).ok());
    auto none = diego.services();
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none.value->services.empty());
}

TEST_P(ApiScenario, AServiceShowsItsDetailAccessAndCredentials) {
    Visit visit(*world);
    int64_t hosting = 0;
    ASSERT_NO_FATAL_FAILURE(
        visit.sign_in_to_service("ana@example.com", "Hosting anagarcia.example", hosting));

    auto detail = visit.service(hosting);
    ASSERT_TRUE(detail.ok());
    EXPECT_EQ(detail.value->type, domain::ServiceType::hosting);
    EXPECT_EQ(detail.value->status, domain::ServiceStatus::active);
    EXPECT_EQ(detail.value->domain, "anagarcia.example");
    EXPECT_EQ(detail.value->plan.id, "hosting-plus");
    EXPECT_EQ(detail.value->plan.name, "Hosting Plus");
    EXPECT_EQ(detail.value->plan.price, (domain::Money{10000, "USD"}));
    EXPECT_EQ(detail.value->plan.cycle, domain::BillingCycle::yearly);
    EXPECT_EQ(detail.value->paid_for_period, (domain::Money{10000, "USD"}));
    // A yearly plan's period is one year: its last day is the eve of the anniversary, and the
    // next payment is due the day after it (fixtures/README.md).
    EXPECT_EQ(detail.value->period_end.add_days(1), detail.value->period_start.add_months(12));
    EXPECT_EQ(detail.value->next_due_on, detail.value->period_end.add_days(1));

    // RULES.md §1: the button to the hosting's own panel.
    auto access = visit.ask(&ApiClient::service_access, hosting);
    ASSERT_TRUE(access.ok());
    EXPECT_EQ(access.value->label_key, "access.hosting_panel");
    EXPECT_EQ(access.value->url.rfind("https://", 0), 0u) << access.value->url;

    auto credentials = visit.ask(&ApiClient::service_credentials, hosting);
    ASSERT_TRUE(credentials.ok());
    EXPECT_EQ(credentials.value->service_id, hosting);
    std::vector<std::string> expected, seen;
    for (const auto& s : clients_fixture()["clients"][0]["services"]) {
        if (s["name"] != "Hosting anagarcia.example") continue;
        for (const auto& c : s["credentials"]) {
            expected.push_back(c["label"].get<std::string>() + " " + c["host"].get<std::string>() +
                               " " + c["username"].get<std::string>() + " " +
                               c["password"].get<std::string>());
        }
    }
    for (const auto& c : credentials.value->credentials) {
        seen.push_back(c.label + " " + c.host + " " + c.username + " " + c.password);
    }
    EXPECT_EQ(seen, expected);
    EXPECT_EQ(seen.size(), 2u);
}

TEST_P(ApiScenario, DownloadsAreThePlansAndTheirBytesMatchTheDeclaredSize) {
    Visit visit(*world);
    int64_t radio = 0;
    ASSERT_NO_FATAL_FAILURE(visit.sign_in_to_service("ana@example.com", "Radio Ana FM", radio));
    auto list = visit.ask(&ApiClient::service_downloads, radio);
    ASSERT_TRUE(list.ok());
    // RULES.md §2: what the plan (radio-128) includes.
    std::set<std::string> names;
    for (const auto& d : list.value->downloads) names.insert(d.name);
    EXPECT_EQ(names, (std::set<std::string>{"configuracion-encoder.txt", "logos-emisora.bin",
                                            "jingles-radio-2026.bin"}));

    for (const auto& d : list.value->downloads) {
        if (d.name == "jingles-radio-2026.bin") continue;  // 24 MB: the integration test's
        SCOPED_TRACE(d.name);
        const Json& fixture = download_fixture(d.name);
        auto got = visit.download(d.id);
        ASSERT_EQ(got.response.failure, api::TransportFailure::none);
        ASSERT_EQ(got.response.status, 200);
        // The declared size, the bytes received and the progress all agree.
        EXPECT_EQ(static_cast<int64_t>(got.response.body.size()), d.size_bytes);
        EXPECT_EQ(backend::sha256_hex(got.response.body), d.sha256);
        if (fixture.contains("text")) {
            EXPECT_EQ(got.response.body, fixture["text"].get<std::string>());
        } else {
            EXPECT_EQ(d.size_bytes, fixture["size_bytes"].get<int64_t>());
            EXPECT_EQ(d.sha256, fixture["sha256"].get<std::string>());
        }
        ASSERT_FALSE(got.progress.empty());
        EXPECT_EQ(got.progress.back().first, static_cast<uint64_t>(d.size_bytes));
        EXPECT_EQ(got.progress.back().second, static_cast<uint64_t>(d.size_bytes));
    }
}

TEST_P(ApiScenario, AnotherClientsServiceDoesNotExistForYou) {
    Visit ana(*world);
    int64_t hosting = 0;
    ASSERT_NO_FATAL_FAILURE(
        ana.sign_in_to_service("ana@example.com", "Hosting anagarcia.example", hosting));
    auto downloads = ana.ask(&ApiClient::service_downloads, hosting);
    ASSERT_TRUE(downloads.ok());
    ASSERT_FALSE(downloads.value->downloads.empty());
    int64_t wordpress_list = 0;
    for (const auto& d : downloads.value->downloads) {
        if (d.name == "wordpress-lista-de-inicio.txt") wordpress_list = d.id;
    }
    ASSERT_NE(wordpress_list, 0);

    // Bruno has no active service whose plan includes the WordPress list (catalog.json).
    Visit bruno(*world);
    ASSERT_TRUE(bruno.login("bruno@example.com", kPassword).ok());
    EXPECT_TRUE(rejected(bruno.service(hosting).failure, 404, "not_found"));
    EXPECT_TRUE(
        rejected(bruno.ask(&ApiClient::service_credentials, hosting).failure, 404, "not_found"));
    EXPECT_TRUE(
        rejected(bruno.ask(&ApiClient::service_downloads, hosting).failure, 404, "not_found"));
    auto file = bruno.download(wordpress_list);
    EXPECT_EQ(file.response.status, 404);
    EXPECT_TRUE(rejected(api::classify_failure(file.response), 404, "not_found"));
    // The same answer as an id that exists for nobody.
    EXPECT_TRUE(rejected(bruno.service(987654).failure, 404, "not_found"));
}

TEST_P(ApiScenario, ManualsCatalogSearchAndAnArticle) {
    Visit visit(*world);  // the manuals are public: no login
    auto catalog = visit.ask(&ApiClient::manuals);
    ASSERT_TRUE(catalog.ok());
    std::set<std::string> books;
    std::string migration_title;
    for (const auto& book : catalog.value->books) {
        books.insert(book.title);
        for (const auto& chapter : book.chapters) {
            for (const auto& page : chapter.pages) {
                if (page.slug == "migracion-de-hosting") migration_title = page.title;
            }
        }
    }
    // assets/manuals/README.md: three books.
    EXPECT_EQ(books, (std::set<std::string>{"General", "Uso del panel de cliente", "Soporte"}));
    EXPECT_EQ(migration_title, "Migración de hosting hacia nuestros servidores");

    // Accent-insensitive: with or without the accent, in any case, the same pages.
    auto slugs = [&](const std::string& query) {
        auto found = visit.ask(&ApiClient::search_manuals, query, 0);
        EXPECT_TRUE(found.ok()) << query;
        std::vector<std::string> out;
        if (found.ok()) {
            for (const auto& hit : found.value->results) out.push_back(hit.slug);
        }
        return out;
    };
    const auto accented = slugs("migración");
    ASSERT_FALSE(accented.empty());
    EXPECT_NE(std::find(accented.begin(), accented.end(), "migracion-de-hosting"), accented.end());
    EXPECT_EQ(slugs("migracion"), accented);
    EXPECT_EQ(slugs("MIGRACIÓN"), accented);
    EXPECT_TRUE(slugs("zzzqqq").empty());

    auto article = visit.ask(&ApiClient::manual, "migracion-de-hosting");
    ASSERT_TRUE(article.ok());
    EXPECT_EQ(article.value->title, "Migración de hosting hacia nuestros servidores");
    EXPECT_EQ(article.value->book, "Soporte");
    EXPECT_EQ(article.value->chapter, "Asistencia técnica");
    EXPECT_NE(article.value->body_markdown.find("# Migración de hosting"), std::string::npos);
    EXPECT_TRUE(rejected(visit.ask(&ApiClient::manual, "no-existe").failure, 404, "not_found"));
}

// English, whole: a page that asks for English (ApiClient::set_language: Accept-Language, or
// ?lang=en) gets every article, plan name and download description in English and nothing in
// Spanish; the saved language of each client comes with their sign-in.
TEST_P(ApiScenario, EnglishIsAnsweredWhole) {
    Visit spanish(*world);
    Visit english(*world);
    english.client().set_language("en");
    auto es_catalog = spanish.ask(&ApiClient::manuals);
    auto en_catalog = english.ask(&ApiClient::manuals);
    ASSERT_TRUE(es_catalog.ok() && en_catalog.ok());
    // ?lang= says the same as Accept-Language.
    auto by_query = spanish.raw<api::ManualCatalog>("GET", "/manuals?lang=en");
    ASSERT_TRUE(by_query.ok());
    EXPECT_EQ(*by_query.value, *en_catalog.value);

    std::set<std::string> books;
    std::map<std::string, std::string> spanish_bodies;
    for (const auto& book : es_catalog.value->books) {
        for (const auto& chapter : book.chapters) {
            for (const auto& page : chapter.pages) {
                auto article = spanish.ask(&ApiClient::manual, page.slug);
                ASSERT_TRUE(article.ok()) << page.slug;
                spanish_bodies[page.slug] = article.value->body_markdown;
            }
        }
    }
    // Every English article is there, and is not the Spanish one.
    std::set<std::string> english_slugs;
    for (const auto& book : en_catalog.value->books) {
        books.insert(book.title);
        for (const auto& chapter : book.chapters) {
            for (const auto& page : chapter.pages) {
                SCOPED_TRACE(page.slug);
                english_slugs.insert(page.slug);
                auto article = english.ask(&ApiClient::manual, page.slug);
                ASSERT_TRUE(article.ok());
                EXPECT_EQ(article.value->book, book.title);
                ASSERT_TRUE(spanish_bodies.count(page.slug));
                EXPECT_NE(article.value->body_markdown, spanish_bodies[page.slug]);
            }
        }
    }
    EXPECT_EQ(books, (std::set<std::string>{"General", "Using the client panel", "Support"}));
    EXPECT_EQ(english_slugs.size(), spanish_bodies.size()) << "an article without its English";
    auto migration = english.ask(&ApiClient::manual, "migracion-de-hosting");
    ASSERT_TRUE(migration.ok());
    EXPECT_EQ(migration.value->title, "Moving your hosting to our servers");
    // Search per language.
    auto found = english.ask(&ApiClient::search_manuals, "remote support", 0);
    ASSERT_TRUE(found.ok());
    ASSERT_FALSE(found.value->results.empty());
    EXPECT_EQ(found.value->results[0].slug, "soporte-remoto");
    EXPECT_EQ(found.value->results[0].title, "Remote support");
    auto spanish_word = english.ask(&ApiClient::search_manuals, "migración", 0);
    ASSERT_TRUE(spanish_word.ok());
    EXPECT_TRUE(spanish_word.value->results.empty());

    // Every client's plans and downloads, in English, as the catalog's English says them.
    std::map<std::string, std::string> plan_en;
    for (const auto& plan : catalog_fixture()["plans"]) plan_en[plan["id"]] = plan["name_en"];
    size_t downloads_seen = 0;
    for (const auto& client : clients_fixture()["clients"]) {
        const std::string email = client["email"];
        SCOPED_TRACE(email);
        Visit visit(*world);
        visit.client().set_language("en");
        auto session = visit.login(email, kPassword);
        ASSERT_TRUE(session.ok());
        EXPECT_EQ(session.value->client.language, client.value("language", "es"));
        auto list = visit.services();
        ASSERT_TRUE(list.ok());
        for (const auto& service : list.value->services) {
            EXPECT_EQ(service.plan.name, plan_en.at(service.plan.id)) << service.name;
            if (service.status != domain::ServiceStatus::active) continue;
            auto downloads = visit.ask(&ApiClient::service_downloads, service.id);
            ASSERT_TRUE(downloads.ok()) << service.name;
            for (const auto& d : downloads.value->downloads) {
                EXPECT_EQ(d.description, download_fixture(d.name)["description_en"]) << d.name;
                ++downloads_seen;
            }
        }
    }
    EXPECT_GT(downloads_seen, 0u);
}

// A plan's name as the catalog fixture gives it in `language`.
std::string plan_name_in(const std::string& plan_id, const std::string& language) {
    for (const auto& plan : catalog_fixture()["plans"]) {
        if (plan["id"] == plan_id) return plan[language == "en" ? "name_en" : "name"];
    }
    throw std::runtime_error("no plan " + plan_id + " in the fixtures");
}

// What an invoice of `plan_id` bills, in `language` (api/openapi.yaml, InvoiceLine): the plan's
// name as the catalog gives it in that language, then the length of one cycle.
std::string billed_words(const std::string& plan_id, const std::string& language) {
    static const std::map<std::string, std::pair<std::string, std::string>> cycles = {
        {"monthly", {"1 mes", "1 month"}},
        {"quarterly", {"3 meses", "3 months"}},
        {"semiannual", {"6 meses", "6 months"}},
        {"yearly", {"1 año", "1 year"}}};
    for (const auto& plan : catalog_fixture()["plans"]) {
        if (plan["id"] != plan_id) continue;
        const auto& cycle = cycles.at(plan["cycle"]);
        return plan_name_in(plan_id, language) + " · " +
               (language == "en" ? cycle.second : cycle.first);
    }
    throw std::runtime_error("no plan " + plan_id + " in the fixtures");
}

// A visit signed in as `email` that reads the API in `language`.
std::unique_ptr<Visit> reader(World& world, const std::string& email, const std::string& language) {
    auto visit = std::make_unique<Visit>(world);
    visit->client().set_language(language);
    EXPECT_TRUE(visit->login(email, kPassword).ok()) << email;
    return visit;
}

// An invoice's lines are worded when it is read, in the request's language: the same stored
// invoice reads in English to a page in English and in Spanish to one in Spanish, in its list,
// its detail, the answer to its payment and the answer to the order that made it.
TEST_P(ApiScenario, InvoiceLinesReadInTheClientsLanguage) {
    for (const std::string language : {"en", "es"}) {
        SCOPED_TRACE(language);
        // Bruno reads English (fixtures): his overdue video invoice and his paid reseller one.
        auto bruno = reader(*world, "bruno@example.com", language);
        std::map<int64_t, std::string> plan_of;
        auto services = bruno->services();
        ASSERT_TRUE(services.ok());
        for (const auto& service : services.value->services) {
            plan_of[service.id] = service.plan.id;
        }
        auto list = bruno->ask(all_invoices);
        ASSERT_TRUE(list.ok());
        ASSERT_FALSE(list.value->invoices.empty());
        std::optional<int64_t> owed;
        for (const auto& invoice : list.value->invoices) {
            // A renewal bills the plan in force; Bruno has no plan change scheduled.
            ASSERT_NE(invoice.kind, domain::InvoiceKind::plan_change);
            const std::string renewal = language == "en" ? "Renewal: " : "Renovación: ";
            const std::string words =
                (invoice.kind == domain::InvoiceKind::renewal ? renewal : std::string()) +
                billed_words(plan_of.at(invoice.service_id), language);
            ASSERT_EQ(invoice.lines.size(), 1u);
            EXPECT_EQ(invoice.lines[0].description, words);
            EXPECT_EQ(invoice.description, words);
            if (plan_of.at(invoice.service_id) == "video-hd" &&
                invoice.status == domain::InvoiceStatus::overdue) {
                owed = invoice.id;
            }
        }
        if (language == "en") {
            ASSERT_TRUE(owed.has_value()) << "Bruno's video invoice is overdue (fixtures)";
            auto detail = bruno->ask(&ApiClient::invoice, *owed);
            ASSERT_TRUE(detail.ok());
            EXPECT_EQ(detail.value->lines.at(0).description, billed_words("video-hd", "en"));
            auto paid = bruno->ask(&ApiClient::pay_invoice, *owed, api::PaymentRequest{}, "pay-en");
            ASSERT_TRUE(paid.ok()) << paid.failure.error.code;
            EXPECT_EQ(paid.value->invoice.lines.at(0).description, billed_words("video-hd", "en"));
        }
    }

    // Ana orders her radio up in Spanish; the invoice of that change reads in either language.
    Visit ana(*world);
    int64_t radio = 0;
    ASSERT_NO_FATAL_FAILURE(ana.sign_in_to_service("ana@example.com", "Radio Ana FM", radio));
    auto order = ana.ask(&ApiClient::order_upgrade, radio,
                         api::UpgradeOrderRequest{"radio-ilimitado"}, "up-radio");
    ASSERT_TRUE(order.ok()) << order.failure.error.code;
    ASSERT_TRUE(order.value->invoice.has_value());
    const int64_t change = order.value->invoice->id;
    const std::string spanish_change = "Cambio de plan: " + plan_name_in("radio-128", "es") +
                                       " → " + billed_words("radio-ilimitado", "es");
    const std::string english_change = "Plan change: " + plan_name_in("radio-128", "en") + " → " +
                                       billed_words("radio-ilimitado", "en");
    EXPECT_EQ(order.value->invoice->lines.at(0).description, spanish_change);
    auto in_english = reader(*world, "ana@example.com", "en");
    auto read = in_english->ask(&ApiClient::invoice, change);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.value->lines.at(0).description, english_change);
    EXPECT_EQ(read.value->description, english_change);

    // Her hosting's change carries what was paid for the period as a line of its own.
    int64_t hosting = ana.service_id("Hosting anagarcia.example");
    auto up = ana.ask(&ApiClient::order_upgrade, hosting, api::UpgradeOrderRequest{"hosting-pro"},
                      "up-hosting");
    ASSERT_TRUE(up.ok()) << up.failure.error.code;
    ASSERT_TRUE(up.value->invoice.has_value());
    ASSERT_EQ(up.value->invoice->lines.size(), 2u);
    EXPECT_EQ(up.value->invoice->lines[1].description, "Pagado del período actual");
    auto credit = in_english->ask(&ApiClient::invoice, up.value->invoice->id);
    ASSERT_TRUE(credit.ok());
    ASSERT_EQ(credit.value->lines.size(), 2u);
    EXPECT_EQ(credit.value->lines[1].description, "Paid for the current period");
}

TEST_P(ApiScenario, AnUpgradeQuoteThenOneOrderEvenWhenRetried) {
    Visit visit(*world);
    int64_t hosting = 0;
    ASSERT_NO_FATAL_FAILURE(
        visit.sign_in_to_service("ana@example.com", "Hosting anagarcia.example", hosting));
    auto options = visit.ask(&ApiClient::upgrade_options, hosting);
    ASSERT_TRUE(options.ok());
    EXPECT_TRUE(options.value->automatic);
    const api::UpgradeOption* pro = nullptr;
    for (const auto& option : options.value->options) {
        if (option.plan.id == "hosting-pro") pro = &option;
    }
    ASSERT_NE(pro, nullptr);
    // RULES.md §3, the manual's own example: paid 100 a year, moves to 150 a year: pays 50.
    EXPECT_EQ(pro->direction, domain::PlanChange::up);
    EXPECT_EQ(pro->quote.amount, (domain::Money{5000, "USD"}));

    auto invoices_before = visit.ask(all_invoices);
    ASSERT_TRUE(invoices_before.ok());

    const std::string key = "upgrade-ana-hosting-1";
    auto first =
        visit.ask(&ApiClient::order_upgrade, hosting, api::UpgradeOrderRequest{"hosting-pro"}, key);
    ASSERT_TRUE(first.ok()) << first.failure.error.code;
    EXPECT_EQ(first.value->order.to_plan_id, "hosting-pro");
    EXPECT_EQ(first.value->order.amount_due, (domain::Money{5000, "USD"}));
    ASSERT_TRUE(first.value->invoice.has_value());
    EXPECT_EQ(first.value->invoice->amount, (domain::Money{5000, "USD"}));
    EXPECT_EQ(first.value->invoice->status, domain::InvoiceStatus::unpaid);
    EXPECT_EQ(first.value->order.status, domain::OrderStatus::awaiting_payment);

    // The answer was lost; the page retries with the same key: the same order, not a second one.
    auto retry =
        visit.ask(&ApiClient::order_upgrade, hosting, api::UpgradeOrderRequest{"hosting-pro"}, key);
    ASSERT_TRUE(retry.ok()) << retry.failure.error.code;
    EXPECT_EQ(retry.value->order.id, first.value->order.id);
    ASSERT_TRUE(retry.value->invoice.has_value());
    EXPECT_EQ(retry.value->invoice->id, first.value->invoice->id);

    auto invoices_after = visit.ask(all_invoices);
    ASSERT_TRUE(invoices_after.ok());
    EXPECT_EQ(invoices_after.value->invoices.size(), invoices_before.value->invoices.size() + 1);
    int new_invoices = 0;
    for (const auto& invoice : invoices_after.value->invoices) {
        if (invoice.service_id == hosting && invoice.amount == domain::Money{5000, "USD"}) {
            ++new_invoices;
        }
    }
    EXPECT_EQ(new_invoices, 1);

    // RULES.md §3: the plan is enabled when the invoice is paid, not before.
    auto waiting = visit.service(hosting);
    ASSERT_TRUE(waiting.ok());
    EXPECT_EQ(waiting.value->plan.id, "hosting-plus");
    EXPECT_EQ(waiting.value->paid_for_period, (domain::Money{10000, "USD"}));
    ASSERT_TRUE(waiting.value->pending_plan_change.has_value());
    EXPECT_EQ(waiting.value->pending_plan_change->status, domain::OrderStatus::awaiting_payment);
    EXPECT_EQ(waiting.value->pending_plan_change->invoice_id, first.value->invoice->id);
    EXPECT_EQ(waiting.value->pending_plan_change->to_plan_name, "Hosting Pro");
    auto unpaid = visit.ask(invoices_of_status, domain::InvoiceStatus::unpaid);
    ASSERT_TRUE(unpaid.ok());
    bool listed = false;
    for (const auto& invoice : unpaid.value->invoices) {
        listed = listed || invoice.id == first.value->invoice->id;
    }
    EXPECT_TRUE(listed);

    // Paid once, even when the payment is retried.
    const int64_t invoice_id = first.value->invoice->id;
    auto paid = visit.ask(&ApiClient::pay_invoice, invoice_id, api::PaymentRequest{}, "pay-1");
    ASSERT_TRUE(paid.ok()) << paid.failure.error.code;
    EXPECT_EQ(paid.value->invoice.status, domain::InvoiceStatus::paid);
    EXPECT_TRUE(paid.value->payment.test);
    auto paid_again =
        visit.ask(&ApiClient::pay_invoice, invoice_id, api::PaymentRequest{}, "pay-1");
    ASSERT_TRUE(paid_again.ok());
    EXPECT_EQ(paid_again.value->payment.id, paid.value->payment.id);
    auto bill = visit.ask(&ApiClient::invoice, invoice_id);
    ASSERT_TRUE(bill.ok());
    EXPECT_EQ(bill.value->payments.size(), 1u);
    EXPECT_TRUE(rejected(
        visit.ask(&ApiClient::pay_invoice, invoice_id, api::PaymentRequest{}, "pay-2").failure, 409,
        "invoice_paid"));

    // The service now runs the new plan from the payment day, paid 100 + 50.
    auto service = visit.service(hosting);
    ASSERT_TRUE(service.ok());
    EXPECT_EQ(service.value->plan.id, "hosting-pro");
    EXPECT_EQ(service.value->paid_for_period, (domain::Money{15000, "USD"}));
    EXPECT_EQ(service.value->period_start, paid.value->payment.paid_on);
    EXPECT_FALSE(service.value->pending_plan_change.has_value());

    // The same key for a different order is refused, naming the header.
    auto reused = visit.ask(&ApiClient::order_upgrade, hosting,
                            api::UpgradeOrderRequest{"hosting-business"}, key);
    ASSERT_FALSE(reused.ok());
    EXPECT_TRUE(rejected(reused.failure, 422, "idempotency_key_reused"));
    EXPECT_EQ(reused.failure.error.field, "Idempotency-Key");
}

TEST_P(ApiScenario, ADowngradeIsScheduledAndCanBeWithdrawn) {
    Visit visit(*world);
    int64_t radio = 0;
    ASSERT_NO_FATAL_FAILURE(
        visit.sign_in_to_service("carla@example.com", "Radio Carla 320", radio));
    auto before = visit.service(radio);
    ASSERT_TRUE(before.ok());
    auto order =
        visit.ask(&ApiClient::order_upgrade, radio, api::UpgradeOrderRequest{"radio-128"}, "d-1");
    ASSERT_TRUE(order.ok()) << order.failure.error.code;
    EXPECT_EQ(order.value->order.status, domain::OrderStatus::scheduled);
    EXPECT_EQ(order.value->order.effective_on, before.value->period_end.add_days(1));
    EXPECT_FALSE(order.value->invoice.has_value());
    auto scheduled = visit.service(radio);
    ASSERT_TRUE(scheduled.ok());
    EXPECT_EQ(scheduled.value->plan.id, "radio-320") << "nothing changes before the period ends";
    ASSERT_TRUE(scheduled.value->pending_plan_change.has_value());
    EXPECT_EQ(scheduled.value->pending_plan_change->direction, domain::PlanChange::down);
    EXPECT_EQ(scheduled.value->pending_plan_change->to_plan_name, "Radio 128 kbps");
    EXPECT_TRUE(rejected(visit
                             .ask(&ApiClient::order_upgrade, radio,
                                  api::UpgradeOrderRequest{"radio-ilimitado"}, "u-1")
                             .failure,
                         409, "order_pending"));

    auto withdrawn = visit.ask(&ApiClient::withdraw_upgrade_order, order.value->order.id, "w-1");
    ASSERT_TRUE(withdrawn.ok()) << withdrawn.failure.error.code;
    EXPECT_EQ(withdrawn.value->status, domain::OrderStatus::withdrawn);
    auto after = visit.service(radio);
    ASSERT_TRUE(after.ok());
    EXPECT_FALSE(after.value->pending_plan_change.has_value());
    EXPECT_EQ(after.value->plan.id, "radio-320");
}

TEST_P(ApiScenario, ACancellationRequestAndItsWithdrawal) {
    Visit visit(*world);
    ASSERT_TRUE(visit.login("ana@example.com", kPassword).ok());
    const int64_t mail = visit.service_id("Correo corporativo anagarcia.example");
    const int64_t domain_id = visit.service_id("anagarcia.example");
    ASSERT_NE(mail, 0);
    ASSERT_NE(domain_id, 0);

    api::CancellationRequestBody body;
    body.type = domain::CancellationKind::end_of_period;
    body.reason = "Ya no lo uso";
    body.email = "ana@example.com";
    body.password = "not-my-password";
    // RULES.md §4: only with the client's email and password, asked again.
    auto wrong = visit.ask(&ApiClient::request_cancellation, mail, body, "cancel-1");
    ASSERT_FALSE(wrong.ok());
    EXPECT_TRUE(rejected(wrong.failure, 403, "reauthentication_failed"));
    EXPECT_EQ(wrong.failure.error.field, "password");

    // RULES.md §4: an international domain cannot be cancelled, only not renewed.
    body.password = kPassword;
    auto domain = visit.ask(&ApiClient::request_cancellation, domain_id, body, "cancel-2");
    ASSERT_FALSE(domain.ok());
    EXPECT_TRUE(rejected(domain.failure, 409, "domain_not_cancellable"));

    auto made = visit.ask(&ApiClient::request_cancellation, mail, body, "cancel-3");
    ASSERT_TRUE(made.ok()) << made.failure.error.code;
    EXPECT_EQ(made.value->service_id, mail);
    EXPECT_EQ(made.value->status, "scheduled");
    EXPECT_FALSE(made.value->refund);              // nothing paid is refunded
    EXPECT_EQ(made.value->backup_kept_years, 10);  // the last backup is kept 10 years
    auto service = visit.service(mail);
    ASSERT_TRUE(service.ok());
    // End of period: the service keeps working until its period ends.
    EXPECT_EQ(made.value->effective_on, service.value->period_end);
    EXPECT_EQ(service.value->status, domain::ServiceStatus::active);
    // The service shows it is scheduled.
    ASSERT_TRUE(service.value->cancellation.has_value());
    EXPECT_EQ(*service.value->cancellation,
              (api::ServiceCancellation{made.value->id, domain::CancellationKind::end_of_period,
                                        "scheduled", made.value->effective_on}));

    const int64_t request_id = made.value->id;
    auto read = visit.ask(&ApiClient::cancellation_request, request_id);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.value->status, "scheduled");

    auto withdrawn = visit.ask(&ApiClient::withdraw_cancellation, request_id, "withdraw-1");
    ASSERT_TRUE(withdrawn.ok()) << withdrawn.failure.error.code;
    EXPECT_EQ(withdrawn.value->status, "withdrawn");
    auto read_again = visit.ask(&ApiClient::cancellation_request, request_id);
    ASSERT_TRUE(read_again.ok());
    EXPECT_EQ(read_again.value->status, "withdrawn");
    auto renew = visit.ask(&ApiClient::auto_renew, mail);
    ASSERT_TRUE(renew.ok());
    EXPECT_TRUE(renew.value->enabled);  // it renews again, as before the request
    auto after = visit.service(mail);
    ASSERT_TRUE(after.ok());
    EXPECT_FALSE(after.value->cancellation.has_value());
}

TEST_P(ApiScenario, ACancellationFollowedPastItsEffectiveDate) {
    // Radio Ana FM: monthly, from 24 Nov to 23 Dec 2026 (fixtures: period_start "-10d"); its
    // running month's invoice is unpaid; its plan includes a download.
    int64_t radio = 0;
    {
        Visit visit(*world);
        visit.sign_in_to_service("ana@example.com", "Radio Ana FM", radio);
        const size_t invoices = visit.ask(all_invoices).value->invoices.size();
        api::CancellationRequestBody body{domain::CancellationKind::end_of_period, "",
                                          "ana@example.com", kPassword};
        auto made = visit.ask(&ApiClient::request_cancellation, radio, body, "bye-1");
        ASSERT_TRUE(made.ok()) << made.failure.error.code;
        EXPECT_EQ(made.value->effective_on, (domain::Date{2026, 12, 23}));
        EXPECT_EQ(made.value->invoices_still_due.size(), 1u);  // generated invoices stay due
        // Renewal cannot come back on while the cancellation is scheduled.
        auto on = visit.ask(&ApiClient::set_auto_renew, radio, api::AutoRenewBody{true}, "on-1");
        ASSERT_FALSE(on.ok());
        EXPECT_TRUE(rejected(on.failure, 409, "cancellation_scheduled"));

        // 23 Dec, 23:00: the last day of service.
        world->restart_at("2026-12-23T23:00");
        ASSERT_TRUE(world->ready()) << world->problem();
        Visit last_day(*world);
        ASSERT_TRUE(last_day.login("ana@example.com", kPassword).ok());
        auto service = last_day.service(radio);
        ASSERT_TRUE(service.ok());
        EXPECT_EQ(service.value->status, domain::ServiceStatus::active);
        EXPECT_EQ(service.value->cancellation->status, "scheduled");
        EXPECT_TRUE(last_day.ask(&ApiClient::service_access, radio).ok());
        EXPECT_TRUE(last_day.ask(&ApiClient::service_downloads, radio).ok());

        // 24 Dec: the service has ended.
        world->restart_at("2026-12-24T00:30");
        ASSERT_TRUE(world->ready()) << world->problem();
        Visit after(*world);
        ASSERT_TRUE(after.login("ana@example.com", kPassword).ok());
        auto ended = after.service(radio);
        ASSERT_TRUE(ended.ok());
        EXPECT_EQ(ended.value->status, domain::ServiceStatus::cancelled);
        EXPECT_EQ(ended.value->cancellation->status, "effective");
        auto access = after.ask(&ApiClient::service_access, radio);
        ASSERT_FALSE(access.ok());
        EXPECT_TRUE(rejected(access.failure, 409, "service_not_active"));
        auto downloads = after.ask(&ApiClient::service_downloads, radio);
        ASSERT_FALSE(downloads.ok());
        EXPECT_TRUE(rejected(downloads.failure, 409, "service_not_active"));
        EXPECT_FALSE(after.ask(&ApiClient::auto_renew, radio).value->enabled);
        // No renewal was generated; the running month's invoice is still owed.
        auto now_invoices = after.ask(all_invoices);
        ASSERT_TRUE(now_invoices.ok());
        EXPECT_EQ(now_invoices.value->invoices.size(), invoices);
        for (const auto& invoice : now_invoices.value->invoices) {
            if (invoice.id == made.value->invoices_still_due.front()) {
                EXPECT_EQ(invoice.status, domain::InvoiceStatus::overdue);
            }
        }
    }
}

TEST_P(ApiScenario, HolidaysAndTheEstimatesThatSkipThem) {
    Visit visit(*world);
    // No session needed.
    auto year = visit.raw<api::HolidayList>("GET", "/calendar/holidays?year=2026");
    ASSERT_TRUE(year.ok()) << year.failure.error.message;
    EXPECT_EQ(year.value->year, 2026);
    EXPECT_EQ(year.value->holidays.size(), 19u);  // the official 2026 list
    const domain::Holiday decreed{
        {2026, 12, 7}, "Día no laborable con fines turísticos", domain::HolidayKind::non_working};
    EXPECT_NE(std::find(year.value->holidays.begin(), year.value->holidays.end(), decreed),
              year.value->holidays.end());
    auto bad = visit.raw<api::HolidayList>("GET", "/calendar/holidays?year=20x6");
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(rejected(bad.failure, 400, "invalid_value"));

    // Ana's Simplenews: domain delegated Thursday 3 Dec; 2 business days skip Monday 7
    // (non-working) and Tuesday 8 (holiday): Wednesday 9.
    int64_t simplenews = 0;
    visit.sign_in_to_service("ana@example.com", "Noticias Ana (Simplenews)", simplenews);
    auto estimate = visit.ask(&ApiClient::activation_estimate, simplenews);
    ASSERT_TRUE(estimate.ok());
    EXPECT_EQ(estimate.value->latest, (domain::Date{2026, 12, 9}));
    ASSERT_EQ(estimate.value->skipped_holidays.size(), 2u);
    EXPECT_EQ(estimate.value->skipped_holidays[0], decreed);
    EXPECT_EQ(estimate.value->skipped_holidays[1].date, (domain::Date{2026, 12, 8}));

    // Bruno's radio app is an iPhone app: 40 business days (RULES.md §5).
    Visit bruno(*world);
    int64_t app = 0;
    bruno.sign_in_to_service("bruno@example.com", "App de radio Bruno", app);
    auto service = bruno.service(app);
    ASSERT_TRUE(service.ok());
    EXPECT_EQ(service.value->platform, domain::AppPlatform::ios);
    auto app_estimate = bruno.ask(&ApiClient::activation_estimate, app);
    ASSERT_TRUE(app_estimate.ok());
    EXPECT_EQ(app_estimate.value->min, 40);
    EXPECT_EQ(app_estimate.value->max, 40);
}

TEST_P(ApiScenario, ValidationErrorsNameTheCodeAndTheField) {
    Visit visit(*world);
    // A login without email or password: the first missing field is named.
    auto empty_login =
        visit.raw<api::Session>("POST", "/session", api::encode(api::ProfileChanges{}));
    ASSERT_FALSE(empty_login.ok());
    EXPECT_TRUE(rejected(empty_login.failure, 400, "missing_field"));
    EXPECT_EQ(empty_login.failure.error.field, "email");

    auto limit = visit.ask(&ApiClient::search_manuals, "hosting", 500);
    ASSERT_FALSE(limit.ok());
    EXPECT_TRUE(rejected(limit.failure, 400, "invalid_value"));
    EXPECT_EQ(limit.failure.error.field, "limit");

    int64_t reseller = 0;
    ASSERT_NO_FATAL_FAILURE(
        visit.sign_in_to_service("bruno@example.com", "Reseller Bruno", reseller));
    auto unknown_plan = visit.ask(&ApiClient::order_upgrade, reseller,
                                  api::UpgradeOrderRequest{"plan-que-no-existe"}, "k-1");
    ASSERT_FALSE(unknown_plan.ok());
    EXPECT_TRUE(rejected(unknown_plan.failure, 422, "unknown_plan"));
    EXPECT_EQ(unknown_plan.failure.error.field, "plan_id");

    auto empty_message =
        visit.ask(&ApiClient::request_upgrade, reseller, api::UpgradeRequestBody{""}, "k-2");
    ASSERT_FALSE(empty_message.ok());
    EXPECT_TRUE(rejected(empty_message.failure, 422, "invalid_text"));
    EXPECT_EQ(empty_message.failure.error.field, "message");

    api::CancellationRequestBody long_reason;
    long_reason.reason = std::string(4001, 'x');
    long_reason.email = "bruno@example.com";
    long_reason.password = kPassword;
    auto too_long = visit.ask(&ApiClient::request_cancellation, reseller, long_reason, "k-3");
    ASSERT_FALSE(too_long.ok());
    EXPECT_TRUE(rejected(too_long.failure, 422, "invalid_text"));
    EXPECT_EQ(too_long.failure.error.field, "reason");

    auto bad_key = visit.ask(&ApiClient::order_upgrade, reseller,
                             api::UpgradeOrderRequest{"hosting-pro"}, std::string(201, 'k'));
    ASSERT_FALSE(bad_key.ok());
    EXPECT_TRUE(rejected(bad_key.failure, 400, "invalid_value"));
    EXPECT_EQ(bad_key.failure.error.field, "Idempotency-Key");
}

TEST_P(ApiScenario, AfterLogoutTheOldTokenIsRefused) {
    Visit visit(*world);
    auto session = visit.login("carla@example.com", kPassword);
    ASSERT_TRUE(session.ok());
    ASSERT_TRUE(visit.services().ok());
    EXPECT_TRUE(visit.logout().ok());
    // The page keeps the old token by mistake: the server no longer knows it.
    auto after = visit.services();
    ASSERT_FALSE(after.ok());
    EXPECT_TRUE(rejected(after.failure, 401, "invalid_token"));
    // And without any token at all.
    visit.client().clear_token();
    EXPECT_TRUE(rejected(visit.services().failure, 401, "unauthenticated"));
}

TEST_P(ApiScenario, AContactWithOnlyInvoicesPaysAndSeesNothingElse) {
    Visit ana(*world);
    ASSERT_TRUE(ana.login("ana@example.com", kPassword).ok());
    api::ContactBody body;
    body.name = "Laura Contable";
    body.email = "laura@contable.example";
    body.permissions = std::vector<domain::Permission>{domain::Permission::invoices};
    auto invited = ana.ask(&ApiClient::invite_contact, body, "invite-1");
    ASSERT_TRUE(invited.ok());
    EXPECT_EQ(invited.value->status, "invited");
    // The invitation is in Ana's outbox, addressed to the contact, with its one-time link.
    auto outbox = ana.ask(&ApiClient::notifications);
    ASSERT_TRUE(outbox.ok());
    std::string token;
    for (const auto& message : outbox.value->notifications) {
        if (message.event == "contact_invited" && message.recipient == "laura@contable.example") {
            ASSERT_EQ(message.link.rfind("#/invitacion/", 0), 0u) << message.link;
            token = message.link.substr(std::string("#/invitacion/").size());
        }
    }
    ASSERT_FALSE(token.empty());

    Visit laura(*world);
    auto accepted =
        laura.ask(&ApiClient::accept_invitation, token, api::InvitationAcceptance{"contable-2026"});
    ASSERT_TRUE(accepted.ok());
    EXPECT_EQ(accepted.value->status, "active");
    EXPECT_TRUE(rejected(
        laura
            .ask(&ApiClient::accept_invitation, token, api::InvitationAcceptance{"otra-clave-2026"})
            .failure,
        410, "invitation_used"));
    auto session = laura.login("laura@contable.example", "contable-2026");
    ASSERT_TRUE(session.ok());
    ASSERT_TRUE(session.value->acting_as.has_value());
    EXPECT_EQ(session.value->acting_as->permissions,
              std::vector<domain::Permission>{domain::Permission::invoices});
    EXPECT_EQ(session.value->client.email, "ana@example.com");
    EXPECT_TRUE(rejected(laura.services().failure, 403, "permission_denied"));
    EXPECT_TRUE(rejected(laura.ask(&ApiClient::contacts).failure, 403, "permission_denied"));

    // Ana turns off the WhatsApp alert of paid invoices; Laura pays one.
    api::AlertSettings alerts;
    alerts.alerts.push_back({domain::AlertEvent::invoice_paid, true, false});
    ASSERT_TRUE(ana.ask(&ApiClient::set_alerts, alerts, "alerts-1").ok());
    auto owed = laura.ask(invoices_of_status, domain::InvoiceStatus::unpaid);
    ASSERT_TRUE(owed.ok());
    ASSERT_FALSE(owed.value->invoices.empty());
    const int64_t invoice = owed.value->invoices.front().id;
    ASSERT_TRUE(laura.ask(&ApiClient::pay_invoice, invoice, api::PaymentRequest{}, "pay-1").ok());
    auto after = ana.ask(&ApiClient::notifications);
    ASSERT_TRUE(after.ok());
    std::vector<domain::AlertChannel> channels;
    for (const auto& message : after.value->notifications) {
        if (message.event == "invoice_paid") channels.push_back(message.channel);
    }
    EXPECT_EQ(channels, std::vector<domain::AlertChannel>{domain::AlertChannel::email});

    // Removed, Laura is out at once.
    ASSERT_TRUE(ana.ask(&ApiClient::remove_contact, invited.value->id, "remove-1").ok());
    EXPECT_TRUE(rejected(laura.ask(all_invoices).failure, 401, "invalid_token"));
}

// Support tickets (RULES.md §6–§8). kNow is Friday 4 Dec 2026 10:00; Monday 7 is a non-working
// day and Tuesday 8 a holiday, so the next business day after Friday is Wednesday 9.
TEST_P(ApiScenario, EachClientHasItsSupportPlanAndAnsweredTickets) {
    const std::map<std::string, domain::SupportPlan> plans{
        {"ana@example.com", domain::SupportPlan::professional},
        {"bruno@example.com", domain::SupportPlan::standard},
        {"carla@example.com", domain::SupportPlan::full},
        {"diego@example.com", domain::SupportPlan::standard}};
    for (const auto& [email, plan] : plans) {
        SCOPED_TRACE(email);
        Visit visit(*world);
        ASSERT_TRUE(visit.login(email, kPassword).ok());
        auto me = visit.raw<api::Profile>("GET", "/me");
        ASSERT_TRUE(me.ok());
        EXPECT_EQ(me.value->support_plan, plan);
        auto list = visit.ask(&ApiClient::tickets);
        ASSERT_TRUE(list.ok());
        ASSERT_FALSE(list.value->tickets.empty());
        EXPECT_TRUE(
            std::any_of(list.value->tickets.begin(), list.value->tickets.end(),
                        [](const auto& t) { return t.status == domain::TicketStatus::answered; }));
        // Those not closed come first.
        bool closed_seen = false;
        for (const auto& t : list.value->tickets) {
            if (t.status == domain::TicketStatus::closed) closed_seen = true;
            EXPECT_FALSE(closed_seen && t.status != domain::TicketStatus::closed) << t.subject;
        }
    }
}

TEST_P(ApiScenario, TicketsSayWhenTheirAnswerIsDue) {
    Visit ana(*world);
    int64_t hosting = 0;
    ASSERT_NO_FATAL_FAILURE(
        ana.sign_in_to_service("ana@example.com", "Hosting anagarcia.example", hosting));
    auto list = ana.ask(&ApiClient::tickets);
    ASSERT_TRUE(list.ok());
    std::map<std::string, api::TicketSummary> by_subject;
    for (const auto& t : list.value->tickets) by_subject[t.subject] = t;
    // Answered Thursday 3 Dec 15:00: resolution within 48 business hours (§6): 2 h on
    // Thursday, 7 on Friday, then Wednesday 9 to Wednesday 16 at 14:00.
    const auto& answered = by_subject["El correo no sale desde Outlook"];
    EXPECT_EQ(answered.status, domain::TicketStatus::answered);
    EXPECT_EQ(answered.due_at, "2026-12-16T14:00:00-03:00");
    EXPECT_EQ(answered.due_for, domain::DueFor::resolution);
    EXPECT_FALSE(answered.overdue);
    // Written Wednesday 2 Dec 16:30, unanswered: Professional's 2 business hours ran out
    // Thursday 11:30, so it is overdue now.
    const auto& waiting = by_subject["La radio se corta por momentos"];
    EXPECT_EQ(waiting.status, domain::TicketStatus::open);
    EXPECT_EQ(waiting.due_at, "2026-12-03T11:30:00-03:00");
    EXPECT_TRUE(waiting.overdue);
    const auto& closed = by_subject["Certificado SSL del sitio"];
    EXPECT_EQ(closed.status, domain::TicketStatus::closed);
    EXPECT_FALSE(closed.due_at.has_value());

    // A new ticket about the hosting, Friday 10:00: due at 12:00, once however often it is sent.
    api::NewTicket slow_site{domain::TicketDepartment::support, hosting, "El sitio anda lento",
                             "Desde esta mañana el sitio tarda en cargar.", std::nullopt};
    auto opened = ana.ask(&ApiClient::open_ticket, slow_site, "ticket-1");
    ASSERT_TRUE(opened.ok()) << opened.failure.error.message;
    auto again = ana.ask(&ApiClient::open_ticket, slow_site, "ticket-1");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value->ticket.id, opened.value->ticket.id);
    const int64_t id = opened.value->ticket.id;
    EXPECT_EQ(opened.value->ticket.status, domain::TicketStatus::open);
    EXPECT_EQ(opened.value->ticket.kind, domain::TicketKind::general);
    EXPECT_EQ(opened.value->ticket.service_name, "Hosting anagarcia.example");
    EXPECT_EQ(opened.value->ticket.due_at, "2026-12-04T12:00:00-03:00");
    EXPECT_EQ(opened.value->ticket.due_for, domain::DueFor::answer);
    ASSERT_EQ(opened.value->messages.size(), 1u);
    EXPECT_EQ(opened.value->messages[0].author, domain::MessageAuthor::client);
    EXPECT_EQ(opened.value->messages[0].sent_at, "2026-12-04T10:00:00-03:00");
    auto after = ana.ask(&ApiClient::tickets);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after.value->tickets.size(), list.value->tickets.size() + 1);

    // Writing again keeps the clock of the first unanswered message.
    auto reply = ana.ask(&ApiClient::reply_to_ticket, id, api::TicketReply{"Sigue lento."}, "r-1");
    ASSERT_TRUE(reply.ok()) << reply.failure.error.message;
    ASSERT_EQ(reply.value->messages.size(), 2u);
    EXPECT_EQ(reply.value->messages[1].text, "Sigue lento.");
    EXPECT_EQ(reply.value->ticket.due_at, "2026-12-04T12:00:00-03:00");

    // Closed, nothing is owed; writing again reopens it.
    auto closed_now = ana.ask(&ApiClient::close_ticket, id, "c-1");
    ASSERT_TRUE(closed_now.ok());
    EXPECT_EQ(closed_now.value->ticket.status, domain::TicketStatus::closed);
    EXPECT_FALSE(closed_now.value->ticket.due_at.has_value());
    auto reopened = ana.ask(&ApiClient::reply_to_ticket, id, api::TicketReply{"Volvió."}, "r-2");
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(reopened.value->ticket.status, domain::TicketStatus::open);
    EXPECT_EQ(reopened.value->ticket.due_at, "2026-12-04T12:00:00-03:00");

    // Later the same day the answer is overdue; the ticket was kept (the demo's saved store too).
    world->restart_at("2026-12-04T13:00");
    Visit later(*world);
    ASSERT_TRUE(later.login("ana@example.com", kPassword).ok());
    auto kept = later.ask(&ApiClient::ticket, id);
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(kept.value->messages.size(), 3u);
    EXPECT_TRUE(kept.value->ticket.overdue);
}

TEST_P(ApiScenario, EachPlanAndAnErrorReportHaveTheirOwnClock) {
    // Bruno, Standard: 8 business hours from Friday 10:00 are 7 on Friday and 1 on Wednesday 9.
    Visit bruno(*world);
    ASSERT_TRUE(bruno.login("bruno@example.com", kPassword).ok());
    api::NewTicket question{domain::TicketDepartment::billing, std::nullopt, "Invoice copy",
                            "Please send me a copy of my last invoice.", std::nullopt};
    auto standard = bruno.ask(&ApiClient::open_ticket, question, "b-1");
    ASSERT_TRUE(standard.ok()) << standard.failure.error.message;
    EXPECT_EQ(standard.value->ticket.due_at, "2026-12-09T11:00:00-03:00");
    // An error report is owed 2 hours after it is opened, whatever the plan (SLA 3).
    api::NewTicket broken{domain::TicketDepartment::support, std::nullopt, "Site down",
                          "My site answers 500.", domain::TicketKind::error_report};
    auto report = bruno.ask(&ApiClient::open_ticket, broken, "b-2");
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report.value->ticket.kind, domain::TicketKind::error_report);
    EXPECT_EQ(report.value->ticket.due_at, "2026-12-04T12:00:00-03:00");
    // A question from the staff waits on the client: nothing is owed.
    auto list = bruno.ask(&ApiClient::tickets);
    ASSERT_TRUE(list.ok());
    bool waiting_seen = false;
    for (const auto& t : list.value->tickets) {
        if (t.status != domain::TicketStatus::waiting_on_client) continue;
        waiting_seen = true;
        EXPECT_FALSE(t.due_at.has_value());
    }
    EXPECT_TRUE(waiting_seen);

    // Carla, Full: 15 minutes.
    Visit carla(*world);
    ASSERT_TRUE(carla.login("carla@example.com", kPassword).ok());
    auto full = carla.ask(&ApiClient::open_ticket,
                          api::NewTicket{domain::TicketDepartment::sales, std::nullopt, "Tienda",
                                         "¿Pueden sumar pagos con tarjeta?", std::nullopt},
                          "c-1");
    ASSERT_TRUE(full.ok());
    EXPECT_EQ(full.value->ticket.due_at, "2026-12-04T10:15:00-03:00");
}

TEST_P(ApiScenario, AnotherClientsTicketDoesNotExistAndBadTicketsNameTheField) {
    Visit ana(*world);
    int64_t hosting = 0;
    ASSERT_NO_FATAL_FAILURE(
        ana.sign_in_to_service("ana@example.com", "Hosting anagarcia.example", hosting));
    auto list = ana.ask(&ApiClient::tickets);
    ASSERT_TRUE(list.ok());
    ASSERT_FALSE(list.value->tickets.empty());
    const int64_t anas = list.value->tickets.front().id;

    Visit bruno(*world);
    ASSERT_TRUE(bruno.login("bruno@example.com", kPassword).ok());
    EXPECT_TRUE(rejected(bruno.ask(&ApiClient::ticket, anas).failure, 404, "not_found"));
    EXPECT_TRUE(rejected(
        bruno.ask(&ApiClient::reply_to_ticket, anas, api::TicketReply{"hola"}, "x-1").failure, 404,
        "not_found"));
    EXPECT_TRUE(
        rejected(bruno.ask(&ApiClient::close_ticket, anas, "x-2").failure, 404, "not_found"));
    EXPECT_TRUE(rejected(bruno.ask(&ApiClient::ticket, 987654).failure, 404, "not_found"));
    // Naming Ana's hosting in a ticket of Bruno's is a bad field, not a way to reach it.
    auto foreign = bruno.ask(
        &ApiClient::open_ticket,
        api::NewTicket{domain::TicketDepartment::support, hosting, "Hosting", "Help", std::nullopt},
        "x-3");
    EXPECT_TRUE(rejected(foreign.failure, 400, "invalid_value"));
    EXPECT_EQ(foreign.failure.error.field, "service_id");

    auto department = bruno.raw<api::TicketDetail>(
        "POST", "/tickets", R"({"department":"marketing","subject":"a","message":"b"})");
    EXPECT_TRUE(rejected(department.failure, 400, "invalid_value"));
    EXPECT_EQ(department.failure.error.field, "department");
    auto no_subject = bruno.raw<api::TicketDetail>(
        "POST", "/tickets", R"({"department":"sales","subject":"  ","message":"b"})");
    EXPECT_TRUE(rejected(no_subject.failure, 422, "invalid_text"));
    EXPECT_EQ(no_subject.failure.error.field, "subject");
    auto two_lines = bruno.raw<api::TicketDetail>(
        "POST", "/tickets", R"({"department":"sales","subject":"a\nb","message":"b"})");
    EXPECT_TRUE(rejected(two_lines.failure, 422, "invalid_text"));
    EXPECT_EQ(two_lines.failure.error.field, "subject");
    auto long_reply = bruno.ask(&ApiClient::reply_to_ticket, anas,
                                api::TicketReply{std::string(4001, 'x')}, "x-4");
    EXPECT_TRUE(rejected(long_reply.failure, 422, "invalid_text"));
}

TEST_P(ApiScenario, AnUpgradeRequestIsATicketToSalesFollowedInSupport) {
    Visit bruno(*world);
    int64_t reseller = 0;
    ASSERT_NO_FATAL_FAILURE(
        bruno.sign_in_to_service("bruno@example.com", "Reseller Bruno", reseller));
    auto sent = bruno.ask(&ApiClient::request_upgrade, reseller,
                          api::UpgradeRequestBody{"Quisiera el plan Plata."}, "up-1");
    ASSERT_TRUE(sent.ok()) << sent.failure.error.code;
    const api::TicketSummary& ticket = sent.value->ticket;
    EXPECT_EQ(ticket.kind, domain::TicketKind::upgrade_request);
    EXPECT_EQ(ticket.department, domain::TicketDepartment::sales);
    EXPECT_EQ(ticket.service_id, reseller);
    EXPECT_EQ(ticket.subject, "Cambio de plan: Reseller Bruno");
    EXPECT_EQ(ticket.status, domain::TicketStatus::open);
    EXPECT_TRUE(ticket.due_at) << "the company owes its answer";
    ASSERT_EQ(sent.value->messages.size(), 1u);
    EXPECT_EQ(sent.value->messages[0].text, "Quisiera el plan Plata.");

    // The same request through POST /tickets, and a retry of the first one: still one ticket each.
    auto again = bruno.ask(&ApiClient::request_upgrade, reseller,
                           api::UpgradeRequestBody{"Quisiera el plan Plata."}, "up-1");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value->ticket.id, ticket.id);
    api::NewTicket direct{domain::TicketDepartment::sales, reseller, "Plata", "Plata, por favor.",
                          domain::TicketKind::upgrade_request};
    ASSERT_TRUE(bruno.ask(&ApiClient::open_ticket, direct, "up-2").ok());
    auto list = bruno.ask(&ApiClient::tickets);
    ASSERT_TRUE(list.ok());
    int upgrade_requests = 0;
    for (const auto& each : list.value->tickets) {
        if (each.kind == domain::TicketKind::upgrade_request) ++upgrade_requests;
    }
    EXPECT_EQ(upgrade_requests, 2);

    // A service that changes plan by itself, or is not active, is refused either way.
    int64_t hosting = 0;
    Visit ana(*world);
    ASSERT_NO_FATAL_FAILURE(
        ana.sign_in_to_service("ana@example.com", "Hosting anagarcia.example", hosting));
    api::NewTicket automatic{domain::TicketDepartment::sales, hosting, "Pro", "Pro.",
                             domain::TicketKind::upgrade_request};
    EXPECT_TRUE(rejected(ana.ask(&ApiClient::open_ticket, automatic, "up-3").failure, 409,
                         "upgrade_is_automatic"));
    const int64_t tv = bruno.service_id("Canal Bruno TV");
    EXPECT_TRUE(rejected(
        bruno.ask(&ApiClient::request_upgrade, tv, api::UpgradeRequestBody{"Más"}, "up-4").failure,
        409, "service_not_active"));
}

// Files attached to a ticket (POST /tickets/{id}/attachments): kept once however often the
// upload is retried, typed by their bytes, given back to the owner only; too large (past the
// stub's 5 MiB, and so past the demo's 256 KiB too), of a refused type, badly named or on a
// closed ticket, refused alike on both ways.
TEST_P(ApiScenario, FilesAttachedToATicketAreKeptOnceAndGivenBackToTheOwnerOnly) {
    Visit ana(*world);
    ASSERT_TRUE(ana.login("ana@example.com", kPassword).ok());
    auto list = ana.ask(&ApiClient::tickets);
    ASSERT_TRUE(list.ok());
    int64_t open = 0, closed = 0;
    for (const auto& t : list.value->tickets) {
        int64_t& slot = t.status == domain::TicketStatus::closed ? closed : open;
        if (slot == 0) slot = t.id;
    }
    ASSERT_NE(open, 0);
    ASSERT_NE(closed, 0);

    const std::string png =
        std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + std::string(64, '\x7F');
    const std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj << >> endobj\n%%EOF\n";
    const std::string text = "Registro del error:\r\nno conecta al puerto 465 — ñ\n";
    auto image = ana.ask(&ApiClient::attach_to_ticket, open, "captura de pantalla.png", png, "f-1");
    ASSERT_TRUE(image.ok());
    EXPECT_EQ(image.value->media_type, "image/png");
    EXPECT_EQ(image.value->name, "captura de pantalla.png");
    EXPECT_EQ(image.value->size_bytes, static_cast<int64_t>(png.size()));
    auto again = ana.ask(&ApiClient::attach_to_ticket, open, "captura de pantalla.png", png, "f-1");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value->id, image.value->id) << "a retry keeps the file once";
    auto invoice = ana.ask(&ApiClient::attach_to_ticket, open, "factura.pdf", pdf, "f-2");
    ASSERT_TRUE(invoice.ok());
    EXPECT_EQ(invoice.value->media_type, "application/pdf");
    // Named .png, but text: the bytes decide.
    auto log = ana.ask(&ApiClient::attach_to_ticket, open, "registro.png", text, "f-3");
    ASSERT_TRUE(log.ok());
    EXPECT_EQ(log.value->media_type, "text/plain");

    auto detail = ana.ask(&ApiClient::ticket, open);
    ASSERT_TRUE(detail.ok());
    ASSERT_EQ(detail.value->attachments.size(), 3u);
    EXPECT_EQ(detail.value->attachments[0].id, image.value->id);
    EXPECT_EQ(detail.value->attachments[2].name, "registro.png");

    const auto fetch = [&](Visit& visit, int64_t ticket, int64_t file) {
        std::optional<api::HttpResponse> got;
        visit.client().ticket_attachment(ticket, file, [&](api::HttpResponse r) { got = r; });
        EXPECT_FALSE(got) << "answered inside send()";
        world->later.run_until_idle();
        return got.value_or(api::HttpResponse{});
    };
    const api::HttpResponse bytes = fetch(ana, open, image.value->id);
    EXPECT_EQ(bytes.status, 200);
    EXPECT_EQ(bytes.content_type, "image/png");
    EXPECT_EQ(bytes.body, png);
    EXPECT_EQ(fetch(ana, open, log.value->id).body, text);

    Visit bruno(*world);
    ASSERT_TRUE(bruno.login("bruno@example.com", kPassword).ok());
    const api::HttpResponse foreign = fetch(bruno, open, image.value->id);
    EXPECT_TRUE(rejected(api::classify_failure(foreign), 404, "not_found"));
    EXPECT_TRUE(rejected(
        bruno.ask(&ApiClient::attach_to_ticket, open, "a.txt", std::string("hola"), "b-1").failure,
        404, "not_found"));

    const std::string program = std::string("MZ\x90\0\x03\0\0\0", 8) + "PE\0\0";
    EXPECT_TRUE(
        rejected(ana.ask(&ApiClient::attach_to_ticket, open, "foto.jpg", program, "f-4").failure,
                 415, "attachment_type_refused"));
    EXPECT_TRUE(rejected(ana.ask(&ApiClient::attach_to_ticket, open, "grande.txt",
                                 std::string(5 * 1024 * 1024 + 1, 'a'), "f-5")
                             .failure,
                         413, "attachment_too_large"));
    EXPECT_TRUE(rejected(
        ana.ask(&ApiClient::attach_to_ticket, closed, "a.txt", std::string("hola"), "f-6").failure,
        409, "ticket_closed"));
    auto path = ana.ask(&ApiClient::attach_to_ticket, open, "../../etc/passwd", text, "f-7");
    EXPECT_TRUE(rejected(path.failure, 400, "invalid_value"));
    EXPECT_EQ(path.failure.error.field, "name");
    auto after = ana.ask(&ApiClient::ticket, open);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after.value->attachments.size(), 3u) << "nothing refused was kept";
}

TEST_P(ApiScenario, AChangeOfHolderNamesEveryUnmetConditionThenGoesAheadOnceTheyAreMet) {
    Visit ana(*world);
    int64_t hosting = 0;
    ana.sign_in_to_service("ana@example.com", "Hosting anagarcia.example", hosting);
    const int64_t pending = ana.service_id("Noticias Ana (Simplenews)");
    ASSERT_NE(pending, 0);
    const auto move = [&](int64_t service, const std::string& to, const std::string& key) {
        api::NewTicket request{domain::TicketDepartment::support, service, "Cambio de titular",
                               "Autorizo el cambio de titular.",
                               domain::TicketKind::change_of_holder};
        request.new_holder_email = to;
        return ana.ask(&ApiClient::open_ticket, request, key);
    };
    // Ana's radio invoice is overdue (fixtures), and so is Bruno's video one.
    struct Refused {
        int64_t service;
        const char* to;
        std::vector<std::string> conditions;
    };
    const std::vector<Refused> refusals = {
        {hosting, "bruno@example.com", {"new_holder_invoices_overdue", "your_invoices_overdue"}},
        {pending,
         "nadie@example.com",
         {"new_holder_not_registered", "your_invoices_overdue", "service_not_active"}},
        {hosting, "ana@example.com", {"new_holder_is_you", "your_invoices_overdue"}},
    };
    for (const Refused& r : refusals) {
        auto answer = move(r.service, r.to, std::string("h-") + r.to);
        ASSERT_TRUE(rejected(answer.failure, 409, "procedure_refused")) << r.to;
        EXPECT_EQ(answer.failure.error.conditions, r.conditions) << r.to;
    }
    auto no_holder = move(hosting, "", "h-4");
    ASSERT_TRUE(rejected(no_holder.failure, 400, "invalid_value"));
    EXPECT_EQ(no_holder.failure.error.field, "new_holder_email");

    // Once Ana pays her radio, the hosting can go to Carla, who owes nothing.
    auto invoices = ana.ask(all_invoices);
    ASSERT_TRUE(invoices.ok());
    for (const auto& invoice : invoices.value->invoices) {
        if (invoice.status != domain::InvoiceStatus::overdue) continue;
        auto paid = ana.ask(&ApiClient::pay_invoice, invoice.id, api::PaymentRequest{},
                            "pay-" + std::to_string(invoice.id));
        ASSERT_TRUE(paid.ok()) << paid.failure.error.code;
    }
    auto to_carla = move(hosting, "carla@example.com", "h-5");
    ASSERT_TRUE(to_carla.ok()) << to_carla.failure.error.code;
    EXPECT_EQ(to_carla.value->ticket.kind, domain::TicketKind::change_of_holder);
    EXPECT_EQ(to_carla.value->ticket.service_id, hosting);
    ASSERT_EQ(to_carla.value->messages.size(), 1u);
    // The staff reads the whole request in the ticket: the client's words and the new holder.
    const std::string& text = to_carla.value->messages[0].text;
    EXPECT_NE(text.find("Autorizo el cambio de titular."), std::string::npos) << text;
    EXPECT_NE(text.find("carla@example.com"), std::string::npos) << text;
}

TEST_P(ApiScenario, AMigrationAndABackupAskForTheirOwnFields) {
    Visit carla(*world);
    int64_t hosting = 0;
    carla.sign_in_to_service("carla@example.com", "Hosting Business Carla", hosting);
    api::NewTicket migration{domain::TicketDepartment::support, std::nullopt, "Migración",
                             "Quiero traer mi sitio.", domain::TicketKind::migration};
    migration.option = 1;
    migration.domain = "carlamendez.example";
    migration.current_provider = "Otro hosting";
    auto unaccepted = carla.ask(&ApiClient::open_ticket, migration, "m-1");
    ASSERT_TRUE(rejected(unaccepted.failure, 400, "invalid_value"));
    EXPECT_EQ(unaccepted.failure.error.field, "webmail_warning_accepted");
    migration.webmail_warning_accepted = true;
    // The provider's limit is 120 characters, not bytes, as for every typed text.
    migration.current_provider = std::string(121, 'x');
    auto too_long = carla.ask(&ApiClient::open_ticket, migration, "m-3");
    ASSERT_TRUE(rejected(too_long.failure, 422, "invalid_text"));
    EXPECT_EQ(too_long.failure.error.field, "current_provider");
    std::string accented;
    for (int i = 0; i < 120; ++i) accented += "é";
    migration.current_provider = accented;
    auto accepted = carla.ask(&ApiClient::open_ticket, migration, "m-2");
    ASSERT_TRUE(accepted.ok()) << accepted.failure.error.code;
    EXPECT_EQ(accepted.value->ticket.kind, domain::TicketKind::migration);
    EXPECT_NE(accepted.value->messages.at(0).text.find("carlamendez.example"), std::string::npos);

    // The scenarios' day is Friday 4 December 2026.
    api::NewTicket backup{domain::TicketDepartment::support, hosting, "Backup",
                          "Necesito recuperar mi sitio.", domain::TicketKind::backup_recovery};
    backup.date_wanted = domain::Date{2026, 12, 5};
    auto to_come = carla.ask(&ApiClient::open_ticket, backup, "b-1");
    ASSERT_TRUE(rejected(to_come.failure, 400, "invalid_value"));
    EXPECT_EQ(to_come.failure.error.field, "date_wanted");
    backup.date_wanted = domain::Date{2026, 10, 1};
    auto too_old = carla.ask(&ApiClient::open_ticket, backup, "b-2");
    ASSERT_TRUE(rejected(too_old.failure, 409, "procedure_refused"));
    EXPECT_EQ(too_old.failure.error.conditions, std::vector<std::string>{"backup_too_old"});
    backup.date_wanted = domain::Date{2026, 12, 1};
    auto recovered = carla.ask(&ApiClient::open_ticket, backup, "b-3");
    ASSERT_TRUE(recovered.ok()) << recovered.failure.error.code;
    EXPECT_NE(recovered.value->messages.at(0).text.find("2026-12-01"), std::string::npos);
}

// Remote support (RULES.md §8, §9): every client reads the free slots; Standard (Bruno) may not
// book one, Professional (Ana) books one, which is then no longer free to anyone, until closed.
TEST_P(ApiScenario, ARemoteSupportSlotIsBookedOnceAndOnlyOnAPlanThatIncludesIt) {
    const auto booking = [](const std::string& slot, const std::string& rustdesk_id) {
        api::NewTicket request{domain::TicketDepartment::support, std::nullopt,
                               "Configurar el correo", "Necesito ayuda con Outlook.",
                               domain::TicketKind::remote_support};
        request.requirements_accepted = true;
        request.rustdesk_id = rustdesk_id;
        request.slot = slot;
        return request;
    };
    Visit bruno(*world);
    ASSERT_TRUE(bruno.login("bruno@example.com", kPassword).ok());
    auto bruno_slots = bruno.ask(&ApiClient::remote_slots);
    ASSERT_TRUE(bruno_slots.ok()) << bruno_slots.failure.error.code;
    EXPECT_FALSE(bruno_slots.value->included);
    ASSERT_FALSE(bruno_slots.value->slots.empty());
    // Friday 4 December 2026 at 10 h: two business hours' notice, one-hour slots.
    const api::RemoteSlotView first = bruno_slots.value->slots.front();
    EXPECT_EQ(first.starts_at, "2026-12-04T12:00:00-03:00");
    EXPECT_EQ(first.ends_at, "2026-12-04T13:00:00-03:00");
    auto refused = bruno.ask(&ApiClient::open_ticket, booking(first.starts_at, "123456789"), "b-1");
    ASSERT_TRUE(rejected(refused.failure, 409, "procedure_refused"));
    EXPECT_EQ(refused.failure.error.conditions,
              std::vector<std::string>{"plan_excludes_remote_support"});

    Visit ana(*world);
    ASSERT_TRUE(ana.login("ana@example.com", kPassword).ok());
    auto slots = ana.ask(&ApiClient::remote_slots);
    ASSERT_TRUE(slots.ok());
    EXPECT_TRUE(slots.value->included);
    EXPECT_EQ(slots.value->slots.size(), bruno_slots.value->slots.size());
    struct Malformed {
        const char* field;
        api::NewTicket request;
    };
    api::NewTicket unaccepted = booking(first.starts_at, "123456789");
    unaccepted.requirements_accepted = false;
    const std::vector<Malformed> malformed = {
        {"requirements_accepted", unaccepted},
        {"rustdesk_id", booking(first.starts_at, "12-345-678")},
        {"rustdesk_id", booking(first.starts_at, "1234")},
        {"slot", booking("viernes a las 12", "123456789")},
    };
    for (const Malformed& m : malformed) {
        auto answer = ana.ask(&ApiClient::open_ticket, m.request, std::string("m-") + m.field);
        ASSERT_TRUE(rejected(answer.failure, 400, "invalid_value")) << m.field;
        EXPECT_EQ(answer.failure.error.field, m.field);
    }

    auto booked = ana.ask(&ApiClient::open_ticket, booking(first.starts_at, "123 456 789"), "a-1");
    ASSERT_TRUE(booked.ok()) << booked.failure.error.code;
    EXPECT_EQ(booked.value->ticket.kind, domain::TicketKind::remote_support);
    EXPECT_EQ(booked.value->ticket.remote_slot, first.starts_at);
    // The staff reads the ID's digits and the slot under the client's words.
    const std::string& text = booked.value->messages.at(0).text;
    EXPECT_NE(text.find("Necesito ayuda con Outlook."), std::string::npos) << text;
    EXPECT_NE(text.find("123456789"), std::string::npos) << text;
    EXPECT_NE(text.find("2026-12-04 de 12:00 a 13:00"), std::string::npos) << text;
    // A retry with the same key books once: the same ticket.
    auto retried = ana.ask(&ApiClient::open_ticket, booking(first.starts_at, "123 456 789"), "a-1");
    ASSERT_TRUE(retried.ok()) << retried.failure.error.code;
    EXPECT_EQ(retried.value->ticket.id, booked.value->ticket.id);
    auto list = ana.ask(&ApiClient::tickets);
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(std::count_if(list.value->tickets.begin(), list.value->tickets.end(),
                            [](const api::TicketSummary& t) {
                                return t.kind == domain::TicketKind::remote_support;
                            }),
              1);
    auto detail = ana.ask(&ApiClient::ticket, booked.value->ticket.id);
    ASSERT_TRUE(detail.ok());
    EXPECT_EQ(detail.value->ticket.remote_slot, first.starts_at);

    // The slot is gone for every client, and a second booking of it is refused.
    const auto offers = [](Visit& visit, const std::string& start) {
        auto now_free = visit.ask(&ApiClient::remote_slots);
        EXPECT_TRUE(now_free.ok());
        if (!now_free.ok()) return false;
        return std::any_of(now_free.value->slots.begin(), now_free.value->slots.end(),
                           [&](const api::RemoteSlotView& s) { return s.starts_at == start; });
    };
    EXPECT_FALSE(offers(ana, first.starts_at));
    EXPECT_FALSE(offers(bruno, first.starts_at));
    auto again = ana.ask(&ApiClient::open_ticket, booking(first.starts_at, "987654321"), "a-2");
    ASSERT_TRUE(rejected(again.failure, 409, "procedure_refused"));
    EXPECT_EQ(again.failure.error.conditions, std::vector<std::string>{"slot_not_free"});
    Visit carla(*world);
    ASSERT_TRUE(carla.login("carla@example.com", kPassword).ok());
    auto taken = carla.ask(&ApiClient::open_ticket, booking(first.starts_at, "987654321"), "c-1");
    ASSERT_TRUE(rejected(taken.failure, 409, "procedure_refused"));
    EXPECT_EQ(taken.failure.error.conditions, std::vector<std::string>{"slot_not_free"});

    // Closing the ticket gives the slot back.
    auto closed = ana.ask(&ApiClient::close_ticket, booked.value->ticket.id, "a-3");
    ASSERT_TRUE(closed.ok()) << closed.failure.error.code;
    EXPECT_TRUE(offers(carla, first.starts_at));
}

// The server-status page: the incident of the fixtures on the server of Ana's hosting is hers;
// another client sees the same page, with none of Ana's services in it.
TEST_P(ApiScenario, TheStatusPageSaysWhichIncidentsAffectEachClient) {
    const Json& fixture = catalog_fixture()["status"];
    const Json* ongoing = nullptr;
    for (const auto& incident : fixture["incidents"]) {
        if (incident["ended_at"].is_null()) ongoing = &incident;
    }
    ASSERT_NE(ongoing, nullptr) << "the fixtures have an ongoing incident";
    const std::string server = (*ongoing)["component"];

    Visit ana(*world);
    int64_t hosting = 0;
    ana.sign_in_to_service("ana@example.com", "Hosting anagarcia.example", hosting);
    auto status = ana.ask(&ApiClient::server_status);
    ASSERT_TRUE(status.ok()) << status.failure.error.message;
    ASSERT_EQ(status.value->components.size(), fixture["components"].size());
    std::set<int64_t> anas;
    const api::StatusComponent* hers = nullptr;
    for (const auto& component : status.value->components) {
        anas.insert(component.your_services.begin(), component.your_services.end());
        EXPECT_EQ(component.affects_you, !component.your_services.empty()) << component.id;
        if (component.id == server) hers = &component;
    }
    ASSERT_NE(hers, nullptr);
    EXPECT_EQ(hers->your_services, std::vector<int64_t>{hosting});
    EXPECT_NE(hers->state, domain::ComponentState::operational);
    ASSERT_FALSE(hers->incidents.empty());
    EXPECT_EQ(hers->incidents[0].title, (*ongoing)["title"]);
    EXPECT_FALSE(hers->incidents[0].ended_at.has_value());
    ASSERT_EQ(hers->incidents[0].updates.size(), (*ongoing)["updates"].size());
    EXPECT_EQ(hers->incidents[0].updates.front().text, (*ongoing)["updates"].back()["text"])
        << "the newest update first";
    auto english = ana.raw<api::ServerStatus>("GET", "/status?lang=en");
    ASSERT_TRUE(english.ok());
    for (const auto& component : english.value->components) {
        if (component.id == server) {
            EXPECT_EQ(component.incidents[0].title, (*ongoing)["title_en"]);
        }
    }

    Visit bruno(*world);
    ASSERT_TRUE(bruno.login("bruno@example.com", kPassword).ok());
    auto theirs = bruno.ask(&ApiClient::server_status);
    ASSERT_TRUE(theirs.ok());
    for (const auto& component : theirs.value->components) {
        for (int64_t id : component.your_services) {
            EXPECT_EQ(anas.count(id), 0u) << "one of Ana's services on Bruno's page";
        }
        if (component.id == server) {
            EXPECT_FALSE(component.affects_you);
            EXPECT_EQ(component.incidents.size(), hers->incidents.size()) << "the same page";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(BothWays, ApiScenario,
                         ::testing::Values(Way::in_process_demo, Way::http_stub),
                         [](const ::testing::TestParamInfo<Way>& info) {
                             return std::string(name_of(info.param));
                         });

// --- the "same answers" proof ------------------------------------------------------------------

// One scripted visit: several clients, reads, mutations, retries and errors, always through
// ApiClient. Ids are looked up by name in each backend's own answers.
void scripted_visit(World& world, api::Transport& transport) {
    Visit ana(world, transport);
    ana.login("ana@example.com", "wrong-password");
    ana.login("ana@example.com", kPassword);
    ana.raw<api::Profile>("GET", "/me");
    ana.ask(&ApiClient::alerts);
    ana.ask(&ApiClient::set_alerts,
            api::AlertSettings{{{domain::AlertEvent::invoice_generated, false, true}}}, "alerts-1");
    ana.ask(&ApiClient::update_profile, api::ProfileChanges{{}, {}, {}, "Ana SRL", {}},
            "profile-1");
    ana.ask(&ApiClient::contacts);
    const int64_t hosting = ana.service_id("Hosting anagarcia.example");
    const int64_t radio = ana.service_id("Radio Ana FM");
    const int64_t mail = ana.service_id("Correo corporativo anagarcia.example");
    const int64_t simplenews = ana.service_id("Noticias Ana (Simplenews)");
    for (int64_t id : {hosting, radio, mail, simplenews}) {
        ana.service(id);
        ana.ask(&ApiClient::service_credentials, id);
        ana.ask(&ApiClient::service_access, id);
        auto downloads = ana.ask(&ApiClient::service_downloads, id);
        if (downloads.ok()) {
            for (const auto& d : downloads.value->downloads) {
                if (d.size_bytes < 1000000) ana.download(d.id);
            }
        }
        ana.ask(&ApiClient::upgrade_options, id);
        ana.ask(&ApiClient::auto_renew, id);
    }
    ana.ask(&ApiClient::activation_estimate, simplenews);
    ana.ask(&ApiClient::server_status);
    ana.raw<api::ServerStatus>("GET", "/status?lang=en");
    ana.raw<api::HolidayList>("GET", "/calendar/holidays?year=2026");
    ana.raw<api::HolidayList>("GET", "/calendar/holidays?year=1492");
    ana.ask(all_invoices);
    ana.ask(&ApiClient::manuals);
    ana.ask(&ApiClient::search_manuals, "migración", 5);
    ana.raw<api::ManualSearchResults>("GET", "/manuals?q=correo+corporativo");
    ana.raw<api::ManualSearchResults>("GET", "/manuals?q=hosting&q=radio");
    ana.raw<api::ManualSearchResults>("GET", "/manuals?limit=0&q=radio");
    ana.ask(&ApiClient::manual, "migracion-de-hosting");
    ana.raw<api::ManualPageView>("GET", "/manuals/migracion%2Dde%2Dhosting");
    ana.ask(&ApiClient::manual, "no-existe");
    ana.raw<api::ManualSearchResults>("GET", "/manuals?q=hosting&lang=en");
    ana.raw<api::ManualPageView>("GET", "/manuals/sla?lang=en");
    ana.raw<api::ManualPageView>("GET", "/manuals/sla?lang=fr");
    ana.raw<api::ServiceList>("GET", "/services?lang=en");
    ana.raw<api::ServiceView>("GET", "/services/abc");
    ana.raw<api::ServiceView>("GET", "/no/such/route");

    ana.ask(&ApiClient::order_upgrade, hosting, api::UpgradeOrderRequest{"hosting-pro"}, "order-1");
    ana.ask(&ApiClient::order_upgrade, hosting, api::UpgradeOrderRequest{"hosting-pro"}, "order-1");
    ana.ask(&ApiClient::order_upgrade, hosting, api::UpgradeOrderRequest{"hosting-inicial"},
            "order-1");
    ana.ask(&ApiClient::order_upgrade, hosting, api::UpgradeOrderRequest{"hosting-inicial"},
            "order-2");
    ana.service(hosting);
    ana.ask(all_invoices);
    ana.ask(invoices_of_status, domain::InvoiceStatus::unpaid);
    ana.raw<api::InvoiceList>("GET", "/invoices?status=owed");
    auto unpaid = ana.ask(invoices_of_status, domain::InvoiceStatus::unpaid);
    if (unpaid.ok()) {
        for (const auto& invoice : unpaid.value->invoices) {
            ana.ask(&ApiClient::invoice, invoice.id);
            ana.ask(&ApiClient::pay_invoice, invoice.id, api::PaymentRequest{},
                    "pay-" + std::to_string(invoice.id));
            ana.ask(&ApiClient::pay_invoice, invoice.id, api::PaymentRequest{},
                    "pay-" + std::to_string(invoice.id));
            ana.ask(&ApiClient::pay_invoice, invoice.id, api::PaymentRequest{}, "again");
        }
    }
    ana.service(hosting);
    ana.raw<api::PaymentResult>("POST", "/invoices/999999/payments", R"({"method":"sandbox"})");
    ana.ask(&ApiClient::upgrade_options, hosting);

    api::CancellationRequestBody cancel;
    cancel.type = domain::CancellationKind::end_of_period;
    cancel.email = "ana@example.com";
    cancel.password = kPassword;
    auto made = ana.ask(&ApiClient::request_cancellation, radio, cancel, "c-1");
    ana.ask(&ApiClient::request_cancellation, radio, cancel, "c-1");
    ana.ask(&ApiClient::request_cancellation, radio, cancel, "c-2");
    ana.ask(all_invoices);
    if (made.ok()) {
        const int64_t request_id = made.value->id;
        ana.ask(&ApiClient::cancellation_request, request_id);
        ana.ask(&ApiClient::withdraw_cancellation, request_id, "w-1");
        ana.ask(&ApiClient::withdraw_cancellation, request_id, "w-1");
        ana.ask(&ApiClient::cancellation_request, request_id);
    }
    cancel.type = domain::CancellationKind::immediate;
    ana.ask(&ApiClient::request_cancellation, mail, cancel, "c-3");
    ana.service(mail);
    ana.ask(&ApiClient::server_status);
    ana.ask(all_invoices);
    ana.ask(&ApiClient::notifications);

    ana.ask(&ApiClient::tickets);
    auto ticket = ana.ask(&ApiClient::open_ticket,
                          api::NewTicket{domain::TicketDepartment::support, hosting, "Lento",
                                         "El sitio anda lento.", std::nullopt},
                          "t-1");
    ana.ask(&ApiClient::open_ticket,
            api::NewTicket{domain::TicketDepartment::support, hosting, "Lento",
                           "El sitio anda lento.", std::nullopt},
            "t-1");
    if (ticket.ok()) {
        const int64_t ticket_id = ticket.value->ticket.id;
        ana.ask(&ApiClient::reply_to_ticket, ticket_id, api::TicketReply{"Sigue lento"}, "t-2");
        ana.ask(&ApiClient::close_ticket, ticket_id, "t-3");
        ana.ask(&ApiClient::ticket, ticket_id);
    }
    ana.ask(&ApiClient::tickets);

    Visit bruno(world, transport);
    bruno.login("BRUNO@example.com", kPassword);
    bruno.services();
    bruno.service(hosting);
    const int64_t reseller = bruno.service_id("Reseller Bruno");
    const int64_t tv = bruno.service_id("Canal Bruno TV");
    bruno.ask(&ApiClient::upgrade_options, reseller);
    bruno.ask(&ApiClient::request_upgrade, reseller,
              api::UpgradeRequestBody{"Quisiera más cuentas"}, "u-1");
    bruno.ask(&ApiClient::service_downloads, tv);
    bruno.ask(&ApiClient::server_status);
    bruno.raw<api::Profile>("POST", "/me", api::encode(api::AutoRenewBody{true}));
    bruno.logout();
    bruno.services();

    Visit carla(world, transport);
    carla.login("carla@example.com", kPassword);
    carla.services();
    const int64_t carla_radio = carla.service_id("Radio Carla 320");
    carla.ask(&ApiClient::upgrade_options, carla_radio);
    auto down = carla.ask(&ApiClient::order_upgrade, carla_radio,
                          api::UpgradeOrderRequest{"radio-128"}, "down-1");
    carla.service(carla_radio);
    if (down.ok()) {
        carla.ask(&ApiClient::upgrade_order, down.value->order.id);
        carla.ask(&ApiClient::withdraw_upgrade_order, down.value->order.id, "wd-1");
        carla.ask(&ApiClient::withdraw_upgrade_order, down.value->order.id, "wd-2");
    }
    carla.services();
    Visit diego(world, transport);
    diego.login("diego@example.com", kPassword);
    diego.services();
    diego.ask(all_invoices);
}

// Replaces what legitimately differs between two backends — session tokens and the numbers each
// store gives its records — by the order in which each was first seen, so that equal behaviour
// gives equal text. Ids are numbered per kind (the JSON key and the object holding it).
class Normaliser {
  public:
    std::string body(const std::string& text) {
        Json json = Json::parse(text, nullptr, false);
        if (json.is_discarded()) return text;  // not JSON: a download's bytes, compared as is
        walk(json, "");
        return json.dump();
    }
    // "/services/12/downloads" -> "/services/#service-3/downloads", with the same numbering.
    std::string path(const std::string& text) {
        std::string out;
        std::string previous;
        size_t i = 0;
        while (i < text.size()) {
            if (std::isdigit(static_cast<unsigned char>(text[i])) && i > 0 && text[i - 1] == '/') {
                size_t end = i;
                while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])))
                    ++end;
                const std::string kind = previous == "services"                ? "services.id"
                                         : previous == "downloads"             ? "downloads.id"
                                         : previous == "cancellation-requests" ? "cancellation.id"
                                                                               : previous;
                out += number(kind, std::stoll(text.substr(i, end - i)));
                i = end;
                continue;
            }
            if (text[i] == '/') {
                const size_t start = out.rfind('/');
                previous = start == std::string::npos ? "" : out.substr(start + 1);
            }
            out += text[i++];
        }
        return out;
    }

  private:
    std::string number(const std::string& kind, int64_t value) {
        auto& seen = ids_[kind];
        auto [it, fresh] = seen.emplace(value, seen.size() + 1);
        return "#" + kind + "-" + std::to_string(it->second);
    }
    // Which kind of record an id field names, from its key and the object it is in.
    static std::string kind_of(const std::string& key, const std::string& parent) {
        if (key == "service_id") return "services.id";
        if (key == "invoice_id" || key == "invoices_still_due") return "invoices.id";
        if (key != "id") return key;
        if (parent == "services" || parent == "") return "services.id";
        if (parent == "downloads") return "downloads.id";
        if (parent == "invoices" || parent == "invoice") return "invoices.id";
        if (parent == "order") return "order.id";
        if (parent == "client") return "client.id";
        return parent + ".id";
    }
    void walk(Json& json, const std::string& parent) {
        if (json.is_object()) {
            for (auto& [key, value] : json.items()) {
                if (key == "token" && value.is_string()) {
                    value = "<token>";
                } else if ((key == "id" || key.ends_with("_id")) && value.is_number_integer()) {
                    value = number(kind_of(key, parent), value.get<int64_t>());
                } else if (key == "invoices_still_due" && value.is_array()) {
                    for (auto& id : value) {
                        if (id.is_number_integer()) id = number("invoices.id", id.get<int64_t>());
                    }
                } else {
                    walk(value, key);
                }
            }
        } else if (json.is_array()) {
            for (auto& item : json) walk(item, parent);
        }
    }
    std::map<std::string, std::map<int64_t, size_t>> ids_;
};

// A top-level "id" is the record of the route that answered: name it after that route.
std::string with_top_level_kind(const std::string& path, const std::string& body) {
    Json json = Json::parse(body, nullptr, false);
    if (!json.is_object() || !json.contains("id")) return body;
    if (path.find("cancellation-requests") != std::string::npos) {
        json["cancellation"] = json["id"];
    } else if (path.find("upgrade-requests") != std::string::npos) {
        json["upgrade_request"] = json["id"];
    } else if (path == "/me") {
        json["client"] = Json::object({{"id", json["id"]}});
    } else {
        return body;
    }
    json.erase("id");
    return json.dump();
}

struct Line {
    std::string request;
    int failure = 0;
    int status = 0;
    std::string content_type;
    std::string body;
};

std::vector<Line> normalised(const std::vector<RecordingTransport::Exchange>& log) {
    Normaliser normaliser;
    std::vector<Line> lines;
    for (const auto& exchange : log) {
        Line line;
        std::string idempotency_key;
        for (const auto& [name, value] : exchange.request.headers) {
            if (name == "Idempotency-Key") idempotency_key = value;
        }
        line.request = exchange.request.method + " " + normaliser.path(exchange.request.path) +
                       (idempotency_key.empty() ? "" : " key=" + idempotency_key) +
                       (exchange.answered ? "" : " (no answer)");
        line.failure = static_cast<int>(exchange.response.failure);
        line.status = exchange.response.status;
        line.content_type = exchange.response.content_type;
        line.body = normaliser.body(
            with_top_level_kind(exchange.request.path.substr(0, exchange.request.path.find('?')),
                                exchange.response.body));
        lines.push_back(std::move(line));
    }
    return lines;
}

TEST(SameAnswers, TheDemoAndTheStubAnswerAScriptedVisitAlike) {
    DemoWorld demo;
    StubWorld stub;
    ASSERT_TRUE(demo.ready());
    ASSERT_TRUE(stub.ready()) << stub.problem();
    RecordingTransport demo_log(demo.transport());
    RecordingTransport stub_log(stub.transport());
    scripted_visit(demo, demo_log);
    scripted_visit(stub, stub_log);

    const auto a = normalised(demo_log.log());
    const auto b = normalised(stub_log.log());
    ASSERT_EQ(a.size(), b.size());
    ASSERT_GT(a.size(), 60u);  // the script really ran
    int successes = 0, errors = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        SCOPED_TRACE("exchange " + std::to_string(i) + ": " + a[i].request);
        EXPECT_EQ(a[i].request, b[i].request);
        EXPECT_EQ(a[i].failure, b[i].failure);
        EXPECT_EQ(a[i].status, b[i].status);
        EXPECT_EQ(a[i].content_type, b[i].content_type);
        EXPECT_EQ(a[i].body, b[i].body);
        (a[i].status >= 200 && a[i].status < 300 ? successes : errors) += 1;
    }
    // The visit covers both kinds of answer.
    EXPECT_GT(successes, 40);
    EXPECT_GT(errors, 10);
}

}  // namespace
}  // namespace portal::testing
