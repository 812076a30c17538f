// The real portal-stub over HTTP (cpp-httplib's client): login, services, a Range download, an
// upgrade order, a cancellation, the page's static files — and a restart on the same database
// keeps everything the stub acknowledged.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/sha256.h"
#include "stub_process.h"

namespace portal::integration {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class StubTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fresh_temp_dir("portal-stub-it", "site");
        std::ofstream(dir / "site" / "index.html") << "<!doctype html><title>Portal</title>";
        std::ofstream(dir / "site" / "portal.wasm", std::ios::binary) << std::string("\0asm", 4);
    }
    void TearDown() override { fs::remove_all(dir); }

    std::unique_ptr<StubProcess> start() {
        auto stub = std::make_unique<StubProcess>(std::vector<std::string>{
            "--port", "0", "--db", (dir / "portal.db").string(), "--static",
            (dir / "site").string(), "--fast-hash", "--threads", "4"});
        EXPECT_TRUE(stub->started()) << stub->output();
        return stub;
    }

    // A client for the running stub; readiness is polled with a bounded number of attempts.
    static std::unique_ptr<httplib::Client> client_for(StubProcess& stub) {
        auto client = std::make_unique<httplib::Client>("127.0.0.1", stub.port());
        client->set_connection_timeout(2);
        client->set_read_timeout(20);
        bool ready = false;
        for (int attempt = 0; attempt < 50 && !ready; ++attempt) {
            auto r = client->Get("/api/v1/health");
            ready = r && r->status == 200;
        }
        EXPECT_TRUE(ready);
        return client;
    }

    static std::string login(httplib::Client& client) {
        auto r =
            client.Post("/api/v1/session", R"({"email":"ana@example.com","password":"demo1234"})",
                        "application/json");
        EXPECT_TRUE(r);
        if (!r) return "";
        EXPECT_EQ(r->status, 201) << r->body;
        return Json::parse(r->body).value("token", "");
    }

    static Json get_json(httplib::Client& client, const std::string& path,
                         const std::string& token) {
        auto r = client.Get(path.c_str(), {{"Authorization", "Bearer " + token}});
        EXPECT_TRUE(r) << path;
        if (!r) return Json();
        EXPECT_EQ(r->status, 200) << path << " " << r->body;
        return Json::parse(r->body, nullptr, false);
    }

    static int64_t service_named(const Json& services, const std::string& name) {
        for (const auto& s : services["services"]) {
            if (s["name"] == name) return s["id"].get<int64_t>();
        }
        return 0;
    }

    fs::path dir;
};

TEST_F(StubTest, AClientSessionEndToEndSurvivesARestart) {
    auto stub = start();
    ASSERT_TRUE(stub->started());
    auto client = client_for(*stub);
    const std::string token = login(*client);
    ASSERT_FALSE(token.empty());
    const httplib::Headers auth = {{"Authorization", "Bearer " + token}};

    Json services = get_json(*client, "/api/v1/services", token);
    ASSERT_EQ(services["services"].size(), 5u);
    const int64_t hosting = service_named(services, "Hosting anagarcia.example");
    const int64_t radio = service_named(services, "Radio Ana FM");
    const int64_t mail = service_named(services, "Correo corporativo anagarcia.example");
    ASSERT_TRUE(hosting && radio && mail);

    // A Range download of the big file, checked against the whole file and its sha256.
    Json downloads =
        get_json(*client, "/api/v1/services/" + std::to_string(radio) + "/downloads", token);
    Json big;
    for (const auto& d : downloads["downloads"]) {
        if (d["size_bytes"].get<int64_t>() > 20000000) big = d;
    }
    ASSERT_TRUE(big.is_object());
    const std::string file = "/api/v1/downloads/" + big["id"].dump() + "/file";
    auto whole = client->Get(file.c_str(), auth);
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->status, 200);
    EXPECT_EQ(whole->get_header_value("Content-Length"), big["size_bytes"].dump());
    EXPECT_EQ(whole->get_header_value("Content-Disposition"),
              "attachment; filename=\"jingles-radio-2026.bin\"");
    EXPECT_EQ(backend::sha256_hex(whole->body), big["sha256"]);
    httplib::Headers ranged = auth;
    ranged.emplace("Range", "bytes=1048576-1049599");
    auto part = client->Get(file.c_str(), ranged);
    ASSERT_TRUE(part);
    EXPECT_EQ(part->status, 206);
    EXPECT_EQ(part->get_header_value("Content-Range"), "bytes 1048576-1049599/25165824");
    EXPECT_EQ(part->body, whole->body.substr(1048576, 1024));

    // An upgrade order (the manual's 50 USD) paid in the sandbox, and a cancellation.
    httplib::Headers keyed = auth;
    keyed.emplace("Idempotency-Key", "it-order-1");
    const std::string order_path =
        "/api/v1/services/" + std::to_string(hosting) + "/upgrade-orders";
    auto order =
        client->Post(order_path.c_str(), keyed, R"({"plan_id":"hosting-pro"})", "application/json");
    ASSERT_TRUE(order);
    ASSERT_EQ(order->status, 201) << order->body;
    EXPECT_EQ(Json::parse(order->body)["invoice"]["amount"]["amount_cents"], 5000);
    const int64_t invoice_id = Json::parse(order->body)["invoice"]["id"].get<int64_t>();
    // RULES.md §3: the plan changes when the invoice is paid, not before.
    EXPECT_EQ(get_json(*client, "/api/v1/services/" + std::to_string(hosting), token)["plan"]["id"],
              "hosting-plus");
    httplib::Headers pay_keyed = auth;
    pay_keyed.emplace("Idempotency-Key", "it-pay-1");
    const std::string pay_path = "/api/v1/invoices/" + std::to_string(invoice_id) + "/payments";
    auto paid =
        client->Post(pay_path.c_str(), pay_keyed, R"({"method":"sandbox"})", "application/json");
    ASSERT_TRUE(paid);
    ASSERT_EQ(paid->status, 201) << paid->body;

    auto cancellation = client->Post(
        ("/api/v1/services/" + std::to_string(mail) + "/cancellation-requests").c_str(), auth,
        R"({"type":"end_of_period","reason":"","email":"ana@example.com","password":"demo1234"})",
        "application/json");
    ASSERT_TRUE(cancellation);
    ASSERT_EQ(cancellation->status, 201) << cancellation->body;
    const std::string cancellation_path = cancellation->get_header_value("Location");
    ASSERT_FALSE(cancellation_path.empty());

    EXPECT_EQ(stub->stop(), 0);

    // Same database, new process: the order, its paid invoice and the cancellation are there.
    auto again = start();
    ASSERT_TRUE(again->started());
    auto client2 = client_for(*again);
    const std::string token2 = login(*client2);
    Json service = get_json(*client2, "/api/v1/services/" + std::to_string(hosting), token2);
    EXPECT_EQ(service["plan"]["id"], "hosting-pro");
    EXPECT_EQ(get_json(*client2, cancellation_path, token2)["status"], "scheduled");
    bool invoice_found = false;
    Json invoices = get_json(*client2, "/api/v1/invoices", token2);
    for (const auto& invoice : invoices["invoices"]) {
        if (invoice["id"] == invoice_id) {
            invoice_found = true;
            EXPECT_EQ(invoice["status"], "paid");
            EXPECT_EQ(invoice["payments"].size(), 1u);
        }
    }
    EXPECT_TRUE(invoice_found);
    // The retried order replays its first answer instead of acting again.
    httplib::Headers keyed2 = {{"Authorization", "Bearer " + token2},
                               {"Idempotency-Key", "it-order-1"}};
    auto replay = client2->Post(order_path.c_str(), keyed2, R"({"plan_id":"hosting-pro"})",
                                "application/json");
    ASSERT_TRUE(replay);
    EXPECT_EQ(replay->status, 201);
    EXPECT_EQ(replay->body, order->body);
    EXPECT_EQ(replay->get_header_value("Idempotent-Replayed"), "true");
    keyed2.erase("Idempotency-Key");
    keyed2.emplace("Idempotency-Key", "it-pay-1");
    auto paid_again =
        client2->Post(pay_path.c_str(), keyed2, R"({"method":"sandbox"})", "application/json");
    ASSERT_TRUE(paid_again);
    EXPECT_EQ(paid_again->status, 201);
    EXPECT_EQ(paid_again->body, paid->body) << "the payment's retry replays; nothing paid twice";
    // The old session survived the restart too (sessions live in the database).
    EXPECT_EQ(get_json(*client2, "/api/v1/me", token)["email"], "ana@example.com");
}

TEST_F(StubTest, ServesThePageWithSecurityHeadersAndJsonErrors) {
    auto stub = start();
    ASSERT_TRUE(stub->started());
    auto client = client_for(*stub);

    auto index = client->Get("/");
    ASSERT_TRUE(index);
    EXPECT_EQ(index->status, 200);
    EXPECT_EQ(index->body, "<!doctype html><title>Portal</title>");
    EXPECT_EQ(index->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(index->get_header_value("Referrer-Policy"), "no-referrer");
    EXPECT_NE(index->get_header_value("Content-Security-Policy").find("'wasm-unsafe-eval'"),
              std::string::npos);
    EXPECT_NE(index->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos);

    auto wasm = client->Get("/portal.wasm");
    ASSERT_TRUE(wasm);
    EXPECT_EQ(wasm->get_header_value("Content-Type"), "application/wasm");

    auto missing = client->Get("/api/v1/nope");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(Json::parse(missing->body)["error"]["code"], "not_found");
    EXPECT_EQ(missing->get_header_value("X-Content-Type-Options"), "nosniff");

    auto big = client->Post("/api/v1/session", std::string(70 * 1024, ' '), "application/json");
    ASSERT_TRUE(big);
    EXPECT_EQ(big->status, 413);
    EXPECT_EQ(Json::parse(big->body)["error"]["code"], "payload_too_large");

    auto wrong_method = client->Put("/api/v1/services", "{}", "application/json");
    ASSERT_TRUE(wrong_method);
    EXPECT_EQ(wrong_method->status, 405);
    EXPECT_EQ(wrong_method->get_header_value("Allow"), "GET");

    auto bad_json = client->Post("/api/v1/session", "{oops", "application/json");
    ASSERT_TRUE(bad_json);
    EXPECT_EQ(bad_json->status, 400);
    EXPECT_EQ(Json::parse(bad_json->body)["error"]["code"], "malformed_json");
}

TEST_F(StubTest, LogsOneLinePerRequestWithoutSecrets) {
    auto stub = start();
    ASSERT_TRUE(stub->started());
    auto client = client_for(*stub);
    const std::string token = login(*client);
    get_json(*client, "/api/v1/services", token);
    stub->stop();
    const std::string output = stub->output();
    EXPECT_NE(output.find("POST /api/v1/session 201"), std::string::npos) << output;
    EXPECT_NE(output.find("GET /api/v1/services 200"), std::string::npos) << output;
    EXPECT_EQ(output.find(token), std::string::npos);
    // The password appears only in the start-up banner listing the demo logins.
    size_t logged_lines_with_password = 0;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find("/api/") != std::string::npos && line.find("demo1234") != std::string::npos) {
            ++logged_lines_with_password;
        }
    }
    EXPECT_EQ(logged_lines_with_password, 0u);
}

}  // namespace
}  // namespace portal::integration
