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

}  // namespace
}  // namespace portal::backend::testing
