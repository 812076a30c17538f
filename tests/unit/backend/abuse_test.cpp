// What a hostile client cannot do — on both stores: learn a password from the stored
// Idempotency-Key fingerprints, run more password checks than the lock and the per-address
// budget allow (also in parallel), tell known emails from unknown ones, store text that hides
// control or bidi characters, or pile up sessions, keys and requests without bound.
#include <atomic>
#include <thread>
#include <vector>

#include "backend_world.h"
#include "core/sha256.h"

namespace portal::backend::testing {
namespace {

// Counts the password checks that really ran.
class CountingHasher final : public PasswordHasher {
  public:
    explicit CountingHasher(PasswordHasher& inner) : inner_(inner) {}
    std::string hash(std::string_view password) override { return inner_.hash(password); }
    bool verify(std::string_view stored, std::string_view password) override {
        ++verifications;
        return inner_.verify(stored, password);
    }
    std::atomic<int> verifications{0};

  private:
    PasswordHasher& inner_;
};

template <class Kind>
class AbuseWorld : public SignedInWorld<Kind> {
  public:
    // A request from the peer `address`, as portal-stub fills it in.
    Response from(const std::string& address, const std::string& method, const std::string& path,
                  const std::string& body, const std::string& token = "",
                  std::map<std::string, std::string> headers = {}) {
        Request request;
        request.method = method;
        request.path = path;
        request.body = body;
        request.headers = std::move(headers);
        if (!token.empty()) request.headers["authorization"] = "Bearer " + token;
        request.remote_address = address;
        return this->backend->handle(request);
    }
    Response sign_in(const std::string& email, const std::string& password,
                     const std::string& address = "192.0.2.1") {
        return from(address, "POST", "/api/v1/session",
                    Json{{"email", email}, {"password", password}}.dump());
    }
    std::string cancellation_body(const std::string& password) {
        return Json{{"type", "immediate"},
                    {"reason", "Cierro el proyecto"},
                    {"email", "ana@example.com"},
                    {"password", password}}
            .dump();
    }
    std::string cancel_path() {
        return this->service_path(this->ana, "Correo corporativo anagarcia.example",
                                  "/cancellation-requests");
    }
    std::string secret() { return this->store->setting("fingerprint_secret").value().value; }
    // A backend with `config`, its sessions lasting long enough for tests that move days ahead;
    // Ana and Bruno signed in again under it.
    void reconfigure(BackendConfig config = {}) {
        config.token_ttl_seconds = 60 * 86400;
        this->make_backend(config);
        this->ana = this->login("ana@example.com");
        this->bruno = this->login("bruno@example.com");
    }
};
PORTAL_SUITE_ON_BOTH_STORES(AbuseTest, AbuseWorld);

// ---- Idempotency-Key fingerprints ------------------------------------------------------------

TYPED_TEST(AbuseTest, TheStoredFingerprintIsKeyedAndLeavesThePasswordOut) {
    const std::string secret = this->secret();
    EXPECT_EQ(secret.size(), 64u);
    const std::string path = this->cancel_path();
    const std::string body = this->cancellation_body("demo1234");
    Response first =
        this->call("POST", path, body, this->ana, {{"idempotency-key", "cancel-mail-1"}});
    ASSERT_EQ(first.status, 201) << first.body;

    auto answer = this->store->idempotent_answer(1, "cancel-mail-1");
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->created_at, kStartTime);
    // No digest anyone can recompute without the secret, and none that depends on the password.
    for (const std::string& unkeyed : {sha256_hex(body), sha256_hex("demo1234")}) {
        EXPECT_EQ(answer->fingerprint.find(unkeyed), std::string::npos);
    }
    Json without_password = Json::parse(body);
    without_password.erase("password");
    EXPECT_EQ(answer->fingerprint,
              hmac_sha256_hex(secret, "POST " + path + " " + without_password.dump()));
    EXPECT_EQ(answer->body.find("demo1234"), std::string::npos);

    // The same request retried replays, whatever password it carries (it is not compared).
    Response retry = this->call("POST", path, this->cancellation_body("other"), this->ana,
                                {{"idempotency-key", "cancel-mail-1"}});
    EXPECT_EQ(retry.status, 201);
    EXPECT_EQ(retry.headers["Idempotent-Replayed"], "true");
}

TYPED_TEST(AbuseTest, TheSecretIsMadeOnceAndKeptByTheStore) {
    const std::string secret = this->secret();
    this->make_backend();  // a restart on the same store
    EXPECT_EQ(this->secret(), secret);
}

TYPED_TEST(AbuseTest, KeysExpireAfterADay) {
    this->reconfigure();
    const std::string me = "/api/v1/me";
    ASSERT_EQ(this->call("PATCH", me, R"({"language":"en"})", this->ana, {{"idempotency-key", "k"}})
                  .status,
              200);
    this->clock.advance(24 * 3600 - 1);
    this->expect_error(
        this->call("PATCH", me, R"({"language":"es"})", this->ana, {{"idempotency-key", "k"}}), 422,
        "idempotency_key_reused");
    this->clock.advance(1);
    Response fresh =
        this->call("PATCH", me, R"({"language":"es"})", this->ana, {{"idempotency-key", "k"}});
    EXPECT_EQ(fresh.status, 200);
    EXPECT_EQ(fresh.headers.count("Idempotent-Replayed"), 0u);
    EXPECT_EQ(this->json(fresh)["language"], "es");
}

TYPED_TEST(AbuseTest, StoredKeysPerClientAreCapped) {
    BackendConfig config;
    config.max_idempotency_keys_per_client = 3;
    this->reconfigure(config);
    const std::string me = "/api/v1/me";
    for (int i = 0; i < 3; ++i) {
        this->clock.advance(60);
        ASSERT_EQ(this->call("PATCH", me, R"({"language":"en"})", this->ana,
                             {{"idempotency-key", "k" + std::to_string(i)}})
                      .status,
                  200);
    }
    Response refused =
        this->call("PATCH", me, R"({"language":"es"})", this->ana, {{"idempotency-key", "k9"}});
    this->expect_error(refused, 429, "too_many_idempotency_keys");
    EXPECT_EQ(this->error_field(refused), "Idempotency-Key");
    EXPECT_EQ(refused.headers["Retry-After"], std::to_string(24 * 3600 - 120));
    EXPECT_EQ(this->json(this->call("GET", me, "", this->ana))["language"], "en");  // not done
    // A retry of a stored key still replays; another client has its own keys; a request
    // without a key goes through.
    EXPECT_EQ(
        this->call("PATCH", me, R"({"language":"en"})", this->ana, {{"idempotency-key", "k0"}})
            .headers["Idempotent-Replayed"],
        "true");
    EXPECT_EQ(
        this->call("PATCH", me, R"({"language":"en"})", this->bruno, {{"idempotency-key", "k9"}})
            .status,
        200);
    EXPECT_EQ(this->call("PATCH", me, R"({"language":"es"})", this->ana).status, 200);
    // When the oldest expires, there is room again.
    this->clock.advance(24 * 3600 - 120);
    EXPECT_EQ(
        this->call("PATCH", me, R"({"language":"en"})", this->ana, {{"idempotency-key", "k9"}})
            .status,
        200);
}

// ---- Password checks -------------------------------------------------------------------------

TYPED_TEST(AbuseTest, AnUnknownEmailLocksExactlyLikeAKnownOne) {
    for (int i = 0; i < 4; ++i) {
        Response known = this->sign_in("ana@example.com", "wrong");
        Response unknown = this->sign_in("nadie@example.com", "wrong");
        EXPECT_EQ(known.status, 401);
        EXPECT_EQ(known.body, unknown.body);
        EXPECT_EQ(known.status, unknown.status);
    }
    Response known = this->sign_in("ana@example.com", "wrong");
    Response unknown = this->sign_in("nadie@example.com", "wrong");
    this->expect_error(known, 429, "account_locked");
    EXPECT_EQ(unknown.status, 429);
    EXPECT_EQ(known.body, unknown.body);
    EXPECT_EQ(known.headers, unknown.headers);
    // Locked, both answer alike without a check; the lock ends for both.
    this->clock.advance(60);
    EXPECT_EQ(this->sign_in("ana@example.com", "demo1234").headers,
              this->sign_in("nadie@example.com", "demo1234").headers);
    this->clock.advance(15 * 60);
    EXPECT_EQ(this->sign_in("ana@example.com", "demo1234").status, 201);
    EXPECT_EQ(this->sign_in("nadie@example.com", "wrong").status, 401);
}

TYPED_TEST(AbuseTest, LockRecordsExpireAndAreCapped) {
    BackendConfig config;
    config.max_sign_in_locks = 3;
    this->reconfigure(config);
    const auto key = [&](const std::string& email) {
        return hmac_sha256_hex(this->secret(), "sign-in " + email);
    };
    for (int i = 0; i < 5; ++i) this->sign_in("ana@example.com", "wrong");
    ASSERT_TRUE(this->store->sign_in_lock(key("ana@example.com")).has_value());
    // No email, not even a typed one, is kept in clear.
    EXPECT_FALSE(this->store->sign_in_lock("ana@example.com").has_value());

    // Three more emails tried later: the store keeps three records, those that end last.
    for (const char* email : {"x@example.com", "y@example.com", "z@example.com"}) {
        this->clock.advance(1);
        this->sign_in(email, "wrong");
    }
    EXPECT_FALSE(this->store->sign_in_lock(key("ana@example.com")).has_value());
    EXPECT_TRUE(this->store->sign_in_lock(key("z@example.com")).has_value());

    // Once expired, a record goes when another is made.
    this->clock.advance(15 * 60);
    this->sign_in("w@example.com", "wrong");
    EXPECT_FALSE(this->store->sign_in_lock(key("x@example.com")).has_value());
    EXPECT_TRUE(this->store->sign_in_lock(key("w@example.com")).has_value());
}

TYPED_TEST(AbuseTest, EachAddressHasABudgetOfFailedChecks) {
    BackendConfig config;
    config.failed_checks_per_address = 3;
    this->reconfigure(config);
    // A right password gives its attempt back.
    EXPECT_EQ(this->sign_in("bruno@example.com", "demo1234", "198.51.100.7").status, 201);
    for (const char* email : {"a@example.com", "b@example.com", "c@example.com"}) {
        EXPECT_EQ(this->sign_in(email, "wrong", "198.51.100.7").status, 401);
    }
    this->clock.advance(60);
    Response spent = this->sign_in("ana@example.com", "demo1234", "198.51.100.7");
    this->expect_error(spent, 429, "too_many_attempts");
    EXPECT_EQ(spent.headers["Retry-After"], std::to_string(15 * 60 - 60));
    // Re-authentication draws on the same budget.
    Response reauth = this->from("198.51.100.7", "POST", this->cancel_path(),
                                 this->cancellation_body("demo1234"), this->ana);
    this->expect_error(reauth, 429, "too_many_attempts");
    // Another address is not affected; the budget comes back with the window.
    EXPECT_EQ(this->sign_in("ana@example.com", "demo1234", "198.51.100.8").status, 201);
    this->clock.advance(15 * 60 - 60);
    EXPECT_EQ(this->sign_in("ana@example.com", "demo1234", "198.51.100.7").status, 201);
}

TYPED_TEST(AbuseTest, ParallelWrongReauthenticationsCannotPassTheLock) {
    CountingHasher counting(*this->hasher);
    Backend backend(*this->store, this->clock, counting, this->random, *this->manuals);
    const std::string path = this->cancel_path();
    const std::string token = this->ana;
    std::atomic<int> wrong{0}, locked{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 40; ++i) {
        threads.emplace_back([&, i] {
            Request request;
            request.method = "POST";
            request.path = path;
            request.body = this->cancellation_body("guess-" + std::to_string(i));
            request.headers["authorization"] = "Bearer " + token;
            request.remote_address = "203.0.113.9";
            Response r = backend.handle(request);
            (r.status == 403 ? wrong : r.status == 429 ? locked : other)++;
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(counting.verifications.load(), 5);
    EXPECT_EQ(wrong.load(), 4);
    EXPECT_EQ(locked.load(), 36);
    EXPECT_EQ(other.load(), 0);
    // The account is locked: the right password is refused too.
    EXPECT_EQ(this->sign_in("ana@example.com", "demo1234").status, 429);
}

// ---- Sessions, requests and orders per client ------------------------------------------------

TYPED_TEST(AbuseTest, ANewSignInPastTheCapEndsTheOldestSession) {
    BackendConfig config;
    config.max_sessions_per_client = 3;
    this->reconfigure(config);
    // Ana has one session already (SignedInWorld).
    std::vector<std::string> tokens{this->ana};
    for (int i = 0; i < 3; ++i) {
        this->clock.advance(1);
        tokens.push_back(this->login("ana@example.com"));
    }
    this->expect_error(this->call("GET", "/api/v1/me", "", tokens[0]), 401, "invalid_token");
    for (size_t i = 1; i < tokens.size(); ++i) {
        EXPECT_EQ(this->call("GET", "/api/v1/me", "", tokens[i]).status, 200) << i;
    }
    EXPECT_EQ(this->store->sessions_of(1).size(), 3u);
    EXPECT_EQ(this->call("GET", "/api/v1/me", "", this->bruno).status, 200);
}

TYPED_TEST(AbuseTest, UpgradeRequestsOfAMonthAreCapped) {
    BackendConfig config;
    config.max_recent_upgrade_requests = 2;
    this->reconfigure(config);
    const std::string path = this->service_path(this->bruno, "Reseller Bruno", "/upgrade-requests");
    const std::string body = R"({"message":"Plata, please"})";
    for (int i = 0; i < 2; ++i) {
        ASSERT_EQ(this->call("POST", path, body, this->bruno).status, 201);
    }
    this->expect_error(this->call("POST", path, body, this->bruno), 409,
                       "too_many_upgrade_requests");
    int requests = 0;
    for (const auto& ticket : this->store->tickets_of(2)) {
        if (ticket.kind == domain::TicketKind::upgrade_request) ++requests;
    }
    EXPECT_EQ(requests, 2);
    this->clock.advance(30 * 86400);
    EXPECT_EQ(this->call("POST", path, body, this->bruno).status, 201);
}

// ---- Text people read ------------------------------------------------------------------------

TYPED_TEST(AbuseTest, ProfileTextIsRefusedForHiddenCharactersNamingTheField) {
    for (const char* name : {"Ana\\u0000García", "Ana\\r\\nBcc: x", "Ana\\nG", "Ana\\u0007",
                             "Ana\\u202eaícraG", "Ana\\u2066G\\u2069", "Ana\\u0085"}) {
        Response r = this->call("PATCH", "/api/v1/me", std::string(R"({"name":")") + name + "\"}",
                                this->ana);
        this->expect_error(r, 422, "invalid_text");
        EXPECT_EQ(this->error_field(r), "name") << name;
    }
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/me", "", this->ana))["name"], "Ana García");
}

TYPED_TEST(AbuseTest, TextLimitsCountCharactersNotBytes) {
    std::string name;
    for (int i = 0; i < 120; ++i) name += "ñ";  // 240 bytes
    Response ok = this->call("PATCH", "/api/v1/me", Json{{"name", name}}.dump(), this->ana);
    EXPECT_EQ(ok.status, 200) << ok.body;
    Response over = this->call("PATCH", "/api/v1/me", Json{{"name", name + "ñ"}}.dump(), this->ana);
    this->expect_error(over, 422, "invalid_text");
    EXPECT_EQ(this->error_field(over), "name");

    // A message may have several lines, but no other control or bidi characters.
    const std::string path = this->service_path(this->bruno, "Reseller Bruno", "/upgrade-requests");
    EXPECT_EQ(this->call("POST", path, R"({"message":"Hola\nPlata\tplease"})", this->bruno).status,
              201);
    Response bidi = this->call("POST", path, R"({"message":"Hola \u202e"})", this->bruno);
    this->expect_error(bidi, 422, "invalid_text");
    EXPECT_EQ(this->error_field(bidi), "message");
}

}  // namespace
}  // namespace portal::backend::testing
