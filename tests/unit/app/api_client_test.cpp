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
    client.post<UpgradeOrderResult>("/services/3/upgrade-orders", UpgradeOrderRequest{"plan-b"},
                                    "key-1", [](ApiResult<UpgradeOrderResult>) {});
    ASSERT_EQ(net.pending(), 1u);
    const HttpRequest& sent = net.next();
    EXPECT_EQ(sent.method, "POST");
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

}  // namespace
}  // namespace portal::api
