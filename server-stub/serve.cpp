#include "serve.h"

#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>
#include <thread>

#include "core/responses.h"
#include "http_adapter.h"
#include "store_setup.h"

namespace portal::stub {
namespace {

sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

std::string utc_timestamp() {
    std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return text;
}

// One line per request: only method, path and status, never headers (tokens) or bodies
// (passwords).
class RequestLog {
  public:
    explicit RequestLog(bool quiet) : quiet_(quiet) {}

    void write(const httplib::Request& req, int status, double ms, size_t bytes) {
        if (quiet_) return;
        std::lock_guard<std::mutex> lock(mutex_);
        std::printf("%s %s %s %s %d %.1fms %zuB\n", utc_timestamp().c_str(),
                    req.remote_addr.c_str(), req.method.c_str(), req.path.c_str(), status, ms,
                    bytes);
        std::fflush(stdout);
    }

  private:
    bool quiet_;
    std::mutex mutex_;
};

// cpp-httplib 0.11 (Debian's compiled library, so its macros cannot be changed) limits each
// header line to 8 KB but not how many lines come: more than kMaxRequestHeaders headers, or more
// than kMaxRequestHeaderBytes in all, are refused with 431 before any work.
constexpr size_t kMaxRequestHeaders = 100;
constexpr size_t kMaxRequestHeaderBytes = 64 * 1024;

bool headers_too_large(const httplib::Request& req) {
    size_t bytes = 0;
    for (const auto& [name, value] : req.headers) bytes += name.size() + value.size() + 4;
    return req.headers.size() > kMaxRequestHeaders || bytes > kMaxRequestHeaderBytes;
}

void configure(httplib::Server& server, int threads) {
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Larger than the API's limit, so the backend itself answers 413 with a JSON error.
    server.set_payload_max_length(1024 * 1024);
    // Answers go out in several small writes; without TCP_NODELAY, Nagle's algorithm holds each
    // later write until the client's delayed ACK (~40 ms per keep-alive request, BENCHMARKS.md).
    server.set_tcp_nodelay(true);
    // cpp-httplib 0.11 closes a keep-alive connection after 5 requests by default.
    server.set_keep_alive_max_count(1000);
}

void add_routes(httplib::Server& server, backend::Backend& api, const StaticFiles* static_files,
                RequestLog& log) {
    server.set_pre_routing_handler([&log](const httplib::Request& req, httplib::Response& res) {
        if (!headers_too_large(req)) return httplib::Server::HandlerResponse::Unhandled;
        write_response(backend::error_response(431, "headers_too_large",
                                               "too many or too large request headers"),
                       res);
        log.write(req, res.status, 0.0, res.body.size());
        return httplib::Server::HandlerResponse::Handled;  // the error handler adds the headers
    });

    auto handle = [&api, static_files, &log](const httplib::Request& req, httplib::Response& res) {
        auto started = std::chrono::steady_clock::now();
        if (req.path.rfind("/api/", 0) == 0) {
            // The backend answers Range requests itself (it slices the body, sets 206 and
            // Content-Range); httplib would slice that answer again. Its Request object is not
            // const underneath (a local in httplib's connection loop), so clearing is defined.
            const_cast<httplib::Request&>(req).ranges.clear();
            write_response(api.handle(to_backend_request(req)), res);
        } else if (static_files && (req.method == "GET" || req.method == "HEAD")) {
            serve_static(*static_files, req, res);  // gzip, ETag, 304 (static_files.h)
        } else {
            write_response(backend::error_response(404, "not_found", "no such route"), res);
        }
        add_security_headers(res);
        double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        log.write(req, res.status, ms, res.body.size());
    };
    const char* any = "/.*";
    server.Get(any, handle);
    server.Post(any, handle);
    server.Put(any, handle);
    server.Patch(any, handle);
    server.Delete(any, handle);
    server.Options(any, handle);
    // Errors httplib answers itself (a malformed request line, an oversized body): JSON too.
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) {
            const char* code = res.status == 413 ? "payload_too_large" : "bad_request";
            write_response(
                backend::error_response(res.status, code, "the request could not be read"), res);
        }
        add_security_headers(res);
    });
}

// The port listened on (the free one picked for --port 0), or 0 when it cannot be bound.
int bind_port(httplib::Server& server, const Options& options) {
    if (options.port != 0)
        return server.bind_to_port(options.bind, options.port) ? options.port : 0;
    const int port = server.bind_to_any_port(options.bind);
    return port < 0 ? 0 : port;
}

}  // namespace

void take_stop_signals() {
    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    signal(SIGPIPE, SIG_IGN);
}

int serve(const Options& options, backend::Backend& api, const StaticFiles* static_files) {
    httplib::Server server;
    RequestLog log(options.quiet);
    configure(server, options.threads);
    add_routes(server, api, static_files, log);

    const int port = bind_port(server, options);
    if (port == 0) {
        std::fprintf(stderr, "cannot listen on %s:%d\n", options.bind.c_str(), options.port);
        return 1;
    }
    std::thread signal_watcher([&server] {
        const sigset_t signals = stop_signals();
        int signal_number = 0;
        sigwait(&signals, &signal_number);
        server.stop();
    });
    signal_watcher.detach();

    std::printf("portal-stub listening on http://%s:%d/\n", options.bind.c_str(), port);
    print_demo_logins(options.fixtures_dir);
    if (!static_files) std::printf("no --static DIR: serving the API only\n");
    std::fflush(stdout);

    server.listen_after_bind();
    std::printf("portal-stub stopped\n");
    return 0;
}

}  // namespace portal::stub
