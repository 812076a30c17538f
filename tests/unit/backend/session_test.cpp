// Routing basics, health, login/logout, lockout, token expiry and /me — on both stores.
#include "backend_world.h"

namespace portal::backend::testing {
namespace {

PORTAL_SUITE_ON_BOTH_STORES(SessionTest, BackendWorld);

TYPED_TEST(SessionTest, HealthAnswersOk) {
    Response r = this->call("GET", "/api/v1/health");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(this->json(r)["status"], "ok");
    EXPECT_EQ(r.headers["Content-Type"], "application/json; charset=utf-8");
}

TYPED_TEST(SessionTest, UnknownRouteIsJson404) {
    Response r = this->call("GET", "/api/v1/nothing-here");
    this->expect_error(r, 404, "not_found");
    EXPECT_EQ(this->call("GET", "/api/v1/services/1/nope").status, 404);
    EXPECT_EQ(this->call("GET", "/api/v2/health").status, 404);
}

TYPED_TEST(SessionTest, WrongMethodIs405WithAllow) {
    Response r = this->call("PUT", "/api/v1/session");
    this->expect_error(r, 405, "method_not_allowed");
    EXPECT_EQ(r.headers["Allow"], "POST, DELETE");
    EXPECT_EQ(this->call("DELETE", "/api/v1/services").headers["Allow"], "GET");
}

TYPED_TEST(SessionTest, BodiesOver64KiBAre413) {
    std::string big(64 * 1024 + 1, ' ');
    Response r = this->call("POST", "/api/v1/session", big);
    this->expect_error(r, 413, "payload_too_large");
    // Exactly 64 KiB is still read (and refused for what it says, not for its size).
    std::string limit(64 * 1024, ' ');
    EXPECT_EQ(this->call("POST", "/api/v1/session", limit).status, 400);
}

TYPED_TEST(SessionTest, LoginGivesATokenAndTheClient) {
    Response r = this->call("POST", "/api/v1/session",
                            R"({"email":"ana@example.com","password":"demo1234"})");
    ASSERT_EQ(r.status, 201) << r.body;
    Json j = this->json(r);
    std::string token = j["token"];
    EXPECT_EQ(token.size(), 64u);
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(j["client"]["email"], "ana@example.com");
    EXPECT_EQ(j["client"]["name"], "Ana García");
    EXPECT_EQ(j["expires_in"], 8 * 3600);
    EXPECT_EQ(this->call("GET", "/api/v1/services", "", token).status, 200);
}

TYPED_TEST(SessionTest, EachLoginGetsADifferentToken) {
    EXPECT_NE(this->login("ana@example.com"), this->login("ana@example.com"));
}

TYPED_TEST(SessionTest, EmailIsCaseAndSpaceInsensitive) {
    Response r = this->call("POST", "/api/v1/session",
                            R"({"email":"  Ana@Example.COM ","password":"demo1234"})");
    EXPECT_EQ(r.status, 201) << r.body;
}

TYPED_TEST(SessionTest, WrongPasswordAndUnknownEmailLookTheSame) {
    Response wrong =
        this->call("POST", "/api/v1/session", R"({"email":"ana@example.com","password":"nope"})");
    Response unknown = this->call("POST", "/api/v1/session",
                                  R"({"email":"nobody@example.com","password":"nope"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.body, unknown.body);
    EXPECT_EQ(this->error_code(wrong), "invalid_credentials");
}

TYPED_TEST(SessionTest, BadLoginBodiesAre400NamingTheField) {
    Response malformed = this->call("POST", "/api/v1/session", "{not json");
    this->expect_error(malformed, 400, "malformed_json");

    Response missing = this->call("POST", "/api/v1/session", R"({"email":"ana@example.com"})");
    this->expect_error(missing, 400, "missing_field");
    EXPECT_EQ(this->error_field(missing), "password");

    Response wrong_type =
        this->call("POST", "/api/v1/session", R"({"email":["ana"],"password":"x"})");
    EXPECT_EQ(this->error_code(wrong_type), "wrong_type");
    EXPECT_EQ(this->error_field(wrong_type), "email");

    Response unknown =
        this->call("POST", "/api/v1/session", R"({"email":"a","password":"b","admin":true})");
    EXPECT_EQ(this->error_code(unknown), "unknown_field");
    EXPECT_EQ(this->error_field(unknown), "admin");
}

TYPED_TEST(SessionTest, FiveFailedLoginsLockTheAccountFor15Minutes) {
    const std::string bad = R"({"email":"ana@example.com","password":"wrong"})";
    for (int i = 0; i < 4; ++i) EXPECT_EQ(this->call("POST", "/api/v1/session", bad).status, 401);
    Response fifth = this->call("POST", "/api/v1/session", bad);
    this->expect_error(fifth, 429, "account_locked");
    EXPECT_EQ(fifth.headers["Retry-After"], "900");

    // Locked: even the right password is refused, and the wait shrinks with time.
    this->clock.advance(600);
    Response still = this->call("POST", "/api/v1/session",
                                R"({"email":"ana@example.com","password":"demo1234"})");
    EXPECT_EQ(still.status, 429);
    EXPECT_EQ(still.headers["Retry-After"], "300");

    // Other accounts are not affected.
    this->login("bruno@example.com");

    this->clock.advance(300);
    this->login("ana@example.com");
}

TYPED_TEST(SessionTest, ASuccessfulLoginResetsTheFailureCount) {
    const std::string bad = R"({"email":"ana@example.com","password":"wrong"})";
    for (int i = 0; i < 4; ++i) this->call("POST", "/api/v1/session", bad);
    this->login("ana@example.com");
    for (int i = 0; i < 4; ++i) EXPECT_EQ(this->call("POST", "/api/v1/session", bad).status, 401);
}

TYPED_TEST(SessionTest, TokensExpire) {
    std::string token = this->login("ana@example.com");
    this->clock.advance(8 * 3600 - 1);
    EXPECT_EQ(this->call("GET", "/api/v1/me", "", token).status, 200);
    this->clock.advance(1);
    Response expired = this->call("GET", "/api/v1/me", "", token);
    this->expect_error(expired, 401, "session_expired");
}

TYPED_TEST(SessionTest, TokenLifetimeIsConfigurable) {
    BackendConfig config;
    config.token_ttl_seconds = 60;
    this->make_backend(config);
    std::string token = this->login("ana@example.com");
    this->clock.advance(60);
    EXPECT_EQ(this->call("GET", "/api/v1/me", "", token).status, 401);
}

TYPED_TEST(SessionTest, MissingOrBogusTokensAre401) {
    Response none = this->call("GET", "/api/v1/services");
    this->expect_error(none, 401, "unauthenticated");
    EXPECT_EQ(none.headers["WWW-Authenticate"], "Bearer");
    EXPECT_EQ(this->call("GET", "/api/v1/services", "", "deadbeef").status, 401);
    Response basic = this->call("GET", "/api/v1/services", "", "",
                                {{"authorization", "Basic YW5hOmRlbW8xMjM0"}});
    EXPECT_EQ(basic.status, 401);
}

TYPED_TEST(SessionTest, LogoutEndsTheSessionOnly) {
    std::string first = this->login("ana@example.com");
    std::string second = this->login("ana@example.com");
    Response out = this->call("DELETE", "/api/v1/session", "", first);
    EXPECT_EQ(out.status, 204);
    EXPECT_TRUE(out.body.empty());
    EXPECT_EQ(this->call("GET", "/api/v1/me", "", first).status, 401);
    EXPECT_EQ(this->call("GET", "/api/v1/me", "", second).status, 200);
    EXPECT_EQ(this->call("DELETE", "/api/v1/session", "", first).status, 401);
}

TYPED_TEST(SessionTest, MeShowsTheClientsDetails) {
    std::string token = this->login("ana@example.com");
    Json me = this->json(this->call("GET", "/api/v1/me", "", token));
    EXPECT_EQ(me["email"], "ana@example.com");
    EXPECT_EQ(me["name"], "Ana García");
    EXPECT_EQ(me["phone"], "+54 9 11 5555-0101");
    EXPECT_EQ(me["language"], "es");
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/me", "",
                                    this->login("bruno@example.com")))["language"],
              "en");
}

TYPED_TEST(SessionTest, PatchMeChangesOnlyTheGivenFields) {
    std::string token = this->login("ana@example.com");
    Response r = this->call("PATCH", "/api/v1/me",
                            R"({"phone":"+54 9 11 4444-0000","language":"en"})", token);
    ASSERT_EQ(r.status, 200) << r.body;
    Json me = this->json(this->call("GET", "/api/v1/me", "", token));
    EXPECT_EQ(me["phone"], "+54 9 11 4444-0000");
    EXPECT_EQ(me["language"], "en");
    EXPECT_EQ(me["name"], "Ana García");

    ASSERT_EQ(this->call("PATCH", "/api/v1/me", R"({"name":"  Ana G. "})", token).status, 200);
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/me", "", token))["name"], "Ana G.");
}

TYPED_TEST(SessionTest, PatchMeRefusesBadValuesAndChangesNothing) {
    std::string token = this->login("ana@example.com");
    struct Case {
        const char* body;
        const char* code;
        const char* field;
    };
    for (const Case& c : {Case{R"({"language":"fr"})", "invalid_value", "language"},
                          Case{R"({"phone":"call me"})", "invalid_value", "phone"},
                          Case{R"({"name":7})", "wrong_type", "name"},
                          Case{R"({"email":"x@example.com"})", "unknown_field", "email"},
                          Case{R"([])", "wrong_type", ""}}) {
        Response r = this->call("PATCH", "/api/v1/me", c.body, token);
        EXPECT_EQ(r.status, 400) << c.body;
        EXPECT_EQ(this->error_code(r), c.code) << c.body;
        if (*c.field) {
            EXPECT_EQ(this->error_field(r), c.field) << c.body;
        }
    }
    // Text the decoder reads but the profile cannot hold is 422, naming the field.
    Response empty = this->call("PATCH", "/api/v1/me", R"({"name":"  "})", token);
    this->expect_error(empty, 422, "invalid_text");
    EXPECT_EQ(this->error_field(empty), "name");
    Json me = this->json(this->call("GET", "/api/v1/me", "", token));
    EXPECT_EQ(me["name"], "Ana García");
    EXPECT_EQ(me["language"], "es");
    EXPECT_EQ(me["email"], "ana@example.com");
}

}  // namespace
}  // namespace portal::backend::testing
