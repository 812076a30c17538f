// The backend's parts on their own: SHA-256, the router, generated download bytes, the fixtures'
// promises, and the access links.
#include <gtest/gtest.h>

#include <set>

#include "backend_world.h"
#include "core/access_links.h"
#include "core/download_content.h"
#include "core/router.h"
#include "core/sha256.h"
#include "domain/billing.h"

namespace portal::backend::testing {
namespace {

TEST(Sha256, KnownVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    std::string million(1000000, 'a');
    EXPECT_EQ(sha256_hex(million),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PiecewiseUpdatesEqualOneUpdate) {
    std::string text(1000, 'x');
    for (size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>(i * 7);
    Sha256 pieces;
    for (size_t at = 0; at < text.size(); at += 13)
        pieces.update(std::string_view(text).substr(at, 13));
    auto digest = pieces.finish();
    EXPECT_EQ(to_hex(digest.data(), digest.size()), sha256_hex(text));
}

TEST(Router, MatchesLiteralsAndParameters) {
    Router router;
    auto answer = [](int status) {
        return [status](const Request&, const PathParams&) {
            Response response;
            response.status = status;
            return response;
        };
    };
    router.add("GET", "/a/{id}", answer(1));
    router.add("GET", "/a/{id}/b", answer(2));
    router.add("POST", "/a/{id}/b", answer(3));
    auto m = router.match("GET", "/a/42/b");
    ASSERT_EQ(m.kind, Router::Match::Kind::found);
    EXPECT_EQ(m.params.at("id"), "42");
    EXPECT_EQ((*m.handler)(Request{}, m.params).status, 2);
    EXPECT_EQ(router.match("GET", "/a/42").kind, Router::Match::Kind::found);
    EXPECT_EQ(router.match("GET", "/a//b").kind, Router::Match::Kind::unknown_path);
    EXPECT_EQ(router.match("GET", "/a/42/b/").kind, Router::Match::Kind::unknown_path);
    EXPECT_EQ(router.match("GET", "a/42").kind, Router::Match::Kind::unknown_path);
    auto wrong = router.match("DELETE", "/a/1/b");
    EXPECT_EQ(wrong.kind, Router::Match::Kind::wrong_method);
    EXPECT_EQ(wrong.allowed, (std::vector<std::string>{"GET", "POST"}));
}

TEST(DownloadContent, RangesAreSlicesOfTheWhole) {
    DownloadRecord d;
    d.seed = 12345;
    d.size_bytes = 1000;
    std::string whole = download_bytes(d, 0, 1000);
    ASSERT_EQ(whole.size(), 1000u);
    EXPECT_EQ(download_bytes(d, 3, 17), whole.substr(3, 17));
    EXPECT_EQ(download_bytes(d, 990, 50), whole.substr(990));  // clamped
    EXPECT_EQ(download_bytes(d, 0, 1000), whole);              // deterministic
    DownloadRecord other = d;
    other.seed = 54321;
    EXPECT_NE(download_bytes(other, 0, 1000), whole);
    EXPECT_EQ(generated_sha256(12345, 1000), sha256_hex(whole));

    DownloadRecord text;
    text.inline_content = "hola";
    text.size_bytes = 4;
    EXPECT_EQ(download_bytes(text, 1, 2), "ol");
}

// The checksums written in catalog.json are those of the bytes the server generates.
TEST(Fixtures, GeneratedDownloadsMatchTheirChecksums) {
    Json catalog = Json::parse(read_file(fixtures_dir() / "catalog.json"));
    int generated = 0, big = 0;
    for (const auto& d : catalog["downloads"]) {
        if (!d.contains("seed")) continue;
        ++generated;
        if (d["size_bytes"].get<int64_t>() > 20 * 1000 * 1000) ++big;
        EXPECT_EQ(generated_sha256(d["seed"].get<uint64_t>(), d["size_bytes"].get<int64_t>()),
                  d["sha256"].get<std::string>())
            << d["name"];
    }
    EXPECT_GE(generated, 3);
    EXPECT_GE(big, 1);
}

class FixtureWorld : public BackendWorld<MemoryKind> {};

TEST_F(FixtureWorld, CoverEveryTypeStatusAndTheManualsCases) {
    Store* store = this->store.get();
    std::set<domain::ServiceType> types;
    std::set<domain::ServiceStatus> statuses;
    int clients = 0, overdue = 0, no_automatic_products = 0;
    bool yearly_mid_period_quote_50 = false;
    for (int64_t id = 1; store->client_by_id(id); ++id) {
        ++clients;
        for (const auto& s : store->services_of(id)) {
            types.insert(s.type);
            statuses.insert(s.status);
            auto plan = store->plan(s.plan_id);
            ASSERT_TRUE(plan.has_value());
            // Paid 100 for the period (its paid invoices, RULES.md §3), 150 plan available.
            const auto invoices = store->invoices_of(id);
            if (plan->cycle == domain::BillingCycle::yearly && s.period_start < kToday &&
                kToday < s.period_end &&
                domain::paid_for_period(s, "USD", invoices).cents == 10000) {
                for (const auto& target : store->plans_of_product(s.type)) {
                    if (target.price.cents == 15000) yearly_mid_period_quote_50 = true;
                }
            }
        }
        for (const auto& invoice : store->invoices_of(id)) {
            if (invoice.status == domain::InvoiceStatus::unpaid && invoice.due_on < kToday)
                ++overdue;
        }
    }
    EXPECT_GE(clients, 3);
    EXPECT_EQ(types.size(), 14u);  // every domain::ServiceType
    EXPECT_EQ(statuses.size(), 5u);
    EXPECT_GE(overdue, 1);
    EXPECT_TRUE(yearly_mid_period_quote_50);
    for (auto product : {domain::ServiceType::reseller}) {
        auto plans = store->plans_of_product(product);
        EXPECT_GE(plans.size(), 2u);
        bool any_automatic = false;
        for (const auto& p : plans) any_automatic = any_automatic || p.automatic_upgrade;
        if (!any_automatic) ++no_automatic_products;
    }
    EXPECT_EQ(no_automatic_products, 1);
}

TEST(Fixtures, RelativeDates) {
    EXPECT_EQ(parse_fixture_date("today", kToday), kToday);
    EXPECT_EQ(parse_fixture_date("-180d", kToday), kToday.add_days(-180));
    EXPECT_EQ(parse_fixture_date("+30d", kToday), kToday.add_days(30));
    EXPECT_EQ(parse_fixture_date("2026-01-02", kToday), (domain::Date{2026, 1, 2}));
    EXPECT_FALSE(parse_fixture_date("yesterday", kToday).has_value());
    EXPECT_FALSE(parse_fixture_date("-3x", kToday).has_value());
}

TEST(Fixtures, ABadFileLeavesTheStoreEmpty) {
    MemoryStore store;
    auto loaded =
        load_fixture_texts(fixture_file("catalog.json"),
                           R"({"clients":[{"email":"x@example.com","password":"p","name":"X",
            "services":[{"name":"S","type":"hosting","status":"active","plan":"no-such-plan",
                         "server":"hs-01","period_start":"today"}]}]})",
                           store);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().message.find("clients.clients[0].services[0].plan"), std::string::npos)
        << loaded.error().message;
    EXPECT_FALSE(store.client_by_email("x@example.com").has_value());
    EXPECT_FALSE(store.plan("hosting-plus").has_value());
}

TEST(AccessLinks, EveryTypeHasAButton) {
    std::set<std::string> keys;
    for (int t = 0; t <= static_cast<int>(domain::ServiceType::web_design); ++t) {
        domain::Service s;
        s.id = 5;
        s.type = static_cast<domain::ServiceType>(t);
        s.domain = "x.example";
        AccessLink link = access_link(s, "https://panel.example");
        EXPECT_EQ(link.url.rfind("https://", 0), 0u);
        EXPECT_EQ(link.label_key.rfind("access.", 0), 0u);
        keys.insert(link.label_key);
    }
    EXPECT_GE(keys.size(), 10u);
}

}  // namespace
}  // namespace portal::backend::testing
