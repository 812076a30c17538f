// portal-stub's HTTP/1.1 server (Boost.Beast's parser over Boost.Asio): one I/O thread per core
// serves every connection asynchronously, each connection in a strand of its own, so a slow or
// idle client holds a few kilobytes and no thread. A quick answer (most of them: well under a
// millisecond) is given on the I/O thread, which saves two thread crossings per request; what may
// take long runs on a WorkerPool: a password hash (Argon2id, in a lane of its own), a request
// whose body is a file, and the pieces of a streamed body. Requests are read with RequestReader's
// limits; the deadlines below bound how long a client may take.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/http.h"
#include "request_reader.h"

namespace portal::stub {

struct HttpService {
    // On an I/O thread or a worker (any thread): the answer to a whole request. For "HEAD" its
    // body is not sent, and a streamed body is not produced at all.
    std::function<backend::Response(const backend::Request&)> answer;
    // On the I/O thread (keep it cheap): whether answering may wait on a password hash (Argon2id).
    // Such requests run in a lane of their own, so a flood of them never queues cheap requests
    // (health, lists) behind the hashing. Unset: one lane for everything.
    std::function<bool(const backend::Request&)> checks_password;
    // On the I/O thread (keep it cheap): the answer to a request refused while it was being read
    // (400, 413, 415, 431, 503), given what was read of it; the connection closes after it.
    std::function<backend::Response(int status, const backend::Request& partial)> refusal;
    // As an answer starts going out: the request (possibly partial when refused), status, time
    // from the complete request to the answer, and the body's length (0 for HEAD).
    std::function<void(const backend::Request&, int status, double ms, int64_t bytes)> log;
};

struct ServerTimeouts {
    using seconds = std::chrono::seconds;
    seconds idle{30};  // waiting for the first byte of a request (keep-alive included)
    seconds head{10};  // from that first byte to the end of the head, however it trickles in
    seconds body{30};  // from the end of the head to the end of the body
    // The same for a body that is a file (ReadLimits::takes_file): 5 MB in 2 minutes is about
    // 43 KB/s, a slow mobile link's upload.
    seconds file_body{120};
    seconds write{30};  // for each piece of an answer to be taken by the client
    // After a refusal (or any close), how long the server keeps reading and discarding what the
    // client still sends, so that it reads the answer instead of a connection reset.
    seconds linger{2};
};

class HttpServer {
  public:
    HttpServer(HttpService service, int workers, ReadLimits limits = {},
               ServerTimeouts timeouts = {});
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens; returns the port (the one picked for port 0), or 0 when it cannot.
    int listen(const std::string& address, int port);
    // Answers until stop(); returns after the I/O thread's work ends.
    void run();
    // From any thread (a signal watcher): run() returns soon after.
    void stop();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace portal::stub
