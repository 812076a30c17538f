// api/openapi.yaml and the router must list the same (method, path) pairs: a route added to one
// and not the other fails here, in either direction. Each operation's `x-permission` must say who
// the backend lets call it.
#include <fstream>
#include <map>
#include <set>

#include "backend_world.h"

namespace portal::backend::testing {
namespace {

using RouteSet = std::set<std::pair<std::string, std::string>>;
// (method, path without the base) -> its `x-permission`.
using Permissions = std::map<std::pair<std::string, std::string>, std::string>;

// Line-based reading of the `paths:` section: a path is a 2-space-indented key starting with
// '/', an operation a 4-space-indented HTTP method key under it, and its `x-permission` a
// 6-space-indented key of that operation.
RouteSet openapi_routes(const std::string& file, const std::string& base,
                        Permissions* permissions = nullptr) {
    std::ifstream in(file);
    EXPECT_TRUE(in.good()) << "cannot read " << file;
    RouteSet routes;
    bool in_paths = false;
    std::string current_path, current_method, line;
    const std::string permission_key = "      x-permission: ";
    const std::set<std::string> methods = {"get",   "put",  "post",   "delete",
                                           "patch", "head", "options"};
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        if (line[0] != ' ') {
            in_paths = line == "paths:";
            continue;
        }
        if (!in_paths) continue;
        if (line.rfind("  /", 0) == 0 && line[3] != ' ' && line.back() == ':') {
            current_path = line.substr(2, line.size() - 3);
        } else if (line.rfind("    ", 0) == 0 && line[4] != ' ' && line.back() == ':') {
            std::string key = line.substr(4, line.size() - 5);
            if (methods.count(key)) {
                std::string upper = key;
                for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
                routes.insert({upper, base + current_path});
                current_method = upper;
            }
        } else if (permissions && line.rfind(permission_key, 0) == 0) {
            (*permissions)[{current_method, current_path}] = line.substr(permission_key.size());
        }
    }
    return routes;
}

// The `servers: - url:` value ("/api/v1").
std::string openapi_base(const std::string& file) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        auto at = line.find("- url: ");
        if (at != std::string::npos) return line.substr(at + 7);
    }
    return "";
}

// A backend over an empty store: only its route table is read.
class OpenApi : public ::testing::Test {
  protected:
    MemoryStore store;
    FakeClock clock;
    SeededRandom random;
    SaltedSha256Hasher hasher{random, 1};
    ManualLibrary manuals;
    Backend backend{store, clock, hasher, random, manuals};
};

TEST_F(OpenApi, DocumentsExactlyTheRoutesOfTheRouter) {
    RouteSet router;
    for (const auto& route : backend.routes()) router.insert({route.method, route.pattern});
    const std::string base = openapi_base(PORTAL_OPENAPI_FILE);
    EXPECT_EQ(base, "/api/v1");
    RouteSet documented = openapi_routes(PORTAL_OPENAPI_FILE, base);

    for (const auto& [method, path] : router) {
        EXPECT_TRUE(documented.count({method, path}))
            << method << " " << path << " is routed but missing from api/openapi.yaml";
    }
    for (const auto& [method, path] : documented) {
        EXPECT_TRUE(router.count({method, path}))
            << method << " " << path << " is in api/openapi.yaml but not routed";
    }
    EXPECT_GE(router.size(), 23u);
}

// What `x-permission` says of a route, from the backend's own table.
std::string permission_name(const Backend::Access& access) {
    using Who = Backend::Access::Who;
    switch (access.who) {
        case Who::anyone:
            return "anyone";
        case Who::signed_in:
            return "signed_in";
        case Who::holder:
            return "holder";
        case Who::permitted:
            return std::string(domain::to_string(access.permission));
    }
    return "";
}

TEST_F(OpenApi, NamesWhoMayCallEachOperation) {
    Permissions documented;
    openapi_routes(PORTAL_OPENAPI_FILE, "", &documented);
    ASSERT_EQ(documented.size(), backend.route_access().size())
        << "every operation of api/openapi.yaml has an x-permission";
    for (const auto& route : backend.route_access()) {
        const auto found = documented.find({route.method, route.path});
        ASSERT_NE(found, documented.end()) << route.method << " " << route.path;
        EXPECT_EQ(found->second, permission_name(route.access))
            << route.method << " " << route.path;
    }
}

}  // namespace
}  // namespace portal::backend::testing
