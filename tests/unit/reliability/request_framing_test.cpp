// portal-stub's framing against hostile clients, over loopback (RELIABILITY.md, "hostile
// clients"): `Expect: 100-continue` answered before the body (or refused from the head alone),
// and every head whose body length could be read two ways refused 400 (request smuggling:
// Transfer-Encoding beside Content-Length, codings after chunked, Content-Length lists that
// disagree, folded header lines, line breaks or NUL inside a value), with nothing after it read
// as a request.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "loopback_stub.h"
#include "raw_http.h"

namespace portal::reliability {
namespace {

class RequestFraming : public LoopbackStub {};

const std::string kLogin = R"({"email":"ana@example.com","password":"demo1234"})";
const std::string kSession = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\n";

bool send_all(int fd, const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<size_t>(n);
    }
    return true;
}

// Reads from `fd` into `got` until it holds a whole head (or the server closes, or the socket's
// receive timeout passes); returns the head, blank line included, and leaves the rest in `got`.
std::string take_head(int fd, std::string& got) {
    char buffer[4096];
    while (got.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return "";
        got.append(buffer, static_cast<size_t>(n));
    }
    const size_t end = got.find("\r\n\r\n") + 4;
    std::string head = got.substr(0, end);
    got.erase(0, end);
    return head;
}

// Every answer in `bytes`, in order: its status line's code.
std::vector<int> statuses_in(const std::string& bytes) {
    std::vector<int> statuses;
    for (size_t at = bytes.find("HTTP/1.1 "); at != std::string::npos;
         at = bytes.find("HTTP/1.1 ", at + 1)) {
        statuses.push_back(std::atoi(bytes.substr(at + 9, 3).c_str()));
    }
    return statuses;
}

// `head` (ending with its blank line) and `rest` sent at once on a fresh connection; every answer
// the server sends before it closes.
std::vector<int> answers_to(int port, const std::string& head, const std::string& rest = "") {
    const int fd = connect_loopback(port, 10);
    if (fd < 0) return {};
    send_all(fd, head + rest);
    const std::string bytes = read_until_close(fd);
    close(fd);
    return statuses_in(bytes);
}

TEST_F(RequestFraming, AnExpectedBodyUnderTheLimitGets100ContinueThenItsAnswer) {
    const int fd = connect_loopback(port(), 10);
    ASSERT_GE(fd, 0);
    const std::string head = kSession + "Content-Type: application/json\r\nContent-Length: " +
                             std::to_string(kLogin.size()) + "\r\nExpect: 100-continue\r\n\r\n";
    // Two requests on one connection, each waiting for its 100 before sending the body: without
    // it the client would wait out its own timeout (the receive timeout fails the test first).
    for (int round = 0; round < 2; ++round) {
        ASSERT_TRUE(send_all(fd, head));
        std::string got;
        EXPECT_EQ(take_head(fd, got), "HTTP/1.1 100 Continue\r\n\r\n") << "round " << round;
        EXPECT_TRUE(got.empty()) << got;
        ASSERT_TRUE(send_all(fd, kLogin));
        const RawResponse answer = parse_response(take_head(fd, got));
        EXPECT_EQ(answer.status, 201) << "round " << round;
        const size_t length = std::stoul(answer.headers.at("content-length"));
        char buffer[4096];
        while (got.size() < length) {
            const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
            ASSERT_GT(n, 0);
            got.append(buffer, static_cast<size_t>(n));
        }
        EXPECT_NE(got.find("\"token\""), std::string::npos) << got;
    }
    close(fd);
}

TEST_F(RequestFraming, AnExpectedBodyRefusedFromItsHeadGetsItsAnswerWithoutBeingSent) {
    // The head alone, then nothing: the answer comes without a byte of the body.
    for (const std::string& fields : {
             std::string("Content-Length: 268435456\r\n"),
             std::string("Content-Length: 1048577\r\n"),
             std::string("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
         }) {
        const int fd = connect_loopback(port(), 10);
        ASSERT_GE(fd, 0);
        ASSERT_TRUE(send_all(fd, kSession + fields + "Expect: 100-continue\r\n\r\n"));
        const std::string bytes = read_until_close(fd);
        close(fd);
        RawResponse answer = parse_response(bytes);
        const int expected = fields.find("gzip") == std::string::npos ? 413 : 415;
        EXPECT_EQ(answer.status, expected) << fields;
        EXPECT_EQ(answer.headers["connection"], "close") << fields;
        EXPECT_EQ(bytes.find("100 Continue"), std::string::npos) << fields;
    }
}

TEST_F(RequestFraming, AnExpectedBodySentWithoutWaitingIsReadAsUsual) {
    const std::vector<int> got = answers_to(
        port(),
        kSession + "Content-Type: application/json\r\nContent-Length: " +
            std::to_string(kLogin.size()) + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
        kLogin);
    ASSERT_FALSE(got.empty());
    EXPECT_EQ(got.back(), 201);
    // A 100 may come first (the body may arrive after the head was read), never anything else.
    for (size_t i = 0; i + 1 < got.size(); ++i) EXPECT_EQ(got[i], 100);
}

// The classic smuggling pair: a front that reads one length and a server that reads the other
// would take the tail for a second request. Each is refused, and the tail never answered.
TEST_F(RequestFraming, TwoLengthsForOneBodyAreRefused400AndNothingAfterIsRead) {
    const std::string smuggled = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
    const std::string cases[] = {
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
        "Transfer-Encoding: gzip\r\nContent-Length: 5\r\n",      // chunked nowhere
        "Content-Length: 5\r\nTransfer-Encoding: identity\r\n",  // an unknown coding
        "Transfer-Encoding: chunked, identity\r\n",              // chunked not the last
        "Transfer-Encoding: gzip\r\n",                           // no length at all
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
        "Content-Length: 5\r\nContent-Length: 6\r\n",
        "Content-Length: 5, 6\r\n",
        "Content-Length: -5\r\n",
        "Content-Length: +5\r\n",
        "Content-Length: 0x5\r\n",
        "Content-Length : 5\r\n",  // a space before the colon
        "X-Note: a\r\n b\r\n",     // a folded line (obs-fold)
        "Transfer-Encoding:\r\n chunked\r\n",
        "X-Note: a\r\n\tTransfer-Encoding: chunked\r\n",
        "X-Note: a\nTransfer-Encoding: chunked\r\n",  // a bare line feed inside a value
        "X-Note: a\rb\r\n",                           // a bare carriage return
        std::string("X-Note: a\0b\r\n", 14),          // a NUL
    };
    for (const std::string& fields : cases) {
        const std::vector<int> got =
            answers_to(port(), kSession + fields + "\r\n", "0\r\n\r\n" + smuggled + smuggled);
        ASSERT_EQ(got.size(), 1u) << fields;
        EXPECT_EQ(got[0], 400) << fields;
    }
    // HTTP/1.0 has no chunked framing: Transfer-Encoding there is refused too.
    const std::vector<int> old = answers_to(
        port(), "POST /api/v1/session HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", "0\r\n\r\n");
    ASSERT_EQ(old.size(), 1u);
    EXPECT_EQ(old[0], 400);
}

TEST_F(RequestFraming, OneLengthSaidTwiceOrInAnyCaseIsServed) {
    const std::string json = "Content-Type: application/json\r\n";
    const std::string length = std::to_string(kLogin.size());
    // The same Content-Length repeated (RFC 9112 §6.3 allows it), and chunked spelled in capitals.
    const std::vector<int> repeated =
        answers_to(port(),
                   kSession + json + "Content-Length: " + length + "\r\nContent-Length: " + length +
                       "\r\nConnection: close\r\n\r\n",
                   kLogin);
    ASSERT_EQ(repeated.size(), 1u);
    EXPECT_EQ(repeated[0], 201);
    std::string hex(16, '\0');
    hex.resize(static_cast<size_t>(std::snprintf(hex.data(), hex.size(), "%zx", kLogin.size())));
    const std::vector<int> chunked = answers_to(
        port(), kSession + json + "Transfer-Encoding: CHUNKED\r\nConnection: close\r\n\r\n",
        hex + "\r\n" + kLogin + "\r\n0\r\n\r\n");
    ASSERT_EQ(chunked.size(), 1u);
    EXPECT_EQ(chunked[0], 201);
}

TEST_F(RequestFraming, FieldsAfterAChunkedBodyStandInForNoHeader) {
    const std::string token = demo_login(port());
    ASSERT_FALSE(token.empty());
    const std::string me = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n";
    // The session in a header works; the same field as a trailer is not a header.
    const std::vector<int> header =
        answers_to(port(), me + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
    ASSERT_EQ(header.size(), 1u);
    EXPECT_EQ(header[0], 200);
    const std::vector<int> trailer =
        answers_to(port(), me + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                   "0\r\nAuthorization: Bearer " + token + "\r\n\r\n");
    ASSERT_EQ(trailer.size(), 1u);
    EXPECT_EQ(trailer[0], 401);
}

TEST_F(RequestFraming, ACodingUnderTheChunksIsRefused415) {
    for (const std::string& fields : {
             std::string("Transfer-Encoding: gzip, chunked\r\n"),
             std::string("Transfer-Encoding: identity\r\nTransfer-Encoding: chunked\r\n"),
         }) {
        const std::vector<int> got = answers_to(port(), kSession + fields + "\r\n", "0\r\n\r\n");
        ASSERT_EQ(got.size(), 1u) << fields;
        EXPECT_EQ(got[0], 415) << fields;
    }
}

}  // namespace
}  // namespace portal::reliability
