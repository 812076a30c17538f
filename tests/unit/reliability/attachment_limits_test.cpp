// The one route whose body may pass the JSON limit, POST /tickets/{id}/attachments, on the real
// portal-stub with a database (so files are spooled to disk as they arrive): the file limit holds
// for a declared length, for chunks and for one huge chunk announced; a request without framing
// sends no file; a compressed file is refused; every other route keeps its limit; nothing is left
// in the spool folder; and the memory the stub takes for files in flight stays about the size of
// its buffers, not of the files (RELIABILITY.md, "Ticket attachments").
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "raw_http.h"
#include "stub_memory.h"
#include "stub_process.h"

namespace portal::reliability {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr uint64_t kLimit = 5 * 1024 * 1024;  // BackendConfig::max_attachment_bytes

class AttachmentLimits : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = integration::fresh_temp_dir("portal-attachment-limits");
        std::vector<std::string> args{"--port",      "0",      "--db", (dir / "portal.db").string(),
                                      "--fast-hash", "--quiet"};
        measure_stubs_as_a_release_would_run();  // one test measures its memory
        stub = std::make_unique<integration::StubProcess>(args);
        ASSERT_TRUE(stub->started()) << stub->output();
        token = demo_login(port());
        ASSERT_FALSE(token.empty());
        const auto tickets = nlohmann::json::parse(
            raw(port(), "GET /api/v1/tickets HTTP/1.1\r\nHost: x\r\n" + auth()).body, nullptr,
            false);
        for (const auto& t : tickets["tickets"]) {
            if (t["status"] != "closed" && ticket == 0) ticket = t["id"].get<int64_t>();
        }
        ASSERT_NE(ticket, 0);
    }
    void TearDown() override {
        stub.reset();
        fs::remove_all(dir);
    }
    int port() const { return stub->port(); }
    std::string auth() const { return "Authorization: Bearer " + token + "\r\n"; }
    // The head of an upload (without its framing fields and blank line).
    std::string upload(const std::string& name = "registro.txt") const {
        return "POST /api/v1/tickets/" + std::to_string(ticket) + "/attachments?name=" + name +
               " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n" + auth();
    }
    fs::path files() const { return dir / "portal.db.attachments"; }
    // The files kept (named by their id) and the spools left behind.
    size_t kept() const {
        size_t count = 0;
        for (const auto& entry : fs::directory_iterator(files())) count += entry.is_regular_file();
        return count;
    }
    size_t spooled() const {
        return static_cast<size_t>(
            std::distance(fs::directory_iterator(files() / "incoming"), fs::directory_iterator()));
    }

    fs::path dir;
    std::unique_ptr<integration::StubProcess> stub;
    std::string token;
    int64_t ticket = 0;
};

TEST_F(AttachmentLimits, AFileOfExactlyTheLimitIsKeptOnDiskWhateverItsFraming) {
    const std::string file(kLimit, 'a');
    const auto started = Clock::now();
    RawResponse declared =
        raw(port(), upload() + "Content-Length: " + std::to_string(kLimit) + "\r\n", file);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    ASSERT_EQ(declared.status, 201) << declared.body;
    std::printf("[ figure ] a 5 MiB file over loopback, spooled and kept: %.0f ms\n", ms);
    // In 64 KiB chunks.
    std::string chunked;
    for (uint64_t at = 0; at < kLimit; at += 65536)
        chunked += "10000\r\n" + file.substr(at, 65536) + "\r\n";
    chunked += "0\r\n\r\n";
    RawResponse chunks = raw(port(), upload() + "Transfer-Encoding: chunked\r\n", chunked);
    ASSERT_EQ(chunks.status, 201) << chunks.body;
    EXPECT_EQ(kept(), 2u);
    for (const auto& entry : fs::directory_iterator(files())) {
        if (entry.is_regular_file()) {
            EXPECT_EQ(entry.file_size(), kLimit);
        }
    }
    EXPECT_EQ(spooled(), 0u) << "nothing left half-way";
}

TEST_F(AttachmentLimits, OneByteOverIsRefused413HoweverItIsFramed) {
    const std::string piece(65536, 'a');
    // Declared: refused from the head, before the body is read.
    RawResponse declared = parse_response(
        flood(port(), upload() + "Content-Length: " + std::to_string(kLimit + 1) + "\r\n\r\n",
              piece, kLimit + 1));
    EXPECT_EQ(declared.status, 413) << declared.body;
    EXPECT_NE(declared.body.find("attachment_too_large"), std::string::npos) << declared.body;
    // Chunked: counted as the chunks arrive.
    RawResponse chunked =
        parse_response(flood(port(), upload() + "Transfer-Encoding: chunked\r\n\r\n",
                             "10000\r\n" + piece + "\r\n", 2 * kLimit));
    EXPECT_EQ(chunked.status, 413) << chunked.body;
    EXPECT_NE(chunked.body.find("attachment_too_large"), std::string::npos) << chunked.body;
    // One huge chunk announced.
    RawResponse announced = parse_response(flood(
        port(), upload() + "Transfer-Encoding: chunked\r\n\r\n10000000\r\n", piece, 2 * kLimit));
    EXPECT_EQ(announced.status, 413) << announced.body;
    EXPECT_EQ(kept(), 0u);
    EXPECT_EQ(spooled(), 0u) << "a refused body's spool is deleted";
    EXPECT_EQ(raw(port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n").status, 200);
}

TEST_F(AttachmentLimits, WithoutFramingThereIsNoFileAndWhatFollowsIsCappedAsAHead) {
    // No Content-Length, no chunked: the request has no body (RFC 9112 §6.3), so no file (415,
    // empty); the bytes after it are the next request's head, refused at the head's limit.
    const std::string answer =
        flood(port(), upload() + "\r\n", std::string(65536, 'x'), 8 * kLimit / 5);
    EXPECT_EQ(parse_response(answer).status, 415) << answer.substr(0, 300);
    EXPECT_NE(answer.find("HTTP/1.1 431 "), std::string::npos) << answer.substr(0, 600);
    EXPECT_EQ(kept(), 0u);
}

TEST_F(AttachmentLimits, ACompressedFileIsRefused415AndOtherRoutesKeepTheJsonLimit) {
    RawResponse gzip = parse_response(
        flood(port(), upload() + "Content-Encoding: gzip\r\nContent-Length: 1048576\r\n\r\n",
              std::string(65536, '\x1f'), 1 << 20));
    EXPECT_EQ(gzip.status, 415) << gzip.body;
    EXPECT_NE(gzip.body.find("unsupported_media_type"), std::string::npos) << gzip.body;
    // A reply of 100 KB: not a file, so the JSON limit (64 KiB).
    const std::string reply = "{\"message\":\"" + std::string(100 * 1024, 'a') + "\"}";
    RawResponse big_reply =
        raw(port(),
            "POST /api/v1/tickets/" + std::to_string(ticket) +
                "/replies HTTP/1.1\r\nHost: x\r\nContent-Type: "
                "application/json\r\n" +
                auth() + "Content-Length: " + std::to_string(reply.size()) + "\r\n",
            reply);
    EXPECT_EQ(big_reply.status, 413) << big_reply.body;
    EXPECT_NE(big_reply.body.find("payload_too_large"), std::string::npos) << big_reply.body;
    // A path that merely looks like the route's (another method, a longer path) is no file.
    RawResponse other = parse_response(flood(
        port(),
        "PUT /api/v1/tickets/" + std::to_string(ticket) +
            "/attachments HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n" + auth() + "\r\n",
        std::string(65536, 'a'), 2 << 20));
    EXPECT_EQ(other.status, 413) << other.body;
    EXPECT_NE(other.body.find("payload_too_large"), std::string::npos) << other.body;
}

TEST_F(AttachmentLimits, ASlowSteadyUploadIsKept) {
    const int fd = connect_loopback(port(), 10);
    ASSERT_GE(fd, 0);
    const std::string piece(8 * 1024, 'b');
    const int pieces = 20;
    std::string head =
        upload() + "Connection: close\r\nContent-Length: " + std::to_string(piece.size() * pieces) +
        "\r\n\r\n";
    ASSERT_EQ(send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
    for (int i = 0; i < pieces; ++i) {
        ASSERT_EQ(send(fd, piece.data(), piece.size(), MSG_NOSIGNAL),
                  static_cast<ssize_t>(piece.size()));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // a slow link, by design
    }
    const RawResponse answer = parse_response(read_until_close(fd));
    close(fd);
    EXPECT_EQ(answer.status, 201) << answer.body;
    EXPECT_EQ(kept(), 1u);
}

TEST_F(AttachmentLimits, EightFilesInFlightTakeAboutTheirBuffersNotTheirSize) {
    const long before_kib = status_kib(stub->pid(), "VmRSS");
    const std::string file(kLimit, 'c');
    std::vector<std::thread> uploads;
    std::atomic<int> kept_answers{0};
    const auto started = Clock::now();
    for (int i = 0; i < 8; ++i) {
        uploads.emplace_back([&] {
            RawResponse r =
                raw(port(), upload() + "Content-Length: " + std::to_string(kLimit) + "\r\n", file);
            if (r.status == 201) ++kept_answers;
        });
    }
    for (auto& t : uploads) t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    const long rise_kib = status_kib(stub->pid(), "VmHWM") - before_kib;
    EXPECT_EQ(kept_answers, 8);
    std::printf("[ figure ] 8 parallel 5 MiB uploads: %.2f s; stub peak RSS rise %ld KiB\n",
                seconds, rise_kib);
    // 40 MiB went through; held whole they would take that much at least.
    EXPECT_LT(rise_kib, 16 * 1024);
}

}  // namespace
}  // namespace portal::reliability
