#include "api/api_client.h"

namespace portal::api {

ApiFailure classify_failure(const HttpResponse& response) {
    ApiFailure failure;
    switch (response.failure) {
        case TransportFailure::unreachable:
            failure.kind = ApiFailure::Kind::unreachable;
            return failure;
        case TransportFailure::timeout:
            failure.kind = ApiFailure::Kind::timeout;
            return failure;
        case TransportFailure::none:
            break;
    }
    failure.status = response.status;
    // An error must carry the contract's JSON error body; anything else (an HTML page from a
    // proxy, an empty 502) is an answer we cannot trust.
    auto error = decode<ApiError>(response.body);
    if (error.ok() && !error.value().code.empty()) {
        failure.kind = ApiFailure::Kind::rejected;
        failure.error = std::move(error).value();
    } else {
        failure.kind = ApiFailure::Kind::malformed_answer;
    }
    return failure;
}

HttpRequest ApiClient::request(std::string method, std::string path, std::string body,
                               std::string idempotency_key) const {
    HttpRequest request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.body = std::move(body);
    request.headers.emplace_back("Accept", "application/json");
    if (!request.body.empty()) request.headers.emplace_back("Content-Type", "application/json");
    if (!token_.empty()) request.headers.emplace_back("Authorization", "Bearer " + token_);
    if (!idempotency_key.empty()) request.headers.emplace_back("Idempotency-Key", idempotency_key);
    return request;
}

void ApiClient::download(std::string path,
                         std::function<void(uint64_t received, uint64_t total)> progress,
                         std::function<void(HttpResponse)> done) {
    HttpRequest get = request("GET", std::move(path), {}, {});
    get.headers.front() = {"Accept", "application/octet-stream"};
    get.timeout_ms = 10 * 60 * 1000;  // big files on slow links; progress shows it is alive
    get.on_progress = std::move(progress);
    transport_.send(std::move(get), std::move(done));
}

void ApiClient::login(const LoginRequest& credentials, Callback<Session> done) {
    send<Session>(request("POST", "/session", encode(credentials), {}), std::move(done));
}

void ApiClient::logout(Callback<NoContent> done) {
    send<NoContent>(request("DELETE", "/session", {}, {}), std::move(done));
}

void ApiClient::services(Callback<ServiceList> done) {
    get<ServiceList>("/services", std::move(done));
}

void ApiClient::service(int64_t id, Callback<ServiceView> done) {
    get<ServiceView>("/services/" + std::to_string(id), std::move(done));
}

}  // namespace portal::api
