// The real portal-stub over loopback against what a hostile client tries: reading a password
// back from the database file after a cancellation, parallel wrong re-authentications, a burst
// of bad sign-ins while others use the API, telling accounts apart, hidden characters in the
// profile, piling up sessions. Bounded in count and time (each client has its timeouts).
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "core/sha256.h"
#include "stub_process.h"

namespace portal::integration {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class HostileClientTest : public ::testing::Test {
  protected:
    void SetUp() override { dir = fresh_temp_dir("portal-stub-hostile"); }
    void TearDown() override { fs::remove_all(dir); }

    // `real_hash`: Argon2id at the stub's own cost, as the figures are measured.
    std::unique_ptr<StubProcess> start(bool real_hash = false) {
        std::vector<std::string> args{"--port", "0", "--db", (dir / "portal.db").string()};
        if (!real_hash) args.push_back("--fast-hash");
        auto stub = std::make_unique<StubProcess>(args);
        EXPECT_TRUE(stub->started()) << stub->output();
        return stub;
    }

    static std::unique_ptr<httplib::Client> client_for(const StubProcess& stub) {
        auto client = std::make_unique<httplib::Client>("127.0.0.1", stub.port());
        client->set_connection_timeout(5);
        client->set_read_timeout(30);
        return client;
    }

    static httplib::Result sign_in(httplib::Client& client, const std::string& email,
                                   const std::string& password) {
        return client.Post("/api/v1/session", Json{{"email", email}, {"password", password}}.dump(),
                           "application/json");
    }

    static std::string token_of(const httplib::Result& r) {
        EXPECT_TRUE(r);
        if (!r) return "";
        EXPECT_EQ(r->status, 201) << r->body;
        return Json::parse(r->body, nullptr, false).value("token", "");
    }

    // The path of Ana's mail service's cancellation requests.
    static std::string cancellation_path(httplib::Client& client, const std::string& token) {
        auto r = client.Get("/api/v1/services", {{"Authorization", "Bearer " + token}});
        EXPECT_TRUE(r && r->status == 200);
        if (!r) return "";
        const Json services = Json::parse(r->body, nullptr, false);
        for (const auto& s : services["services"]) {
            if (s["name"] == "Correo corporativo anagarcia.example") {
                return "/api/v1/services/" + std::to_string(s["id"].get<int64_t>()) +
                       "/cancellation-requests";
            }
        }
        ADD_FAILURE() << "no mail service";
        return "";
    }

    static std::string cancellation_body(const std::string& password) {
        return Json{{"type", "end_of_period"},
                    {"reason", "Cierro el proyecto"},
                    {"email", "ana@example.com"},
                    {"password", password}}
            .dump();
    }

    // Every byte the database keeps on disk: the file, its write-ahead log and shared memory.
    std::string database_bytes() {
        std::string bytes;
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::ifstream in(dir.string() + "/portal.db" + suffix, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            bytes += text.str();
        }
        return bytes;
    }

    fs::path dir;
};

std::string raw_sha256(std::string_view text) {
    backend::Sha256 sha;
    sha.update(text);
    auto digest = sha.finish();
    return std::string(digest.begin(), digest.end());
}

TEST_F(HostileClientTest, TheDatabaseKeepsNoPasswordNorAnUnkeyedDigestAfterACancellation) {
    auto stub = start();
    auto client = client_for(*stub);
    const std::string token = token_of(sign_in(*client, "ana@example.com", "demo1234"));
    const std::string path = cancellation_path(*client, token);
    const std::string body = cancellation_body("demo1234");
    auto r = client->Post(path.c_str(),
                          {{"Authorization", "Bearer " + token}, {"Idempotency-Key", "cancel-1"}},
                          body, "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;

    Json canonical = Json::parse(body);
    std::vector<std::string> secrets{"demo1234", "POST " + path + " " + body,
                                     "POST " + path + " " + canonical.dump()};
    canonical.erase("password");
    secrets.push_back("POST " + path + " " + canonical.dump());
    const auto expect_nothing_revealing = [&](const std::string& bytes, const char* when) {
        ASSERT_FALSE(bytes.empty());
        EXPECT_EQ(bytes.find("demo1234"), std::string::npos) << when;
        for (const std::string& text :
             std::vector<std::string>{body, "demo1234", canonical.dump()}) {
            EXPECT_EQ(bytes.find(backend::sha256_hex(text)), std::string::npos) << when;
            EXPECT_EQ(bytes.find(raw_sha256(text)), std::string::npos) << when;
        }
        for (const std::string& text : secrets) {
            EXPECT_EQ(bytes.find(backend::sha256_hex(text)), std::string::npos) << when;
        }
    };
    expect_nothing_revealing(database_bytes(), "while running");
    EXPECT_EQ(stub->stop(), 0);
    expect_nothing_revealing(database_bytes(), "after stopping");
}

TEST_F(HostileClientTest, FortyParallelWrongReauthenticationsGetNoMoreThanTheLockAllows) {
    auto stub = start();
    auto client = client_for(*stub);
    const std::string token = token_of(sign_in(*client, "ana@example.com", "demo1234"));
    const std::string path = cancellation_path(*client, token);
    std::atomic<int> wrong{0}, refused{0}, dropped{0}, other{0};
    std::vector<std::thread> attackers;
    for (int i = 0; i < 40; ++i) {
        attackers.emplace_back([&, i] {
            auto own = client_for(*stub);
            auto r = own->Post(path.c_str(), {{"Authorization", "Bearer " + token}},
                               cancellation_body("guess-" + std::to_string(i)), "application/json");
            (!r ? dropped : r->status == 403 ? wrong : r->status == 429 ? refused : other)++;
        });
    }
    for (auto& thread : attackers) thread.join();
    // At most five checks ran: four answered "wrong", the fifth locked the account. (A
    // connection the HTTP server drops before answering never reaches the check.)
    EXPECT_LE(wrong.load(), 4);
    EXPECT_GT(refused.load(), 0);
    EXPECT_EQ(other.load(), 0);
    std::printf(
        "40 parallel wrong re-authentications: %d answered wrong (403), %d refused (429), "
        "%d dropped by the HTTP server\n",
        wrong.load(), refused.load(), dropped.load());
    // However many arrived, the account ends locked once five were wrong: send the rest again,
    // one by one, until the lock answers.
    for (int i = 0; i < 5 && wrong.load() < 4; ++i) {
        auto r = client->Post(path.c_str(), {{"Authorization", "Bearer " + token}},
                              cancellation_body("again"), "application/json");
        ASSERT_TRUE(r);
        if (r->status == 403) ++wrong;
        if (r->status == 429) break;
    }
    auto right = client->Post(path.c_str(), {{"Authorization", "Bearer " + token}},
                              cancellation_body("demo1234"), "application/json");
    ASSERT_TRUE(right);
    EXPECT_EQ(right->status, 429);
    EXPECT_FALSE(right->get_header_value("Retry-After").empty());
}

TEST_F(HostileClientTest, KnownAndUnknownEmailsCannotBeToldApart) {
    auto stub = start();
    auto client = client_for(*stub);
    for (int i = 0; i < 6; ++i) {
        auto known = sign_in(*client, "ana@example.com", "wrong");
        auto unknown = sign_in(*client, "nadie@example.com", "wrong");
        ASSERT_TRUE(known && unknown);
        EXPECT_EQ(known->status, unknown->status) << i;
        EXPECT_EQ(known->body, unknown->body) << i;
        EXPECT_EQ(known->status, i < 4 ? 401 : 429) << i;
        EXPECT_EQ(known->get_header_value("Retry-After").empty(),
                  unknown->get_header_value("Retry-After").empty());
    }
}

TEST_F(HostileClientTest, OneAddressHasABudgetOfFailedSignInsAndHealthStaysQuick) {
    auto stub = start(/*real_hash=*/true);
    auto client = client_for(*stub);
    ASSERT_TRUE(client->Get("/api/v1/health"));

    // /health asked every 10 ms from before the burst until it is over (at most 60 s).
    std::atomic<bool> attacking{true};
    std::vector<double> health_ms;
    std::thread prober([&] {
        auto own = client_for(*stub);
        auto next = std::chrono::steady_clock::now();
        while (attacking && health_ms.size() < 6000) {
            std::this_thread::sleep_until(next);
            next += std::chrono::milliseconds(10);
            auto begin = std::chrono::steady_clock::now();
            auto r = own->Get("/api/v1/health");
            auto end = std::chrono::steady_clock::now();
            EXPECT_TRUE(r && r->status == 200);
            health_ms.push_back(std::chrono::duration<double, std::milli>(end - begin).count());
        }
    });
    std::atomic<int> wrong{0}, budget_spent{0}, dropped{0}, other{0};
    std::vector<std::thread> attackers;
    for (int i = 0; i < 100; ++i) {
        attackers.emplace_back([&, i] {
            auto own = client_for(*stub);
            auto r = sign_in(*own, "guess" + std::to_string(i) + "@example.com", "wrong");
            if (!r) {
                ++dropped;
            } else if (r->status == 401) {
                ++wrong;
            } else if (r->status == 429 && r->body.find("too_many_attempts") != std::string::npos &&
                       !r->get_header_value("Retry-After").empty()) {
                ++budget_spent;
            } else {
                ++other;
                std::printf("sign-in %d: %d %s\n", i, r->status, r->body.c_str());
            }
        });
    }
    for (auto& thread : attackers) thread.join();
    attacking = false;
    prober.join();

    // At most the address's budget of checks ran; every other answer was the budget's refusal.
    // (A connection the HTTP server drops before answering never reaches the budget.)
    EXPECT_LE(wrong.load(), 20);
    EXPECT_GT(budget_spent.load(), 0);
    EXPECT_EQ(other.load(), 0);
    std::printf(
        "100 parallel bad sign-ins: %d checked (401), %d refused by the budget (429), %d "
        "dropped by the HTTP server\n",
        wrong.load(), budget_spent.load(), dropped.load());
    ASSERT_FALSE(health_ms.empty());
    std::sort(health_ms.begin(), health_ms.end());
    const double p99 = health_ms[std::min(health_ms.size() - 1, health_ms.size() * 99 / 100)];
    std::printf(
        "health during 100 parallel bad sign-ins: %zu probes, p50 %.1f ms, p99 %.1f ms, "
        "max %.1f ms\n",
        health_ms.size(), health_ms[health_ms.size() / 2], p99, health_ms.back());
    EXPECT_LT(p99, 250.0);
}

TEST_F(HostileClientTest, ProfileTextWithHiddenCharactersIs422AndSessionsAreCapped) {
    auto stub = start();
    auto client = client_for(*stub);
    std::vector<std::string> tokens;
    for (int i = 0; i < 11; ++i)
        tokens.push_back(token_of(sign_in(*client, "ana@example.com", "demo1234")));
    auto me = [&](const std::string& token) {
        return client->Get("/api/v1/me", {{"Authorization", "Bearer " + token}});
    };
    // Ten sessions at most: the eleventh sign-in ended the first.
    auto first = me(tokens.front());
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 401);
    for (size_t i = 1; i < tokens.size(); ++i) {
        auto r = me(tokens[i]);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200) << i;
    }

    auto r = client->Patch("/api/v1/me", {{"Authorization", "Bearer " + tokens.back()}},
                           R"({"name":"Ana \u202egnp.exe"})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    Json error = Json::parse(r->body, nullptr, false);
    EXPECT_EQ(error["error"]["code"], "invalid_text");
    EXPECT_EQ(error["error"]["field"], "name");
}

}  // namespace
}  // namespace portal::integration
