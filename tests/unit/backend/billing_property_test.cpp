// No free days, ever (RULES.md §3): random sequences of plan change orders, payments,
// withdrawals, cancellations and days passing, through the whole backend, never give a day of
// service that no paid invoice covers.
//
// A day of service is a day inside the period the portal shows for an active service
// (period_start..period_end): those are the days the company promises. On each such day, a
// paid invoice of the service covers that day, and what the period's paid invoices add up to
// is at least the price of the plan in force (no plan is enjoyed below its price).
#include <random>

#include "backend_world.h"

namespace portal::backend::testing {
namespace {

class NoFreeDays : public SignedInWorld<MemoryKind> {
  public:
    int days_checked = 0;
    int orders_taken = 0, payments_taken = 0;
    Json get(const std::string& path, const std::string& token) {
        return json(call("GET", "/api/v1" + path, "", token));
    }

    // The invariant, for one service of the caller on today.
    void expect_paid_today(const std::string& token, int64_t service_id, const std::string& trail) {
        Json service = get("/services/" + std::to_string(service_id), token);
        ASSERT_TRUE(service.contains("status")) << service.dump();
        if (service["status"] != "active") return;
        const domain::Date today = domain::company_today(clock.now());
        auto start = domain::Date::parse_iso(service["period_start"].get<std::string>());
        auto end = domain::Date::parse_iso(service["period_end"].get<std::string>());
        ASSERT_TRUE(start && end);
        if (today < *start || *end < today) return;
        ++days_checked;
        EXPECT_GE(service["paid_for_period"]["amount_cents"].get<int64_t>(),
                  service["plan"]["price"]["amount_cents"].get<int64_t>())
            << today.iso() << " on " << service["plan"]["id"] << " after " << trail;
        bool covered = false;
        const Json paid = get("/invoices?status=paid", token);
        for (const auto& invoice : paid["invoices"]) {
            if (invoice["service_id"] != service_id) continue;
            auto from = domain::Date::parse_iso(invoice["period_start"].get<std::string>());
            auto to = domain::Date::parse_iso(invoice["period_end"].get<std::string>());
            if (from && to && *from <= today && today <= *to) covered = true;
        }
        EXPECT_TRUE(covered) << today.iso() << ": no paid invoice covers it, after " << trail;
    }
};

struct Subject {
    std::string token_of;  // "ana" or "carla"
    std::string name;
    std::vector<std::string> plans;
};

TEST_F(NoFreeDays, RandomSequencesOfOrdersPaymentsWithdrawalsAndDays) {
    const std::vector<Subject> subjects{
        {"ana",
         "Hosting anagarcia.example",
         {"hosting-inicial", "hosting-plus", "hosting-pro", "hosting-business"}},
        {"carla", "Radio Carla 320", {"radio-128", "radio-320", "radio-ilimitado"}},
    };
    std::mt19937 random_steps(20260311);
    const int64_t start = clock.now();
    for (int run = 0; run < 12 && !HasFailure(); ++run) {
        // A fresh world for each run: the fixtures, today, sessions that outlast the run.
        clock.set(start);
        SetUp();
        BackendConfig long_sessions;
        long_sessions.token_ttl_seconds = 3 * 365 * 86400;
        make_backend(long_sessions);
        ana = login("ana@example.com");
        carla = login("carla@example.com");
        const Subject& subject = subjects[run % subjects.size()];
        const std::string& token = subject.token_of == "ana" ? ana : carla;
        const int64_t id = service_id(token, subject.name);
        const std::string path = "/api/v1/services/" + std::to_string(id);
        std::string trail;
        for (int step = 0; step < 60 && !HasFailure(); ++step) {
            switch (random_steps() % 6) {
                case 0: {  // order a plan
                    const std::string& plan = subject.plans[random_steps() % subject.plans.size()];
                    Response r = call("POST", path + "/upgrade-orders",
                                      Json{{"plan_id", plan}}.dump(), token);
                    trail += " order " + plan + ":" + std::to_string(r.status);
                    if (r.status == 201) ++orders_taken;
                    break;
                }
                case 1: {  // pay one of the service's unpaid invoices
                    const Json unpaid = get("/invoices?status=unpaid", token);
                    for (const auto& invoice : unpaid["invoices"]) {
                        if (invoice["service_id"] != id) continue;
                        Response r =
                            call("POST",
                                 "/api/v1/invoices/" +
                                     std::to_string(invoice["id"].get<int64_t>()) + "/payments",
                                 R"({"method":"sandbox"})", token);
                        trail += " pay " + invoice["kind"].get<std::string>() + ":" +
                                 std::to_string(r.status);
                        if (r.status == 201) ++payments_taken;
                        break;
                    }
                    break;
                }
                case 2: {  // withdraw the open plan change
                    Json pending = get(path.substr(7), token)["pending_plan_change"];
                    if (pending.is_null()) break;
                    Response r = call("DELETE",
                                      "/api/v1/upgrade-orders/" +
                                          std::to_string(pending["order_id"].get<int64_t>()),
                                      "", token);
                    trail += " withdraw:" + std::to_string(r.status);
                    break;
                }
                case 3: {  // ask for a cancellation at the period's end, or withdraw it
                    Response r = call("POST", path + "/cancellation-requests",
                                      Json{{"type", "end_of_period"},
                                           {"reason", ""},
                                           {"email", subject.token_of + "@example.com"},
                                           {"password", "demo1234"}}
                                          .dump(),
                                      token);
                    trail += " cancel:" + std::to_string(r.status);
                    if (r.status == 201 && random_steps() % 2 == 0) {
                        Response w = call("DELETE",
                                          "/api/v1/cancellation-requests/" +
                                              std::to_string(json(r)["id"].get<int64_t>()),
                                          "", token);
                        trail += " uncancel:" + std::to_string(w.status);
                    }
                    break;
                }
                default: {  // days pass, each one checked
                    const int days = 1 + static_cast<int>(random_steps() % 20);
                    trail += " +" + std::to_string(days) + "d";
                    for (int d = 0; d < days && !HasFailure(); ++d) {
                        clock.advance(86400);
                        expect_paid_today(token, id, trail);
                    }
                    break;
                }
            }
            expect_paid_today(token, id, trail);
        }
    }
    // The sequences really exercise the rules.
    EXPECT_GT(days_checked, 500) << "the runs must spend most days inside a paid period";
    EXPECT_GT(orders_taken, 20);
    EXPECT_GT(payments_taken, 20);
}

}  // namespace
}  // namespace portal::backend::testing
