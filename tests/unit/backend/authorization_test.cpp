// The authorization matrix: client B against every route that names client A's objects gets
// exactly what a missing id gets (404, never revealing the object exists), and nothing changes;
// without a token every client route is 401.
#include <set>
#include <string>

#include "backend_world.h"

namespace portal::backend::testing {
namespace {

PORTAL_SUITE_ON_BOTH_STORES(AuthorizationTest, BackendWorld);

struct Probe {
    std::string method;
    std::string path;
    std::string body;
};

// Every route with an object id, filled with `service`, `cancellation` and `download` ids.
std::vector<Probe> probes(int64_t service, int64_t cancellation, int64_t download) {
    const std::string s = "/api/v1/services/" + std::to_string(service);
    const std::string c = "/api/v1/cancellation-requests/" + std::to_string(cancellation);
    return {
        {"GET", s, ""},
        {"GET", s + "/credentials", ""},
        {"GET", s + "/access", ""},
        {"GET", s + "/downloads", ""},
        {"GET", "/api/v1/downloads/" + std::to_string(download) + "/file", ""},
        {"GET", s + "/upgrade-options", ""},
        {"POST", s + "/upgrade-orders", R"({"plan_id":"radio-320"})"},
        {"POST", s + "/upgrade-requests", R"({"message":"more please"})"},
        {"POST", s + "/cancellation-requests",
         R"({"type":"immediate","reason":"","email":"bruno@example.com","password":"demo1234"})"},
        {"GET", c, ""},
        {"DELETE", c, ""},
        {"GET", s + "/auto-renew", ""},
        {"PUT", s + "/auto-renew", R"({"enabled":false})"},
        {"GET", s + "/activation-estimate", ""},
    };
}

TYPED_TEST(AuthorizationTest, AnotherClientsObjectsLookMissing) {
    std::string ana = this->login("ana@example.com");
    std::string bruno = this->login("bruno@example.com");
    // Ana's objects: her radio (active, with downloads), a cancellation of her mail, the
    // jingles download (only in radio plans; Bruno has none).
    int64_t radio = this->service_id(ana, "Radio Ana FM");
    Response cancellation = this->call(
        "POST",
        this->service_path(ana, "Correo corporativo anagarcia.example", "/cancellation-requests"),
        R"({"type":"end_of_period","reason":"","email":"ana@example.com","password":"demo1234"})",
        ana);
    ASSERT_EQ(cancellation.status, 201);
    int64_t cancellation_id = this->json(cancellation)["id"];
    int64_t jingles = 0;
    Json downloads = this->json(
        this->call("GET", this->service_path(ana, "Radio Ana FM", "/downloads"), "", ana));
    for (const auto& d : downloads["downloads"]) {
        if (d["name"] == "jingles-radio-2026.bin") jingles = d["id"];
    }
    ASSERT_NE(jingles, 0);
    const std::string ana_before =
        this->json(this->call("GET", "/api/v1/services", "", ana)).dump();
    const std::string ana_invoices =
        this->json(this->call("GET", "/api/v1/invoices", "", ana)).dump();

    auto theirs = probes(radio, cancellation_id, jingles);
    auto missing = probes(9999, 9999, 9999);
    for (size_t i = 0; i < theirs.size(); ++i) {
        Response r = this->call(theirs[i].method, theirs[i].path, theirs[i].body, bruno);
        Response m = this->call(missing[i].method, missing[i].path, missing[i].body, bruno);
        EXPECT_EQ(r.status, 404) << theirs[i].method << " " << theirs[i].path << " " << r.body;
        EXPECT_EQ(r.body, m.body) << theirs[i].method << " " << theirs[i].path;
    }

    // Nothing of Ana's changed, and her cancellation is still hers and scheduled.
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/services", "", ana)).dump(), ana_before);
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/invoices", "", ana)).dump(), ana_invoices);
    EXPECT_EQ(this->json(this->call(
                  "GET", "/api/v1/cancellation-requests/" + std::to_string(cancellation_id), "",
                  ana))["status"],
              "scheduled");
}

TYPED_TEST(AuthorizationTest, EveryClientRouteNeedsAToken) {
    int checked = 0;
    for (const auto& route : this->backend->routes()) {
        // Open: health, sign-in, the manuals, the holidays, accepting an invitation.
        const bool open = route.pattern == "/api/v1/health" ||
                          (route.pattern == "/api/v1/session" && route.method == "POST") ||
                          route.pattern.rfind("/api/v1/manuals", 0) == 0 ||
                          route.pattern == "/api/v1/calendar/holidays" ||
                          route.pattern == "/api/v1/invitations/{token}";
        std::string path = route.pattern;
        for (const char* param : {"{id}", "{slug}"}) {
            auto at = path.find(param);
            if (at != std::string::npos) path.replace(at, std::string(param).size(), "1");
        }
        Response r = this->call(route.method, path, "{}");
        if (open) {
            EXPECT_NE(r.status, 401) << route.method << " " << route.pattern;
        } else {
            EXPECT_EQ(r.status, 401) << route.method << " " << route.pattern;
            ++checked;
        }
    }
    EXPECT_GE(checked, 18);
}

// The server runs these in their own worker lane, so a flood of wrong passwords cannot queue the
// rest. Walked over the real route table: a renamed route cannot silently leave the lane.
TYPED_TEST(AuthorizationTest, ExactlyTheRoutesThatCheckAPasswordGoToThePasswordLane) {
    std::set<std::string> in_lane;
    for (const auto& route : this->backend->routes()) {
        Request request;
        request.method = route.method;
        request.path = route.pattern;
        for (const char* param : {"{id}", "{slug}", "{token}"}) {
            auto at = request.path.find(param);
            if (at != std::string::npos) request.path.replace(at, std::string(param).size(), "7");
        }
        if (Backend::checks_password(request)) in_lane.insert(route.method + " " + route.pattern);
    }
    const std::set<std::string> expected = {
        "POST /api/v1/session",                              // sign-in
        "POST /api/v1/me/email",                             // confirmed with the password
        "POST /api/v1/me/password",                          // confirmed with the password
        "POST /api/v1/invitations/{token}",                  // a contact sets its password
        "POST /api/v1/services/{id}/cancellation-requests",  // the re-authentication
    };
    EXPECT_EQ(in_lane, expected);
}

}  // namespace
}  // namespace portal::backend::testing
