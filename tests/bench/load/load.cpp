// A small HTTP load generator for `./portal bench`: N threads, each with one keep-alive
// httplib::Client, send the same GET to a running portal-stub on loopback for a bounded time (and
// at most --max requests per thread). Prints one JSON object: requests, errors, seconds, rps and
// latency percentiles in microseconds.
//
//   portal-load --port 8080 --path /api/v1/services [--token T] [--threads 4] [--seconds 10]
//               [--max 2000000] [--warmup 1] [--keep-alive 1|0]
//
// Only 127.0.0.1: this tool is for measuring our own stub, never for loading someone else's host.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    int port = 8080;
    std::string path = "/api/v1/services";
    std::string token;
    int threads = 4;
    double seconds = 10;
    long max_per_thread = 2000000;
    double warmup = 1;
    bool keep_alive = true;
};

struct Worker {
    std::vector<uint32_t> latencies_us;
    long errors = 0;
};

[[noreturn]] void usage(const char* why) {
    std::fprintf(
        stderr,
        "portal-load: %s\nusage: portal-load --port N --path /api/... [--token T] "
        "[--threads 1..64] [--seconds 0.1..120] [--max N] [--warmup S] [--keep-alive 1|0]\n",
        why);
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) usage(("missing value for " + arg).c_str());
        const std::string value = argv[++i];
        if (arg == "--port") {
            options.port = std::atoi(value.c_str());
        } else if (arg == "--path") {
            options.path = value;
        } else if (arg == "--token") {
            options.token = value;
        } else if (arg == "--threads") {
            options.threads = std::atoi(value.c_str());
        } else if (arg == "--seconds") {
            options.seconds = std::atof(value.c_str());
        } else if (arg == "--max") {
            options.max_per_thread = std::atol(value.c_str());
        } else if (arg == "--keep-alive") {
            options.keep_alive = value != "0";
        } else if (arg == "--warmup") {
            options.warmup = std::atof(value.c_str());
        } else {
            usage(("unknown option " + arg).c_str());
        }
    }
    if (options.port < 1 || options.port > 65535) usage("bad --port");
    if (options.threads < 1 || options.threads > 64) usage("bad --threads");
    if (options.seconds < 0.1 || options.seconds > 120) usage("bad --seconds");
    if (options.warmup < 0 || options.warmup > 30) usage("bad --warmup");
    if (options.max_per_thread < 1) usage("bad --max");
    if (options.path.empty() || options.path.front() != '/') usage("bad --path");
    return options;
}

void run(const Options& options, Clock::time_point start, Clock::time_point stop, Worker& worker) {
    httplib::Client client("127.0.0.1", options.port);
    client.set_keep_alive(options.keep_alive);
    client.set_tcp_nodelay(true);  // like browsers; else Nagle + delayed ACK add ~40 ms
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(10, 0);
    httplib::Headers headers;
    if (!options.token.empty()) headers.emplace("Authorization", "Bearer " + options.token);
    worker.latencies_us.reserve(200000);
    long sent = 0;
    while (sent < options.max_per_thread) {
        const auto before = Clock::now();
        if (before >= stop) break;
        auto result = client.Get(options.path, headers);
        const auto after = Clock::now();
        const bool ok = result && result->status == 200;
        if (before < start) continue;  // warm-up: not counted
        ++sent;
        if (!ok) {
            ++worker.errors;
            continue;
        }
        worker.latencies_us.push_back(static_cast<uint32_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(after - before).count()));
    }
}

double percentile(const std::vector<uint32_t>& sorted, double p) {
    if (sorted.empty()) return 0;
    const size_t index =
        std::min(sorted.size() - 1, static_cast<size_t>(p * static_cast<double>(sorted.size())));
    return sorted[index];
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse(argc, argv);
    const auto begin = Clock::now();
    const auto start = begin + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(options.warmup));
    const auto stop = start + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(options.seconds));
    std::vector<Worker> workers(static_cast<size_t>(options.threads));
    std::vector<std::thread> threads;
    for (auto& worker : workers) {
        threads.emplace_back(
            [&options, start, stop, &worker] { run(options, start, stop, worker); });
    }
    for (auto& thread : threads) thread.join();
    const double elapsed =
        std::chrono::duration<double>(std::min(Clock::now(), stop) - start).count();
    std::vector<uint32_t> all;
    long errors = 0;
    for (const auto& worker : workers) {
        all.insert(all.end(), worker.latencies_us.begin(), worker.latencies_us.end());
        errors += worker.errors;
    }
    std::sort(all.begin(), all.end());
    const double requests = static_cast<double>(all.size());
    std::printf(
        "{\"path\":\"%s\",\"keep_alive\":%s,\"threads\":%d,\"seconds\":%.3f,\"ok\":%zu,\"errors\":%"
        "ld,"
        "\"rps\":%.1f,\"p50_us\":%.0f,\"p99_us\":%.0f,\"max_us\":%.0f}\n",
        options.path.c_str(), options.keep_alive ? "true" : "false", options.threads, elapsed,
        all.size(), errors, elapsed > 0 ? requests / elapsed : 0.0, percentile(all, 0.50),
        percentile(all, 0.99), all.empty() ? 0.0 : static_cast<double>(all.back()));
    return errors > 0 && all.empty() ? 1 : 0;
}
