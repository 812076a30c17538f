// Durability of the real portal-stub over SQLite: concurrent clients create upgrade
// orders and cancellation requests (and withdraw them) with Idempotency-Keys; the stub is killed
// with SIGKILL in the middle of the load, then restarted on the same database file. Each round
// checks that
//   - the file passes PRAGMA integrity_check (and foreign_key_check) right after the crash;
//   - every request the stub acknowledged with 2xx is in the database, exactly once;
//   - retrying the requests that got no answer, with the same key, acts at most once in all
//     (the row is there once whether the first attempt reached the disk or not);
//   - repeating acknowledged requests with their key replays the first answer, writing nothing.
// The kill comes after a number of acknowledged requests (a condition), never after a delay.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "stub_process.h"

namespace portal::integration {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kClients = 5;  // each with two workers: upgrade orders, cancellations
constexpr int kRounds = 5;
constexpr const char* kPassword = "load-Pass-81";

// One mutation sent by a worker, and what became of it.
struct Op {
    enum class Kind { order, order_withdrawal, cancellation, withdrawal } kind;
    int client = 0;
    std::string token, method, path, body, key;
    std::string plan;       // order: the target plan
    int64_t target = 0;     // withdrawals: the order or cancellation request withdrawn
    int status = 0;         // 0: no answer (the stub died before answering)
    int64_t id = 0;         // order: order id; cancellation: request id (from Location)
    std::string answer;     // the body of the 2xx answer
    bool replayed = false;  // the answer came from the Idempotency-Key store
};

std::unique_ptr<httplib::Client> client_on(int port) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port);
    client->set_connection_timeout(5);
    client->set_read_timeout(30);
    client->set_write_timeout(30);
    return client;
}

// Sends `op` once; fills status, id and answer. Returns false when no answer came.
bool send(httplib::Client& http, Op& op) {
    httplib::Headers headers = {{"Authorization", "Bearer " + op.token},
                                {"Idempotency-Key", op.key}};
    httplib::Result r = op.method == "POST"
                            ? http.Post(op.path.c_str(), headers, op.body, "application/json")
                            : http.Delete(op.path.c_str(), headers);
    if (!r) return false;
    op.status = r->status;
    op.replayed = r->get_header_value("Idempotent-Replayed") == "true";
    if (op.status < 200 || op.status >= 300) return true;
    op.answer = r->body;
    Json j = Json::parse(r->body, nullptr, false);
    if (op.kind == Op::Kind::order && j.is_object() && j["order"].is_object()) {
        op.id = j["order"].value("id", int64_t{0});
    } else if (op.kind == Op::Kind::cancellation) {
        const std::string location = r->get_header_value("Location");
        const std::string prefix = "/api/v1/cancellation-requests/";
        if (location.rfind(prefix, 0) == 0) op.id = std::atoll(location.c_str() + prefix.size());
    } else if ((op.kind == Op::Kind::withdrawal || op.kind == Op::Kind::order_withdrawal) &&
               j.is_object()) {
        op.id = j.value("id", int64_t{0});
    }
    return true;
}

// What each worker knows of its own service between rounds (each service has one worker, so
// the worker's requests on it never race each other).
struct ServiceState {
    int64_t hosting = 0, mail = 0;
    int64_t open_order = 0;  // the hosting's upgrade awaiting payment (0: none)
    int64_t scheduled = 0;   // the mail's cancellation request still scheduled (0: none)
};

class Durability : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fresh_temp_dir("portal-durability", "fixtures");
        fs::copy_file(fs::path(PORTAL_FIXTURES_DIR) / "catalog.json",
                      dir / "fixtures" / "catalog.json");
        // Clients of our own: a yearly hosting whose upgrade is ordered and withdrawn (an
        // upgrade waits for its invoice, RULES.md §3) and a mail service whose cancellation is
        // requested and withdrawn.
        Json clients = Json::array();
        for (int c = 0; c < kClients; ++c) {
            const std::string domain = "load" + std::to_string(c) + ".example";
            Json paid_invoice = {{"issued_on", "-190d"}, {"due_on", "-180d"}, {"status", "paid"}};
            clients.push_back({{"email", "load" + std::to_string(c) + "@example.com"},
                               {"password", kPassword},
                               {"name", "Load " + std::to_string(c)},
                               {"phone", "+1 555 0100"},
                               {"language", "en"},
                               {"services",
                                {{{"name", "Hosting " + domain},
                                  {"type", "hosting"},
                                  {"status", "active"},
                                  {"domain", domain},
                                  {"plan", "hosting-plus"},
                                  {"server", "hs-01"},
                                  {"period_start", "-180d"},
                                  {"credentials", Json::array()},
                                  {"invoices", {paid_invoice}}},
                                 {{"name", "Mail " + domain},
                                  {"type", "corporate_mail"},
                                  {"status", "active"},
                                  {"domain", domain},
                                  {"plan", "correo-5"},
                                  {"server", "mx-01"},
                                  {"period_start", "-60d"},
                                  {"credentials", Json::array()},
                                  {"invoices", {paid_invoice}}}}}});
        }
        std::ofstream(dir / "fixtures" / "clients.json") << Json{{"clients", clients}}.dump(1);
    }
    void TearDown() override { fs::remove_all(dir); }

    std::unique_ptr<StubProcess> start() {
        auto stub = std::make_unique<StubProcess>(std::vector<std::string>{
            "--port", "0", "--db", (dir / "portal.db").string(), "--fixtures",
            (dir / "fixtures").string(), "--fast-hash", "--threads", "8", "--quiet"});
        EXPECT_TRUE(stub->started()) << stub->output();
        return stub;
    }

    // PRAGMA integrity_check and foreign_key_check on the file, with SQLite itself.
    std::string check_file() {
        sqlite3* db = nullptr;
        if (sqlite3_open_v2((dir / "portal.db").c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
            SQLITE_OK) {
            sqlite3_close(db);
            return "cannot open";
        }
        std::string result;
        sqlite3_exec(
            db, "PRAGMA integrity_check",
            [](void* out, int, char** values, char**) {
                *static_cast<std::string*>(out) += values[0] ? values[0] : "NULL";
                return 0;
            },
            &result, nullptr);
        int orphans = 0;
        sqlite3_exec(
            db, "PRAGMA foreign_key_check",
            [](void* out, int, char**, char**) {
                ++*static_cast<int*>(out);
                return 0;
            },
            &orphans, nullptr);
        sqlite3_close(db);
        if (orphans > 0) result += "; " + std::to_string(orphans) + " foreign key violations";
        return result;
    }

    // Rows of a query, each as its text columns.
    std::vector<std::vector<std::string>> rows(const std::string& sql) {
        std::vector<std::vector<std::string>> out;
        sqlite3* db = nullptr;
        if (sqlite3_open_v2((dir / "portal.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) !=
            SQLITE_OK) {
            sqlite3_close(db);
            ADD_FAILURE() << "cannot open the database";
            return out;
        }
        sqlite3_exec(
            db, sql.c_str(),
            [](void* rows_out, int n, char** values, char**) {
                std::vector<std::string> row;
                for (int i = 0; i < n; ++i) row.emplace_back(values[i] ? values[i] : "");
                static_cast<std::vector<std::vector<std::string>>*>(rows_out)->push_back(row);
                return 0;
            },
            &out, nullptr);
        sqlite3_close(db);
        return out;
    }

    std::string login(httplib::Client& http, int c) {
        Json body = {{"email", "load" + std::to_string(c) + "@example.com"},
                     {"password", kPassword}};
        auto r = http.Post("/api/v1/session", body.dump(), "application/json");
        EXPECT_TRUE(r && r->status == 201) << (r ? r->body : "no answer");
        return r && r->status == 201 ? Json::parse(r->body).value("token", "") : "";
    }

    fs::path dir;
};

TEST_F(Durability, EveryAcknowledgedRequestSurvivesSigkillExactlyOnce) {
    auto stub = start();
    ASSERT_TRUE(stub->started());

    // The services of each client.
    std::vector<ServiceState> state(kClients);
    {
        auto http = client_on(stub->port());
        for (int c = 0; c < kClients; ++c) {
            const std::string token = login(*http, c);
            ASSERT_FALSE(token.empty());
            auto r = http->Get("/api/v1/services", {{"Authorization", "Bearer " + token}});
            ASSERT_TRUE(r && r->status == 200);
            const Json services = Json::parse(r->body);
            for (const auto& s : services["services"]) {
                (s["plan"]["id"] == "hosting-plus" ? state[c].hosting : state[c].mail) =
                    s["id"].get<int64_t>();
            }
            ASSERT_TRUE(state[c].hosting && state[c].mail) << r->body;
        }
    }

    std::vector<Op> done;  // every op that ended with an answer, over all rounds
    int acknowledged_total = 0, unanswered_total = 0, replayed_total = 0, kills = 0;
    int lost_answers = 0;  // unanswered requests whose retry found them already done
    for (int round = 1; round <= kRounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        std::vector<std::string> tokens(kClients);
        {
            auto http = client_on(stub->port());
            for (int c = 0; c < kClients; ++c) tokens[c] = login(*http, c);
        }

        // The load: two workers per client, until the stub dies under them.
        std::mutex mutex;
        std::condition_variable progress;
        int acknowledged = 0;
        std::atomic<bool> stopping{false};
        std::vector<std::vector<Op>> results(2 * kClients);
        std::vector<std::thread> workers;
        for (int w = 0; w < 2 * kClients; ++w) {
            workers.emplace_back([&, w] {
                const int c = w / 2;
                const bool orders = w % 2 == 0;
                ServiceState& s = state[c];
                auto http = client_on(stub->port());
                for (int n = 0; !stopping; ++n) {
                    Op op;
                    op.client = c;
                    op.token = tokens[c];
                    op.key = "r" + std::to_string(round) + "-c" + std::to_string(c) +
                             (orders ? "-order-" : "-cancel-") + std::to_string(n);
                    if (orders && s.open_order == 0) {
                        op.kind = Op::Kind::order;
                        op.method = "POST";
                        op.plan = "hosting-pro";
                        op.path =
                            "/api/v1/services/" + std::to_string(s.hosting) + "/upgrade-orders";
                        op.body = Json{{"plan_id", op.plan}}.dump();
                    } else if (orders) {
                        op.kind = Op::Kind::order_withdrawal;
                        op.method = "DELETE";
                        op.target = s.open_order;
                        op.path = "/api/v1/upgrade-orders/" + std::to_string(s.open_order);
                    } else if (s.scheduled == 0) {
                        op.kind = Op::Kind::cancellation;
                        op.method = "POST";
                        op.path =
                            "/api/v1/services/" + std::to_string(s.mail) + "/cancellation-requests";
                        op.body = Json{{"type", "end_of_period"},
                                       {"reason", "durability round " + std::to_string(round)},
                                       {"email", "load" + std::to_string(c) + "@example.com"},
                                       {"password", kPassword}}
                                      .dump();
                    } else {
                        op.kind = Op::Kind::withdrawal;
                        op.method = "DELETE";
                        op.target = s.scheduled;
                        op.path = "/api/v1/cancellation-requests/" + std::to_string(s.scheduled);
                    }
                    const bool answered = send(*http, op);
                    results[w].push_back(op);
                    if (!answered || op.status < 200 || op.status >= 300) break;
                    if (op.kind == Op::Kind::order) s.open_order = op.id;
                    if (op.kind == Op::Kind::order_withdrawal) s.open_order = 0;
                    if (op.kind == Op::Kind::cancellation) s.scheduled = op.id;
                    if (op.kind == Op::Kind::withdrawal) s.scheduled = 0;
                    std::lock_guard<std::mutex> lock(mutex);
                    ++acknowledged;
                    progress.notify_all();
                }
            });
        }
        // SIGKILL once enough requests were acknowledged (a different count each round), while
        // every worker still has a request in flight or about to go.
        const int kill_after = 25 + 15 * round;
        {
            std::unique_lock<std::mutex> lock(mutex);
            const bool reached = progress.wait_for(lock, std::chrono::minutes(5),
                                                   [&] { return acknowledged >= kill_after; });
            EXPECT_TRUE(reached) << "only " << acknowledged << " requests acknowledged";
        }
        EXPECT_TRUE(stub->kill_hard());
        ++kills;
        stopping = true;
        for (auto& worker : workers) worker.join();

        // Right after the crash, before anything opens the file again.
        EXPECT_EQ(check_file(), "ok");

        stub = start();
        ASSERT_TRUE(stub->started());
        auto http = client_on(stub->port());
        for (int w = 0; w < 2 * kClients; ++w) {
            for (Op& op : results[w]) {
                if (op.status == 0) {
                    // No answer: the same request with the same key, until it answers.
                    ++unanswered_total;
                    ASSERT_TRUE(send(*http, op)) << op.key;
                    if (op.replayed) ++lost_answers;
                    EXPECT_GE(op.status, 200) << op.key << " " << op.answer;
                    EXPECT_LT(op.status, 300) << op.key << " " << op.answer;
                    ServiceState& s = state[op.client];
                    if (op.kind == Op::Kind::order) s.open_order = op.id;
                    if (op.kind == Op::Kind::order_withdrawal) s.open_order = 0;
                    if (op.kind == Op::Kind::cancellation) s.scheduled = op.id;
                    if (op.kind == Op::Kind::withdrawal) s.scheduled = 0;
                } else {
                    ++acknowledged_total;
                    ASSERT_GE(op.status, 200) << op.key << " refused: " << op.status;
                    ASSERT_LT(op.status, 300) << op.key << " refused: " << op.status;
                }
                done.push_back(op);
            }
            // The last acknowledged request of each worker, sent again: the first answer comes
            // back (Idempotent-Replayed), nothing is written.
            for (auto it = results[w].rbegin(); it != results[w].rend(); ++it) {
                if (it->status < 200 || it->status >= 300) continue;
                Op again = *it;
                ASSERT_TRUE(send(*http, again));
                EXPECT_EQ(again.status, it->status) << again.key;
                EXPECT_EQ(again.id, it->id) << again.key;
                EXPECT_EQ(again.answer, it->answer) << again.key;
                EXPECT_TRUE(again.replayed) << again.key;
                ++replayed_total;
                break;
            }
        }

        // Everything acknowledged is in the file exactly once; nothing else is.
        std::map<int64_t, std::string> orders_answered;  // order id -> target plan
        std::set<int64_t> cancellations_answered, withdrawn_answered, orders_withdrawn;
        size_t order_answers = 0, cancellation_answers = 0;
        for (const Op& op : done) {
            if (op.kind == Op::Kind::order) {
                ++order_answers;
                EXPECT_TRUE(orders_answered.emplace(op.id, op.plan).second)
                    << "two requests answered with order " << op.id;
            } else if (op.kind == Op::Kind::cancellation) {
                ++cancellation_answers;
                EXPECT_TRUE(cancellations_answered.insert(op.id).second)
                    << "two requests answered with cancellation " << op.id;
            } else if (op.kind == Op::Kind::order_withdrawal) {
                orders_withdrawn.insert(op.target);
            } else {
                withdrawn_answered.insert(op.target);
            }
        }
        auto order_rows = rows("SELECT id, to_plan_id, status FROM upgrade_orders ORDER BY id");
        EXPECT_EQ(order_rows.size(), order_answers);
        for (const auto& row : order_rows) {
            auto it = orders_answered.find(std::atoll(row[0].c_str()));
            ASSERT_NE(it, orders_answered.end()) << "order " << row[0] << " was never answered";
            EXPECT_EQ(it->second, row[1]) << "order " << row[0];
            const bool withdrawn = orders_withdrawn.count(it->first) == 1;
            EXPECT_EQ(row[2], withdrawn ? "withdrawn" : "awaiting_payment") << "order " << row[0];
        }
        auto cancellation_rows =
            rows("SELECT id, withdrawn FROM cancellation_requests ORDER BY id");
        EXPECT_EQ(cancellation_rows.size(), cancellation_answers);
        for (const auto& row : cancellation_rows) {
            const int64_t id = std::atoll(row[0].c_str());
            EXPECT_TRUE(cancellations_answered.count(id)) << "cancellation " << id << " unanswered";
            EXPECT_EQ(row[1] == "1", withdrawn_answered.count(id) == 1) << "cancellation " << id;
        }
        // Each key answered 2xx has its one saved answer.
        auto key_rows = rows("SELECT key, COUNT(*) FROM idempotency_keys GROUP BY key");
        std::map<std::string, int> keys;
        for (const auto& row : key_rows) keys[row[0]] = std::atoi(row[1].c_str());
        EXPECT_EQ(keys.size(), done.size());
        for (const Op& op : done) EXPECT_EQ(keys[op.key], 1) << op.key;
        // Nothing was paid, so each hosting keeps its plan (RULES.md §3).
        for (int c = 0; c < kClients; ++c) {
            auto plan =
                rows("SELECT plan_id FROM services WHERE id = " + std::to_string(state[c].hosting));
            ASSERT_EQ(plan.size(), 1u);
            EXPECT_EQ(plan[0][0], "hosting-plus") << "client " << c;
        }
        if (HasFailure()) break;
    }
    EXPECT_EQ(stub->stop(), 0);
    EXPECT_EQ(check_file(), "ok");
    EXPECT_EQ(kills, kRounds);
    EXPECT_GT(unanswered_total, 0) << "no request was in flight at any kill";
    // The figures for RELIABILITY.md.
    std::printf(
        "[durability] %d rounds, %d SIGKILLs, %zu requests answered 2xx "
        "(%d acknowledged before a kill, %d unanswered then retried with their key, %d of "
        "which had been done before the kill), %d replays, integrity_check ok after each kill\n",
        kRounds, kills, done.size(), acknowledged_total, unanswered_total, lost_answers,
        replayed_total);
}

}  // namespace
}  // namespace portal::integration
