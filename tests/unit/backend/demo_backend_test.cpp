// The page's in-browser backend: starts from the fixtures, and a save() brings back everything,
// sessions included.
#include "core/demo_backend.h"
#include "backend_world.h"

namespace portal::backend::testing {
namespace {

DemoBackend::Sources sources() {
    return {read_file(fixtures_dir() / "catalog.json"), read_file(fixtures_dir() / "clients.json"),
            test_manuals(), read_file(fixtures_dir() / "non_working_days.txt"), std::nullopt};
}

Response call(DemoBackend& demo, const std::string& method, const std::string& path,
              const std::string& body = "", const std::string& token = "") {
    Request request;
    request.method = method;
    request.path = path;
    request.body = body;
    if (!token.empty()) request.headers["authorization"] = "Bearer " + token;
    return demo.handle(request);
}

TEST(DemoBackend, StartsFromTheFixturesAndComesBackFromASave) {
    DemoBackend first(sources());
    EXPECT_FALSE(first.restored_from_save());
    EXPECT_FALSE(first.load_error().has_value());
    Response login = call(first, "POST", "/api/v1/session",
                          R"({"email":"carla@example.com","password":"demo1234"})");
    ASSERT_EQ(login.status, 201) << login.body;
    std::string token = Json::parse(login.body)["token"];
    ASSERT_EQ(call(first, "PATCH", "/api/v1/me", R"({"language":"en"})", token).status, 200);
    EXPECT_EQ(call(first, "GET", "/api/v1/manuals/upgrade").status, 200);

    DemoBackend second(sources(), first.save());
    EXPECT_TRUE(second.restored_from_save());
    Response me = call(second, "GET", "/api/v1/me", "", token);
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(Json::parse(me.body)["language"], "en");

    DemoBackend broken_save(sources(), "{\"format\":\"old\"}");
    EXPECT_FALSE(broken_save.restored_from_save());
    EXPECT_EQ(call(broken_save, "GET", "/api/v1/me", "", token).status, 401);
}

// The page keeps its store in the browser's storage: files of at most 256 KiB, whose bytes come
// back with the rest of a save.
TEST(DemoBackend, KeepsFilesOfAt256KiBAndBringsThemBackFromASave) {
    DemoBackend first(sources());
    Response login = call(first, "POST", "/api/v1/session",
                          R"({"email":"ana@example.com","password":"demo1234"})");
    ASSERT_EQ(login.status, 201) << login.body;
    const std::string token = Json::parse(login.body)["token"];
    int64_t ticket = 0;
    const Json list = Json::parse(call(first, "GET", "/api/v1/tickets", "", token).body);
    for (const auto& t : list["tickets"]) {
        if (t["status"] != "closed" && ticket == 0) ticket = t["id"];
    }
    ASSERT_NE(ticket, 0);
    const auto attach = [&](DemoBackend& demo, const std::string& bytes) {
        Request request;
        request.method = "POST";
        request.path = "/api/v1/tickets/" + std::to_string(ticket) + "/attachments";
        request.query["name"] = "registro.txt";
        request.headers["authorization"] = "Bearer " + token;
        request.body = bytes;
        return demo.handle(request);
    };
    const Response too_large = attach(first, std::string(256 * 1024 + 1, 'a'));
    EXPECT_EQ(too_large.status, 413);
    EXPECT_EQ(Json::parse(too_large.body)["error"]["code"], "attachment_too_large");
    const std::string bytes = std::string(256 * 1024 - 1, 'a') + "\n";
    const Response kept = attach(first, bytes);
    ASSERT_EQ(kept.status, 201) << kept.body;

    DemoBackend second(sources(), first.save());
    ASSERT_TRUE(second.restored_from_save());
    const auto location = kept.headers.find("Location");
    ASSERT_NE(location, kept.headers.end());
    const Response download = call(second, "GET", location->second, "", token);
    ASSERT_EQ(download.status, 200) << download.body;
    EXPECT_EQ(download.streamed(0, download.streamed_length), bytes);
}

}  // namespace
}  // namespace portal::backend::testing
