// The stub serves the page's files compressed and cacheable: gzip when the browser
// accepts it, an ETag that a revalidation turns into 304, no-cache on the entry points, and never a
// file outside the folder. First the decisions (StaticFiles::answer), then over real HTTP on
// loopback through the stub's own server (cpp-httplib as the client), where the bytes on the wire
// must be the file gzipped once, with its length, and a HEAD must carry no body.
#include <gtest/gtest.h>
#include <httplib.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "http_adapter.h"
#include "http_server.h"
#include "static_files.h"

namespace portal::stub {
namespace {

namespace fs = std::filesystem;

// Inflates a gzip stream with zlib directly (not with the code under test).
std::string gunzip(const std::string& packed) {
    z_stream stream{};
    EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    stream.avail_in = static_cast<uInt>(packed.size());
    std::string out;
    char buffer[4096];
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    inflateEnd(&stream);
    EXPECT_EQ(result, Z_STREAM_END) << "not a complete gzip stream";
    return out;
}

std::string header(const StaticAnswer& answer, const std::string& name) {
    for (const auto& [key, value] : answer.headers) {
        if (key == name) return value;
    }
    return "";
}

// A script long and repetitive enough that gzip shrinks it.
std::string script() {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "console.log('línea " + std::to_string(i) + "');\n";
    return text;
}

class StaticFilesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        root =
            fs::temp_directory_path() /
            ("portal-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root);
        fs::create_directories(root / "site" / "assets");
        write(root / "site" / "index.html", "<!doctype html><p>portal</p>");
        write(root / "site" / "app.js", script());
        write(root / "site" / "config.json", R"({"api":"/api/v1"})");
        write(root / "site" / "app.0123abcd.js", script());
        write(root / "site" / "tiny.txt", "a");
        write(root / "site" / ".env", "SECRET=1");
        write(root / "secret.txt", "outside");
        fs::create_symlink(root / "secret.txt", root / "site" / "link.txt");
    }
    void TearDown() override { fs::remove_all(root); }
    static void write(const fs::path& path, const std::string& text) {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    }
    StaticAnswer ask(const StaticFiles& files, const std::string& path,
                     const std::string& accept_encoding = "", const std::string& if_none_match = "",
                     const std::string& method = "GET") {
        StaticRequest request;
        request.method = method;
        request.path = path;
        request.accept_encoding = accept_encoding;
        request.if_none_match = if_none_match;
        return files.answer(request);
    }
    fs::path root;
};

TEST_F(StaticFilesTest, GzipAnswerDecompressesToTheFile) {
    StaticFiles files(root / "site");
    StaticAnswer answer = ask(files, "/app.js", "gzip, deflate, br");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(header(answer, "Content-Encoding"), "gzip");
    EXPECT_EQ(header(answer, "Vary"), "Accept-Encoding");
    EXPECT_EQ(answer.content_type, "text/javascript; charset=utf-8");
    ASSERT_NE(answer.body, nullptr);
    EXPECT_LT(answer.length, script().size());
    EXPECT_EQ(answer.length, answer.body->size());
    EXPECT_EQ(gunzip(*answer.body), script());
}

TEST_F(StaticFilesTest, NoCompressionUnlessTheClientAcceptsIt) {
    StaticFiles files(root / "site");
    for (const char* accept : {"", "identity", "br", "gzip;q=0", "*;q=0", "deflate, gzip; q=0.0"}) {
        StaticAnswer answer = ask(files, "/app.js", accept);
        ASSERT_EQ(answer.status, 200) << accept;
        EXPECT_EQ(header(answer, "Content-Encoding"), "") << accept;
        EXPECT_EQ(*answer.body, script()) << accept;
        EXPECT_EQ(header(answer, "Vary"), "Accept-Encoding") << accept;
    }
    for (const char* accept : {"GZIP", "br;q=1, gzip;q=0.5", "*", "x-gzip"}) {
        EXPECT_EQ(header(ask(files, "/app.js", accept), "Content-Encoding"), "gzip") << accept;
    }
}

TEST_F(StaticFilesTest, AFileGzipWouldGrowIsSentAsIs) {
    StaticFiles files(root / "site");
    StaticAnswer answer = ask(files, "/tiny.txt", "gzip");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(header(answer, "Content-Encoding"), "");
    EXPECT_EQ(*answer.body, "a");
}

TEST_F(StaticFilesTest, MatchingETagGets304WithoutBody) {
    StaticFiles files(root / "site");
    for (const char* accept : {"", "gzip"}) {
        StaticAnswer first = ask(files, "/app.js", accept);
        const std::string etag = header(first, "ETag");
        ASSERT_FALSE(etag.empty());
        EXPECT_EQ(etag.front(), '"');
        StaticAnswer again = ask(files, "/app.js", accept, etag);
        EXPECT_EQ(again.status, 304) << accept;
        EXPECT_EQ(again.body, nullptr);
        EXPECT_EQ(header(again, "ETag"), etag);
        EXPECT_EQ(ask(files, "/app.js", accept, "\"other\", W/" + etag).status, 304) << accept;
        EXPECT_EQ(ask(files, "/app.js", accept, "\"other\"").status, 200) << accept;
    }
    EXPECT_EQ(ask(files, "/app.js", "", "*").status, 304);
    // The identity and the gzip answers are different bytes: different tags.
    EXPECT_NE(header(ask(files, "/app.js"), "ETag"), header(ask(files, "/app.js", "gzip"), "ETag"));
}

TEST_F(StaticFilesTest, ARebuiltFileGetsANewETagAndBody) {
    StaticFiles files(root / "site");
    const std::string old_etag = header(ask(files, "/app.js"), "ETag");
    write(root / "site" / "app.js", script() + "console.log('nueva');\n");
    StaticAnswer answer = ask(files, "/app.js", "", old_etag);
    EXPECT_EQ(answer.status, 200);
    EXPECT_NE(header(answer, "ETag"), old_etag);
    EXPECT_EQ(*answer.body, script() + "console.log('nueva');\n");
}

TEST_F(StaticFilesTest, EntryPointsRevalidateAndHashedNamesAreImmutable) {
    StaticFiles files(root / "site");
    EXPECT_EQ(header(ask(files, "/"), "Cache-Control"), "no-cache");
    EXPECT_EQ(header(ask(files, "/index.html"), "Cache-Control"), "no-cache");
    EXPECT_EQ(header(ask(files, "/config.json"), "Cache-Control"), "no-cache");
    EXPECT_EQ(header(ask(files, "/app.js"), "Cache-Control"), "no-cache");
    EXPECT_EQ(header(ask(files, "/app.0123abcd.js"), "Cache-Control"),
              "public, max-age=31536000, immutable");
    EXPECT_TRUE(StaticFiles::has_content_hash("portal-app.3f2a9c1b.wasm"));
    EXPECT_FALSE(StaticFiles::has_content_hash("portal-app.wasm"));
    EXPECT_FALSE(StaticFiles::has_content_hash("deadbeef00.js"));     // the name itself, no hash
    EXPECT_FALSE(StaticFiles::has_content_hash("app.notahash1.js"));  // not hex
}

TEST_F(StaticFilesTest, HeadGivesTheLengthOfWhatGetWouldSend) {
    StaticFiles files(root / "site");
    StaticAnswer get = ask(files, "/app.js", "gzip");
    StaticAnswer head = ask(files, "/app.js", "gzip", "", "HEAD");
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.length, get.length);
    EXPECT_EQ(header(head, "ETag"), header(get, "ETag"));
    EXPECT_EQ(ask(files, "/app.js", "", "", "POST").status, 404);
}

TEST_F(StaticFilesTest, PathsLeavingTheFolderAreStillRefused) {
    StaticFiles files(root / "site");
    for (const char* path :
         {"/../secret.txt", "/assets/../../secret.txt", "/..", "/.env", "/link.txt",
          "relative.html", "/assets\\..\\..\\secret.txt", "/missing.js"}) {
        EXPECT_EQ(ask(files, path, "gzip").status, 404) << path;
    }
}

// Over real HTTP: the stub's HttpServer answering with serve_static, on a free port.
class StaticFilesOverHttp : public StaticFilesTest {
  protected:
    void SetUp() override {
        StaticFilesTest::SetUp();
        files = std::make_unique<StaticFiles>(root / "site");
        HttpService service;
        service.answer = [this](const backend::Request& request) {
            return serve_static(*files, request);
        };
        service.refusal = [](int status, const backend::Request&) {
            backend::Response refused;
            refused.status = status;
            return refused;
        };
        server = std::make_unique<HttpServer>(std::move(service), 2);
        port = server->listen("127.0.0.1", 0);
        ASSERT_GT(port, 0);
        thread = std::thread([this] { server->run(); });
    }
    void TearDown() override {
        if (server) server->stop();
        if (thread.joinable()) thread.join();
        server.reset();
        StaticFilesTest::TearDown();
    }
    httplib::Client client() {
        httplib::Client c("127.0.0.1", port);
        c.set_decompress(false);  // look at the bytes as sent
        return c;
    }
    // GET /app.js, the page's script, over a fresh connection.
    httplib::Result get_script(const httplib::Headers& headers = {}) {
        return client().Get("/app.js", headers);
    }
    std::unique_ptr<StaticFiles> files;
    std::unique_ptr<HttpServer> server;
    std::thread thread;
    int port = 0;
};

TEST_F(StaticFilesOverHttp, SendsTheScriptGzippedOnce) {
    auto res = get_script({{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(gunzip(res->body), script());
    EXPECT_EQ(res->get_header_value("Content-Length"), std::to_string(res->body.size()));
}

TEST_F(StaticFilesOverHttp, PlainWithoutAcceptEncodingAnd304OnRevalidation) {
    auto plain = get_script();
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->status, 200);
    EXPECT_FALSE(plain->has_header("Content-Encoding"));
    EXPECT_EQ(plain->body, script());
    auto again = get_script({{"If-None-Match", plain->get_header_value("ETag")}});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 304);
    EXPECT_TRUE(again->body.empty());
}

TEST_F(StaticFilesOverHttp, RangeAndHeadAnswerTheWholeFile) {
    auto ranged = get_script({{"Range", "bytes=0-9"}});
    ASSERT_TRUE(ranged);
    EXPECT_EQ(ranged->status, 200);
    EXPECT_EQ(ranged->get_header_value("Accept-Ranges"), "none");
    EXPECT_EQ(ranged->body, script());
    auto head = client().Head("/app.js", {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 200);
    EXPECT_TRUE(head->body.empty());
    EXPECT_EQ(head->get_header_value("Content-Length"),
              std::to_string(StaticFiles::gzip(script()).size()));
}

TEST_F(StaticFilesOverHttp, TraversalIsRefused) {
    auto c = client();
    for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/link.txt", "/.env"}) {
        auto res = c.Get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 404) << path;
        EXPECT_EQ(res->body.find("outside"), std::string::npos) << path;
    }
}

}  // namespace
}  // namespace portal::stub
