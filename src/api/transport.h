// How the ApiClient reaches the backend: an asynchronous request/answer exchange.
//
// Implementations: FetchTransport (the page, emscripten_fetch), the in-process transport (the
// static-host demo: the backend core inside the page) and test fakes. `send` never blocks; the
// answer arrives later through `done`, always exactly once, on the thread that called `send`
// (the browser's main thread in the page).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace portal::api {

struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string path;    // below the API base, with the query: "/services?status=active"
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    int timeout_ms = 15000;  // every request has one; the page never waits forever
    // Optional: bytes received so far and the total (0 when unknown), for big downloads.
    std::function<void(uint64_t received, uint64_t total)> on_progress;
};

// Why no HTTP answer arrived at all.
enum class TransportFailure {
    none,         // an HTTP answer arrived (any status)
    unreachable,  // connection refused, DNS, CORS, offline
    timeout,      // no answer within timeout_ms
};

struct HttpResponse {
    TransportFailure failure = TransportFailure::none;
    int status = 0;
    std::string body;
    std::string content_type;
};

class Transport {
  public:
    virtual ~Transport() = default;
    virtual void send(HttpRequest request, std::function<void(HttpResponse)> done) = 0;
};

}  // namespace portal::api
