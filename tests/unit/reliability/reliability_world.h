// A Backend over the demo fixtures in a MemoryStore, with a clock the test moves, for the
// security tests that do not need HTTP (tokens, lockout, body limits).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/backend.h"
#include "core/fixtures.h"
#include "core/memory_store.h"
#include "core/salted_sha256_hasher.h"

namespace portal::reliability {

using Json = nlohmann::json;
using backend::Request;
using backend::Response;

// Wednesday 2026-03-11 15:00 UTC.
inline const int64_t kStart = domain::Date{2026, 3, 11}.days_since_epoch() * 86400 + 15 * 3600;

class MovableClock final : public backend::Clock {
  public:
    int64_t now() const override { return now_; }
    void advance(int64_t seconds) { now_ += seconds; }

  private:
    int64_t now_ = kStart;
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class ReliabilityWorld : public ::testing::Test {
  protected:
    void SetUp() override {
        auto loaded = backend::load_fixtures(read_file(PORTAL_FIXTURES_DIR "/catalog.json"),
                                             read_file(PORTAL_FIXTURES_DIR "/clients.json"), store,
                                             hasher, domain::company_today(kStart));
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        make_backend({});
    }

    void make_backend(backend::BackendConfig config) {
        config_ = config;
        api = std::make_unique<backend::Backend>(store, clock, hasher, random, manuals, config);
    }

    Response call(const std::string& method, const std::string& path, const std::string& body = "",
                  const std::string& token = "", std::map<std::string, std::string> headers = {}) {
        Request request;
        request.method = method;
        request.path = path;
        request.headers = std::move(headers);
        if (!token.empty()) request.headers["authorization"] = "Bearer " + token;
        request.body = body;
        return api->handle(request);
    }

    Response login_response(const std::string& email, const std::string& password) {
        return call("POST", "/api/v1/session",
                    Json{{"email", email}, {"password", password}}.dump());
    }

    std::string login(const std::string& email = "ana@example.com") {
        Response r = login_response(email, "demo1234");
        EXPECT_EQ(r.status, 201) << r.body;
        auto j = Json::parse(r.body, nullptr, false);
        return j.is_object() ? j.value("token", "") : "";
    }

    static std::string code(const Response& r) {
        auto j = Json::parse(r.body, nullptr, false);
        if (!j.is_object() || !j.contains("error")) return "";
        return j["error"].value("code", "");
    }

    backend::SystemRandomSource random;
    backend::SaltedSha256Hasher hasher{random, 1};
    backend::MemoryStore store;
    MovableClock clock;
    backend::ManualLibrary manuals;
    backend::BackendConfig config_;
    std::unique_ptr<backend::Backend> api;
};

}  // namespace portal::reliability
