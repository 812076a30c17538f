// Services and what hangs from them: list/filter/one, credentials, access link, downloads and
// their bytes (Range), invoices, auto-renew, activation estimate — on both stores.
#include "backend_world.h"
#include "core/sha256.h"

namespace portal::backend::testing {
namespace {

PORTAL_SUITE_ON_BOTH_STORES(ServicesTest, SignedInWorld);

std::set<std::string> names_of(const Json& services) {
    std::set<std::string> names;
    for (const auto& s : services) names.insert(s["name"].get<std::string>());
    return names;
}

TYPED_TEST(ServicesTest, ListShowsExactlyTheClientsServices) {
    Response r = this->call("GET", "/api/v1/services", "", this->ana);
    ASSERT_EQ(r.status, 200);
    Json services = this->json(r)["services"];
    EXPECT_EQ(names_of(services),
              (std::set<std::string>{"Hosting anagarcia.example", "Radio Ana FM",
                                     "Correo corporativo anagarcia.example", "anagarcia.example",
                                     "Noticias Ana (Simplenews)"}));
    Json empty = this->json(
        this->call("GET", "/api/v1/services", "", this->login("diego@example.com")))["services"];
    EXPECT_TRUE(empty.is_array());
    EXPECT_TRUE(empty.empty());
}

TYPED_TEST(ServicesTest, AServiceHasExactlyTheDocumentedFields) {
    Response r = this->call("GET", this->service_path(this->ana, "Hosting anagarcia.example"), "",
                            this->ana);
    ASSERT_EQ(r.status, 200);
    Json s = this->json(r);
    std::set<std::string> keys;
    for (auto it = s.begin(); it != s.end(); ++it) keys.insert(it.key());
    EXPECT_EQ(keys,
              (std::set<std::string>{"id", "name", "type", "status", "domain", "plan",
                                     "period_start", "period_end", "paid_for_period", "next_due_on",
                                     "pending_plan_change", "platform", "cancellation"}));
    EXPECT_EQ(s["type"], "hosting");
    EXPECT_EQ(s["plan"]["id"], "hosting-plus");
    EXPECT_EQ(s["plan"]["price"], (Json{{"amount_cents", 10000}, {"currency", "USD"}}));
    EXPECT_EQ(s["plan"]["cycle"], "yearly");
    EXPECT_EQ(s["period_start"], kToday.add_days(-180).iso());
    EXPECT_EQ(s["period_end"], kToday.add_days(-180).add_months(12).add_days(-1).iso());
    EXPECT_EQ(s["paid_for_period"]["amount_cents"], 10000);  // its one paid invoice
    EXPECT_TRUE(s["pending_plan_change"].is_null());
}

TYPED_TEST(ServicesTest, StatusFilter) {
    Json pending = this->json(
        this->call("GET", "/api/v1/services?status=pending", "", this->bruno))["services"];
    EXPECT_EQ(names_of(pending),
              (std::set<std::string>{"Portal de noticias Bruno", "App de radio Bruno"}));
    Json terminated = this->json(
        this->call("GET", "/api/v1/services?status=terminated", "", this->bruno))["services"];
    ASSERT_EQ(terminated.size(), 1u);
    EXPECT_EQ(terminated[0]["type"], "video_app");

    Response bad = this->call("GET", "/api/v1/services?status=asleep", "", this->bruno);
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(this->error_field(bad), "status");
}

TYPED_TEST(ServicesTest, MissingOrMalformedIdsAre404) {
    for (const char* path : {"/api/v1/services/999", "/api/v1/services/abc", "/api/v1/services/-1",
                             "/api/v1/services/0", "/api/v1/services/99999999999999999999"}) {
        Response r = this->call("GET", path, "", this->ana);
        EXPECT_EQ(r.status, 404) << path;
        EXPECT_EQ(this->error_code(r), "not_found") << path;
    }
}

TYPED_TEST(ServicesTest, CredentialsOfAService) {
    Json j = this->json(this->call(
        "GET", this->service_path(this->ana, "Hosting anagarcia.example", "/credentials"), "",
        this->ana));
    ASSERT_EQ(j["credentials"].size(), 2u);
    EXPECT_EQ(j["credentials"][0]["label"], "Panel de hosting");
    EXPECT_EQ(j["credentials"][0]["username"], "anagarci");
    EXPECT_EQ(j["credentials"][1]["host"], "ftp.anagarcia.example");
    // A removed service has no accounts left.
    Json gone = this->json(
        this->call("GET", this->service_path(this->bruno, "Hosting antiguo", "/credentials"), "",
                   this->bruno));
    EXPECT_TRUE(gone["credentials"].empty());
}

TYPED_TEST(ServicesTest, AccessLinkFollowsTheServiceType) {
    auto access = [&](const std::string& token, const std::string& name) {
        return this->json(this->call("GET", this->service_path(token, name, "/access"), "", token));
    };
    EXPECT_EQ(access(this->ana, "Hosting anagarcia.example")["label_key"], "access.hosting_panel");
    EXPECT_EQ(access(this->ana, "Radio Ana FM")["label_key"], "access.radio_panel");
    EXPECT_EQ(access(this->ana, "Correo corporativo anagarcia.example")["label_key"],
              "access.mailboxes");
    EXPECT_EQ(access(this->bruno, "Reseller Bruno")["label_key"], "access.reseller_panel");
    Json news = access(this->carla, "Noticioso PLUS Carla");
    EXPECT_EQ(news["url"], "https://carlanoticias.example/wp-admin/");
    Json hosting = access(this->ana, "Hosting anagarcia.example");
    EXPECT_EQ(hosting["url"].get<std::string>().rfind("https://", 0), 0u);

    Response pending =
        this->call("GET", this->service_path(this->ana, "Noticias Ana (Simplenews)", "/access"), "",
                   this->ana);
    this->expect_error(pending, 409, "service_not_active");
}

TYPED_TEST(ServicesTest, DownloadsAreThoseOfThePlan) {
    Json radio = this->json(this->call(
        "GET", this->service_path(this->ana, "Radio Ana FM", "/downloads"), "", this->ana));
    ASSERT_EQ(radio["downloads"].size(), 3u);
    bool has_big = false;
    for (const auto& d : radio["downloads"]) {
        EXPECT_EQ(d["sha256"].get<std::string>().size(), 64u);
        if (d["size_bytes"].get<int64_t>() > 20 * 1000 * 1000) has_big = true;
    }
    EXPECT_TRUE(has_big);
    Json hosting = this->json(
        this->call("GET", this->service_path(this->ana, "Hosting anagarcia.example", "/downloads"),
                   "", this->ana));
    ASSERT_EQ(hosting["downloads"].size(), 2u);  // hosting-plus: guide + WordPress checklist

    Response suspended = this->call(
        "GET", this->service_path(this->bruno, "Canal Bruno TV", "/downloads"), "", this->bruno);
    EXPECT_EQ(suspended.status, 409);
}

// A download's bytes as the client receives them: produced piece by piece from its streamed body,
// the way the server sends them (64 KiB at a time), so a piece boundary cannot hide an error.
std::string content(const Response& r) {
    if (!r.streamed) return r.body;
    std::string out;
    for (int64_t offset = 0; offset < r.streamed_length; offset += 65536) {
        out += r.streamed(offset, std::min<int64_t>(65536, r.streamed_length - offset));
    }
    return out;
}

// Where the download with this file name among a service's downloads is fetched.
template <class World>
std::string file_path(World* world, const std::string& token, const std::string& service,
                      const std::string& file) {
    Json list = world->json(
        world->call("GET", world->service_path(token, service, "/downloads"), "", token));
    for (const auto& d : list["downloads"]) {
        if (d["name"] == file) return "/api/v1/downloads/" + d["id"].dump() + "/file";
    }
    ADD_FAILURE() << "no download " << file;
    return "/api/v1/downloads/0/file";
}

TYPED_TEST(ServicesTest, AFileComesWhole) {
    Response r = this->call(
        "GET", file_path(this, this->ana, "Hosting anagarcia.example", "guia-rapida-cpanel.txt"),
        "", this->ana);
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(r.body.empty());  // streamed, not held
    EXPECT_EQ(r.streamed_length, static_cast<int64_t>(content(r).size()));
    EXPECT_EQ(r.headers["Content-Disposition"], "attachment; filename=\"guia-rapida-cpanel.txt\"");
    EXPECT_EQ(r.headers["Accept-Ranges"], "bytes");
    EXPECT_NE(content(r).find("Login al Panel de hosting"), std::string::npos);
    Json list = this->json(
        this->call("GET", this->service_path(this->ana, "Hosting anagarcia.example", "/downloads"),
                   "", this->ana));
    EXPECT_EQ(list["downloads"][0]["sha256"], sha256_hex(content(r)));
}

TYPED_TEST(ServicesTest, TheBigFileMatchesItsChecksum) {
    Response r = this->call(
        "GET", file_path(this, this->ana, "Radio Ana FM", "jingles-radio-2026.bin"), "", this->ana);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.streamed_length, 25165824);
    const std::string bytes = content(r);
    EXPECT_EQ(bytes.size(), 25165824u);
    EXPECT_EQ(sha256_hex(bytes),
              "d150cf2aae7251442d796bbf7f5c1e7f1218e7fc402bebc04aef0d4110f32ad6");
}

TYPED_TEST(ServicesTest, RangesGivePartsOfTheSameBytes) {
    const std::string path = file_path(this, this->ana, "Radio Ana FM", "logos-emisora.bin");
    std::string whole = content(this->call("GET", path, "", this->ana));
    ASSERT_EQ(whole.size(), 307200u);

    Response middle = this->call("GET", path, "", this->ana, {{"range", "bytes=1000-1999"}});
    EXPECT_EQ(middle.status, 206);
    EXPECT_EQ(middle.headers["Content-Range"], "bytes 1000-1999/307200");
    EXPECT_EQ(middle.streamed_length, 1000);
    EXPECT_EQ(content(middle), whole.substr(1000, 1000));

    Response open_end = this->call("GET", path, "", this->ana, {{"range", "bytes=307000-"}});
    EXPECT_EQ(open_end.status, 206);
    EXPECT_EQ(content(open_end), whole.substr(307000));

    Response suffix = this->call("GET", path, "", this->ana, {{"range", "bytes=-10"}});
    EXPECT_EQ(suffix.status, 206);
    EXPECT_EQ(suffix.headers["Content-Range"], "bytes 307190-307199/307200");
    EXPECT_EQ(content(suffix), whole.substr(307190));

    Response past = this->call("GET", path, "", this->ana, {{"range", "bytes=307200-"}});
    EXPECT_EQ(past.status, 416);
    EXPECT_EQ(past.headers["Content-Range"], "bytes */307200");

    // Unsupported forms are ignored (RFC 9110): the whole file.
    Response multi = this->call("GET", path, "", this->ana, {{"range", "bytes=0-1,5-6"}});
    EXPECT_EQ(multi.status, 200);
    EXPECT_EQ(content(multi).size(), whole.size());
    // A stale If-Range (another file version) also gets the whole file.
    Response stale =
        this->call("GET", path, "", this->ana, {{"range", "bytes=0-9"}, {"if-range", "\"old\""}});
    EXPECT_EQ(stale.status, 200);
}

TYPED_TEST(ServicesTest, AFileOutsideTheClientsPlansIsNotFound) {
    // backup tool: in hosting-pro/business (Carla), not in Ana's hosting-plus.
    Response r = this->call(
        "GET", file_path(this, this->carla, "Hosting Business Carla", "herramienta-backup.bin"), "",
        this->ana);
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(this->call("GET", "/api/v1/downloads/999/file", "", this->ana).status, 404);
    // Another client's file, asked for by its very path, is not found either.
    EXPECT_EQ(
        this->call("GET",
                   file_path(this, this->carla, "Hosting Business Carla", "herramienta-backup.bin"),
                   "", this->bruno)
            .status,
        404);
}

TYPED_TEST(ServicesTest, InvoicesNewestFirstWithOverdue) {
    Json invoices = this->json(this->call("GET", "/api/v1/invoices", "", this->ana))["invoices"];
    ASSERT_EQ(invoices.size(), 5u);
    for (size_t i = 1; i < invoices.size(); ++i) {
        EXPECT_GE(invoices[i - 1]["issued_on"].get<std::string>(),
                  invoices[i]["issued_on"].get<std::string>());
    }
    int overdue = 0;
    for (const auto& invoice : invoices) {
        if (invoice["status"] == "overdue") {
            ++overdue;
            EXPECT_EQ(invoice["service_name"], "Radio Ana FM");
            EXPECT_EQ(invoice["amount"]["amount_cents"], 1500);
            EXPECT_LT(invoice["due_on"].get<std::string>(), kToday.iso());
        }
    }
    EXPECT_EQ(overdue, 1);
    EXPECT_TRUE(this->json(this->call("GET", "/api/v1/invoices", "",
                                      this->login("diego@example.com")))["invoices"]
                    .empty());
}

TYPED_TEST(ServicesTest, AutoRenewCanBeTurnedOffAndOn) {
    const std::string path = this->service_path(this->ana, "anagarcia.example", "/auto-renew");
    EXPECT_EQ(this->json(this->call("GET", path, "", this->ana))["enabled"], true);
    Response off = this->call("PUT", path, R"({"enabled":false})", this->ana);
    ASSERT_EQ(off.status, 200) << off.body;
    EXPECT_EQ(this->json(off)["enabled"], false);
    EXPECT_EQ(this->json(this->call("GET", path, "", this->ana))["enabled"], false);
    EXPECT_EQ(this->json(this->call("PUT", path, R"({"enabled":true})", this->ana))["enabled"],
              true);

    Response bad = this->call("PUT", path, R"({"enabled":"no"})", this->ana);
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(this->error_field(bad), "enabled");
    Response terminated =
        this->call("PUT", this->service_path(this->bruno, "App TV Bruno", "/auto-renew"),
                   R"({"enabled":true})", this->bruno);
    this->expect_error(terminated, 409, "auto_renew_not_changeable");
}

TYPED_TEST(ServicesTest, ActivationEstimateForPendingServices) {
    Response r = this->call(
        "GET", this->service_path(this->ana, "Noticias Ana (Simplenews)", "/activation-estimate"),
        "", this->ana);
    ASSERT_EQ(r.status, 200) << r.body;
    Json e = this->json(r);
    EXPECT_EQ(e["product"], "simplenews");
    EXPECT_EQ(e["min"], 2);
    EXPECT_EQ(e["unit"], "business_days");
    EXPECT_EQ(e["requirement"], "domain_delegated");
    EXPECT_EQ(e["requirements_met_on"], kToday.add_days(-1).iso());
    // Requirements met Tuesday 2026-03-10 + 2 business days = Thursday 2026-03-12.
    EXPECT_EQ(e["latest"], "2026-03-12");

    Response unknown_start = this->call(
        "GET", this->service_path(this->bruno, "Portal de noticias Bruno", "/activation-estimate"),
        "", this->bruno);
    ASSERT_EQ(unknown_start.status, 200);
    EXPECT_TRUE(this->json(unknown_start)["earliest"].is_null());
    EXPECT_EQ(this->json(unknown_start)["min"], 3);

    const std::string app =
        this->service_path(this->bruno, "App de radio Bruno", "/activation-estimate");
    EXPECT_EQ(this->json(this->call("GET", app + "?platform=ios", "", this->bruno))["min"], 40);
    Response bad_platform = this->call("GET", app + "?platform=symbian", "", this->bruno);
    EXPECT_EQ(bad_platform.status, 400);
    EXPECT_EQ(this->error_field(bad_platform), "platform");

    Response active =
        this->call("GET", this->service_path(this->ana, "Radio Ana FM", "/activation-estimate"), "",
                   this->ana);
    this->expect_error(active, 409, "service_not_pending");
}

TYPED_TEST(ServicesTest, TheListCarriesEachPendingServicesEstimateAndNoOther) {
    Response list = this->call("GET", "/api/v1/services", "", this->ana);
    ASSERT_EQ(list.status, 200) << list.body;
    const Json services = this->json(list)["services"];
    int pending = 0;
    for (const Json& service : services) {
        if (service["status"] != "pending") {
            EXPECT_FALSE(service.contains("activation_estimate")) << service["name"];
            continue;
        }
        ++pending;
        // The same estimate as the service's own route gives.
        Response own =
            this->call("GET",
                       "/api/v1/services/" + std::to_string(service["id"].get<int64_t>()) +
                           "/activation-estimate",
                       "", this->ana);
        ASSERT_EQ(own.status, 200) << own.body;
        EXPECT_EQ(service["activation_estimate"], this->json(own)) << service["name"];
    }
    EXPECT_GE(pending, 1) << "ana has a pending service in the fixtures";
}

}  // namespace
}  // namespace portal::backend::testing
