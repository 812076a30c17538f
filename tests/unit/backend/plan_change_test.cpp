// Upgrade/downgrade (RULES.md §3): options and quotes, orders that change the plan and bill the
// difference, requests when no automatic change exists, and Idempotency-Key — on both stores.
#include "backend_world.h"

namespace portal::backend::testing {
namespace {

template <class Kind>
class PlanChangeTest : public SignedInWorld<Kind> {
  public:
    void SetUp() override {
        SignedInWorld<Kind>::SetUp();
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
    EXPECT_EQ(inicial["quote"]["amount_cents"], 0);
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
    EXPECT_EQ(j["options"][1]["quote"]["amount_cents"], 1500);
    EXPECT_EQ(j["options"][1]["quote"]["period_end"], "2026-04-10");
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

TYPED_TEST(PlanChangeTest, AnUpgradeOrderBillsTheDifferenceAndChangesThePlan) {
    const size_t invoices_before = this->invoice_count(this->ana);
    Json j;
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-pro", j));
    EXPECT_EQ(j["order"]["from_plan_id"], "hosting-plus");
    EXPECT_EQ(j["order"]["to_plan_id"], "hosting-pro");
    EXPECT_EQ(j["order"]["direction"], "up");
    EXPECT_EQ(j["order"]["amount_due"]["amount_cents"], 5000);
    ASSERT_TRUE(j["invoice"].is_object());
    EXPECT_EQ(j["invoice"]["amount"]["amount_cents"], 5000);
    EXPECT_EQ(j["invoice"]["status"], "unpaid");
    EXPECT_EQ(j["invoice"]["period_start"], "2026-03-11");

    Json service = this->json(this->call("GET", this->hosting, "", this->ana));
    EXPECT_EQ(service["plan"]["id"], "hosting-pro");
    EXPECT_EQ(service["period_start"], "2026-03-11");
    EXPECT_EQ(service["period_end"], "2027-03-10");
    EXPECT_EQ(service["paid_for_period"]["amount_cents"], 15000);
    EXPECT_EQ(service["next_due_on"], "2027-03-11");
    EXPECT_EQ(this->invoice_count(this->ana), invoices_before + 1);

    // The new plan brings its downloads (the backup tool comes with hosting-pro).
    Json downloads =
        this->json(this->call("GET", this->hosting + "/downloads", "", this->ana))["downloads"];
    EXPECT_EQ(downloads.size(), 3u);
}

TYPED_TEST(PlanChangeTest, ADowngradeCostsNothingAndHasNoInvoice) {
    const size_t invoices_before = this->invoice_count(this->ana);
    Json j;
    ASSERT_NO_FATAL_FAILURE(this->order_accepted("hosting-inicial", j));
    EXPECT_EQ(j["order"]["direction"], "down");
    EXPECT_EQ(j["order"]["amount_due"]["amount_cents"], 0);
    EXPECT_TRUE(j["invoice"].is_null());
    EXPECT_EQ(this->invoice_count(this->ana), invoices_before);
    EXPECT_EQ(this->json(this->call("GET", this->hosting, "", this->ana))["plan"]["id"],
              "hosting-inicial");
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

    // Without the key, the same body is a new order (and now the plan is already hosting-pro).
    EXPECT_EQ(this->error_code(this->order("hosting-pro")), "same_plan");
}

TYPED_TEST(PlanChangeTest, AKeyReusedForAnotherRequestIsRefused) {
    ASSERT_EQ(this->order("hosting-pro", "k1").status, 201);
    Response other = this->order("hosting-business", "k1");
    this->expect_error(other, 422, "idempotency_key_reused");
    EXPECT_EQ(this->json(this->call("GET", this->hosting, "", this->ana))["plan"]["id"],
              "hosting-pro");
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
    EXPECT_EQ(j["status"], "received");
    EXPECT_EQ(j["created_on"], "2026-03-11");
    EXPECT_EQ(this->store->upgrade_requests_of(2).size(), 1u);

    Response empty = this->call("POST", reseller, R"({"message":"   "})", this->bruno);
    this->expect_error(empty, 422, "invalid_text");
    EXPECT_EQ(this->error_field(empty), "message");

    Response automatic = this->call("POST", this->hosting + "/upgrade-requests",
                                    R"({"message":"please"})", this->ana);
    this->expect_error(automatic, 409, "upgrade_is_automatic");
}

}  // namespace
}  // namespace portal::backend::testing
