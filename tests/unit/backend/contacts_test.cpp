// The account's secondary contacts (RULES.md §10): the permission each route needs, walked over
// the whole route table; invitations used once; one email across clients and contacts; a
// removed contact is out at once; a password change ends the holder's other sessions.
#include "backend_world.h"
#include "core/sha256.h"

#include <cctype>
#include <set>

namespace portal::backend::testing {
namespace {

PORTAL_SUITE_ON_BOTH_STORES(ContactsTest, SignedInWorld);

using domain::Permission;
using Who = Backend::Access::Who;

struct Invited {
    int64_t id = 0;
    std::string token;  // from the holder's outbox
};

// Ana invites `email` with `permissions`; the invitation's token as her outbox shows it.
template <class World>
Invited invite(World& w, const std::string& email, const Json& permissions) {
    Response created = w.call("POST", "/api/v1/contacts",
                              Json{{"name", "Contadora"},
                                   {"email", email},
                                   {"phone", "+54 9 11 5555-0199"},
                                   {"permissions", permissions}}
                                  .dump(),
                              w.ana);
    EXPECT_EQ(created.status, 201) << created.body;
    Invited invited;
    invited.id = w.json(created).value("id", int64_t{0});
    Json outbox = w.json(w.call("GET", "/api/v1/me/notifications", "", w.ana))["notifications"];
    for (const auto& message : outbox) {
        std::string lower = email;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (message["event"] == "contact_invited" && message["recipient"] == lower) {
            const std::string link = message["link"];
            EXPECT_EQ(link.rfind("#/invitacion/", 0), 0u) << link;
            invited.token = link.substr(std::string("#/invitacion/").size());
        }
    }
    EXPECT_FALSE(invited.token.empty()) << "the invitation is in the holder's outbox";
    return invited;
}

// Ana invites `email`, the contact accepts with its own password and signs in: its token.
template <class World>
std::string contact_session(World& w, const std::string& email, const Json& permissions) {
    auto invited = invite(w, email, permissions);
    Response accepted =
        w.call("POST", "/api/v1/invitations/" + invited.token, R"({"password":"contable-2026"})");
    EXPECT_EQ(accepted.status, 200) << accepted.body;
    return w.login(email, "contable-2026");
}

// A concrete path for a route pattern: every {id} is 1, a {token} or {slug} some text.
std::string concrete(const std::string& pattern) {
    std::string path = "/api/v1" + pattern;
    for (const char* name : {"{id}", "{token}", "{slug}"}) {
        for (auto at = path.find(name); at != std::string::npos; at = path.find(name)) {
            path.replace(at, std::string(name).size(), std::string(name) == "{id}" ? "1" : "x");
        }
    }
    return path;
}

TYPED_TEST(ContactsTest, EveryRouteAllowsExactlyWhatItsPermissionSays) {
    std::map<Permission, std::string> email_of, tokens;
    for (Permission p : domain::enum_values<Permission>()) {
        email_of[p] = std::string(to_string(p)) + "@contable.example";
        tokens[p] = contact_session(*this, email_of[p], Json::array({std::string(to_string(p))}));
    }
    const auto& table = this->backend->route_access();
    ASSERT_GT(table.size(), 30u);
    for (const auto& route : table) {
        const std::string path = concrete(route.path);
        const std::string body = route.method == "GET" || route.method == "DELETE" ? "" : "{}";
        for (Permission p : domain::enum_values<Permission>()) {
            // One session per contact, signed in again only when a route ended it (signing out).
            if (this->call("GET", "/api/v1/me", "", tokens[p]).status != 200) {
                tokens[p] = this->login(email_of[p], "contable-2026");
            }
            const std::string& token = tokens[p];
            Response r = this->call(route.method, path, body, token);
            const bool allowed =
                route.access.who == Who::anyone || route.access.who == Who::signed_in ||
                (route.access.who == Who::permitted && route.access.permission == p);
            if (allowed) {
                EXPECT_NE(r.status, 403) << route.method << " " << route.path << " with "
                                         << to_string(p) << ": " << r.body;
            } else {
                EXPECT_EQ(r.status, 403) << route.method << " " << route.path << " with "
                                         << to_string(p) << ": " << r.body;
                EXPECT_EQ(this->error_code(r), "permission_denied") << route.path;
            }
        }
    }
}

// Every route says who may use it: only signing out and reading who is signed in are open to any
// signed-in person whatever their permissions; a new route without a permission fails here.
TYPED_TEST(ContactsTest, EveryRouteDeclaresItsPermission) {
    std::set<std::string> any_signed_in;
    for (const auto& route : this->backend->route_access()) {
        if (route.access.who == Who::signed_in)
            any_signed_in.insert(route.method + " " + route.path);
    }
    EXPECT_EQ(any_signed_in, (std::set<std::string>{"DELETE /session", "GET /me"}));
}

TYPED_TEST(ContactsTest, TheHolderMayUseEveryRoute) {
    std::string token = this->ana;
    for (const auto& route : this->backend->route_access()) {
        const std::string path = concrete(route.path);
        const std::string body = route.method == "GET" || route.method == "DELETE" ? "" : "{}";
        if (this->call("GET", "/api/v1/me", "", token).status != 200) {
            token = this->login("ana@example.com");
        }
        Response holder = this->call(route.method, path, body, token);
        EXPECT_NE(holder.status, 403) << route.method << " " << route.path << ": " << holder.body;
    }
}

TYPED_TEST(ContactsTest, CancellationsAndContactsStayWithTheHolder) {
    std::string all = contact_session(*this, "todo@contable.example",
                                      Json::array({"services_view", "services_manage", "downloads",
                                                   "invoices", "tickets", "profile"}));
    const std::string radio = this->service_path(all, "Radio Ana FM");
    Response cancel = this->call(
        "POST", radio + "/cancellation-requests",
        R"({"type":"immediate","reason":"","email":"ana@example.com","password":"demo1234"})", all);
    this->expect_error(cancel, 403, "permission_denied");
    this->expect_error(this->call("GET", "/api/v1/contacts", "", all), 403, "permission_denied");
    this->expect_error(
        this->call("POST", "/api/v1/me/password",
                   R"({"current_password":"demo1234","new_password":"x-12345678"})", all),
        403, "permission_denied");
    // Nothing was scheduled.
    EXPECT_TRUE(this->json(this->call("GET", radio, "", this->ana))["cancellation"].is_null());
}

TYPED_TEST(ContactsTest, SessionAndMeSayWhoIsActing) {
    auto invited = invite(*this, "Facturas@Contable.example", Json::array({"invoices"}));
    ASSERT_EQ(this->call("POST", "/api/v1/invitations/" + invited.token,
                         R"({"password":"contable-2026"})")
                  .status,
              200);
    Response session =
        this->call("POST", "/api/v1/session",
                   R"({"email":"facturas@contable.example","password":"contable-2026"})");
    ASSERT_EQ(session.status, 201) << session.body;
    Json s = this->json(session);
    EXPECT_EQ(s["client"]["email"], "ana@example.com") << "the contact acts for Ana's account";
    EXPECT_EQ(s["acting_as"], (Json{{"contact_id", invited.id}, {"permissions", {"invoices"}}}));
    Json me = this->json(this->call("GET", "/api/v1/me", "", s["token"]));
    EXPECT_EQ(me["acting_as"]["permissions"], Json::array({"invoices"}));
    EXPECT_TRUE(this->json(this->call("GET", "/api/v1/me", "", this->ana))["acting_as"].is_null());
    EXPECT_TRUE(
        this->json(this->call("POST", "/api/v1/session",
                              R"({"email":"ana@example.com","password":"demo1234"})"))["acting_as"]
            .is_null());
    // A permission taken away applies to the session at once.
    ASSERT_EQ(this->call("PATCH", "/api/v1/contacts/" + std::to_string(invited.id),
                         R"({"permissions":[]})", this->ana)
                  .status,
              200);
    this->expect_error(this->call("GET", "/api/v1/invoices", "", s["token"]), 403,
                       "permission_denied");
}

TYPED_TEST(ContactsTest, AnInvitationWorksOnceAndOnlyItsDigestIsKept) {
    auto invited = invite(*this, "una@contable.example", Json::array({"invoices"}));
    EXPECT_EQ(invited.token.size(), 43u);
    EXPECT_EQ(invited.token.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"),
              std::string::npos)
        << invited.token;
    auto stored = this->store->contact_of(1, invited.id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->invitation_digest, sha256_hex(invited.token));
    EXPECT_EQ(stored->password_hash, "");
    // Not yet accepted: it cannot sign in.
    this->expect_error(this->call("POST", "/api/v1/session",
                                  R"({"email":"una@contable.example","password":"contable-2026"})"),
                       401, "invalid_credentials");
    this->expect_error(
        this->call("POST", "/api/v1/invitations/" + invited.token, R"({"password":"short"})"), 400,
        "invalid_value");
    EXPECT_EQ(this->call("POST", "/api/v1/invitations/" + invited.token,
                         R"({"password":"contable-2026"})")
                  .status,
              200);
    this->expect_error(this->call("POST", "/api/v1/invitations/" + invited.token,
                                  R"({"password":"otra-clave-2026"})"),
                       410, "invitation_used");
    this->expect_error(
        this->call("POST", "/api/v1/invitations/nada", R"({"password":"x-12345678"})"), 404,
        "not_found");
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/contacts/" + std::to_string(invited.id), "",
                                    this->ana))["status"],
              "active");
}

TYPED_TEST(ContactsTest, AnInvitationExpiresAfterAWeek) {
    auto invited = invite(*this, "tarde@contable.example", Json::array({"invoices"}));
    this->clock.advance(7 * 24 * 3600);
    this->expect_error(this->call("POST", "/api/v1/invitations/" + invited.token,
                                  R"({"password":"contable-2026"})"),
                       410, "invitation_expired");
}

TYPED_TEST(ContactsTest, RemovingAContactEndsItsSessionsAtOnce) {
    std::string contact =
        contact_session(*this, "sale@contable.example", Json::array({"invoices"}));
    ASSERT_EQ(this->call("GET", "/api/v1/invoices", "", contact).status, 200);
    const int64_t id =
        this->json(this->call("GET", "/api/v1/contacts", "", this->ana))["contacts"][0]["id"];
    EXPECT_EQ(this->call("DELETE", "/api/v1/contacts/" + std::to_string(id), "", this->ana).status,
              204);
    this->expect_error(this->call("GET", "/api/v1/invoices", "", contact), 401, "invalid_token");
    this->expect_error(
        this->call("POST", "/api/v1/session",
                   R"({"email":"sale@contable.example","password":"contable-2026"})"),
        401, "invalid_credentials");
    // Another client cannot see or remove Ana's contacts: they look missing.
    this->expect_error(
        this->call("DELETE", "/api/v1/contacts/" + std::to_string(id), "", this->bruno), 404,
        "not_found");
}

TYPED_TEST(ContactsTest, OneEmailAcrossClientsAndContacts) {
    invite(*this, "compartida@contable.example", Json::array({"invoices"}));
    struct Case {
        std::string token, method, path, body;
    };
    const std::vector<Case> cases = {
        // another client's email, in another case
        {this->ana, "POST", "/api/v1/contacts",
         R"({"name":"X","email":"Bruno@Example.com","permissions":[]})"},
        // the holder's own email
        {this->ana, "POST", "/api/v1/contacts",
         R"({"name":"X","email":"ana@example.com","permissions":[]})"},
        // a contact's email, from another client
        {this->bruno, "POST", "/api/v1/contacts",
         R"({"name":"X","email":"compartida@contable.example","permissions":[]})"},
        // a client moving to a contact's email
        {this->carla, "POST", "/api/v1/me/email",
         R"({"current_password":"demo1234","new_email":"compartida@contable.example"})"},
        // a client moving to another client's email
        {this->carla, "POST", "/api/v1/me/email",
         R"({"current_password":"demo1234","new_email":"bruno@example.com"})"},
    };
    for (const auto& c : cases) {
        Response r = this->call(c.method, c.path, c.body, c.token);
        EXPECT_EQ(r.status, 409) << c.body << " " << r.body;
        EXPECT_EQ(this->error_code(r), "email_taken") << c.body;
    }
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/contacts", "", this->bruno))["contacts"].size(),
              0u);
}

TYPED_TEST(ContactsTest, AContactsFieldsAreChecked) {
    struct Case {
        std::string body, code, field;
    };
    const std::vector<Case> cases = {
        {R"({"email":"a@b.example","permissions":[]})", "missing_field", "name"},
        {R"({"name":"A","permissions":[]})", "missing_field", "email"},
        {R"({"name":"A","email":"no-at-sign","permissions":[]})", "invalid_value", "email"},
        {R"({"name":"A","email":"a@b.example","phone":"11 5555-0000"})", "invalid_value", "phone"},
        {R"({"name":"A\u202eB","email":"a@b.example"})", "invalid_text", "name"},
        {R"({"name":"A","email":"a@b.example","permissions":["cancel"]})", "invalid_value",
         "permissions[0]"},
    };
    for (const auto& c : cases) {
        Response r = this->call("POST", "/api/v1/contacts", c.body, this->ana);
        EXPECT_EQ(this->error_code(r), c.code) << c.body << " " << r.body;
        EXPECT_EQ(this->error_field(r), c.field) << c.body;
    }
}

TYPED_TEST(ContactsTest, APasswordChangeEndsEveryOtherSessionOfTheHolder) {
    std::string other = this->login("ana@example.com");
    std::string contact =
        contact_session(*this, "sigue@contable.example", Json::array({"invoices"}));
    this->expect_error(
        this->call("POST", "/api/v1/me/password",
                   R"({"current_password":"wrong-one","new_password":"nueva-2026"})", this->ana),
        403, "wrong_password");
    EXPECT_EQ(this->call("GET", "/api/v1/me", "", other).status, 200) << "a refusal ends nothing";
    EXPECT_EQ(
        this->call("POST", "/api/v1/me/password",
                   R"({"current_password":"demo1234","new_password":"nueva-2026"})", this->ana)
            .status,
        204);
    EXPECT_EQ(this->call("GET", "/api/v1/me", "", this->ana).status, 200) << "this session goes on";
    this->expect_error(this->call("GET", "/api/v1/me", "", other), 401, "invalid_token");
    EXPECT_EQ(this->call("GET", "/api/v1/invoices", "", contact).status, 200)
        << "a contact's own password did not change";
    this->expect_error(this->call("POST", "/api/v1/session",
                                  R"({"email":"ana@example.com","password":"demo1234"})"),
                       401, "invalid_credentials");
    this->login("ana@example.com", "nueva-2026");
}

TYPED_TEST(ContactsTest, WrongCurrentPasswordsCountTowardsTheLockout) {
    for (int i = 0; i < 4; ++i) {
        this->expect_error(
            this->call("POST", "/api/v1/me/email",
                       R"({"current_password":"wrong-one","new_email":"ana2@example.com"})",
                       this->ana),
            403, "wrong_password");
    }
    this->expect_error(
        this->call("POST", "/api/v1/me/password",
                   R"({"current_password":"wrong-one","new_password":"nueva-2026"})", this->ana),
        429, "account_locked");
    this->expect_error(this->call("POST", "/api/v1/session",
                                  R"({"email":"ana@example.com","password":"demo1234"})"),
                       429, "account_locked");
}

TYPED_TEST(ContactsTest, AnEmailChangeMovesTheSignIn) {
    Response changed = this->call(
        "POST", "/api/v1/me/email",
        R"({"current_password":"demo1234","new_email":"Ana.Garcia@Example.com"})", this->ana);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(this->json(changed)["email"], "ana.garcia@example.com");
    this->login("ana.garcia@example.com");
    this->expect_error(this->call("POST", "/api/v1/session",
                                  R"({"email":"ana@example.com","password":"demo1234"})"),
                       401, "invalid_credentials");
}

}  // namespace
}  // namespace portal::backend::testing
