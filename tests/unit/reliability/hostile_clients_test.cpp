// portal-stub against hostile clients, over loopback (RELIABILITY.md, "hostile clients"): bodies
// over the limit in every framing, compressed bodies, too many headers, a head trickled past its
// deadline, hundreds of slow and idle connections beside a client that wants /health, and
// downloads that are streamed (HEAD produces nothing) with Range honoured only where it applies,
// and the per-client caps on stored requests and keys.
// Behaviour only: the memory figures need a stub without AddressSanitizer (stub_memory_test.cpp).
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "loopback_stub.h"
#include "raw_http.h"

namespace portal::reliability {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

class HostileClients : public LoopbackStub {};

const std::string kPost = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\n";
constexpr uint64_t kEightMiB = 8u << 20;

TEST_F(HostileClients, ABodyOverTheLimitIsRefusedInEveryFramingAndTheAnswerIsRead) {
    const std::string piece(64 * 1024, 'x');
    // Declared: refused from its Content-Length, before any of it is read.
    RawResponse declared = parse_response(
        flood(port(), kPost + "Content-Length: 268435456\r\n\r\n", piece, kEightMiB));
    EXPECT_EQ(declared.status, 413) << declared.body;
    EXPECT_NE(declared.body.find("payload_too_large"), std::string::npos) << declared.body;
    // Chunked: counted as the chunks arrive.
    std::string chunk = "10000\r\n" + piece + "\r\n";
    RawResponse chunked = parse_response(
        flood(port(), kPost + "Transfer-Encoding: chunked\r\n\r\n", chunk, kEightMiB));
    EXPECT_EQ(chunked.status, 413) << chunked.body;
    // One huge chunk announced.
    RawResponse big_chunk = parse_response(
        flood(port(), kPost + "Transfer-Encoding: chunked\r\n\r\n10000000\r\n", piece, kEightMiB));
    EXPECT_EQ(big_chunk.status, 413) << big_chunk.body;
    EXPECT_EQ(raw(port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n").status, 200);
}

TEST_F(HostileClients, BytesAfterARequestWithoutLengthAreReadAsTheNextHeadAndCapped) {
    // Without Content-Length or chunked a request has no body (RFC 9112 §6.3): the request is
    // answered, and what follows is the next request's head, refused at the head's limit.
    const std::string answer = flood(port(), "PATCH /api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n",
                                     std::string(65536, 'x'), kEightMiB);
    RawResponse first = parse_response(answer);
    EXPECT_EQ(first.status, 401) << answer.substr(0, 300);
    EXPECT_NE(answer.find("HTTP/1.1 431 "), std::string::npos) << answer.substr(0, 600);
}

TEST_F(HostileClients, ACompressedBodyIsRefusedWith415) {
    RawResponse gzip = parse_response(
        flood(port(), kPost + "Content-Encoding: gzip\r\nContent-Length: 1048576\r\n\r\n",
              std::string(65536, '\x1f'), 1 << 20));
    EXPECT_EQ(gzip.status, 415) << gzip.body;
    EXPECT_NE(gzip.body.find("unsupported_media_type"), std::string::npos) << gzip.body;
    // Chunked and compressed alike.
    RawResponse chunked = parse_response(
        flood(port(), kPost + "Content-Encoding: deflate\r\nTransfer-Encoding: chunked\r\n\r\n",
              "400\r\n" + std::string(1024, 'z') + "\r\n", kEightMiB));
    EXPECT_EQ(chunked.status, 415) << chunked.body;
    // "identity" is no coding at all.
    const std::string body = R"({"email":"ana@example.com","password":"demo1234"})";
    RawResponse plain = raw(port(),
                            kPost +
                                "Content-Encoding: identity\r\nContent-Type: application/json"
                                "\r\nContent-Length: " +
                                std::to_string(body.size()) + "\r\n",
                            body);
    EXPECT_EQ(plain.status, 201) << plain.body;
}

TEST_F(HostileClients, EndlessHeaderLinesAreRefusedWith431) {
    std::string lines;
    for (int i = 0; i < 1000; ++i) lines += "X-Line-" + std::to_string(i) + ": v\r\n";
    RawResponse r = parse_response(
        flood(port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n", lines, kEightMiB));
    EXPECT_EQ(r.status, 431) << r.body;
    EXPECT_NE(r.body.find("headers_too_large"), std::string::npos) << r.body;
}

// One header line a second: the head's deadline counts from its first byte, not from the last.
TEST_F(HostileClients, AHeadTrickledPastItsDeadlineIsCut) {
    const int fd = connect_loopback(port(), 1);
    ASSERT_GE(fd, 0);
    const auto start = Clock::now();
    std::string line = "GET /api/v1/health HTTP/1.1\r\n";
    bool cut = false;
    for (int i = 0; i < 40 && !cut; ++i) {
        if (send(fd, line.data(), line.size(), MSG_NOSIGNAL) <= 0) {
            cut = true;
            break;
        }
        char byte;
        const ssize_t n = recv(fd, &byte, 1, 0);  // waits up to 1 s (the socket's timeout)
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) cut = true;
        if (n > 0) ADD_FAILURE() << "an answer to a head that never ended";
        line = "X-Trickle-" + std::to_string(i) + ": v\r\n";
    }
    close(fd);
    EXPECT_TRUE(cut) << "still open after 40 s of trickling";
    const double seconds = ms_since(start) / 1000;
    EXPECT_GE(seconds, 9.0);   // the deadline is 10 s
    EXPECT_LE(seconds, 16.0);  // and not restarted by each line
}

// 200 connections trickling a header line a second and 200 idle ones, all at once: the server
// gives none of them a thread, so /health stays quick for everyone else.
TEST_F(HostileClients, SlowAndIdleConnectionsDoNotStarveOthers) {
    std::vector<int> idle, slow;
    for (int i = 0; i < 200; ++i) {
        const int a = connect_loopback(port());
        const int b = connect_loopback(port());
        ASSERT_GE(a, 0);
        ASSERT_GE(b, 0);
        idle.push_back(a);
        slow.push_back(b);
        const std::string start = "GET /api/v1/health HTTP/1.1\r\n";
        send(b, start.data(), start.size(), MSG_NOSIGNAL);
    }
    std::atomic<bool> probing{true};
    std::thread trickler([&] {
        for (int second = 0; probing; ++second) {
            const std::string line = "X-Trickle-" + std::to_string(second) + ": v\r\n";
            for (int fd : slow) send(fd, line.data(), line.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
            for (int i = 0; i < 20 && probing; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    std::vector<double> latencies;
    const auto start = Clock::now();
    while (ms_since(start) < 6000) {
        const auto asked = Clock::now();
        RawResponse r = raw(port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");
        latencies.push_back(ms_since(asked));
        EXPECT_EQ(r.status, 200);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    probing = false;
    trickler.join();
    for (int fd : idle) close(fd);
    for (int fd : slow) close(fd);
    std::sort(latencies.begin(), latencies.end());
    ASSERT_GE(latencies.size(), 50u);
    const double p99 = latencies[latencies.size() * 99 / 100];
    RecordProperty("health_p99_ms", std::to_string(p99));
    std::printf(
        "health under 200 slow + 200 idle connections: %zu requests, p50 %.1f ms, "
        "p99 %.1f ms, max %.1f ms\n",
        latencies.size(), latencies[latencies.size() / 2], p99, latencies.back());
    EXPECT_LT(p99, 250.0);
}

TEST_F(HostileClients, DownloadsAreStreamedAndHeadProducesNothing) {
    const std::string token = demo_login(port());
    ASSERT_FALSE(token.empty());
    const std::string path = download_path(port(), token, "Radio Ana FM", "jingles-radio-2026.bin");
    ASSERT_FALSE(path.empty());
    const std::string auth = "Authorization: Bearer " + token + "\r\n";
    // 16 HEADs at once: headers only, the full length announced, answered quickly because no byte
    // of the 24 MB is produced.
    std::vector<std::future<RawResponse>> heads;
    const auto start = Clock::now();
    for (int i = 0; i < 16; ++i) {
        heads.push_back(std::async(std::launch::async, [&] {
            return raw(port(), "HEAD " + path + " HTTP/1.1\r\nHost: x\r\n" + auth);
        }));
    }
    for (auto& head : heads) {
        RawResponse r = head.get();
        EXPECT_EQ(r.status, 200);
        EXPECT_EQ(r.headers["content-length"], "25165824");
        EXPECT_TRUE(r.body.empty());
    }
    EXPECT_LT(ms_since(start), 5000.0);
    // The whole file arrives, with its length, in pieces.
    RawResponse whole = raw(port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + auth);
    EXPECT_EQ(whole.status, 200);
    EXPECT_EQ(whole.headers["content-length"], "25165824");
    EXPECT_EQ(whole.body.size(), 25165824u);
    // A range of it is the same bytes.
    RawResponse part = raw(
        port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nRange: bytes=100000-199999\r\n" + auth);
    EXPECT_EQ(part.status, 206);
    EXPECT_EQ(part.headers["content-length"], "100000");
    EXPECT_EQ(part.body, whole.body.substr(100000, 100000));
}

TEST_F(HostileClients, AMalformedRangeIsIgnoredWhereRangesDoNotApply) {
    for (const char* range : {"bytes=abc", "bytes=9-1", "pages=1-2", "bytes=-", "bytes=1-2,3"}) {
        RawResponse health = raw(port(), std::string("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"
                                                     "Range: ") +
                                             range + "\r\n");
        EXPECT_EQ(health.status, 200) << range;
        RawResponse root =
            raw(port(), std::string("GET / HTTP/1.1\r\nHost: x\r\nRange: ") + range + "\r\n");
        EXPECT_NE(root.status, 416) << range;
        EXPECT_NE(root.status, 0) << range;
    }
}

// A client's stored requests and keys are capped, each refusal a clear answer (the sessions' cap:
// abuse_integration_test.cpp). The stub's own defaults: 10 upgrade requests in 30 days, 500
// stored Idempotency-Keys a day.
TEST_F(HostileClients, PerClientCapsAreClearRefusals) {
    const auto call = [&](const std::string& method, const std::string& path,
                          const std::string& token, const std::string& body,
                          const std::string& extra = "") {
        return raw(port(),
                   method + " " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                       "\r\nContent-Type: application/json\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n" + extra,
                   body);
    };
    const std::string bruno = demo_login(port(), "bruno@example.com");
    ASSERT_FALSE(bruno.empty());
    const auto services =
        nlohmann::json::parse(call("GET", "/api/v1/services", bruno, "").body, nullptr, false);
    ASSERT_TRUE(services.is_object());
    std::string requests;
    for (const auto& service : services["services"]) {
        if (service.value("name", "") == "Reseller Bruno")
            requests = "/api/v1/services/" + service["id"].dump() + "/upgrade-requests";
    }
    ASSERT_FALSE(requests.empty());
    const std::string message = R"({"message":"More space, please"})";
    for (int i = 0; i < 10; ++i) ASSERT_EQ(call("POST", requests, bruno, message).status, 201) << i;
    const RawResponse eleventh = call("POST", requests, bruno, message);
    EXPECT_EQ(eleventh.status, 409);
    EXPECT_NE(eleventh.body.find("too_many_upgrade_requests"), std::string::npos) << eleventh.body;

    const std::string carla = demo_login(port(), "carla@example.com");
    ASSERT_FALSE(carla.empty());
    const std::string language = R"({"language":"en"})";
    for (int i = 0; i < 500; ++i) {
        ASSERT_EQ(call("PATCH", "/api/v1/me", carla, language,
                       "Idempotency-Key: cap-" + std::to_string(i) + "\r\n")
                      .status,
                  200)
            << i;
    }
    RawResponse over = call("PATCH", "/api/v1/me", carla, language, "Idempotency-Key: cap-500\r\n");
    EXPECT_EQ(over.status, 429);
    EXPECT_NE(over.body.find("too_many_idempotency_keys"), std::string::npos) << over.body;
    EXPECT_FALSE(over.headers["retry-after"].empty());
    // A stored key still replays its answer.
    EXPECT_EQ(call("PATCH", "/api/v1/me", carla, language, "Idempotency-Key: cap-0\r\n")
                  .headers["idempotent-replayed"],
              "true");
}

}  // namespace
}  // namespace portal::reliability
