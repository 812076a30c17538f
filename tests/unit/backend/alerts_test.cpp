// The account's alerts (RULES.md §10): every event of the manual reaches the outbox on each
// channel the client left on, and on no other; the portal's own events (a payment, a password
// change, edited details) raise theirs where they happen.
#include "backend_world.h"

namespace portal::backend::testing {
namespace {

PORTAL_SUITE_ON_BOTH_STORES(AlertsTest, SignedInWorld);

using domain::AlertEvent;

template <class World>
Json outbox(World& w) {
    return w.json(w.call("GET", "/api/v1/me/notifications", "", w.ana))["notifications"];
}

// The (channel, recipient) pairs the outbox has for `event`.
std::set<std::pair<std::string, std::string>> sent(const Json& messages, AlertEvent event) {
    std::set<std::pair<std::string, std::string>> where;
    for (const auto& m : messages) {
        if (m["event"] == to_string(event)) {
            where.insert({m["channel"].get<std::string>(), m["recipient"].get<std::string>()});
        }
    }
    return where;
}

TYPED_TEST(AlertsTest, EveryEventIsOnByDefaultOnBothChannels) {
    Json alerts = this->json(this->call("GET", "/api/v1/me/alerts", "", this->ana))["alerts"];
    ASSERT_EQ(alerts.size(), domain::enum_values<AlertEvent>().size());
    for (const auto& a : alerts) {
        EXPECT_TRUE(a["email"].get<bool>()) << a;
        EXPECT_TRUE(a["whatsapp"].get<bool>()) << a;
    }
}

TYPED_TEST(AlertsTest, EachEventReachesOnlyTheChannelsLeftOn) {
    // Ana's phone is her WhatsApp number (fixtures).
    const std::string phone = this->json(this->call("GET", "/api/v1/me", "", this->ana))["phone"];
    ASSERT_FALSE(phone.empty());
    for (AlertEvent event : domain::enum_values<AlertEvent>()) {
        const std::string name(to_string(event));
        for (int email = 0; email < 2; ++email) {
            for (int whatsapp = 0; whatsapp < 2; ++whatsapp) {
                Json body{
                    {"alerts",
                     {{{"event", name}, {"email", email == 1}, {"whatsapp", whatsapp == 1}}}}};
                ASSERT_EQ(this->call("PUT", "/api/v1/me/alerts", body.dump(), this->ana).status,
                          200);
                const size_t before = outbox(*this).size();
                this->backend->raise_event(1, event, "", "", this->clock.now());
                Json after = outbox(*this);
                std::set<std::pair<std::string, std::string>> expected;
                if (email) expected.insert({"email", "ana@example.com"});
                if (whatsapp) expected.insert({"whatsapp", phone});
                Json added(after.begin() + static_cast<std::ptrdiff_t>(before), after.end());
                EXPECT_EQ(sent(added, event), expected)
                    << name << " email=" << email << " whatsapp=" << whatsapp;
                EXPECT_EQ(added.size(), expected.size()) << name;
            }
        }
    }
}

TYPED_TEST(AlertsTest, AnAlertTurnedOffStaysOffAndTheOthersStayOn) {
    ASSERT_EQ(this->call("PUT", "/api/v1/me/alerts",
                         R"({"alerts":[{"event":"invoice_paid","email":true,"whatsapp":false}]})",
                         this->ana)
                  .status,
              200);
    Json alerts = this->json(this->call("GET", "/api/v1/me/alerts", "", this->ana))["alerts"];
    for (const auto& a : alerts) {
        const bool paid = a["event"] == "invoice_paid";
        EXPECT_TRUE(a["email"].get<bool>()) << a;
        EXPECT_EQ(a["whatsapp"].get<bool>(), !paid) << a;
    }
    this->expect_error(
        this->call("PUT", "/api/v1/me/alerts",
                   R"({"alerts":[{"event":"birthday","email":true,"whatsapp":true}]})", this->ana),
        400, "invalid_value");
}

TYPED_TEST(AlertsTest, ThePortalsOwnEventsRaiseTheirAlerts) {
    // A payment.
    Json invoices =
        this->json(this->call("GET", "/api/v1/invoices?status=unpaid", "", this->ana))["invoices"];
    ASSERT_FALSE(invoices.empty());
    const std::string pay =
        "/api/v1/invoices/" + std::to_string(invoices[0]["id"].get<int64_t>()) + "/payments";
    ASSERT_EQ(this->call("POST", pay, R"({"method":"sandbox"})", this->ana).status, 201);
    EXPECT_EQ(sent(outbox(*this), AlertEvent::invoice_paid).size(), 2u);
    // Edited details; a PATCH that changes nothing says nothing.
    ASSERT_EQ(this->call("PATCH", "/api/v1/me", R"({"company":"Ana SRL"})", this->ana).status, 200);
    ASSERT_EQ(this->call("PATCH", "/api/v1/me", R"({"company":"Ana SRL"})", this->ana).status, 200);
    EXPECT_EQ(sent(outbox(*this), AlertEvent::details_edited).size(), 2u);
    // A password change, with WhatsApp turned off for it.
    ASSERT_EQ(
        this->call("PUT", "/api/v1/me/alerts",
                   R"({"alerts":[{"event":"password_changed","email":true,"whatsapp":false}]})",
                   this->ana)
            .status,
        200);
    ASSERT_EQ(
        this->call("POST", "/api/v1/me/password",
                   R"({"current_password":"demo1234","new_password":"nueva-2026"})", this->ana)
            .status,
        204);
    EXPECT_EQ(sent(outbox(*this), AlertEvent::password_changed),
              (std::set<std::pair<std::string, std::string>>{{"email", "ana@example.com"}}));
}

TYPED_TEST(AlertsTest, DetailsAreCheckedByCharacters) {
    struct Case {
        std::string body, code, field;
    };
    const std::vector<Case> cases = {
        {R"({"phone":"11 5555-0000"})", "invalid_value", "phone"},
        {R"({"phone":"+54 9"})", "invalid_value", "phone"},
        {R"({"company":"Ana\u202eSRL"})", "invalid_text", "company"},
        {R"({"address":"Calle 1\u0000"})", "invalid_text", "address"},
        {R"({"company":")" + std::string(121, 'x') + R"("})", "invalid_text", "company"},
    };
    for (const auto& c : cases) {
        Response r = this->call("PATCH", "/api/v1/me", c.body, this->ana);
        EXPECT_EQ(this->error_code(r), c.code) << c.body << " " << r.body;
        EXPECT_EQ(this->error_field(r), c.field) << c.body;
    }
    // 120 characters of two bytes each is within the limit: characters count, not bytes.
    std::string company;
    for (int i = 0; i < 120; ++i) company += "ñ";
    Response ok = this->call("PATCH", "/api/v1/me", Json{{"company", company}}.dump(), this->ana);
    EXPECT_EQ(ok.status, 200) << ok.body;
}

}  // namespace
}  // namespace portal::backend::testing
