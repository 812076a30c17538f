// The memory figures of RELIABILITY.md ("hostile clients"), read from /proc/<pid>/status of a
// portal-stub (stub_memory.h says which one the sanitizer build measures): a 256 MiB body in each
// framing and 40,000 header lines raise its peak resident memory by less than 16 MiB and get their
// 413/415/431; 16 HEADs of a 24 MB download and 8 parallel downloads of it take < 1 MiB each.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <future>
#include <string>
#include <vector>

#include "raw_http.h"
#include "stub_memory.h"
#include "stub_process.h"

namespace portal::reliability {
namespace {

constexpr uint64_t k256MiB = 256u << 20;
constexpr long kLimitKiB = 16 * 1024;

class StubMemory : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        measure_stubs_as_a_release_would_run();
        stub = new integration::StubProcess({"--port", "0", "--fast-hash", "--quiet"});
    }
    static void TearDownTestSuite() {
        delete stub;
        stub = nullptr;
    }
    void SetUp() override {
        ASSERT_TRUE(stub->started()) << stub->output();
        // Warm: the first requests on each worker thread allocate what every later one reuses
        // (its stack, its malloc arena).
        std::vector<std::future<RawResponse>> warm;
        for (int i = 0; i < 32; ++i) {
            warm.push_back(std::async(std::launch::async, [] {
                return raw(stub->port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");
            }));
        }
        for (auto& w : warm) w.get();
        before_kib = status_kib(stub->pid(), "VmRSS");
        ASSERT_GT(before_kib, 0);
    }
    // The peak since the stub started, above the resident memory before this test.
    long rise_kib() const { return status_kib(stub->pid(), "VmHWM") - before_kib; }

    static integration::StubProcess* stub;
    long before_kib = 0;
};

integration::StubProcess* StubMemory::stub = nullptr;

const std::string kPost = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\n";

// The status of the last answer in what the server sent.
int last_status(const std::string& answer) {
    const auto at = answer.rfind("HTTP/1.1 ");
    return at == std::string::npos ? 0 : std::atoi(answer.c_str() + at + 9);
}

TEST_F(StubMemory, HugeBodiesInEveryFramingAndEndlessHeaders) {
    const std::string piece(1 << 20, 'x');
    const std::string chunk = "100000\r\n" + piece + "\r\n";  // 1 MiB chunks
    struct Case {
        const char* what;
        std::string head, piece;
        int status;
    };
    std::string lines;
    for (int i = 0; i < 200; ++i) lines += "X-Line: " + std::string(32, 'h') + "\r\n";  // 200/piece
    const std::vector<Case> cases = {
        {"Content-Length", kPost + "Content-Length: 268435456\r\n\r\n", piece, 413},
        {"chunked", kPost + "Transfer-Encoding: chunked\r\n\r\n", chunk, 413},
        {"no length", kPost + "\r\n", piece, 431},
        {"gzip", kPost + "Content-Encoding: gzip\r\nContent-Length: 268435456\r\n\r\n", piece, 415},
        {"40,000 header lines", "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n", lines, 431},
    };
    for (const auto& c : cases) {
        const uint64_t total = c.piece == lines ? 200u * lines.size() : k256MiB;
        const std::string answer = flood(stub->port(), c.head, c.piece, total);
        EXPECT_EQ(last_status(answer), c.status) << c.what << ": " << answer.substr(0, 300);
        const long rise = rise_kib();
        std::printf("%-20s -> %d, peak resident memory +%ld KiB\n", c.what, last_status(answer),
                    rise);
        EXPECT_LT(rise, kLimitKiB) << c.what;
    }
}

TEST_F(StubMemory, DownloadsAreNeverHeldWhole) {
    const std::string token = demo_login(stub->port());
    ASSERT_FALSE(token.empty());
    const std::string path =
        download_path(stub->port(), token, "Radio Ana FM", "jingles-radio-2026.bin");
    ASSERT_FALSE(path.empty());
    const std::string head =
        " " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n";
    std::vector<std::future<RawResponse>> heads;
    for (int i = 0; i < 16; ++i) {
        heads.push_back(
            std::async(std::launch::async, [&] { return raw(stub->port(), "HEAD" + head); }));
    }
    for (auto& h : heads) EXPECT_EQ(h.get().headers["content-length"], "25165824");
    const long after_heads = rise_kib();
    std::printf("16 HEADs of a 24 MB download: peak resident memory +%ld KiB\n", after_heads);
    EXPECT_LT(after_heads, 16 * 1024);  // < 1 MiB each

    std::vector<std::future<RawResponse>> gets;
    for (int i = 0; i < 8; ++i) {
        gets.push_back(
            std::async(std::launch::async, [&] { return raw(stub->port(), "GET" + head); }));
    }
    for (auto& g : gets) EXPECT_EQ(g.get().body.size(), 25165824u);
    const long after_gets = rise_kib();
    std::printf("8 parallel GETs of a 24 MB download: peak resident memory +%ld KiB\n", after_gets);
    EXPECT_LT(after_gets, 8 * 1024);  // < 1 MiB each
}

}  // namespace
}  // namespace portal::reliability
