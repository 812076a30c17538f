// Cancellation requests (RULES.md §4): password asked again, immediate or end of period,
// domains refused, withdrawal until effective — on both stores.
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

TYPED_TEST(CancellationTest, OnlyActiveServices) {
    Response pending = this->cancel("Noticias Ana (Simplenews)", "immediate");
    this->expect_error(pending, 409, "service_not_active");
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

TYPED_TEST(CancellationTest, AdvanceInvoicesAreVoidedAndComeBackOnWithdrawal) {
    // A renewal already invoiced for the mail's next period (not started yet).
    const int64_t mail = this->service_id(this->ana, kMail);
    auto service = this->store->service_of(1, mail);
    ASSERT_TRUE(service.has_value());
    domain::Invoice renewal;
    renewal.client_id = 1;
    renewal.service_id = mail;
    renewal.description = "Renovación";
    renewal.amount = {2400, "USD"};
    renewal.issued_on = kToday;
    renewal.due_on = kToday.add_days(10);
    renewal.period_start = service->period_end.add_days(1);
    renewal.period_end = service->period_end.add_months(12);
    int64_t renewal_id = this->store->insert_invoice(renewal);

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
    EXPECT_EQ(j["invoices_voided"], Json::array({renewal_id}));
    EXPECT_EQ(j["effective_on"],
              service->period_end.iso());  // the advance invoice does not extend it
    EXPECT_EQ(status_of(renewal_id), "cancelled");

    ASSERT_EQ(this->call("DELETE", "/api/v1/cancellation-requests/" + j["id"].dump(), "", this->ana)
                  .status,
              200);
    EXPECT_EQ(status_of(renewal_id), "unpaid");
}

TYPED_TEST(CancellationTest, UnknownRequestIdsAre404) {
    EXPECT_EQ(this->call("GET", "/api/v1/cancellation-requests/77", "", this->ana).status, 404);
    EXPECT_EQ(this->call("DELETE", "/api/v1/cancellation-requests/77", "", this->ana).status, 404);
    EXPECT_EQ(this->call("GET", "/api/v1/cancellation-requests/x", "", this->ana).status, 404);
}

}  // namespace
}  // namespace portal::backend::testing
