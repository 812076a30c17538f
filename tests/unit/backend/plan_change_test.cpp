// Upgrade/downgrade (RULES.md §3): options and quotes from paid invoices, upgrades that wait for
// their invoice, downgrades scheduled for the period's end, withdrawal, expiry, renewals,
// payment, requests when no automatic change exists, and Idempotency-Key — on both stores.
#include "backend_world.h"

namespace portal::backend::testing {
namespace {

template <class Kind>
class PlanChangeTest : public SignedInWorld<Kind> {
  public:
    void SetUp() override {
        SignedInWorld<Kind>::SetUp();
        // Sessions that outlast the months these tests move the clock through.
        BackendConfig config;
        config.token_ttl_seconds = 2 * 365 * 86400;
        this->make_backend(config);
        this->ana = this->login("ana@example.com");
        this->carla = this->login("carla@example.com");
        hosting = this->service_path(this->ana, "Hosting anagarcia.example");
    }
    Response order(const std::string& plan, const std::string& key = "") {
        std::map<std::string, std::string> headers;
        if (!key.empty()) headers["idempotency-key"] = key;
        return this->call("POST", hosting + "/upgrade-orders", Json{{"plan_id", plan}}.dump(),
                          this->ana, headers);
    }
    // Orders `plan` for Ana's hosting into `answer`; a fatal failure unless it is accepted.
    void order_accepted(const std::string& plan, Json& answer) {
        Response r = order(plan);
        ASSERT_EQ(r.status, 201) << r.body;
        answer = this->json(r);
    }
    Response pay(int64_t invoice, const std::string& key = "", std::string token = "") {
        std::map<std::string, std::string> headers;
        if (!key.empty()) headers["idempotency-key"] = key;
        return this->call("POST", "/api/v1/invoices/" + std::to_string(invoice) + "/payments",
                          R"({"method":"sandbox"})", token.empty() ? this->ana : token, headers);
    }
    // The caller's unpaid (or overdue) invoices of one service.
    Json unpaid_of(const std::string& token, int64_t service) {
        Json all = this->json(this->call("GET", "/api/v1/invoices?status=unpaid", "", token));
        Json mine = Json::array();
        for (const auto& invoice : all["invoices"]) {
            if (invoice["service_id"] == service) mine.push_back(invoice);
        }
        return mine;
    }
    size_t invoice_count(const std::string& token) {
        return this->json(this->call("GET", "/api/v1/invoices", "", token))["invoices"].size();
    }
    std::string hosting;
};
TYPED_TEST_SUITE(PlanChangeTest, StoreKinds, StoreKindNames);

TYPED_TEST(PlanChangeTest, OptionsQuoteTheDifferenceOnlyUpward) {
    Response r = this->call("GET", this->hosting + "/upgrade-options", "", this->ana);
    ASSERT_EQ(r.status, 200) << r.body;
    Json j = this->json(r);
    EXPECT_EQ(j["automatic"], true);
    ASSERT_EQ(j["options"].size(), 3u);
    // The manual's example: paid 100 USD for the year, the 150 USD plan costs 50 USD now.
    Json inicial = j["options"][0], pro = j["options"][1], business = j["options"][2];
    EXPECT_EQ(inicial["plan"]["id"], "hosting-inicial");
    EXPECT_EQ(inicial["direction"], "down");
    // A downgrade is free and starts with the next period (the current one ends 2026-09-11).
    EXPECT_EQ(inicial["quote"], (Json{{"amount_cents", 0},
                                      {"currency", "USD"},
                                      {"period_start", "2026-09-12"},
                                      {"period_end", "2027-09-11"}}));
    EXPECT_EQ(pro["plan"]["id"], "hosting-pro");
    EXPECT_EQ(pro["direction"], "up");
    EXPECT_EQ(pro["quote"], (Json{{"amount_cents", 5000},
                                  {"currency", "USD"},
                                  {"period_start", "2026-03-11"},
                                  {"period_end", "2027-03-10"}}));
    EXPECT_EQ(business["quote"]["amount_cents"], 14000);
}

TYPED_TEST(PlanChangeTest, MonthlyPlansQuoteToo) {
    Json j = this->json(
        this->call("GET", this->service_path(this->carla, "Radio Carla 320", "/upgrade-options"),
                   "", this->carla));
    ASSERT_EQ(j["options"].size(), 2u);
    EXPECT_EQ(j["options"][0]["direction"], "down");
    // Paid 25 USD for this month: 40 − 25.
    EXPECT_EQ(j["options"][1]["quote"]["amount_cents"], 1500);
    EXPECT_EQ(j["options"][1]["quote"]["period_end"], "2026-04-10");
}

TYPED_TEST(PlanChangeTest, OnlyPaidInvoicesCountAsPaid) {
    // Ana's radio: this month's invoice is overdue, so nothing is paid for the period and the
    // 25 USD plan costs its whole price.
    const std::string radio = this->service_path(this->ana, "Radio Ana FM");
    Json service = this->json(this->call("GET", radio, "", this->ana));
    EXPECT_EQ(service["paid_for_period"], (Json{{"amount_cents", 0}, {"currency", "USD"}}));
    Json options = this->json(this->call("GET", radio + "/upgrade-options", "", this->ana));
    EXPECT_EQ(options["options"][0]["plan"]["id"], "radio-320");
    EXPECT_EQ(options["options"][0]["quote"]["amount_cents"], 2500);
}

TYPED_TEST(PlanChangeTest, NoAutomaticOptionForResellerOrSinglePlanProducts) {
    for (auto [token, name] : {std::pair{this->bruno, std::string("Reseller Bruno")},
                               std::pair{this->ana, std::string("anagarcia.example")}}) {
        Json j = this->json(
            this->call("GET", this->service_path(token, name, "/upgrade-options"), "", token));
        EXPECT_EQ(j["automatic"], false) << name;
        EXPECT_TRUE(j["options"].empty()) << name;
    }
    Response pending = this->call(
        "GET", this->service_path(this->ana, "Noticias Ana (Simplenews)", "/upgrade-options"), "",
        this->ana);
    this->expect_error(pending, 409, "service_not_active");
}

TYPED_TEST(PlanChangeTest, AnUpgradeWaitsForItsInvoiceAndKeepsThePlan) {
    const size_t invoices_before = this->invoice_count(this->ana);
    Json j;
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-pro", j));
    EXPECT_EQ(j["order"]["from_plan_id"], "hosting-plus");
    EXPECT_EQ(j["order"]["to_plan_id"], "hosting-pro");
    EXPECT_EQ(j["order"]["direction"], "up");
    EXPECT_EQ(j["order"]["status"], "awaiting_payment");
    EXPECT_TRUE(j["order"]["effective_on"].is_null());
    EXPECT_EQ(j["order"]["amount_due"]["amount_cents"], 5000);
    // Payable for 7 days (before the period ends on 2026-09-11).
    EXPECT_EQ(j["order"]["expires_on"], "2026-03-18");
    ASSERT_TRUE(j["invoice"].is_object());
    EXPECT_EQ(j["order"]["invoice_id"], j["invoice"]["id"]);
    EXPECT_EQ(j["invoice"]["amount"]["amount_cents"], 5000);
    EXPECT_EQ(j["invoice"]["status"], "unpaid");
    EXPECT_EQ(j["invoice"]["kind"], "plan_change");
    EXPECT_EQ(j["invoice"]["order_id"], j["order"]["id"]);
    ASSERT_EQ(j["invoice"]["lines"].size(), 2u);
    EXPECT_EQ(j["invoice"]["lines"][0]["amount"]["amount_cents"], 15000);
    EXPECT_EQ(j["invoice"]["lines"][1]["amount"]["amount_cents"], -10000);
    EXPECT_EQ(this->invoice_count(this->ana), invoices_before + 1);

    // Nothing changes until it is paid: plan, period, what was paid, downloads.
    Json service = this->json(this->call("GET", this->hosting, "", this->ana));
    EXPECT_EQ(service["plan"]["id"], "hosting-plus");
    EXPECT_EQ(service["period_start"], "2025-09-12");
    EXPECT_EQ(service["period_end"], "2026-09-11");
    EXPECT_EQ(service["paid_for_period"]["amount_cents"], 10000);
    EXPECT_EQ(service["pending_plan_change"], (Json{{"order_id", j["order"]["id"]},
                                                    {"to_plan_id", "hosting-pro"},
                                                    {"to_plan_name", "Hosting Pro"},
                                                    {"direction", "up"},
                                                    {"status", "awaiting_payment"},
                                                    {"effective_on", nullptr},
                                                    {"invoice_id", j["invoice"]["id"]}}));
    EXPECT_EQ(
        this->json(this->call("GET", this->hosting + "/downloads", "", this->ana))["downloads"]
            .size(),
        2u);
}

TYPED_TEST(PlanChangeTest, PayingTheUpgradeEnablesThePlanFromThePaymentDay) {
    Json j;
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-pro", j));
    this->clock.advance(2 * 86400);  // paid on 2026-03-13
    Response paid = this->pay(j["invoice"]["id"].get<int64_t>(), "pay-1");
    ASSERT_EQ(paid.status, 201) << paid.body;
    Json p = this->json(paid);
    EXPECT_EQ(p["payment"]["method"], "sandbox");
    EXPECT_EQ(p["payment"]["test"], true);
    EXPECT_EQ(p["payment"]["amount"]["amount_cents"], 5000);
    EXPECT_EQ(p["payment"]["paid_on"], "2026-03-13");
    EXPECT_EQ(p["invoice"]["status"], "paid");
    EXPECT_EQ(p["invoice"]["period_start"], "2026-03-13");
    EXPECT_EQ(p["invoice"]["period_end"], "2027-03-12");
    ASSERT_EQ(p["invoice"]["payments"].size(), 1u);

    Json service = this->json(this->call("GET", this->hosting, "", this->ana));
    EXPECT_EQ(service["plan"]["id"], "hosting-pro");
    EXPECT_EQ(service["period_start"], "2026-03-13");
    EXPECT_EQ(service["period_end"], "2027-03-12");
    EXPECT_EQ(service["next_due_on"], "2027-03-13");
    // 100 paid for the replaced period + 50 now = the new plan's 150.
    EXPECT_EQ(service["paid_for_period"]["amount_cents"], 15000);
    EXPECT_TRUE(service["pending_plan_change"].is_null());
    Json order = this->json(this->call(
        "GET", "/api/v1/upgrade-orders/" + std::to_string(j["order"]["id"].get<int64_t>()), "",
        this->ana));
    EXPECT_EQ(order["status"], "applied");
    EXPECT_EQ(order["effective_on"], "2026-03-13");
    // The new plan brings its downloads (the backup tool comes with hosting-pro).
    EXPECT_EQ(
        this->json(this->call("GET", this->hosting + "/downloads", "", this->ana))["downloads"]
            .size(),
        3u);
    // And a later move to the 240 plan is quoted 240 − 150.
    Json options = this->json(this->call("GET", this->hosting + "/upgrade-options", "", this->ana));
    EXPECT_EQ(options["options"][2]["plan"]["id"], "hosting-business");
    EXPECT_EQ(options["options"][2]["quote"]["amount_cents"], 9000);
}

TYPED_TEST(PlanChangeTest, AnInvoiceIsPaidOnce) {
    Json j;
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-pro", j));
    const int64_t invoice = j["invoice"]["id"].get<int64_t>();
    Response first = this->pay(invoice, "pay-a");
    ASSERT_EQ(first.status, 201);
    Response retry = this->pay(invoice, "pay-a");
    EXPECT_EQ(retry.status, 201);
    EXPECT_EQ(retry.body, first.body);
    EXPECT_EQ(retry.headers["Idempotent-Replayed"], "true");
    this->expect_error(this->pay(invoice, "pay-b"), 409, "invoice_paid");
    EXPECT_EQ(this->store->payments_of(1).size(), 1u);
    // Another client's invoice does not exist for Carla.
    this->expect_error(
        this->call("GET", "/api/v1/invoices/" + std::to_string(invoice), "", this->carla), 404,
        "not_found");
    this->expect_error(
        this->call("POST", "/api/v1/invoices/" + std::to_string(invoice) + "/payments",
                   R"({"method":"sandbox"})", this->carla),
        404, "not_found");
    Response card =
        this->call("POST", "/api/v1/invoices/1/payments", R"({"method":"card"})", this->ana);
    EXPECT_EQ(card.status, 400);
    EXPECT_EQ(this->error_field(card), "method");
}

TYPED_TEST(PlanChangeTest, AnUnpaidUpgradeCanBeWithdrawn) {
    Json j;
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-pro", j));
    const std::string order =
        "/api/v1/upgrade-orders/" + std::to_string(j["order"]["id"].get<int64_t>());
    Response withdrawn = this->call("DELETE", order, "", this->ana);
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_EQ(this->json(withdrawn)["status"], "withdrawn");
    EXPECT_EQ(this->call("DELETE", order, "", this->ana).status, 200);  // withdrawn already
    Json invoice = this->json(
        this->call("GET", "/api/v1/invoices/" + std::to_string(j["invoice"]["id"].get<int64_t>()),
                   "", this->ana));
    EXPECT_EQ(invoice["status"], "cancelled");
    this->expect_error(this->pay(j["invoice"]["id"].get<int64_t>()), 409, "invoice_cancelled");
    Json service = this->json(this->call("GET", this->hosting, "", this->ana));
    EXPECT_EQ(service["plan"]["id"], "hosting-plus");
    EXPECT_TRUE(service["pending_plan_change"].is_null());
    // The way is free for another order.
    EXPECT_EQ(this->order("hosting-business").status, 201);
}

TYPED_TEST(PlanChangeTest, AnUnpaidUpgradeExpiresAfterItsDueDate) {
    Json j;
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-pro", j));
    const int64_t invoice = j["invoice"]["id"].get<int64_t>();
    const std::string order =
        "/api/v1/upgrade-orders/" + std::to_string(j["order"]["id"].get<int64_t>());
    this->clock.advance(7 * 86400);  // 2026-03-18: the last day, still payable
    EXPECT_EQ(this->json(this->call("GET", order, "", this->ana))["status"], "awaiting_payment");
    this->clock.advance(86400);  // 2026-03-19
    Json expired = this->json(this->call("GET", order, "", this->ana));
    EXPECT_EQ(expired["status"], "expired");
    EXPECT_TRUE(expired["expires_on"].is_null());
    Json bill =
        this->json(this->call("GET", "/api/v1/invoices/" + std::to_string(invoice), "", this->ana));
    EXPECT_EQ(bill["status"], "cancelled") << "an upgrade invoice never becomes overdue";
    this->expect_error(this->pay(invoice), 409, "order_expired");
    this->expect_error(this->call("DELETE", order, "", this->ana), 409, "order_expired");
    EXPECT_EQ(this->json(this->call("GET", this->hosting, "", this->ana))["plan"]["id"],
              "hosting-plus");
}

TYPED_TEST(PlanChangeTest, OneOpenOrderPerService) {
    ASSERT_EQ(this->order("hosting-pro").status, 201);
    this->expect_error(this->order("hosting-business"), 409, "order_pending");
    this->expect_error(this->order("hosting-inicial"), 409, "order_pending");
}

TYPED_TEST(PlanChangeTest, AQuoteOfZeroIsEnabledAtOnceInTheSamePeriod) {
    // Paid 240 for this period (100 + 140 more), so the 240 plan costs nothing more.
    domain::Invoice extra;
    extra.client_id = 1;
    extra.service_id = this->service_id(this->ana, "Hosting anagarcia.example");
    extra.plan_id = "hosting-plus";
    extra.amount = {14000, "USD"};
    extra.credit = {0, "USD"};
    extra.issued_on = extra.due_on = kToday;
    extra.period_start = {2025, 9, 12};
    extra.period_end = {2026, 9, 11};
    extra.status = domain::InvoiceStatus::paid;
    this->store->insert_invoice(extra);
    const size_t invoices_before = this->invoice_count(this->ana);
    Json j;
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-business", j));
    EXPECT_EQ(j["order"]["status"], "applied");
    EXPECT_EQ(j["order"]["effective_on"], "2026-03-11");
    EXPECT_TRUE(j["invoice"].is_null());
    EXPECT_EQ(this->invoice_count(this->ana), invoices_before);
    Json service = this->json(this->call("GET", this->hosting, "", this->ana));
    EXPECT_EQ(service["plan"]["id"], "hosting-business");
    EXPECT_EQ(service["period_start"], "2025-09-12");
    EXPECT_EQ(service["period_end"], "2026-09-11");
}

TYPED_TEST(PlanChangeTest, ADowngradeIsScheduledForTheEndOfThePaidPeriod) {
    const size_t invoices_before = this->invoice_count(this->ana);
    Json j;
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-inicial", j));
    EXPECT_EQ(j["order"]["direction"], "down");
    EXPECT_EQ(j["order"]["status"], "scheduled");
    EXPECT_EQ(j["order"]["effective_on"], "2026-09-12");
    EXPECT_EQ(j["order"]["amount_due"]["amount_cents"], 0);
    EXPECT_TRUE(j["invoice"].is_null());
    EXPECT_EQ(this->invoice_count(this->ana), invoices_before);
    Json service = this->json(this->call("GET", this->hosting, "", this->ana));
    EXPECT_EQ(service["plan"]["id"], "hosting-plus");
    EXPECT_EQ(service["period_end"], "2026-09-11");
    EXPECT_EQ(service["pending_plan_change"]["status"], "scheduled");
    EXPECT_EQ(service["pending_plan_change"]["effective_on"], "2026-09-12");
    EXPECT_TRUE(service["pending_plan_change"]["invoice_id"].is_null());
    // Moving up again means withdrawing it first.
    this->expect_error(this->order("hosting-pro"), 409, "order_pending");
    const std::string order =
        "/api/v1/upgrade-orders/" + std::to_string(j["order"]["id"].get<int64_t>());
    Response withdrawn = this->call("DELETE", order, "", this->ana);
    ASSERT_EQ(withdrawn.status, 200);
    EXPECT_EQ(this->json(withdrawn)["status"], "withdrawn");
    EXPECT_EQ(this->order("hosting-pro").status, 201);
}

TYPED_TEST(PlanChangeTest, AScheduledDowngradeRenewsLowerAndTakesEffectTheDayAfter) {
    Json j;
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-inicial", j));
    const std::string order =
        "/api/v1/upgrade-orders/" + std::to_string(j["order"]["id"].get<int64_t>());
    // 2026-08-27 is 15 days before the period ends: the renewal is generated that day.
    const int64_t hosting_id = this->service_id(this->ana, "Hosting anagarcia.example");
    this->clock.set(domain::Date{2026, 8, 26}.days_since_epoch() * 86400 + 15 * 3600);
    EXPECT_TRUE(this->unpaid_of(this->ana, hosting_id).empty());
    EXPECT_EQ(this->call("DELETE", order, "", this->ana).status, 200)
        << "still withdrawable the day before";
    // Withdrawn; order it again and move to the renewal day.
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-inicial", j));
    const std::string again =
        "/api/v1/upgrade-orders/" + std::to_string(j["order"]["id"].get<int64_t>());
    this->clock.advance(86400);
    Json unpaid = this->unpaid_of(this->ana, hosting_id);
    ASSERT_EQ(unpaid.size(), 1u);
    Json renewal = unpaid[0];
    EXPECT_EQ(renewal["kind"], "renewal");
    EXPECT_EQ(renewal["amount"]["amount_cents"], 6000) << "at the lower plan's price";
    EXPECT_EQ(renewal["period_start"], "2026-09-12");
    EXPECT_EQ(renewal["period_end"], "2027-09-11");
    EXPECT_EQ(renewal["due_on"], "2026-09-11");
    this->expect_error(this->call("DELETE", again, "", this->ana), 409, "renewal_generated");
    // Generated once, however many requests come.
    EXPECT_EQ(this->unpaid_of(this->ana, hosting_id).size(), 1u);

    ASSERT_EQ(this->pay(renewal["id"].get<int64_t>()).status, 201);
    Json service = this->json(this->call("GET", this->hosting, "", this->ana));
    EXPECT_EQ(service["period_start"], "2026-09-12");
    EXPECT_EQ(service["period_end"], "2027-09-11");
    EXPECT_EQ(service["plan"]["id"], "hosting-plus") << "until the day after the paid period";
    this->clock.set(domain::Date{2026, 9, 12}.days_since_epoch() * 86400 + 15 * 3600);
    service = this->json(this->call("GET", this->hosting, "", this->ana));
    EXPECT_EQ(service["plan"]["id"], "hosting-inicial");
    EXPECT_EQ(service["paid_for_period"]["amount_cents"], 6000);
    EXPECT_TRUE(service["pending_plan_change"].is_null());
    EXPECT_EQ(this->json(this->call("GET", again, "", this->ana))["status"], "applied");
}

TYPED_TEST(PlanChangeTest, RenewalsAreGeneratedFifteenDaysAheadAndAdvanceThePeriodWhenPaid) {
    const int64_t radio_id = this->service_id(this->carla, "Radio Carla 320");
    const std::string radio = "/api/v1/services/" + std::to_string(radio_id);
    // The period runs 2026-03-08 to 2026-04-07: its renewal comes on 2026-03-23.
    this->clock.set(domain::Date{2026, 3, 22}.days_since_epoch() * 86400 + 15 * 3600);
    EXPECT_TRUE(this->unpaid_of(this->carla, radio_id).empty());
    this->clock.advance(86400);
    Json unpaid = this->unpaid_of(this->carla, radio_id);
    ASSERT_EQ(unpaid.size(), 1u);
    Json renewal = unpaid[0];
    EXPECT_EQ(renewal["amount"]["amount_cents"], 2500);
    EXPECT_EQ(renewal["period_start"], "2026-04-08");
    EXPECT_EQ(renewal["period_end"], "2026-05-07");
    ASSERT_EQ(this->pay(renewal["id"].get<int64_t>(), "", this->carla).status, 201);
    Json service = this->json(this->call("GET", radio, "", this->carla));
    EXPECT_EQ(service["period_start"], "2026-04-08");
    EXPECT_EQ(service["period_end"], "2026-05-07");
    EXPECT_EQ(service["paid_for_period"]["amount_cents"], 2500);
}

TYPED_TEST(PlanChangeTest, NoOrderWhileACancellationIsScheduled) {
    Response cancel = this->call("POST", this->hosting + "/cancellation-requests",
                                 Json{{"type", "end_of_period"},
                                      {"reason", ""},
                                      {"email", "ana@example.com"},
                                      {"password", "demo1234"}}
                                     .dump(),
                                 this->ana);
    ASSERT_EQ(cancel.status, 201) << cancel.body;
    this->expect_error(this->order("hosting-pro"), 409, "cancellation_scheduled");
}

TYPED_TEST(PlanChangeTest, InvoicesFilterByStatus) {
    Json unpaid = this->json(this->call("GET", "/api/v1/invoices?status=unpaid", "", this->ana));
    ASSERT_EQ(unpaid["invoices"].size(), 1u);
    EXPECT_EQ(unpaid["invoices"][0]["status"], "overdue") << "overdue is still owed";
    EXPECT_EQ(
        this->json(this->call("GET", "/api/v1/invoices?status=paid", "", this->ana))["invoices"]
            .size(),
        4u);
    Response bad = this->call("GET", "/api/v1/invoices?status=owed", "", this->ana);
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(this->error_field(bad), "status");
}

TYPED_TEST(PlanChangeTest, RefusedOrdersChangeNothing) {
    Response same = this->order("hosting-plus");
    this->expect_error(same, 409, "same_plan");
    Response other = this->order("radio-320");
    this->expect_error(other, 409, "other_product");
    Response unknown = this->order("hosting-galactico");
    EXPECT_EQ(unknown.status, 422);
    EXPECT_EQ(this->error_field(unknown), "plan_id");
    Response missing = this->call("POST", this->hosting + "/upgrade-orders", "{}", this->ana);
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(this->error_field(missing), "plan_id");
    Response reseller =
        this->call("POST", this->service_path(this->bruno, "Reseller Bruno", "/upgrade-orders"),
                   R"({"plan_id":"reseller-plata"})", this->bruno);
    this->expect_error(reseller, 409, "no_automatic_upgrade");

    EXPECT_EQ(this->json(this->call("GET", this->hosting, "", this->ana))["plan"]["id"],
              "hosting-plus");
    EXPECT_EQ(this->invoice_count(this->ana), 5u);
}

TYPED_TEST(PlanChangeTest, ARetriedOrderWithTheSameKeyActsOnce) {
    Response first = this->order("hosting-pro", "order-7f3a");
    ASSERT_EQ(first.status, 201);
    Response retry = this->order("hosting-pro", "order-7f3a");
    EXPECT_EQ(retry.status, 201);
    EXPECT_EQ(retry.body, first.body);
    EXPECT_EQ(retry.headers["Idempotent-Replayed"], "true");
    EXPECT_EQ(this->invoice_count(this->ana), 6u);  // one new invoice, not two
    EXPECT_EQ(this->store->upgrade_orders_of(1).size(), 1u);

    // Without the key, the same body is a new order, and one is already open.
    EXPECT_EQ(this->error_code(this->order("hosting-pro")), "order_pending");
}

TYPED_TEST(PlanChangeTest, AKeyReusedForAnotherRequestIsRefused) {
    ASSERT_EQ(this->order("hosting-pro", "k1").status, 201);
    Response other = this->order("hosting-business", "k1");
    this->expect_error(other, 422, "idempotency_key_reused");
    EXPECT_EQ(this->store->upgrade_orders_of(1).size(), 1u);
}

TYPED_TEST(PlanChangeTest, KeysBelongToOneClient) {
    ASSERT_EQ(this->order("hosting-pro", "shared-key").status, 201);
    Response carla = this->call(
        "POST", this->service_path(this->carla, "Radio Carla 320", "/upgrade-orders"),
        R"({"plan_id":"radio-ilimitado"})", this->carla, {{"idempotency-key", "shared-key"}});
    EXPECT_EQ(carla.status, 201) << carla.body;
    EXPECT_EQ(this->json(carla)["order"]["to_plan_id"], "radio-ilimitado");
}

TYPED_TEST(PlanChangeTest, AFailedAttemptDoesNotUseUpTheKey) {
    EXPECT_EQ(this->order("hosting-plus", "k2").status, 409);  // same plan: refused
    EXPECT_EQ(this->order("hosting-plus", "k2").status, 409);  // not a replay: checked again
    EXPECT_EQ(this->order("hosting-pro", "k2").status, 201);   // and the key is still free
}

TYPED_TEST(PlanChangeTest, BadIdempotencyKeysAre400) {
    Response r = this->order("hosting-pro", std::string(201, 'k'));
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(this->error_field(r), "Idempotency-Key");
}

TYPED_TEST(PlanChangeTest, UpgradeRequestsWhenNoAutomaticChangeExists) {
    const std::string reseller =
        this->service_path(this->bruno, "Reseller Bruno", "/upgrade-requests");
    Response r = this->call("POST", reseller,
                            R"({"message":"I need the Plata plan with 50 accounts"})", this->bruno);
    ASSERT_EQ(r.status, 201) << r.body;
    Json j = this->json(r);
    EXPECT_EQ(j["ticket"]["kind"], "upgrade_request");
    EXPECT_EQ(j["ticket"]["opened_at"], "2026-03-11T12:00:00-03:00");
    EXPECT_EQ(r.headers.at("Location"),
              "/api/v1/tickets/" + std::to_string(j["ticket"]["id"].get<int64_t>()));
    EXPECT_EQ(this->store->tickets_of(2).back().kind, domain::TicketKind::upgrade_request);

    Response empty = this->call("POST", reseller, R"({"message":"   "})", this->bruno);
    this->expect_error(empty, 422, "invalid_text");
    EXPECT_EQ(this->error_field(empty), "message");

    Response automatic = this->call("POST", this->hosting + "/upgrade-requests",
                                    R"({"message":"please"})", this->ana);
    this->expect_error(automatic, 409, "upgrade_is_automatic");
}

}  // namespace
}  // namespace portal::backend::testing
