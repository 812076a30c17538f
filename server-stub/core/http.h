// The backend's own request/answer types: plain data, no HTTP library. portal-stub's server
// reads the wire into a Request; the page's in-process transport builds one directly.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace portal::backend {

// A request body that the server kept in a file while it arrived instead of in memory: only the
// routes that take a file (Backend::takes_file), when the server has somewhere to put it. Its
// bytes are read on demand; the server removes the file once the request is answered, unless
// the backend moved it (AttachmentFiles::keep).
struct SpooledBody {
    virtual ~SpooledBody() = default;
    int64_t size = 0;
    std::string sha256_hex;  // of the bytes, computed as they arrived
    // Bytes [offset, offset + length), fewer at the end; empty when they cannot be read.
    virtual std::string read(int64_t offset, int64_t length) const = 0;
};

struct Request {
    std::string method;                          // "GET", "POST", ... (upper case)
    std::string path;                            // "/api/v1/services/12", without the query string
    std::map<std::string, std::string> query;    // decoded ?key=value pairs
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    // Set instead of `body` when the server spooled the body (see SpooledBody).
    std::shared_ptr<const SpooledBody> spooled_body = {};
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
