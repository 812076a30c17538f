// portal-stub answers from several threads at once: the same Idempotency-Key sent by racing
// retries still acts once, and parallel readers see consistent answers — on both stores.
#include <thread>

#include "backend_world.h"

namespace portal::backend::testing {
namespace {

PORTAL_SUITE_ON_BOTH_STORES(ConcurrencyTest, BackendWorld);

TYPED_TEST(ConcurrencyTest, RacingRetriesOfOneOrderActOnce) {
    std::string ana = this->login("ana@example.com");
    const std::string path =
        this->service_path(ana, "Hosting anagarcia.example", "/upgrade-orders");
    constexpr int kThreads = 8;
    std::vector<Response> answers(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            answers[i] = this->call("POST", path, R"({"plan_id":"hosting-pro"})", ana,
                                    {{"idempotency-key", "race-1"}});
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& answer : answers) {
        EXPECT_EQ(answer.status, 201) << answer.body;
        EXPECT_EQ(answer.body, answers[0].body);
    }
    EXPECT_EQ(this->store->upgrade_orders_of(1).size(), 1u);
    EXPECT_EQ(this->json(this->call("GET", "/api/v1/invoices", "", ana))["invoices"].size(), 6u);
}

// One technician: clients racing for one remote-support slot, each with their own key, book it
// once; every other attempt is refused because the slot is no longer free.
TYPED_TEST(ConcurrencyTest, ClientsRacingForOneRemoteSlotBookItOnce) {
    const std::vector<std::string> tokens = {this->login("ana@example.com"),
                                             this->login("carla@example.com")};
    const auto slots = this->json(this->call("GET", "/api/v1/support/remote-slots", "", tokens[0]));
    ASSERT_FALSE(slots["slots"].empty());
    const std::string slot = slots["slots"][0]["starts_at"];
    const std::string body = R"({"department":"support","subject":"Ayuda","message":"Hola",)"
                             R"("kind":"remote_support","requirements_accepted":true,)"
                             R"("rustdesk_id":"123456789","slot":")" +
                             slot + R"("})";
    constexpr int kThreads = 8;
    std::vector<Response> answers(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            answers[i] = this->call("POST", "/api/v1/tickets", body, tokens[i % 2],
                                    {{"idempotency-key", "slot-" + std::to_string(i)}});
        });
    }
    for (auto& thread : threads) thread.join();
    int booked = 0;
    for (const auto& answer : answers) {
        if (answer.status == 201) {
            ++booked;
        } else {
            EXPECT_EQ(answer.status, 409) << answer.body;
            EXPECT_NE(answer.body.find("slot_not_free"), std::string::npos) << answer.body;
        }
    }
    EXPECT_EQ(booked, 1);
    EXPECT_EQ(this->store->remote_support_bookings(0).size(), 1u);
}

TYPED_TEST(ConcurrencyTest, ParallelReadersAndWriters) {
    std::string ana = this->login("ana@example.com");
    std::string carla = this->login("carla@example.com");
    const std::string expected = this->call("GET", "/api/v1/services", "", ana).body;
    const std::string renew = this->service_path(carla, "Hosting Business Carla", "/auto-renew");
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                if (t % 2 == 0) {
                    if (this->call("GET", "/api/v1/services", "", ana).body != expected) ++wrong;
                } else {
                    bool enabled = (i % 2) == 0;
                    Response r =
                        this->call("PUT", renew,
                                   enabled ? R"({"enabled":true})" : R"({"enabled":false})", carla);
                    if (r.status != 200) ++wrong;
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace portal::backend::testing
