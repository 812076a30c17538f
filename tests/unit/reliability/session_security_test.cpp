// Tokens (random, stored only as a digest, dead at logout and after their lifetime), the login
// lockout and the request body limit, over Backend::handle (no HTTP).
#include <set>

#include "reliability_world.h"

namespace portal::reliability {
namespace {

class SessionSecurity : public ReliabilityWorld {};

TEST_F(SessionSecurity, TokensAreLongRandomAndNeverStoredInClear) {
    std::set<std::string> tokens;
    for (int i = 0; i < 20; ++i) tokens.insert(login());
    EXPECT_EQ(tokens.size(), 20u);  // every login a new token
    const std::string saved = store.to_json();
    for (const auto& token : tokens) {
        EXPECT_GE(token.size(), 32u) << token;  // >= 128 bits as hex
        EXPECT_EQ(saved.find(token), std::string::npos) << "the store holds a token in clear";
    }
    EXPECT_EQ(saved.find("demo1234"), std::string::npos) << "the store holds a password in clear";
}

TEST_F(SessionSecurity, LogoutKillsTheTokenAndOnlyThatToken) {
    const std::string first = login(), second = login();
    ASSERT_EQ(call("GET", "/api/v1/me", "", first).status, 200);
    EXPECT_EQ(call("DELETE", "/api/v1/session", "", first).status, 204);
    Response after = call("GET", "/api/v1/me", "", first);
    EXPECT_EQ(after.status, 401);
    EXPECT_EQ(code(after), "invalid_token");
    EXPECT_EQ(after.headers["WWW-Authenticate"], "Bearer");
    // Every authenticated route refuses the dead token, mutations included.
    EXPECT_EQ(call("GET", "/api/v1/services", "", first).status, 401);
    EXPECT_EQ(call("PATCH", "/api/v1/me", R"({"name":"X"})", first).status, 401);
    EXPECT_EQ(call("DELETE", "/api/v1/session", "", first).status, 401);
    EXPECT_EQ(call("GET", "/api/v1/me", "", second).status, 200);  // the other session lives
}

TEST_F(SessionSecurity, TokensExpireAfterTheirLifetime) {
    backend::BackendConfig config;
    config.token_ttl_seconds = 600;
    make_backend(config);
    const std::string token = login();
    clock.advance(599);
    EXPECT_EQ(call("GET", "/api/v1/me", "", token).status, 200);
    clock.advance(1);
    Response expired = call("GET", "/api/v1/me", "", token);
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(code(expired), "session_expired");
}

TEST_F(SessionSecurity, MalformedAuthorizationIsRefused) {
    const std::string token = login();
    for (const std::string& value :
         {std::string(""), std::string("Bearer"), std::string("Bearer "), "Basic " + token, token,
          "Bearer " + token + "x", "Bearer " + token.substr(0, token.size() - 1),
          std::string("Bearer ") + std::string(100000, 'a')}) {
        Response r = call("GET", "/api/v1/me", "", "", {{"authorization", value}});
        EXPECT_EQ(r.status, 401) << value.substr(0, 40);
    }
}

TEST_F(SessionSecurity, LockoutAfterFiveWrongPasswordsThenUnlocks) {
    for (int i = 1; i <= 4; ++i) {
        Response r = login_response("ana@example.com", "wrong-" + std::to_string(i));
        EXPECT_EQ(r.status, 401) << i;
        EXPECT_EQ(code(r), "invalid_credentials");
    }
    Response fifth = login_response("ana@example.com", "wrong-5");
    EXPECT_EQ(fifth.status, 429);
    EXPECT_EQ(code(fifth), "account_locked");
    EXPECT_EQ(fifth.headers["Retry-After"], "900");
    // Locked: even the right password is refused, and the lock does not leak whether it was right.
    Response right = login_response("ana@example.com", "demo1234");
    EXPECT_EQ(right.status, 429);
    EXPECT_EQ(code(right), "account_locked");
    // Other accounts are not affected.
    EXPECT_EQ(login_response("bruno@example.com", "demo1234").status, 201);
    clock.advance(15 * 60);
    EXPECT_EQ(login_response("ana@example.com", "demo1234").status, 201);
}

TEST_F(SessionSecurity, UnknownEmailAndWrongPasswordLookTheSame) {
    Response unknown = login_response("nobody@example.com", "demo1234");
    Response wrong = login_response("ana@example.com", "not-it");
    EXPECT_EQ(unknown.status, wrong.status);
    EXPECT_EQ(unknown.body, wrong.body);
}

TEST_F(SessionSecurity, OversizedBodiesAre413BeforeAnyWork) {
    const std::string token = login();
    const std::string big(64 * 1024 + 1, 'x');
    for (const auto& [method, path, auth] : std::vector<std::tuple<std::string, std::string, bool>>{
             {"POST", "/api/v1/session", false},
             {"PATCH", "/api/v1/me", true},
             {"POST", "/api/v1/services/1/upgrade-orders", true},
             {"POST", "/api/v1/services/1/cancellation-requests", true},
             {"PUT", "/api/v1/services/1/auto-renew", true}}) {
        Response r = call(method, path, big, auth ? token : "");
        EXPECT_EQ(r.status, 413) << method << " " << path;
        EXPECT_EQ(code(r), "payload_too_large");
    }
    // Exactly at the limit is read (and refused for its content, not its size).
    Response at_limit = call("PATCH", "/api/v1/me", std::string(64 * 1024, ' '), token);
    EXPECT_EQ(at_limit.status, 400);
}

TEST_F(SessionSecurity, HugeHeaderValuesAndPathsAreHarmless) {
    const std::string token = login();
    Response long_key = call("POST", "/api/v1/services/1/upgrade-orders", R"({"plan_id":"x"})",
                             token, {{"idempotency-key", std::string(10000, 'k')}});
    EXPECT_EQ(long_key.status, 400);
    Response long_path = call("GET", "/api/v1/services/" + std::string(100000, '9'), "", token);
    EXPECT_GE(long_path.status, 400);
    EXPECT_LT(long_path.status, 500);
    Response many = call(
        "GET",
        "/api/v1/" +
            [] {
                std::string s;
                for (int i = 0; i < 10000; ++i) s += "a/";
                return s;
            }(),
        "", token);
    EXPECT_EQ(many.status, 404);
}

}  // namespace
}  // namespace portal::reliability
