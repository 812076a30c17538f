// Cancellation requests (RULES.md §4): password asked again, immediate or end of period,
// generated invoices stay due, domains refused, withdrawal until effective, the service ended
// the day after effective_on — on both stores.
#include "backend_world.h"

namespace portal::backend::testing {
namespace {

template <class Kind>
class CancellationTest : public SignedInWorld<Kind> {
  public:
    Response cancel(const std::string& service, const std::string& type,
                    const std::string& password = "demo1234",
                    const std::string& email = "ana@example.com") {
        return this->call("POST", this->service_path(this->ana, service, "/cancellation-requests"),
                          Json{{"type", type},
                               {"reason", "Cierro el proyecto"},
                               {"email", email},
                               {"password", password}}
                              .dump(),
                          this->ana);
    }
};
TYPED_TEST_SUITE(CancellationTest, StoreKinds, StoreKindNames);

const char* kMail = "Correo corporativo anagarcia.example";

TYPED_TEST(CancellationTest, EndOfPeriodRunsUntilTheLastInvoicedPeriodEnds) {
    Response r = this->cancel(kMail, "end_of_period");
    ASSERT_EQ(r.status, 201) << r.body;
    Json j = this->json(r);
    EXPECT_EQ(j["status"], "scheduled");
    EXPECT_EQ(j["type"], "end_of_period");
    EXPECT_EQ(j["requested_on"], "2026-03-11");
    EXPECT_EQ(j["effective_on"], kToday.add_days(-60).add_months(12).add_days(-1).iso());
    EXPECT_EQ(j["refund"], false);
    EXPECT_EQ(j["backup_kept_years"], 10);
    EXPECT_EQ(r.headers["Location"], "/api/v1/cancellation-requests/" + j["id"].dump());

    // The service keeps working meanwhile, and no longer renews.
    Json service =
        this->json(this->call("GET", this->service_path(this->ana, kMail), "", this->ana));
    EXPECT_EQ(service["status"], "active");
    EXPECT_EQ(this->json(this->call("GET", this->service_path(this->ana, kMail, "/auto-renew"), "",
                                    this->ana))["enabled"],
              false);

    Response again =
        this->call("GET", "/api/v1/cancellation-requests/" + j["id"].dump(), "", this->ana);
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(this->json(again), j);
}

TYPED_TEST(CancellationTest, ImmediateTakesEffectTodayAndKeepsRunningInvoicesDue) {
    Response r = this->cancel("Radio Ana FM", "immediate");
    ASSERT_EQ(r.status, 201) << r.body;
    Json j = this->json(r);
    EXPECT_EQ(j["effective_on"], "2026-03-11");
    // The overdue invoice of the running month must still be paid.
    ASSERT_EQ(j["invoices_still_due"].size(), 1u);
    Json invoices = this->json(this->call("GET", "/api/v1/invoices", "", this->ana))["invoices"];
    bool found = false;
    for (const auto& invoice : invoices) {
        if (invoice["id"] == j["invoices_still_due"][0]) {
            found = true;
            EXPECT_EQ(invoice["status"], "overdue");
        }
    }
    EXPECT_TRUE(found);

    // The next day the service is gone: cancelled, and the request cannot be withdrawn.
    this->clock.advance(86400);
    std::string token = this->login("ana@example.com");
    const std::string path = "/api/v1/cancellation-requests/" + j["id"].dump();
    EXPECT_EQ(this->json(this->call("GET", path, "", token))["status"], "effective");
    EXPECT_EQ(this->json(this->call("GET", this->service_path(token, "Radio Ana FM"), "",
                                    token))["status"],
              "cancelled");
    Response late = this->call("DELETE", path, "", token);
    this->expect_error(late, 409, "cancellation_already_effective");
    EXPECT_EQ(
        this->call("GET", this->service_path(token, "Radio Ana FM", "/access"), "", token).status,
        409);
}

TYPED_TEST(CancellationTest, TheRequestCanBeWithdrawnUntilEffective) {
    Json j = this->json(this->cancel(kMail, "end_of_period"));
    const std::string path = "/api/v1/cancellation-requests/" + j["id"].dump();
    Response withdrawn = this->call("DELETE", path, "", this->ana);
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_EQ(this->json(withdrawn)["status"], "withdrawn");
    EXPECT_EQ(this->json(this->call("GET", path, "", this->ana))["status"], "withdrawn");
    EXPECT_EQ(this->json(this->call("GET", this->service_path(this->ana, kMail, "/auto-renew"), "",
                                    this->ana))["enabled"],
              true);
    // Withdrawing twice is harmless; a new request is possible again.
    EXPECT_EQ(this->call("DELETE", path, "", this->ana).status, 200);
    EXPECT_EQ(this->cancel(kMail, "immediate").status, 201);
}

TYPED_TEST(CancellationTest, TheWrongPasswordOrEmailCancelsNothing) {
    Response wrong = this->cancel(kMail, "immediate", "not-my-password");
    this->expect_error(wrong, 403, "reauthentication_failed");
    EXPECT_EQ(this->error_field(wrong), "password");
    Response other_email = this->cancel(kMail, "immediate", "demo1234", "bruno@example.com");
    EXPECT_EQ(other_email.status, 403);
    EXPECT_EQ(this->error_field(other_email), "email");
    EXPECT_TRUE(this->store->cancellations_of(1).empty());
}

TYPED_TEST(CancellationTest, WrongPasswordsCountTowardsTheLock) {
    for (int i = 0; i < 5; ++i) this->cancel(kMail, "immediate", "guess" + std::to_string(i));
    Response locked = this->cancel(kMail, "immediate");
    EXPECT_EQ(locked.status, 429);
    EXPECT_EQ(this->call("POST", "/api/v1/session",
                         R"({"email":"ana@example.com","password":"demo1234"})")
                  .status,
              429);
}

TYPED_TEST(CancellationTest, DomainsCannotBeCancelledOnlyNotRenewed) {
    Response r = this->cancel("anagarcia.example", "immediate");
    this->expect_error(r, 409, "domain_not_cancellable");
    Response off =
        this->call("PUT", this->service_path(this->ana, "anagarcia.example", "/auto-renew"),
                   R"({"enabled":false})", this->ana);
    EXPECT_EQ(off.status, 200);
}

TYPED_TEST(CancellationTest, OnlyActiveOrSuspendedServices) {
    Response pending = this->cancel("Noticias Ana (Simplenews)", "immediate");
    this->expect_error(pending, 409, "service_not_active");
}

TYPED_TEST(CancellationTest, ASuspendedServiceCanBeCancelledWithItsDueInvoicesListed) {
    const std::string tv = "Canal Bruno TV";  // suspended, with an overdue invoice (fixtures)
    Response r = this->call("POST", this->service_path(this->bruno, tv, "/cancellation-requests"),
                            Json{{"type", "immediate"},
                                 {"reason", ""},
                                 {"email", "bruno@example.com"},
                                 {"password", "demo1234"}}
                                .dump(),
                            this->bruno);
    ASSERT_EQ(r.status, 201) << r.body;
    Json j = this->json(r);
    ASSERT_EQ(j["invoices_still_due"].size(), 1u);
    Json invoices = this->json(this->call("GET", "/api/v1/invoices", "", this->bruno))["invoices"];
    for (const auto& invoice : invoices) {
        if (invoice["id"] == j["invoices_still_due"][0]) {
            EXPECT_EQ(invoice["status"], "overdue");
        }
    }
}

TYPED_TEST(CancellationTest, OneOpenRequestPerService) {
    ASSERT_EQ(this->cancel(kMail, "end_of_period").status, 201);
    Response second = this->cancel(kMail, "immediate");
    this->expect_error(second, 409, "cancellation_already_requested");
}

TYPED_TEST(CancellationTest, BadBodiesAre400) {
    const std::string path = this->service_path(this->ana, kMail, "/cancellation-requests");
    Response type = this->call(
        "POST", path, R"({"type":"someday","reason":"","email":"a","password":"b"})", this->ana);
    EXPECT_EQ(type.status, 400);
    EXPECT_EQ(this->error_field(type), "type");
    Response missing = this->call("POST", path, R"({"type":"immediate","reason":""})", this->ana);
    EXPECT_EQ(this->error_code(missing), "missing_field");
    EXPECT_EQ(this->error_field(missing), "email");
}

TYPED_TEST(CancellationTest, ARetriedRequestWithTheSameKeyReplays) {
    const std::string path = this->service_path(this->ana, kMail, "/cancellation-requests");
    const std::string body =
        R"({"type":"end_of_period","reason":"","email":"ana@example.com","password":"demo1234"})";
    Response first = this->call("POST", path, body, this->ana, {{"idempotency-key", "c-1"}});
    ASSERT_EQ(first.status, 201);
    Response retry = this->call("POST", path, body, this->ana, {{"idempotency-key", "c-1"}});
    EXPECT_EQ(retry.status, 201);
    EXPECT_EQ(retry.body, first.body);
    EXPECT_EQ(retry.headers["Location"], first.headers["Location"]);
    EXPECT_EQ(this->store->cancellations_of(1).size(), 1u);
}

TYPED_TEST(CancellationTest, AGeneratedRenewalStaysDueAndTheServiceRunsItsPeriod) {
    // A renewal already invoiced for the mail's next period (not started yet).
    const int64_t mail = this->service_id(this->ana, kMail);
    auto service = this->store->service_of(1, mail);
    ASSERT_TRUE(service.has_value());
    domain::Invoice renewal;
    renewal.client_id = 1;
    renewal.service_id = mail;
    renewal.plan_id = service->plan_id;
    renewal.amount = {2400, "USD"};
    renewal.issued_on = kToday;
    renewal.due_on = kToday.add_days(10);
    renewal.period_start = service->period_end.add_days(1);
    renewal.period_end = service->period_end.add_months(12);
    const int64_t renewal_id = this->store->insert_invoice(renewal);

    auto status_of = [&](int64_t id) {
        Json invoices = this->json(this->call("GET", "/api/v1/invoices", "", this->ana));
        for (const auto& invoice : invoices["invoices"]) {
            if (invoice["id"] == id) return invoice["status"].get<std::string>();
        }
        return std::string("missing");
    };
    Response r = this->cancel(kMail, "end_of_period");
    ASSERT_EQ(r.status, 201) << r.body;
    Json j = this->json(r);
    // §4: generated invoices stay due; the service works to the end of that invoice's period.
    EXPECT_EQ(j["invoices_still_due"], Json::array({renewal_id}));
    EXPECT_EQ(j["effective_on"], renewal.period_end.iso());
    EXPECT_EQ(status_of(renewal_id), "unpaid");

    ASSERT_EQ(this->call("DELETE", "/api/v1/cancellation-requests/" + j["id"].dump(), "", this->ana)
                  .status,
              200);
    EXPECT_EQ(status_of(renewal_id), "unpaid");
}

TYPED_TEST(CancellationTest, AnUpgradeInvoiceDoesNotExtendTheService) {
    const int64_t radio = this->service_id(this->ana, "Radio Ana FM");
    auto service = this->store->service_of(1, radio);
    ASSERT_TRUE(service.has_value());
    domain::Invoice upgrade;
    upgrade.client_id = 1;
    upgrade.service_id = radio;
    upgrade.plan_id = service->plan_id;
    upgrade.amount = {500, "USD"};
    upgrade.issued_on = kToday;
    upgrade.due_on = kToday.add_days(10);
    upgrade.period_start = kToday;
    upgrade.period_end = service->period_end;
    this->store->insert_invoice(upgrade);
    Json j = this->json(this->cancel("Radio Ana FM", "end_of_period"));
    EXPECT_EQ(j["effective_on"], service->period_end.iso());
    EXPECT_EQ(j["invoices_still_due"].size(), 2u);  // the running month's and the upgrade
}

TYPED_TEST(CancellationTest, ACancellationWithdrawsAnOpenUpgradeAndBlocksNewOnes) {
    const char* hosting = "Hosting anagarcia.example";
    const std::string orders = this->service_path(this->ana, hosting, "/upgrade-orders");
    Response ordered = this->call("POST", orders, R"({"plan_id":"hosting-pro"})", this->ana);
    ASSERT_EQ(ordered.status, 201) << ordered.body;
    const Json order = this->json(ordered)["order"];
    ASSERT_EQ(order["status"], "awaiting_payment");

    Json cancellation = this->json(this->cancel(hosting, "end_of_period"));
    ASSERT_EQ(cancellation["status"], "scheduled") << cancellation.dump();
    // The upgrade is withdrawn and its invoice cancelled, so it is not among the invoices due.
    const Json after = this->json(
        this->call("GET", "/api/v1/upgrade-orders/" + order["id"].dump(), "", this->ana));
    EXPECT_EQ(after["status"], "withdrawn");
    const Json invoice = this->json(
        this->call("GET", "/api/v1/invoices/" + order["invoice_id"].dump(), "", this->ana));
    EXPECT_EQ(invoice["status"], "cancelled");
    for (const auto& due : cancellation["invoices_still_due"]) EXPECT_NE(due, order["invoice_id"]);
    EXPECT_TRUE(this->json(this->call("GET", this->service_path(this->ana, hosting), "",
                                      this->ana))["pending_plan_change"]
                    .is_null());
    // While the cancellation is scheduled, no new plan change.
    this->expect_error(this->call("POST", orders, R"({"plan_id":"hosting-pro"})", this->ana), 409,
                       "cancellation_scheduled");
}

TYPED_TEST(CancellationTest, WithdrawalRestoresAutoRenewAsItWas) {
    const std::string renew = this->service_path(this->ana, kMail, "/auto-renew");
    for (bool before : {true, false}) {
        ASSERT_EQ(this->call("PUT", renew, Json{{"enabled", before}}.dump(), this->ana).status,
                  200);
        Json j = this->json(this->cancel(kMail, "end_of_period"));
        ASSERT_EQ(j["status"], "scheduled") << j.dump();
        EXPECT_EQ(this->json(this->call("GET", renew, "", this->ana))["enabled"], false);
        ASSERT_EQ(
            this->call("DELETE", "/api/v1/cancellation-requests/" + j["id"].dump(), "", this->ana)
                .status,
            200);
        EXPECT_EQ(this->json(this->call("GET", renew, "", this->ana))["enabled"], before)
            << "auto-renew was " << before;
    }
}

TYPED_TEST(CancellationTest, RenewalCannotBeTurnedOnWhileACancellationIsScheduled) {
    const std::string renew = this->service_path(this->ana, kMail, "/auto-renew");
    ASSERT_EQ(this->cancel(kMail, "end_of_period").status, 201);
    this->expect_error(this->call("PUT", renew, R"({"enabled":true})", this->ana), 409,
                       "cancellation_scheduled");
    EXPECT_EQ(this->call("PUT", renew, R"({"enabled":false})", this->ana).status, 200);
    EXPECT_EQ(this->json(this->call("GET", renew, "", this->ana))["enabled"], false);
}

TYPED_TEST(CancellationTest, TheServiceShowsItsScheduledCancellation) {
    const std::string path = this->service_path(this->ana, kMail);
    EXPECT_TRUE(this->json(this->call("GET", path, "", this->ana))["cancellation"].is_null());
    Json j = this->json(this->cancel(kMail, "end_of_period"));
    const Json expected = {{"id", j["id"]},
                           {"type", "end_of_period"},
                           {"status", "scheduled"},
                           {"effective_on", j["effective_on"]}};
    EXPECT_EQ(this->json(this->call("GET", path, "", this->ana))["cancellation"], expected);
    bool listed = false;
    const Json list = this->json(this->call("GET", "/api/v1/services", "", this->ana));
    for (const auto& each : list["services"]) {
        if (each["name"] == kMail) {
            listed = true;
            EXPECT_EQ(each["cancellation"], expected);
        } else {
            EXPECT_TRUE(each["cancellation"].is_null()) << each["name"];
        }
    }
    EXPECT_TRUE(listed);
    this->call("DELETE", "/api/v1/cancellation-requests/" + j["id"].dump(), "", this->ana);
    EXPECT_TRUE(this->json(this->call("GET", path, "", this->ana))["cancellation"].is_null());
}

TYPED_TEST(CancellationTest, TheServiceEndsTheDayAfterEffectiveOn) {
    const std::string radio = "Radio Ana FM";  // monthly, 1–31 March 2026; a 24 MB download
    const int64_t radio_id = this->service_id(this->ana, radio);
    const size_t invoices_before =
        this->json(this->call("GET", "/api/v1/invoices", "", this->ana))["invoices"].size();
    Json j = this->json(this->cancel(radio, "end_of_period"));
    ASSERT_EQ(j["effective_on"], "2026-03-31");
    const std::string service = "/api/v1/services/" + std::to_string(radio_id);

    // 31 March, 23:59 in GMT−3: the last day of service.
    this->clock.set(domain::Date{2026, 4, 1}.days_since_epoch() * 86400 + 3 * 3600 - 60);
    std::string token = this->login("ana@example.com");
    Json last_day = this->json(this->call("GET", service, "", token));
    EXPECT_EQ(last_day["status"], "active");
    EXPECT_EQ(last_day["cancellation"]["status"], "scheduled");
    EXPECT_EQ(this->call("GET", service + "/access", "", token).status, 200);
    EXPECT_EQ(this->call("GET", service + "/downloads", "", token).status, 200);

    // 1 April, 00:00: cancelled.
    this->clock.advance(60);
    token = this->login("ana@example.com");
    Json after = this->json(this->call("GET", service, "", token));
    EXPECT_EQ(after["status"], "cancelled");
    EXPECT_EQ(after["cancellation"]["status"], "effective");
    this->expect_error(this->call("GET", service + "/access", "", token), 409,
                       "service_not_active");
    this->expect_error(this->call("GET", service + "/downloads", "", token), 409,
                       "service_not_active");
    EXPECT_TRUE(
        this->json(this->call("GET", service + "/credentials", "", token))["credentials"].empty());
    EXPECT_EQ(this->json(this->call("GET", service + "/auto-renew", "", token))["enabled"], false);
    this->expect_error(
        this->call("DELETE", "/api/v1/cancellation-requests/" + j["id"].dump(), "", token), 409,
        "cancellation_already_effective");
    // No renewal was generated for April.
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/invoices", "", token))["invoices"].size(),
              invoices_before);
}

TYPED_TEST(CancellationTest, UnknownRequestIdsAre404) {
    EXPECT_EQ(this->call("GET", "/api/v1/cancellation-requests/77", "", this->ana).status, 404);
    EXPECT_EQ(this->call("DELETE", "/api/v1/cancellation-requests/77", "", this->ana).status, 404);
    EXPECT_EQ(this->call("GET", "/api/v1/cancellation-requests/x", "", this->ana).status, 404);
}

}  // namespace
}  // namespace portal::backend::testing
