// portal-stub: the backend library behind a real HTTP server (cpp-httplib), with a SQLite store,
// Argon2id passwords, and the built page served from --static. See `portal-stub --help`.
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "argon2id_hasher.h"
#include "core/backend.h"
#include "core/fixtures.h"
#include "core/memory_store.h"
#include "data_files.h"
#include "http_adapter.h"
#include "sodium_random.h"
#include "sqlite/sqlite_store.h"
#include "static_files.h"

namespace {

using namespace portal;

struct Options {
    int port = 8080;
    std::string bind = "127.0.0.1";
    std::string db;  // empty: in-memory store
    std::string static_dir;
    std::string manuals_dir = PORTAL_DEFAULT_MANUALS_DIR;
    std::string fixtures_dir = PORTAL_DEFAULT_FIXTURES_DIR;
    int64_t token_ttl = 8 * 3600;
    int threads = 8;
    bool init_db_only = false;
    bool quiet = false;
    bool fast_hash = false;
};

const char* kUsage = R"(portal-stub: the client portal's REST API and page server

  --port N          port to listen on (default 8080; 0 picks a free one)
  --bind ADDR       address to bind (default 127.0.0.1)
  --db PATH         SQLite database; created from the fixtures when absent
                    (without --db the data lives in memory and is lost on exit)
  --static DIR      serve the built page from DIR (index.html, .js, .wasm, .data)
  --manuals DIR     Markdown manuals (default: the repository's assets/manuals)
  --fixtures DIR    demo data (default: the repository's server-stub/fixtures)
  --token-ttl SECS  session lifetime (default 28800 = 8 h)
  --threads N       worker threads (default 8)
  --init-db         create/migrate the database (and load fixtures if new), then exit
  --fast-hash       Argon2id at its minimum cost (tests only; never for real passwords)
  --quiet           no per-request log lines
)";

bool parse_options(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", name);
                std::exit(2);
            }
            return argv[++i];
        };
        auto number = [&](const char* name, int64_t min, int64_t max) -> int64_t {
            std::string text = value(name);
            char* end = nullptr;
            long long n = std::strtoll(text.c_str(), &end, 10);
            if (text.empty() || *end != '\0' || n < min || n > max) {
                std::fprintf(stderr, "%s: expected a number from %lld to %lld\n", name,
                             static_cast<long long>(min), static_cast<long long>(max));
                std::exit(2);
            }
            return n;
        };
        if (arg == "--port")
            options.port = static_cast<int>(number("--port", 0, 65535));
        else if (arg == "--bind")
            options.bind = value("--bind");
        else if (arg == "--db")
            options.db = value("--db");
        else if (arg == "--static")
            options.static_dir = value("--static");
        else if (arg == "--manuals")
            options.manuals_dir = value("--manuals");
        else if (arg == "--fixtures")
            options.fixtures_dir = value("--fixtures");
        else if (arg == "--token-ttl")
            options.token_ttl = number("--token-ttl", 1, 365LL * 86400);
        else if (arg == "--threads")
            options.threads = static_cast<int>(number("--threads", 1, 256));
        else if (arg == "--init-db")
            options.init_db_only = true;
        else if (arg == "--fast-hash")
            options.fast_hash = true;
        else if (arg == "--quiet")
            options.quiet = true;
        else if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            std::exit(0);
        } else {
            std::fprintf(stderr, "unknown option %s\n\n%s", arg.c_str(), kUsage);
            return false;
        }
    }
    return true;
}

bool load_demo_data(const Options& options, backend::Store& store, backend::PasswordHasher& hasher,
                    const backend::Clock& clock) {
    auto catalog = stub::read_text_file(options.fixtures_dir + "/catalog.json");
    auto clients = stub::read_text_file(options.fixtures_dir + "/clients.json");
    if (!catalog || !clients) {
        std::fprintf(stderr, "cannot read fixtures in %s\n", options.fixtures_dir.c_str());
        return false;
    }
    auto loaded = backend::load_fixtures(*catalog, *clients, store, hasher,
                                         domain::company_today(clock.now()));
    if (!loaded.ok()) {
        std::fprintf(stderr, "fixtures: %s\n", loaded.error().message.c_str());
        return false;
    }
    std::printf("loaded fixtures: %d clients, %d services, %d plans, %d downloads\n",
                loaded.value().clients, loaded.value().services, loaded.value().plans,
                loaded.value().downloads);
    return true;
}

// The demo accounts' emails, from the fixtures themselves (so this list cannot drift from them).
// Never a password: this output is the stub's log, and no log holds a password (RELIABILITY.md).
// The demo password is public in README.md ("Demo accounts"), where the banner points.
void print_demo_logins(const std::string& fixtures_dir) {
    auto text = stub::read_text_file(fixtures_dir + "/clients.json");
    if (!text) return;
    auto clients = nlohmann::json::parse(*text, nullptr, false);
    if (!clients.is_object() || !clients["clients"].is_array()) return;
    std::printf("demo logins (password: README.md, \"Demo accounts\"):\n");
    for (const auto& client : clients["clients"]) {
        if (!client.is_object()) continue;
        std::printf("  %s\n", client.value("email", "").c_str());
    }
}

std::string utc_timestamp() {
    std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse_options(argc, argv, options)) return 2;

    // SIGINT/SIGTERM are taken by a watcher thread (below) that stops the server cleanly.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    backend::SystemClock clock;
    stub::SodiumRandomSource random;
    stub::Argon2idHasher hasher(options.fast_hash ? stub::Argon2idLimits::minimum()
                                                  : stub::Argon2idLimits::interactive());

    std::unique_ptr<backend::Store> store;
    try {
        if (options.db.empty()) {
            store = std::make_unique<backend::MemoryStore>();
            if (!load_demo_data(options, *store, hasher, clock)) return 1;
        } else {
            auto sqlite = std::make_unique<backend::SqliteStore>(options.db);
            if (sqlite->is_empty() && !load_demo_data(options, *sqlite, hasher, clock)) return 1;
            store = std::move(sqlite);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "database: %s\n", e.what());
        return 1;
    }
    if (options.init_db_only) {
        std::printf("database ready: %s\n", options.db.c_str());
        return 0;
    }

    backend::ManualLibrary manuals(stub::read_manual_sources(options.manuals_dir));
    backend::BackendConfig config;
    config.token_ttl_seconds = options.token_ttl;
    backend::Backend api(*store, clock, hasher, random, manuals, config);
    std::unique_ptr<stub::StaticFiles> static_files;
    if (!options.static_dir.empty()) {
        static_files = std::make_unique<stub::StaticFiles>(options.static_dir);
    }

    httplib::Server server;
    const int threads = options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Larger than the API's limit, so the backend itself answers 413 with a JSON error.
    server.set_payload_max_length(1024 * 1024);
    // Answers go out in several small writes; without TCP_NODELAY, Nagle's algorithm holds each
    // later write until the client's delayed ACK (~40 ms per keep-alive request, BENCHMARKS.md).
    server.set_tcp_nodelay(true);
    // cpp-httplib 0.11 closes a keep-alive connection after 5 requests by default.
    server.set_keep_alive_max_count(1000);

    std::mutex log_mutex;
    auto log = [&](const httplib::Request& req, int status, double ms, size_t bytes) {
        if (options.quiet) return;
        // Only method, path and status: never headers (tokens) or bodies (passwords).
        std::lock_guard<std::mutex> lock(log_mutex);
        std::printf("%s %s %s %s %d %.1fms %zuB\n", utc_timestamp().c_str(),
                    req.remote_addr.c_str(), req.method.c_str(), req.path.c_str(), status, ms,
                    bytes);
        std::fflush(stdout);
    };

    // cpp-httplib 0.11 (Debian's compiled library, so its macros cannot be changed) limits each
    // header line to 8 KB but not how many lines come: more than kMaxRequestHeaders headers, or
    // more than kMaxRequestHeaderBytes in all, are refused with 431 before any work.
    constexpr size_t kMaxRequestHeaders = 100;
    constexpr size_t kMaxRequestHeaderBytes = 64 * 1024;
    server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        size_t bytes = 0;
        for (const auto& [name, value] : req.headers) bytes += name.size() + value.size() + 4;
        if (req.headers.size() <= kMaxRequestHeaders && bytes <= kMaxRequestHeaderBytes) {
            return httplib::Server::HandlerResponse::Unhandled;
        }
        res.status = 431;
        res.set_content(R"({"error":{"code":"headers_too_large","message":"too many or too large)"
                        R"( request headers","field":null}})",
                        "application/json; charset=utf-8");
        log(req, res.status, 0.0, res.body.size());
        return httplib::Server::HandlerResponse::Handled;  // the error handler adds the headers
    });

    auto handle = [&](const httplib::Request& req, httplib::Response& res) {
        auto started = std::chrono::steady_clock::now();
        if (req.path.rfind("/api/", 0) == 0) {
            // The backend answers Range requests itself (it slices the body, sets 206 and
            // Content-Range); httplib would slice that answer again. Its Request object is not
            // const underneath (a local in httplib's connection loop), so clearing is defined.
            const_cast<httplib::Request&>(req).ranges.clear();
            stub::write_response(api.handle(stub::to_backend_request(req)), res);
        } else if (static_files && (req.method == "GET" || req.method == "HEAD")) {
            stub::serve_static(*static_files, req, res);  // gzip, ETag, 304 (static_files.h)
        } else {
            stub::write_response(
                backend::Response{
                    404,
                    {{"Content-Type", "application/json; charset=utf-8"}},
                    R"({"error":{"code":"not_found","message":"no such route","field":null}})"},
                res);
        }
        stub::add_security_headers(res);
        double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        log(req, res.status, ms, res.body.size());
    };
    const char* any = "/.*";
    server.Get(any, handle);
    server.Post(any, handle);
    server.Put(any, handle);
    server.Patch(any, handle);
    server.Delete(any, handle);
    server.Options(any, handle);
    // Errors httplib answers itself (a malformed request line, an oversized body): JSON too.
    server.set_error_handler([&](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) {
            std::string code = res.status == 413 ? "payload_too_large" : "bad_request";
            res.set_content(R"({"error":{"code":")" + code +
                                R"(","message":"the request could not be read","field":null}})",
                            "application/json; charset=utf-8");
        }
        stub::add_security_headers(res);
    });

    int port = options.port;
    if (port == 0) {
        port = server.bind_to_any_port(options.bind);
        if (port < 0) port = 0;
    } else if (!server.bind_to_port(options.bind, port)) {
        port = 0;
    }
    if (port == 0) {
        std::fprintf(stderr, "cannot listen on %s:%d\n", options.bind.c_str(), options.port);
        return 1;
    }

    std::thread signal_watcher([&server, stop_signals] {
        int signal_number = 0;
        sigwait(&stop_signals, &signal_number);
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
