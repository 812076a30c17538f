// The backend's own request/answer types: plain data, no HTTP library. portal-stub's server
// reads the wire into a Request; the page's in-process transport builds one directly.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace portal::backend {

struct Request {
    std::string method;                          // "GET", "POST", ... (upper case)
    std::string path;                            // "/api/v1/services/12", without the query string
    std::map<std::string, std::string> query;    // decoded ?key=value pairs
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    // The peer's IP address as text ("127.0.0.1"); empty in the page, where there is one client.
    // Per-address budgets (failed sign-ins) key on it.
    std::string remote_address = {};
};

// Bytes [offset, offset + length) of a body produced on demand, so a big download is streamed
// from its source in small pieces instead of being held whole in memory.
using BodyChunks = std::function<std::string(int64_t offset, int64_t length)>;

struct Response {
    int status = 200;
    std::map<std::string, std::string> headers;  // names as sent ("Content-Type")
    std::string body;
    // When set, the body is `streamed_length` bytes produced by `streamed` (and `body` is empty).
    BodyChunks streamed = {};
    int64_t streamed_length = 0;
};

}  // namespace portal::backend
