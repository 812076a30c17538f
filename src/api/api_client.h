// The typed client of the REST contract. Screens never call the network: app flows call this,
// and it turns every answer — or its absence — into either the DTO or an ApiFailure that says
// what went wrong in terms the app can explain to the client.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "api/dto.h"
#include "api/json_codec.h"
#include "api/transport.h"

namespace portal::api {

struct ApiFailure {
    enum class Kind {
        unreachable,      // no answer: server down, network off
        timeout,          // no answer in time
        rejected,         // an HTTP error with the contract's error body (see `error`)
        malformed_answer  // an answer that does not follow the contract (bad JSON, HTML, ...)
    };
    Kind kind = Kind::unreachable;
    int status = 0;  // HTTP status when an answer arrived
    ApiError error;  // for `rejected`: code, message, field
};

// An answer with no body (204).
struct NoContent {};

template <class T>
struct ApiResult {
    std::optional<T> value;
    ApiFailure failure;
    bool ok() const { return value.has_value(); }
};

template <class T>
using Callback = std::function<void(ApiResult<T>)>;

// Interprets one transport answer as T (exposed for tests of the contract's edge cases).
ApiFailure classify_failure(const HttpResponse& response);

template <class T>
ApiResult<T> interpret(const HttpResponse& response) {
    ApiResult<T> result;
    if (response.failure == TransportFailure::none && response.status >= 200 &&
        response.status < 300) {
        if constexpr (std::is_same_v<T, NoContent>) {
            result.value = NoContent{};
            return result;
        } else {
            auto decoded = decode<T>(response.body);
            if (decoded.ok()) {
                result.value = std::move(decoded).value();
                return result;
            }
            result.failure.kind = ApiFailure::Kind::malformed_answer;
            result.failure.status = response.status;
            result.failure.error = to_api_error(decoded.error());
            return result;
        }
    }
    result.failure = classify_failure(response);
    return result;
}

class ApiClient {
  public:
    explicit ApiClient(Transport& transport) : transport_(transport) {}

    void set_token(std::string token) { token_ = std::move(token); }
    void clear_token() { token_.clear(); }
    bool has_token() const { return !token_.empty(); }

    void login(const LoginRequest& credentials, Callback<Session> done);
    void logout(Callback<NoContent> done);
    void services(Callback<ServiceList> done);
    void service(int64_t id, Callback<ServiceView> done);

    // Generic calls for the other routes; `idempotency_key` makes a retried mutation act once.
    template <class T>
    void get(std::string path, Callback<T> done) {
        send<T>(request("GET", std::move(path), {}, {}), std::move(done));
    }
    template <class T, class Body>
    void post(std::string path, const Body& body, std::string idempotency_key, Callback<T> done) {
        send<T>(request("POST", std::move(path), encode(body), std::move(idempotency_key)),
                std::move(done));
    }

    template <class T, class Body>
    void put(std::string path, const Body& body, std::string idempotency_key, Callback<T> done) {
        send<T>(request("PUT", std::move(path), encode(body), std::move(idempotency_key)),
                std::move(done));
    }
    template <class T>
    void del(std::string path, std::string idempotency_key, Callback<T> done) {
        send<T>(request("DELETE", std::move(path), {}, std::move(idempotency_key)),
                std::move(done));
    }
    // A file's bytes (a download): no JSON decoding; progress is reported as bytes arrive.
    void download(std::string path, std::function<void(uint64_t received, uint64_t total)> progress,
                  std::function<void(HttpResponse)> done);

  private:
    HttpRequest request(std::string method, std::string path, std::string body,
                        std::string idempotency_key) const;

    template <class T>
    void send(HttpRequest request, Callback<T> done) {
        transport_.send(std::move(request), [done = std::move(done)](HttpResponse response) {
            done(interpret<T>(response));
        });
    }

    Transport& transport_;
    std::string token_;
};

}  // namespace portal::api
