// A small HTTP load generator for `./portal bench`, in the manner of wrk: a few event loops
// (epoll), each driving its share of N keep-alive connections to a running portal-stub on loopback,
// every connection sending the same GET as soon as the previous answer is in. One thread per
// connection (an HTTP library's blocking client) would spend the machine's two cores on thread
// switches that a browser's connections never cost the server; an event loop leaves them to the
// stub. Prints one JSON object: requests, errors, seconds, rps and latency percentiles in
// microseconds, and, given the stub's process id, its resident memory before and after the load.
//
//   portal-load --port 8080 --path /api/v1/services [--token T] [--connections 64] [--threads 1]
//               [--seconds 10] [--warmup 1] [--keep-alive 1|0] [--stub-pid PID]
//   portal-load --port 8080 --path /api/v1/health --hold 1000 --stub-pid PID
//       opens 1,000 connections, has each answered once, and reports the stub's memory while
//       they stay open: what one more client costs the server.
//
// Only 127.0.0.1: this tool is for measuring our own stub, never for loading someone else's host.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    int port = 8080;
    std::string path = "/api/v1/services";
    std::string token;
    int connections = 64;
    int threads = 1;
    double seconds = 10;
    double warmup = 1;
    bool keep_alive = true;
    int stub_pid = 0;
    int hold = 0;  // > 0: the memory of that many open connections instead of a load
};

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "portal-load: %s\nusage: portal-load --port N --path /api/... [--token T] "
                 "[--connections 1..4096] [--threads 1..8] [--seconds 0.1..120] [--warmup S] "
                 "[--keep-alive 1|0] [--stub-pid PID] [--hold 1..4096]\n",
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
        } else if (arg == "--connections") {
            options.connections = std::atoi(value.c_str());
        } else if (arg == "--threads") {
            options.threads = std::atoi(value.c_str());
        } else if (arg == "--seconds") {
            options.seconds = std::atof(value.c_str());
        } else if (arg == "--keep-alive") {
            options.keep_alive = value != "0";
        } else if (arg == "--warmup") {
            options.warmup = std::atof(value.c_str());
        } else if (arg == "--stub-pid") {
            options.stub_pid = std::atoi(value.c_str());
        } else if (arg == "--hold") {
            options.hold = std::atoi(value.c_str());
        } else {
            usage(("unknown option " + arg).c_str());
        }
    }
    if (options.port < 1 || options.port > 65535) usage("bad --port");
    if (options.connections < 1 || options.connections > 4096) usage("bad --connections");
    if (options.threads < 1 || options.threads > 8) usage("bad --threads");
    if (options.threads > options.connections) options.threads = options.connections;
    if (options.seconds < 0.1 || options.seconds > 120) usage("bad --seconds");
    if (options.warmup < 0 || options.warmup > 30) usage("bad --warmup");
    if (options.hold < 0 || options.hold > 4096) usage("bad --hold");
    if (options.path.empty() || options.path.front() != '/') usage("bad --path");
    return options;
}

// The stub's resident memory in kB (VmRSS), or its peak (VmHWM); 0 when unknown.
long stub_memory_kb(int pid, const char* field) {
    if (pid <= 0) return 0;
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(status, line)) {
        if (line.rfind(prefix, 0) == 0) return std::atol(line.c_str() + prefix.size());
    }
    return 0;
}

int open_connection(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);  // as browsers do
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 &&
        errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    return fd;
}

// Where an answer ends in `bytes`: the head's end plus Content-Length; 0 while incomplete; -1
// when it cannot be read (no Content-Length: the stub always sends one for these routes).
long answer_end(std::string_view bytes, int& status) {
    const size_t head_end = bytes.find("\r\n\r\n");
    if (head_end == std::string_view::npos) return 0;
    if (bytes.size() < 12 || bytes.substr(0, 5) != "HTTP/") return -1;
    status = std::atoi(std::string(bytes.substr(9, 3)).c_str());
    const std::string_view head = bytes.substr(0, head_end);
    long length = -1;
    size_t line = head.find("\r\n");
    while (line != std::string_view::npos && line < head.size()) {
        const size_t next = head.find("\r\n", line + 2);
        std::string_view header = head.substr(
            line + 2, next == std::string_view::npos ? std::string_view::npos : next - line - 2);
        constexpr std::string_view kLength = "content-length:";
        if (header.size() > kLength.size() &&
            std::equal(kLength.begin(), kLength.end(), header.begin(), [](char a, char b) {
                return a == std::tolower(static_cast<unsigned char>(b));
            })) {
            length = std::atol(std::string(header.substr(kLength.size())).c_str());
        }
        line = next;
    }
    if (length < 0) return -1;
    const long end = static_cast<long>(head_end) + 4 + length;
    return static_cast<long>(bytes.size()) >= end ? end : 0;
}

struct Connection {
    int fd = -1;
    std::string received;
    size_t sent = 0;
    Clock::time_point asked;
    bool answered_once = false;
};

struct Loop {
    std::vector<uint32_t> latencies_us;
    long errors = 0;
    long answered = 0;
};

class EventLoop {
  public:
    EventLoop(const Options& options, std::string request, int connections)
        : options_(options), request_(std::move(request)), connections_(connections) {}

    // Until `stop`, or (stop_when_each_answered) until every connection has one answer.
    void run(Clock::time_point start, Clock::time_point stop, bool stop_when_each_answered,
             Loop& result) {
        epoll_ = epoll_create1(EPOLL_CLOEXEC);
        result.latencies_us.reserve(400000);
        for (int i = 0; i < connections_; ++i) {
            all_.push_back(Connection{});
            if (!reconnect(i)) ++result.errors;
        }
        std::vector<epoll_event> events(256);
        int answered_once = 0;
        while (true) {
            const auto now = Clock::now();
            if (now >= stop) break;
            if (stop_when_each_answered && answered_once == connections_) break;
            const int wait_ms = static_cast<int>(
                std::chrono::duration_cast<std::chrono::milliseconds>(stop - now).count() + 1);
            const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()),
                                     std::min(wait_ms, 100));
            for (int e = 0; e < n; ++e) {
                const int i = static_cast<int>(events[static_cast<size_t>(e)].data.u32);
                // Holding: an answered connection stays as it is, whatever else it reports.
                if (stop_when_each_answered && all_[static_cast<size_t>(i)].answered_once) continue;
                const Outcome outcome = step(i);
                if (outcome == Outcome::waiting) continue;
                const auto done = Clock::now();
                Connection& c = all_[static_cast<size_t>(i)];
                if (outcome == Outcome::answered && !c.answered_once) {
                    c.answered_once = true;
                    ++answered_once;
                }
                if (c.asked >= start && done < stop) {
                    if (outcome == Outcome::answered) {
                        ++result.answered;
                        result.latencies_us.push_back(static_cast<uint32_t>(
                            std::chrono::duration_cast<std::chrono::microseconds>(done - c.asked)
                                .count()));
                    } else {
                        ++result.errors;
                    }
                }
                if (stop_when_each_answered) continue;  // holding: no next request
                if (outcome == Outcome::failed || !options_.keep_alive) {
                    if (!reconnect(i)) ++result.errors;
                } else {
                    ask(i);
                }
            }
        }
    }

    // Closes every connection (after a hold, once the stub's memory has been read).
    void close_all() {
        for (auto& c : all_) {
            if (c.fd >= 0) close(c.fd);
            c.fd = -1;
        }
        if (epoll_ >= 0) close(epoll_);
        epoll_ = -1;
    }

    ~EventLoop() { close_all(); }

  private:
    enum class Outcome { waiting, answered, failed };

    bool reconnect(int i) {
        Connection& c = all_[static_cast<size_t>(i)];
        if (c.fd >= 0) close(c.fd);
        c.fd = open_connection(options_.port);
        if (c.fd < 0) return false;
        epoll_event event{};
        // Edge-triggered: every read and send goes on until EAGAIN, so no readiness is lost, and a
        // writable socket does not wake the loop again and again.
        event.events = EPOLLIN | EPOLLOUT | EPOLLET;
        event.data.u32 = static_cast<uint32_t>(i);
        epoll_ctl(epoll_, EPOLL_CTL_ADD, c.fd, &event);
        ask(i);
        return true;
    }

    void ask(int i) {
        Connection& c = all_[static_cast<size_t>(i)];
        c.received.clear();
        c.sent = 0;
        c.asked = Clock::now();
        send_more(c);
    }

    void send_more(Connection& c) {
        while (c.sent < request_.size()) {
            const ssize_t n =
                send(c.fd, request_.data() + c.sent, request_.size() - c.sent, MSG_NOSIGNAL);
            if (n <= 0) return;  // not connected yet, or full: EPOLLOUT tells when to go on
            c.sent += static_cast<size_t>(n);
        }
    }

    Outcome step(int i) {
        Connection& c = all_[static_cast<size_t>(i)];
        if (c.sent < request_.size()) send_more(c);
        char buffer[16384];
        // With `Connection: close` the answer and the end of the stream come in the same read
        // burst: the close fails the request only when it leaves the answer incomplete.
        bool closed = false;
        while (true) {
            const ssize_t n = recv(c.fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                c.received.append(buffer, static_cast<size_t>(n));
                continue;
            }
            if (n == 0) {
                closed = true;
                break;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) break;
            return Outcome::failed;
        }
        int status = 0;
        const long end = answer_end(c.received, status);
        if (end == 0) return closed ? Outcome::failed : Outcome::waiting;
        if (end < 0 || status != 200) return Outcome::failed;
        return Outcome::answered;
    }

    const Options& options_;
    const std::string request_;
    const int connections_;
    int epoll_ = -1;
    std::vector<Connection> all_;
};

double percentile(const std::vector<uint32_t>& sorted, double p) {
    if (sorted.empty()) return 0;
    const size_t index =
        std::min(sorted.size() - 1, static_cast<size_t>(p * static_cast<double>(sorted.size())));
    return sorted[index];
}

std::string request_of(const Options& options) {
    std::string request = "GET " + options.path +
                          " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(options.port) +
                          "\r\nAccept: application/json\r\n";
    if (!options.token.empty()) request += "Authorization: Bearer " + options.token + "\r\n";
    if (!options.keep_alive) request += "Connection: close\r\n";
    return request + "\r\n";
}

// The stub's memory while `options.hold` connections are open, each answered once.
int hold(const Options& options) {
    const long before_kb = stub_memory_kb(options.stub_pid, "VmRSS");
    EventLoop loop(options, request_of(options), options.hold);
    Loop result;
    const auto now = Clock::now();
    loop.run(now, now + std::chrono::seconds(30), true, result);
    // Give the stub's threads a moment to settle what they allocated for the answers.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const long held_kb = stub_memory_kb(options.stub_pid, "VmRSS");
    loop.close_all();
    const long answered = result.answered;
    std::printf(
        "{\"path\":\"%s\",\"held\":%d,\"answered\":%ld,\"errors\":%ld,\"rss_before_kb\":%ld,"
        "\"rss_held_kb\":%ld,\"bytes_per_connection\":%.0f}\n",
        options.path.c_str(), options.hold, answered, result.errors, before_kb, held_kb,
        options.hold > 0 ? static_cast<double>(held_kb - before_kb) * 1024.0 / options.hold : 0.0);
    return answered == options.hold ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse(argc, argv);
    if (options.hold > 0) return hold(options);
    const std::string request = request_of(options);
    const long rss_before_kb = stub_memory_kb(options.stub_pid, "VmRSS");
    const auto begin = Clock::now();
    const auto start = begin + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(options.warmup));
    const auto stop = start + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(options.seconds));
    std::vector<Loop> results(static_cast<size_t>(options.threads));
    std::vector<std::thread> threads;
    for (int t = 0; t < options.threads; ++t) {
        // The connections shared out as evenly as they go.
        const int share = options.connections / options.threads +
                          (t < options.connections % options.threads ? 1 : 0);
        threads.emplace_back([&options, &request, share, start, stop, &results, t] {
            EventLoop loop(options, request, share);
            loop.run(start, stop, false, results[static_cast<size_t>(t)]);
        });
    }
    for (auto& thread : threads) thread.join();
    const long rss_after_kb = stub_memory_kb(options.stub_pid, "VmRSS");
    const long rss_peak_kb = stub_memory_kb(options.stub_pid, "VmHWM");
    const double elapsed =
        std::chrono::duration<double>(std::min(Clock::now(), stop) - start).count();
    std::vector<uint32_t> all;
    long errors = 0;
    for (const auto& loop : results) {
        all.insert(all.end(), loop.latencies_us.begin(), loop.latencies_us.end());
        errors += loop.errors;
    }
    std::sort(all.begin(), all.end());
    const double requests = static_cast<double>(all.size());
    std::printf(
        "{\"path\":\"%s\",\"keep_alive\":%s,\"connections\":%d,\"threads\":%d,\"seconds\":%.3f,"
        "\"ok\":%zu,\"errors\":%ld,\"rps\":%.1f,\"p50_us\":%.0f,\"p99_us\":%.0f,\"max_us\":%.0f,"
        "\"rss_before_kb\":%ld,\"rss_after_kb\":%ld,\"rss_peak_kb\":%ld}\n",
        options.path.c_str(), options.keep_alive ? "true" : "false", options.connections,
        options.threads, elapsed, all.size(), errors, elapsed > 0 ? requests / elapsed : 0.0,
        percentile(all, 0.50), percentile(all, 0.99),
        all.empty() ? 0.0 : static_cast<double>(all.back()), rss_before_kb, rss_after_kb,
        rss_peak_kb);
    return errors > 0 && all.empty() ? 1 : 0;
}
