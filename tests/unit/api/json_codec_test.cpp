// The REST contract's JSON: encoders give the documented shape, decoders give it back, and
// decoders refuse anything else with an error naming the field.
#include <gtest/gtest.h>

#include "api/json_codec.h"
#include "json_tree_oracle.h"

namespace portal::api {
namespace {

using domain::Date;
using domain::Money;

ServiceView sample_service() {
    ServiceView s;
    s.id = 7;
    s.name = "Hosting anagarcia.example";
    s.type = domain::ServiceType::hosting;
    s.status = domain::ServiceStatus::active;
    s.domain = "anagarcia.example";
    s.plan = {"hosting-plus", "Hosting Plus", Money{10000, "USD"}, domain::BillingCycle::yearly};
    s.period_start = {2026, 1, 15};
    s.period_end = {2027, 1, 14};
    s.paid_for_period = Money{10000, "USD"};
    s.next_due_on = {2027, 1, 15};
    return s;
}

TEST(JsonCodec, ServiceEncodesTheDocumentedFields) {
    Json j = Json::parse(encode(sample_service()));
    EXPECT_EQ(j["id"], 7);
    EXPECT_EQ(j["type"], "hosting");
    EXPECT_EQ(j["status"], "active");
    EXPECT_EQ(j["plan"]["price"]["amount_cents"], 10000);
    EXPECT_EQ(j["plan"]["price"]["currency"], "USD");
    EXPECT_EQ(j["plan"]["cycle"], "yearly");
    EXPECT_EQ(j["period_start"], "2026-01-15");
    EXPECT_EQ(j["paid_for_period"]["amount_cents"], 10000);
    EXPECT_EQ(j["next_due_on"], "2027-01-15");
    EXPECT_TRUE(j["pending_plan_change"].is_null()) << "no open plan change is written as null";
    EXPECT_TRUE(j["platform"].is_null());      // not an app
    EXPECT_TRUE(j["cancellation"].is_null());  // none requested
    EXPECT_EQ(j.size(), 13u);
}

TEST(JsonCodec, ServiceListRoundTrips) {
    ServiceList list{{sample_service(), sample_service()}};
    list.services[1].id = 8;
    list.services[1].status = domain::ServiceStatus::terminated;
    auto decoded = decode<ServiceList>(encode(list));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    ASSERT_EQ(decoded.value().services.size(), 2u);
    EXPECT_EQ(decoded.value().services[1].id, 8);
    EXPECT_EQ(decoded.value().services[1].status, domain::ServiceStatus::terminated);
    EXPECT_EQ(decoded.value().services[0].plan.price, (Money{10000, "USD"}));
    EXPECT_EQ(decoded.value().services[0].period_end, (Date{2027, 1, 14}));
}

TEST(JsonCodec, SessionRoundTrips) {
    Session session{"abc123", {3, "Ana García", "ana@example.com", "en"}, 28800, std::nullopt};
    auto decoded = decode<Session>(encode(session));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded.value().token, "abc123");
    EXPECT_EQ(decoded.value().client.name, "Ana García");
    EXPECT_EQ(decoded.value().client.language, "en");
    EXPECT_EQ(decoded.value().expires_in, 28800);
}

TEST(JsonCodec, ErrorShapeRoundTripsWithAndWithoutField) {
    Json j = Json::parse(encode(ApiError{"unknown_field", "extra: is not a known field", "extra"}));
    EXPECT_EQ(j["error"]["code"], "unknown_field");
    EXPECT_EQ(j["error"]["field"], "extra");
    Json no_field = Json::parse(encode(ApiError{"not_found", "service not found", ""}));
    EXPECT_TRUE(no_field["error"]["field"].is_null());

    auto decoded = decode<ApiError>(no_field.dump());
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded.value().code, "not_found");
    EXPECT_EQ(decoded.value().field, "");
}

TEST(JsonCodec, UpgradeOptionsRoundTripWithFlatQuote) {
    UpgradeOptions options;
    options.service_id = 1;
    options.automatic = true;
    options.options.push_back(
        {{"hosting-pro", "Hosting Pro", Money{15000, "USD"}, domain::BillingCycle::yearly},
         domain::PlanChange::up,
         {Money{5000, "USD"}, Date{2026, 3, 11}, Date{2027, 3, 10}}});
    Json j = Json::parse(encode(options));
    EXPECT_EQ(j["options"][0]["quote"]["amount_cents"], 5000);
    EXPECT_EQ(j["options"][0]["quote"]["period_start"], "2026-03-11");
    EXPECT_EQ(j["options"][0]["direction"], "up");
    auto decoded = decode<UpgradeOptions>(j.dump());
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded.value().options[0].quote.amount.cents, 5000);
    EXPECT_EQ(decoded.value().options[0].direction, domain::PlanChange::up);
}

TEST(JsonCodec, UpgradeOrderResultAllowsANullInvoice) {
    UpgradeOrderResult result;
    result.order.id = 4;
    result.order.direction = domain::PlanChange::down;
    Json j = Json::parse(encode(result));
    EXPECT_TRUE(j["invoice"].is_null());
    auto decoded = decode<UpgradeOrderResult>(j.dump());
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_FALSE(decoded.value().invoice.has_value());
    EXPECT_EQ(decoded.value().order.direction, domain::PlanChange::down);
}

TEST(JsonCodec, CancellationAndEstimateRoundTrip) {
    CancellationRequestView view;
    view.id = 2;
    view.service_id = 5;
    view.status = "scheduled";
    view.type = domain::CancellationKind::immediate;
    view.requested_on = {2026, 3, 11};
    view.effective_on = {2026, 3, 11};
    view.invoices_still_due = {9, 10};
    auto decoded = decode<CancellationRequestView>(encode(view));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded.value().invoices_still_due, (std::vector<int64_t>{9, 10}));
    EXPECT_EQ(decoded.value().backup_kept_years, 10);

    ActivationEstimateView estimate;
    estimate.service_id = 3;
    estimate.product = domain::ServiceType::simplenews;
    estimate.min = estimate.max = 2;
    estimate.unit = domain::DelayUnit::business_days;
    estimate.requirement = "domain_delegated";
    estimate.earliest = Date{2026, 3, 13};
    auto e = decode<ActivationEstimateView>(encode(estimate));
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_EQ(e.value().unit, domain::DelayUnit::business_days);
    EXPECT_EQ(e.value().earliest, (Date{2026, 3, 13}));
    EXPECT_FALSE(e.value().latest.has_value());
}

TEST(JsonCodec, ManualSearchResultsRoundTrip) {
    ManualSearchResults results{"cancelar",
                                {{"baja", "Cómo cancelar", 3.5, "…la baja…", {{5, 13}}, {{4, 8}}}}};
    auto decoded = decode<ManualSearchResults>(encode(results));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded.value().results[0].title_matches[0], (std::pair<int64_t, int64_t>{5, 13}));
    EXPECT_DOUBLE_EQ(decoded.value().results[0].score, 3.5);
}

// ---- Strict rejection -----------------------------------------------------------------------

// Decoding `text` as a T fails with `code`, naming `field`.
template <class T>
void expect_refused(const std::string& text, const char* code, const char* field) {
    auto decoded = decode<T>(text);
    ASSERT_FALSE(decoded.ok()) << text;
    EXPECT_EQ(decoded.error().code, code);
    EXPECT_EQ(to_api_error(decoded.error()).field, field) << decoded.error().message;
}

TEST(JsonCodecStrict, MalformedJsonIsRefused) {
    expect_refused<LoginRequest>("{\"email\": ", kMalformedJson, "");
}

TEST(JsonCodecStrict, MissingFieldIsNamed) {
    expect_refused<LoginRequest>(R"({"email":"ana@example.com"})", kMissingField, "password");
}

TEST(JsonCodecStrict, UnknownFieldIsNamed) {
    expect_refused<LoginRequest>(R"({"email":"a","password":"b","remember":true})", kUnknownField,
                                 "remember");
}

TEST(JsonCodecStrict, WrongTypeIsNamed) {
    expect_refused<LoginRequest>(R"({"email":42,"password":"b"})", kWrongType, "email");
    expect_refused<AutoRenewBody>(R"({"enabled":"false"})", kWrongType, "enabled");
}

TEST(JsonCodecStrict, NotAnObjectIsRefused) {
    auto r = decode<UpgradeOrderRequest>(R"(["hosting-pro"])");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, kWrongType);
}

TEST(JsonCodecStrict, NestedErrorsNameTheirPath) {
    Json j = Json::parse(encode(ServiceList{{sample_service()}}));
    j["services"][0]["plan"]["price"]["amount_cents"] = 12.5;
    expect_refused<ServiceList>(j.dump(), kWrongType, "services[0].plan.price.amount_cents");

    j = Json::parse(encode(ServiceList{{sample_service()}}));
    j["services"][0]["surprise"] = 1;
    expect_refused<ServiceList>(j.dump(), kUnknownField, "services[0].surprise");
}

TEST(JsonCodecStrict, EnumAndDateValuesAreChecked) {
    Json j = Json::parse(encode(sample_service()));
    j["status"] = "sleeping";
    expect_refused<ServiceView>(j.dump(), kInvalidValue, "status");

    j = Json::parse(encode(sample_service()));
    j["period_end"] = "2026-02-30";
    expect_refused<ServiceView>(j.dump(), kInvalidValue, "period_end");

    expect_refused<CancellationRequestBody>(
        R"({"type":"tomorrow","reason":"","email":"a","password":"b"})", kInvalidValue, "type");
}

TEST(JsonCodecStrict, ProfileChangesAcceptsAnySubsetButNotNull) {
    auto some = decode<ProfileChanges>(R"({"language":"en"})");
    ASSERT_TRUE(some.ok());
    EXPECT_FALSE(some.value().name.has_value());
    EXPECT_EQ(some.value().language, "en");
    expect_refused<ProfileChanges>(R"({"name":null})", kWrongType, "name");
}

TEST(JsonCodecStrict, HugeIntegersAreRefused) {
    expect_refused<ClientSummary>(R"({"id":18446744073709551615,"name":"a","email":"b"})",
                                  kInvalidValue, "id");
}

// The text is written without nlohmann's tree; a string in it reads as nlohmann's own dump
// writes it, for any bytes: quotes, backslashes, control characters, text beyond ASCII, and
// malformed UTF-8 (an overlong form, a surrogate, past U+10FFFF, cut short), replaced.
TEST(JsonText, AStringIsWrittenAsNlohmannWritesIt) {
    const std::string strings[] = {
        "",
        "Hosting anagarcia.example",
        "comillas \" y barra \\ y /",
        std::string("\x01\x1f\b\f\n\r\t\x7f", 9) + std::string(1, '\0') + "fin",
        "ñandú · 日本 · 😀",
        "\xff",
        "a\xc3",
        "\xc0\xaf",
        "\xed\xa0\x80",
        "\xf4\x90\x80\x80",
        "\xf0\x9f\x98 corte",
        "mezcla \xe2\x82 y \"comillas\"",
    };
    for (const std::string& text : strings) {
        SCOPED_TRACE(Json(text).dump(-1, ' ', true, Json::error_handler_t::replace));
        std::string written;
        codec::append_json_string(written, text);
        EXPECT_EQ(written, Json(text).dump(-1, ' ', false, Json::error_handler_t::replace));
        EXPECT_EQ(encode(Health{text, "1"}), R"({"status":)" + written + R"(,"version":"1"})");
    }
}

// Members come in the order of the DTO's fields (a reader can follow the contract's order), and
// the numbers as nlohmann writes them.
TEST(JsonText, MembersComeInTheOrderOfTheirFields) {
    const std::string text = encode(sample_service());
    EXPECT_EQ(text.rfind(R"({"id":7,"name":"Hosting anagarcia.example","type":"hosting",)", 0), 0u)
        << text;
    EXPECT_EQ(Json::parse(text), tree_oracle::write(sample_service()));
    EXPECT_EQ(encode(ManualSearchHit{"baja", "Cómo cancelar", 0.1, "", {{0, 4}}, {}}),
              R"({"slug":"baja","title":"Cómo cancelar","score":0.1,"snippet":"",)"
              R"("title_matches":[[0,4]],"snippet_matches":[]})");
}

}  // namespace
}  // namespace portal::api
