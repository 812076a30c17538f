// How the typed client reads answers that do and do not follow the contract.
#include <gtest/gtest.h>

#include "api/api_client.h"
#include "fake_transport.h"

namespace portal::api {
namespace {

using Kind = ApiFailure::Kind;

HttpResponse answer(int status, std::string body) {
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

TEST(ApiClientAnswers, ContractErrorsKeepCodeStatusAndField) {
    const auto r = interpret<Session>(answer(
        400, R"({"error":{"code":"missing_field","message":"email: required","field":"email"}})"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.failure.kind, Kind::rejected);
    EXPECT_EQ(r.failure.status, 400);
    EXPECT_EQ(r.failure.error.code, "missing_field");
    EXPECT_EQ(r.failure.error.field, "email");
}

TEST(ApiClientAnswers, AnythingOutsideTheContractIsMalformed) {
    const char* bodies[] = {"", "<html>502</html>", "{", R"({"error":"text"})", "[]", "null"};
    for (const char* body : bodies) {
        EXPECT_EQ(interpret<Session>(answer(502, body)).failure.kind, Kind::malformed_answer)
            << body;
        EXPECT_EQ(interpret<Session>(answer(201, body)).failure.kind, Kind::malformed_answer)
            << body;
    }
}

TEST(ApiClientAnswers, NoAnswerIsUnreachableOrTimeout) {
    HttpResponse none;
    none.failure = TransportFailure::unreachable;
    EXPECT_EQ(interpret<Session>(none).failure.kind, Kind::unreachable);
    none.failure = TransportFailure::timeout;
    EXPECT_EQ(interpret<Session>(none).failure.kind, Kind::timeout);
}

TEST(ApiClientAnswers, NoContentNeedsNoBody) {
    EXPECT_TRUE(interpret<NoContent>(answer(204, "")).ok());
}

TEST(ApiClientRequests, MutationsCarryTheirIdempotencyKeyAndTheToken) {
    testing::FakeTransport net;
    ApiClient client(net);
    client.set_token("abc");
    client.order_upgrade(3, UpgradeOrderRequest{"plan-b"}, "key-1",
                         [](ApiResult<UpgradeOrderResult>) {});
    ASSERT_EQ(net.pending(), 1u);
    const HttpRequest& sent = net.next();
    EXPECT_EQ(sent.method, "POST");
    EXPECT_EQ(sent.path, "/services/3/upgrade-orders");
    EXPECT_GT(sent.timeout_ms, 0) << "every request must have a timeout";
    int found = 0;
    for (const auto& [name, value] : sent.headers) {
        if (name == "Idempotency-Key" && value == "key-1") ++found;
        if (name == "Authorization" && value == "Bearer abc") ++found;
        if (name == "Content-Type" && value == "application/json") ++found;
    }
    EXPECT_EQ(found, 3);
    EXPECT_EQ(sent.body, R"({"plan_id":"plan-b"})");
}

TEST(ApiClientRequests, EachRouteHasItsMethodAndPath) {
    testing::FakeTransport net;
    ApiClient client(net);
    const auto ignore = [](auto) {};
    client.service_credentials(4, ignore);
    client.service_access(4, ignore);
    client.service_downloads(4, ignore);
    client.activation_estimate(4, ignore);
    client.upgrade_options(4, ignore);
    client.request_upgrade(4, UpgradeRequestBody{"hola"}, "k", ignore);
    client.request_cancellation(4, CancellationRequestBody{}, "k", ignore);
    client.cancellation_request(9, ignore);
    client.withdraw_cancellation(9, "k", ignore);
    client.auto_renew(4, ignore);
    client.set_auto_renew(4, AutoRenewBody{false}, "k", ignore);
    client.invoices(ignore);
    client.invoices(domain::InvoiceStatus::unpaid, ignore);
    client.invoice(31, ignore);
    client.pay_invoice(31, PaymentRequest{}, "k", ignore);
    client.upgrade_order(12, ignore);
    client.withdraw_upgrade_order(12, "k", ignore);
    client.manuals(ignore);
    client.manual("cancelacion", ignore);
    client.search_manuals("a b&c=d/é", 50, ignore);
    client.search_manuals("radio", 0, ignore);
    client.download_file(
        7, [](uint64_t, uint64_t) {}, [](HttpResponse) {});
    const char* expected[] = {
        "GET /services/4/credentials",
        "GET /services/4/access",
        "GET /services/4/downloads",
        "GET /services/4/activation-estimate",
        "GET /services/4/upgrade-options",
        "POST /services/4/upgrade-requests",
        "POST /services/4/cancellation-requests",
        "GET /cancellation-requests/9",
        "DELETE /cancellation-requests/9",
        "GET /services/4/auto-renew",
        "PUT /services/4/auto-renew",
        "GET /invoices",
        "GET /invoices?status=unpaid",
        "GET /invoices/31",
        "POST /invoices/31/payments",
        "GET /upgrade-orders/12",
        "DELETE /upgrade-orders/12",
        "GET /manuals",
        "GET /manuals/cancelacion",
        "GET /manuals?q=a%20b%26c%3Dd%2F%C3%A9&limit=50",
        "GET /manuals?q=radio",
        "GET /downloads/7/file",
    };
    for (const char* line : expected) {
        ASSERT_GT(net.pending(), 0u) << line;
        EXPECT_EQ(net.next().method + " " + net.next().path, line);
        net.reply(200, "{}");
    }
    EXPECT_EQ(net.pending(), 0u);
}

TEST(ApiClientRequests, QueryValuesEncodeEverythingButUnreservedCharacters) {
    EXPECT_EQ(encode_query_value("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    EXPECT_EQ(encode_query_value("A-z_0.9~"), "A-z_0.9~");
}

}  // namespace
}  // namespace portal::api
