// Reads HTTP/1.1 requests from the bytes of one connection, with every limit applied while the
// bytes arrive, whatever the framing (Content-Length, chunked, none): the head is capped in bytes
// and in header count, the body in bytes, and a body sent with a Content-Encoding is refused
// before any of it is kept. Nothing here touches a socket, so the same code runs in the server
// and in the fuzzer (tests/fuzz/request_framing_fuzz.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "core/http.h"

namespace portal::stub {

// Where the body of a request that sends a file goes as it arrives, instead of memory (a file on
// disk: attachment_directory.h).
class BodySpool {
  public:
    virtual ~BodySpool() = default;
    // False when the bytes could not be kept (a full disk): the request is refused (503).
    virtual bool write(std::string_view bytes) = 0;
    // The body, once its last byte was written; nullptr when it could not be kept.
    virtual std::shared_ptr<const backend::SpooledBody> finish() = 0;
};

struct ReadLimits {
    size_t head_bytes = 64 * 1024;  // request line + headers
    size_t header_count = 100;
    // Larger than the API's own limit, so the backend answers most oversized bodies itself.
    uint64_t body_bytes = 1024 * 1024;
    // The requests whose body is a file (Backend::takes_file), judged on the head: their body
    // may reach file_body_bytes (413 past it, however it is framed) and goes to a spool from
    // open_spool, or to memory when there is none. Unset: no request sends a file.
    std::function<bool(const backend::Request& head)> takes_file = {};
    uint64_t file_body_bytes = 0;
    std::function<std::unique_ptr<BodySpool>()> open_spool = {};
};

// What the bytes so far amount to.
enum class ReadState {
    need_more,  // give it more bytes
    complete,   // request() is whole
    refused,    // refusal() is the status to answer (400, 413, 415, 431, 503); the connection ends
};

class RequestReader {
  public:
    explicit RequestReader(ReadLimits limits = {});
    ~RequestReader();
    RequestReader(const RequestReader&) = delete;
    RequestReader& operator=(const RequestReader&) = delete;

    // Consumes a prefix of `bytes` and says where the request stands; the bytes not consumed
    // (those after a complete request: the next one) are to be given again after start_next().
    // Once complete or refused, it consumes nothing until start_next().
    ReadState feed(std::string_view bytes, size_t& consumed);
    // The peer closed its side: a request cut short is refused (400); none started is fine.
    ReadState finish();

    // True once any byte of the current request arrived (the head's deadline starts then).
    bool started() const { return started_; }
    // True once the request's head (request line and headers) is read.
    bool head_done() const;
    // True when the client sent its head with `Expect: 100-continue` (HTTP/1.1) and waits for a
    // "100 Continue" before sending the body it announced: the head passed every check that the
    // reader makes before a body (length, codings), and no answer is decided yet.
    bool awaits_continue() const;
    int refusal() const { return refusal_; }
    // True once the head says the body is a file (ReadLimits::takes_file).
    bool file_body() const { return file_body_; }
    // The request read; method as sent ("HEAD" stays "HEAD"), path percent-decoded, header names
    // in lower case (the first of repeated names wins; trailers after a chunked body are not
    // kept), query decoded.
    backend::Request& request() { return request_; }
    // Whether the client wants the connection kept open after the answer.
    bool keep_alive() const { return keep_alive_; }

    // Ready for the next request on the same connection.
    void start_next();

  private:
    class Parser;
    friend class Parser;
    ReadLimits limits_;
    std::unique_ptr<Parser> parser_;
    backend::Request request_;
    size_t headers_seen_ = 0;
    bool file_body_ = false;
    uint64_t body_held_ = 0;  // body bytes taken so far, in memory or in the spool
    std::unique_ptr<BodySpool> spool_;
    int refusal_ = 0;
    int version_ = 11;  // 10 for HTTP/1.0, 11 for HTTP/1.1
    bool started_ = false;
    bool keep_alive_ = false;
    ReadState state_ = ReadState::need_more;
};

}  // namespace portal::stub
