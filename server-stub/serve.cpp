#include "serve.h"

#include <signal.h>
#include <sys/resource.h>

#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>
#include <thread>

#include "core/responses.h"
#include "http_adapter.h"
#include "http_server.h"
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

    void write(const backend::Request& req, int status, double ms, int64_t bytes) {
        if (quiet_) return;
        std::lock_guard<std::mutex> lock(mutex_);
        std::printf("%s %s %s %s %d %.1fms %lldB\n", utc_timestamp().c_str(),
                    req.remote_address.c_str(), req.method.empty() ? "-" : req.method.c_str(),
                    req.path.empty() ? "-" : req.path.c_str(), status, ms,
                    static_cast<long long>(bytes));
        std::fflush(stdout);
    }

  private:
    bool quiet_;
    std::mutex mutex_;
};

backend::Response answer(backend::Backend& api, const StaticFiles* static_files,
                         const backend::Request& request) {
    backend::Response response;
    if (request.path.rfind("/api/", 0) == 0) {
        response = api.handle(to_backend_request(request));
    } else if (static_files && (request.method == "GET" || request.method == "HEAD")) {
        response = serve_static(*static_files, request);  // gzip, ETag, 304 (static_files.h)
    } else {
        response = backend::error_response(404, "not_found", "no such route");
    }
    add_security_headers(response);
    return response;
}

backend::Response refusal(const backend::Backend& api, int status,
                          const backend::Request& partial) {
    backend::Response response;
    switch (status) {
        case 413:
            response =
                backend::Backend::takes_file(partial)
                    ? api.attachment_too_large()
                    : backend::error_response(413, "payload_too_large", "the body is too large");
            break;
        case 503:
            response = backend::error_response(503, "attachment_not_kept",
                                               "the file could not be kept now; try again later");
            break;
        case 415:
            response = backend::error_response(415, "unsupported_media_type",
                                               "request bodies are taken without Content-Encoding");
            break;
        case 431:
            response = backend::error_response(431, "headers_too_large",
                                               "too many or too large request headers");
            break;
        default:
            response = backend::error_response(400, "bad_request", "the request could not be read");
    }
    add_security_headers(response);
    return response;
}

// Every connection open at once needs a descriptor: as many as the system lets this process have.
void raise_descriptor_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
}

}  // namespace

void take_stop_signals() {
    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    signal(SIGPIPE, SIG_IGN);
}

int serve(const Options& options, backend::Backend& api, const StaticFiles* static_files,
          const AttachmentDirectory* attachments) {
    raise_descriptor_limit();
    RequestLog log(options.quiet);
    HttpService service;
    service.answer = [&api, static_files](const backend::Request& request) {
        return answer(api, static_files, request);
    };
    service.checks_password = [](const backend::Request& request) {
        return backend::Backend::checks_password(request);
    };
    service.refusal = [&api](int status, const backend::Request& partial) {
        return refusal(api, status, partial);
    };
    service.log = [&log](const backend::Request& request, int status, double ms, int64_t bytes) {
        log.write(request, status, ms, bytes);
    };
    ReadLimits limits;
    // The one route whose body may be larger than a JSON body, spooled to disk when there is a
    // folder for it (with --db) and held in memory otherwise.
    limits.takes_file = [](const backend::Request& head) {
        return backend::Backend::takes_file(head);
    };
    limits.file_body_bytes = static_cast<uint64_t>(api.max_attachment_bytes());
    if (attachments) limits.open_spool = [attachments] { return attachments->open_spool(); };
    HttpServer server(std::move(service), options.threads, limits);

    const int port = server.listen(options.bind, options.port);
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

    server.run();
    std::printf("portal-stub stopped\n");
    return 0;
}

}  // namespace portal::stub
