// The running portal-stub over real sockets (started as tests/integration does): the security
// headers on every kind of answer, path traversal on static files and downloads, oversized bodies
// and headers, and what its log shows during logins (never a password or a token).
// Requests are written byte for byte on a socket so that no client library normalises the path.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "raw_http.h"
#include "stub_process.h"

namespace portal::reliability {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string get(const std::string& target, const std::string& token = "") {
    std::string head = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.empty()) head += "Authorization: Bearer " + token + "\r\n";
    return head;
}

std::string with_body(const std::string& method, const std::string& target, const std::string& body,
                      const std::string& token = "") {
    std::string head =
        method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    if (!token.empty()) head += "Authorization: Bearer " + token + "\r\n";
    return head;
}

class StubSecurity : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir = new fs::path(fs::temp_directory_path() /
                           ("portal-reliability-" + std::to_string(getpid())));
        fs::remove_all(*dir);
        fs::create_directories(*dir / "site" / "sub");
        std::ofstream(*dir / "site" / "index.html") << "<!doctype html><title>Portal</title>";
        std::ofstream(*dir / "site" / "portal.js") << "console.log(1)";
        std::ofstream(*dir / "site" / "sub" / "a.txt") << "inside";
        std::ofstream(*dir / "site" / ".hidden") << "TOP-SECRET-HIDDEN";
        std::ofstream(*dir / "secret.txt") << "TOP-SECRET-OUTSIDE";
        fs::create_symlink(*dir / "secret.txt", *dir / "site" / "link.txt");
        stub = new integration::StubProcess(
            {"--port", "0", "--static", (*dir / "site").string(), "--fast-hash", "--threads", "4"});
    }
    static void TearDownTestSuite() {
        delete stub;
        stub = nullptr;
        fs::remove_all(*dir);
        delete dir;
    }
    void SetUp() override { ASSERT_TRUE(stub->started()) << stub->output(); }

    static std::string login(const std::string& password = "demo1234") {
        std::string body = Json{{"email", "ana@example.com"}, {"password", password}}.dump();
        RawResponse r = raw(stub->port(), with_body("POST", "/api/v1/session", body), body);
        EXPECT_EQ(r.status, 201) << r.body;
        auto j = Json::parse(r.body, nullptr, false);
        return j.is_object() ? j.value("token", "") : "";
    }

    static void expect_security_headers(const RawResponse& r, const std::string& what) {
        SCOPED_TRACE(what + " -> " + std::to_string(r.status));
        ASSERT_NE(r.status, 0) << "no answer";
        EXPECT_EQ(
            r.headers.count("x-content-type-options") ? r.headers.at("x-content-type-options") : "",
            "nosniff");
        EXPECT_EQ(r.headers.count("referrer-policy") ? r.headers.at("referrer-policy") : "",
                  "no-referrer");
        const std::string csp = r.headers.count("content-security-policy")
                                    ? r.headers.at("content-security-policy")
                                    : "";
        EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
        EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
        EXPECT_EQ(csp.find("'unsafe-eval'"), std::string::npos) << csp;  // wasm-unsafe-eval only
        EXPECT_EQ(csp.find('*'), std::string::npos) << csp;
    }

    static fs::path* dir;
    static integration::StubProcess* stub;
};

fs::path* StubSecurity::dir = nullptr;
integration::StubProcess* StubSecurity::stub = nullptr;

TEST_F(StubSecurity, SecurityHeadersOnEveryKindOfAnswer) {
    const int port = stub->port();
    const std::string token = login();
    ASSERT_FALSE(token.empty());
    struct Case {
        std::string what, head, body;
        int status;
    };
    const std::string big(2 * 1024 * 1024, 'x');
    const std::string medium(100 * 1024, 'x');
    std::vector<Case> cases = {
        {"static page", get("/"), "", 200},
        {"static js", get("/portal.js"), "", 200},
        {"static 404", get("/nope.js"), "", 404},
        {"api json 200", get("/api/v1/health"), "", 200},
        {"api 401", get("/api/v1/me"), "", 401},
        {"api 404", get("/api/v1/nope"), "", 404},
        {"api 405", "OPTIONS /api/v1/services HTTP/1.1\r\nHost: x\r\n", "", 405},
        {"api 400", with_body("PATCH", "/api/v1/me", "{", token), "{", 400},
        {"api 413 (backend)", with_body("PATCH", "/api/v1/me", medium, token), medium, 413},
        {"api 413 (http layer)", with_body("PATCH", "/api/v1/me", big, token), big, 413},
        {"download bytes", get("/api/v1/downloads/1/file", token), "", 200},
        {"HEAD", "HEAD /api/v1/health HTTP/1.1\r\nHost: x\r\n", "", 200},
        {"malformed request line", "GARBAGE\r\n", "", 400},
        {"logout 204",
         "DELETE /api/v1/session HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n",
         "", 204},
    };
    for (const auto& c : cases) {
        RawResponse r = raw(port, c.head, c.body);
        EXPECT_EQ(r.status, c.status) << c.what << ": " << r.body.substr(0, 200);
        expect_security_headers(r, c.what);
        if (r.status >= 400 && c.what.rfind("static", 0) != 0) {
            EXPECT_NE(r.headers["content-type"].find("application/json"), std::string::npos)
                << c.what;
        }
    }
}

TEST_F(StubSecurity, StaticFilesNeverLeaveTheirFolder) {
    const int port = stub->port();
    ASSERT_EQ(raw(port, get("/sub/a.txt")).body, "inside");
    const std::vector<std::string> attacks = {
        "/../secret.txt",
        "/sub/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/sub%2f..%2f..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/%252e%252e/secret.txt",
        "//../secret.txt",
        "/./../secret.txt",
        "/.hidden",
        "/%2ehidden",
        "/link.txt",
        "/sub/..%00/secret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/" + std::string(5000, 'a') + "/../../secret.txt",
        "/" + std::string(dir->string()).substr(1) + "/secret.txt",
    };
    for (const auto& path : attacks) {
        RawResponse r = raw(port, get(path));
        EXPECT_NE(r.status, 200) << path;
        EXPECT_EQ(r.body.find("TOP-SECRET"), std::string::npos) << path;
        if (r.status != 0) expect_security_headers(r, path);
    }
    // The stub is still up.
    EXPECT_EQ(raw(port, get("/api/v1/health")).status, 200);
}

TEST_F(StubSecurity, DownloadsRefuseTraversalAndOtherIds) {
    const int port = stub->port();
    const std::string token = login();
    ASSERT_EQ(raw(port, get("/api/v1/downloads/1/file", token)).status, 200);
    const std::vector<std::string> attacks = {
        "/api/v1/downloads/../../secret.txt",
        "/api/v1/downloads/%2e%2e/file",
        "/api/v1/downloads/..%2f..%2fsecret.txt/file",
        "/api/v1/downloads/1%2f..%2f2/file",
        "/api/v1/downloads/-1/file",
        "/api/v1/downloads/0/file",
        "/api/v1/downloads/1.0/file",
        "/api/v1/downloads/0x1/file",
        "/api/v1/downloads/99999999999999999999999/file",
        "/api/v1/downloads/1%00/file",
        "/api/v1/downloads/999/file",
        "/api/v1/downloads/1/file/../../../secret.txt",
    };
    for (const auto& path : attacks) {
        RawResponse r = raw(port, get(path, token));
        EXPECT_GE(r.status, 400) << path;
        EXPECT_LT(r.status, 500) << path;
        EXPECT_EQ(r.body.find("TOP-SECRET"), std::string::npos) << path;
    }
    // Without a session, no bytes at all.
    EXPECT_EQ(raw(port, get("/api/v1/downloads/1/file")).status, 401);
}

TEST_F(StubSecurity, OversizedHeadersAreRefusedAndTheStubStaysUp) {
    const int port = stub->port();
    // One huge header line, and very many headers.
    RawResponse one =
        raw(port, get("/api/v1/health") + "X-Big: " + std::string(200000, 'a') + "\r\n");
    EXPECT_NE(one.status, 200);
    // A huge request line (URL).
    RawResponse url = raw(port, get("/api/v1/manuals?q=" + std::string(200000, 'q')));
    EXPECT_NE(url.status, 200);
    EXPECT_EQ(raw(port, get("/api/v1/health")).status, 200);
}

TEST_F(StubSecurity, TooManyHeadersAreRefused) {
    const int port = stub->port();
    // 20,000 small headers (~400 KB): refused as their bytes pass the head's limit.
    std::string many = get("/api/v1/health");
    for (int i = 0; i < 20000; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
    RawResponse lots = raw(port, many);
    EXPECT_EQ(lots.status, 431) << lots.body;
    EXPECT_NE(lots.body.find("\"code\":\"headers_too_large\""), std::string::npos) << lots.body;
    expect_security_headers(lots, "431");
    // 20 lines of 4 KB each (80 KB): few headers, but too many bytes in all.
    std::string heavy = get("/api/v1/health");
    for (int i = 0; i < 20; ++i)
        heavy += "X-Big" + std::to_string(i) + ": " + std::string(4096, 'b') + "\r\n";
    EXPECT_EQ(raw(port, heavy).status, 431);
    EXPECT_EQ(raw(port, get("/api/v1/health")).status, 200);  // the stub stays up
}

TEST_F(StubSecurity, AnOrdinaryNumberOfHeadersIsServed) {
    // What a browser sends is far below the limit: 60 headers of 100 bytes, with a session.
    const std::string token = login();
    ASSERT_FALSE(token.empty());
    std::string head = get("/api/v1/me", token);
    for (int i = 0; i < 60; ++i)
        head += "X-Browser-" + std::to_string(i) + ": " + std::string(100, 'v') + "\r\n";
    RawResponse r = raw(stub->port(), head);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_NE(r.body.find("ana@example.com"), std::string::npos) << r.body;
}

TEST_F(StubSecurity, APathThatIsNotUtf8Is404Not500) {
    // Found by backend_handle_fuzz: see fuzz_findings_test.cpp.
    RawResponse r = raw(stub->port(), get("/api/%ff"));
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_FALSE(Json::parse(r.body, nullptr, false).is_discarded()) << r.body;
    EXPECT_EQ(raw(stub->port(), get("/api/v1/health")).status, 200);  // and the stub lives on
}

TEST_F(StubSecurity, TheLogNeverShowsPasswordsOrTokens) {
    const int port = stub->port();
    const size_t before = stub->output().size();
    const std::string wrong = "Wr0ng-Passw0rd-zq81";
    std::string body = Json{{"email", "bruno@example.com"}, {"password", wrong}}.dump();
    EXPECT_EQ(raw(port, with_body("POST", "/api/v1/session", body), body).status, 401);
    // A password in the URL (a client mistake) must not reach the log either.
    raw(port, get("/api/v1/session?password=" + wrong));
    const std::string token = login();
    ASSERT_FALSE(token.empty());
    raw(port, get("/api/v1/me", token));
    raw(port, get("/api/v1/services?token=" + token, token));
    raw(port,
        "DELETE /api/v1/session HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n");
    // The log lines are written before the answer is sent; give the reader thread a moment.
    std::string log;
    for (int i = 0; i < 100; ++i) {
        log = stub->output().substr(before);
        if (log.find("DELETE /api/v1/session") != std::string::npos) break;
        usleep(20000);
    }
    ASSERT_NE(log.find("POST /api/v1/session"), std::string::npos) << "no request log: " << log;
    EXPECT_EQ(log.find(wrong), std::string::npos) << log;
    EXPECT_EQ(log.find("demo1234"), std::string::npos) << log;
    EXPECT_EQ(log.find(token), std::string::npos) << log;
    EXPECT_EQ(log.find(token.substr(0, 16)), std::string::npos) << log;
}

// The rule (RELIABILITY.md, "the start-up banner"): the banner lists every demo login's email and
// points to README.md for the password, and shows no password at all, since the stub's output is
// its log. The README's table must then really hold a password that opens the demo accounts.
TEST_F(StubSecurity, TheStartupBannerListsTheDemoLoginsButNoPassword) {
    // The banner: the lines before the first request's log line (which starts with its date).
    const std::string output = stub->output();
    std::string banner;
    for (size_t at = 0; at < output.size();) {
        size_t end = output.find('\n', at);
        if (end == std::string::npos) end = output.size();
        if (std::isdigit(static_cast<unsigned char>(output[at]))) break;
        banner += output.substr(at, end - at + 1);
        at = end + 1;
    }
    ASSERT_NE(banner.find("listening on"), std::string::npos) << output;
    std::ifstream fixtures_file(std::string(PORTAL_FIXTURES_DIR) + "/clients.json");
    const Json fixtures = Json::parse(fixtures_file, nullptr, false);
    ASSERT_TRUE(fixtures.is_object() && fixtures["clients"].is_array());
    ASSERT_FALSE(fixtures["clients"].empty());
    for (const auto& client : fixtures["clients"]) {
        const std::string email = client.value("email", "");
        const std::string password = client.value("password", "");
        ASSERT_FALSE(email.empty());
        ASSERT_FALSE(password.empty());
        EXPECT_NE(banner.find(email), std::string::npos)
            << "missing login " << email << ": " << banner;
        EXPECT_EQ(banner.find(password), std::string::npos) << banner;
        for (const auto& service : client["services"]) {
            for (const auto& credential : service.value("credentials", Json::array())) {
                EXPECT_EQ(banner.find(credential.value("password", "\x01")), std::string::npos)
                    << banner;
            }
        }
    }
    EXPECT_NE(banner.find("README.md"), std::string::npos) << banner;

    // README.md's "Demo accounts" table: `email` | `password`. Its password logs ana in.
    std::ifstream readme_file(std::string(PORTAL_REPO_DIR) + "/README.md");
    std::string readme((std::istreambuf_iterator<char>(readme_file)),
                       std::istreambuf_iterator<char>());
    ASSERT_NE(readme.find("## Demo accounts"), std::string::npos);
    const std::string row = "| `ana@example.com` | `";
    auto at = readme.find(row);
    ASSERT_NE(at, std::string::npos) << "README.md lists no password for ana";
    at += row.size();
    const std::string readme_password = readme.substr(at, readme.find('`', at) - at);
    EXPECT_FALSE(login(readme_password).empty()) << "README's password does not open the account";
}

}  // namespace
}  // namespace portal::reliability
