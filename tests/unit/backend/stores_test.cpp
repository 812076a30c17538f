// The stores themselves: transactions roll back, snapshots read and still write, SQLite migrates
// and persists, MemoryStore survives a trip through JSON (the page's localStorage copy).
#include <sqlite3.h>

#include <atomic>
#include <thread>

#include "backend_world.h"
#include "sqlite/sqlite_readers.h"

namespace portal::backend::testing {
namespace {

template <class Kind>
class StoreTest : public ::testing::Test {
  public:
    Kind kind;
};
TYPED_TEST_SUITE(StoreTest, StoreKinds, StoreKindNames);

ClientRecord client(const std::string& email) {
    ClientRecord c;
    c.email = email;
    c.name = "N";
    c.password_hash = "h";
    return c;
}

TYPED_TEST(StoreTest, ARefusedTransactionWritesNothing) {
    auto store = this->kind.make();
    bool committed = store->transaction([&] {
        store->insert_client(client("a@example.com"));
        return false;
    });
    EXPECT_FALSE(committed);
    EXPECT_FALSE(store->client_by_email("a@example.com").has_value());
    EXPECT_TRUE(store->transaction([&] {
        store->insert_client(client("b@example.com"));
        return true;
    }));
    EXPECT_TRUE(store->client_by_email("b@example.com").has_value());
}

TYPED_TEST(StoreTest, AnExceptionRollsBack) {
    auto store = this->kind.make();
    EXPECT_THROW(store->transaction([&]() -> bool {
        store->insert_client(client("c@example.com"));
        throw std::runtime_error("boom");
    }),
                 std::runtime_error);
    EXPECT_FALSE(store->client_by_email("c@example.com").has_value());
}

TYPED_TEST(StoreTest, ASnapshotReadsAndStillWrites) {
    auto store = this->kind.make();
    store->insert_client(client("before@example.com"));
    store->snapshot([&] {
        EXPECT_TRUE(store->client_by_email("before@example.com").has_value());
        // A write inside it (a renewal that fell due), alone or as a transaction, is kept, and
        // the reads after it see it, even when the same question was asked before it.
        EXPECT_FALSE(store->client_by_email("alone@example.com").has_value());
        EXPECT_FALSE(store->client_by_email("inside@example.com").has_value());
        store->insert_client(client("alone@example.com"));
        EXPECT_TRUE(store->client_by_email("alone@example.com").has_value());
        EXPECT_TRUE(store->transaction([&] {
            store->insert_client(client("inside@example.com"));
            return true;
        }));
        EXPECT_TRUE(store->client_by_email("inside@example.com").has_value());
    });
    EXPECT_TRUE(store->client_by_email("alone@example.com").has_value());
    EXPECT_TRUE(store->client_by_email("inside@example.com").has_value());
}

TYPED_TEST(StoreTest, AnExceptionInASnapshotLeavesTheStoreUsable) {
    auto store = this->kind.make();
    EXPECT_THROW(store->snapshot([&] {
        store->client_by_email("x@example.com");
        throw std::runtime_error("boom");
    }),
                 std::runtime_error);
    EXPECT_TRUE(store->transaction([&] {
        store->insert_client(client("after@example.com"));
        return true;
    }));
    EXPECT_TRUE(store->client_by_email("after@example.com").has_value());
}

TYPED_TEST(StoreTest, IdsAreAssignedInOrderAndOwnershipIsChecked) {
    auto store = this->kind.make();
    int64_t a = store->insert_client(client("a@example.com"));
    int64_t b = store->insert_client(client("b@example.com"));
    EXPECT_EQ(b, a + 1);
    domain::Plan plan{"p",
                      "P",
                      "P in English",
                      domain::ServiceType::hosting,
                      {100, "USD"},
                      domain::BillingCycle::monthly,
                      1,
                      true};
    store->upsert_plan(plan);
    domain::Service service;
    service.client_id = a;
    service.name = "S";
    service.plan_id = "p";
    service.requirements_met_on = domain::Date{2026, 1, 2};
    int64_t id = store->insert_service(service);
    ASSERT_TRUE(store->service_of(a, id).has_value());
    EXPECT_EQ(store->service_of(a, id)->requirements_met_on, (domain::Date{2026, 1, 2}));
    EXPECT_FALSE(store->service_of(b, id).has_value());
}

TYPED_TEST(StoreTest, TheStatusPageKeepsItsOrderAndForgetsLongEndedIncidents) {
    auto store = this->kind.make();
    store->upsert_status_component({"dns", "DNS", "DNS", 2});
    store->upsert_status_component({"hs-02", "Servidor hs-02", "Server hs-02", 1});
    store->upsert_status_component(
        {"hs-02", "Servidor de hosting hs-02", "Hosting server hs-02", 1});
    using State = domain::ComponentState;
    const int64_t old_end = 1000, later = 5000;
    store->insert_incident({0, "dns", State::major_outage, "Viejo", "Old", 500, old_end});
    const int64_t open =
        store->insert_incident({0, "hs-02", State::degraded, "Lento", "Slow", 4000, {}});
    store->insert_incident({0, "dns", State::maintenance, "Obra", "Work", 3000, later});
    store->insert_incident_update({0, open, 4100, "Uno", "One"});
    store->insert_incident_update({0, open + 1, 3100, "Otro", "Other"});
    store->insert_incident_update({0, open, 4200, "Dos", "Two"});

    const auto components = store->status_components();
    ASSERT_EQ(components.size(), 2u) << "an upsert replaces the component with its id";
    EXPECT_EQ(components[0].name, "Servidor de hosting hs-02");
    EXPECT_EQ(components[1].id, "dns");
    // Ended before 2000: gone; the others by their start.
    const auto incidents = store->incidents_since(2000);
    ASSERT_EQ(incidents.size(), 2u);
    EXPECT_EQ(incidents[0].title, "Obra");
    EXPECT_EQ(incidents[1].title, "Lento");
    EXPECT_EQ(store->incidents_since(old_end).size(), 3u) << "an end at the limit still counts";
    const auto updates = store->incident_updates_of(open);
    ASSERT_EQ(updates.size(), 2u);
    EXPECT_EQ(updates[0].text, "Uno");
    EXPECT_EQ(updates[1].text, "Dos");
}

TEST(SqliteStore, MigratesToTheLatestSchemaInWalMode) {
    SqliteKind kind;
    auto store = kind.make();
    auto* sqlite = static_cast<SqliteStore*>(store.get());
    EXPECT_EQ(sqlite->schema_version(), SqliteStore::latest_schema_version());
    EXPECT_GE(SqliteStore::latest_schema_version(), 3);
    EXPECT_TRUE(sqlite->is_empty());
    store.reset();

    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(kind.path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST(SqliteStore, AnOldSchemaIsUpgradedAndANewerOneRefused) {
    SqliteKind kind;
    kind.make().reset();  // creates the file
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(kind.path.c_str(), &db), SQLITE_OK);
    // Roll the file back to schema 2 (no indexes, no voided invoices, the first names of the
    // amount columns, lock counts on the clients, unkeyed fingerprints kept forever, a stored
    // amount paid, no payments nor order status, no platform, no remembered auto-renew, no support
    // plan nor tickets, invoices with a Spanish description instead of a plan, no account details,
    // contacts nor outbox, no server of a service, no server-status page, no ticket attachments),
    // as an older stub would have left it, with a stored answer whose fingerprint is an unkeyed
    // digest.
    ASSERT_EQ(
        sqlite3_exec(db,
                     "CREATE TABLE upgrade_requests (id INTEGER PRIMARY KEY, client_id INTEGER, "
                     "service_id INTEGER, message TEXT, created_on TEXT); "
                     "DROP TABLE ticket_attachments; DROP TABLE incident_updates; "
                     "DROP TABLE incidents; "
                     "DROP TABLE status_components; ALTER TABLE services DROP COLUMN server; "
                     "DROP TABLE notifications; DROP TABLE contacts; "
                     "ALTER TABLE sessions DROP COLUMN contact_id; "
                     "ALTER TABLE clients DROP COLUMN company; "
                     "ALTER TABLE clients DROP COLUMN address; "
                     "ALTER TABLE clients DROP COLUMN alerts_off; "
                     "DROP TABLE ticket_messages; DROP TABLE tickets; "
                     "ALTER TABLE clients DROP COLUMN support_plan; "
                     "DROP TABLE settings; DROP TABLE sign_in_locks; "
                     "DROP INDEX idempotency_keys_by_age; DROP INDEX sessions_by_client; "
                     "ALTER TABLE idempotency_keys DROP COLUMN created_at; "
                     "ALTER TABLE clients ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0; "
                     "ALTER TABLE clients ADD COLUMN locked_until INTEGER NOT NULL DEFAULT 0; "
                     "INSERT INTO clients (id, email, name, password_hash) "
                     "VALUES (1, 'a@example.com', 'A', 'h'); "
                     "INSERT INTO idempotency_keys VALUES (1, 'k', 'POST /x unkeyeddigest', 201, "
                     "'{}', ''); "
                     "DROP INDEX services_by_client; DROP INDEX invoices_by_client; "
                     "DROP INDEX credentials_by_service; DROP INDEX cancellations_by_client; "
                     "DROP INDEX sessions_by_expiry; "
                     "ALTER TABLE cancellation_requests DROP COLUMN invoices_voided; "
                     "ALTER TABLE cancellation_requests DROP COLUMN auto_renew_before; "
                     "ALTER TABLE services DROP COLUMN platform; "
                     "ALTER TABLE plans DROP COLUMN name_en; "
                     "ALTER TABLE downloads DROP COLUMN description_en; "
                     "ALTER TABLE plans RENAME COLUMN price_currency TO currency; "
                     "DROP TABLE payments; DROP INDEX upgrade_orders_by_client; "
                     "ALTER TABLE invoices DROP COLUMN plan_id; "
                     "ALTER TABLE invoices ADD COLUMN description TEXT NOT NULL DEFAULT ''; "
                     "ALTER TABLE invoices DROP COLUMN kind; "
                     "ALTER TABLE invoices DROP COLUMN credit_cents; "
                     "ALTER TABLE invoices DROP COLUMN credit_currency; "
                     "ALTER TABLE upgrade_orders DROP COLUMN status; "
                     "ALTER TABLE upgrade_orders DROP COLUMN effective_on; "
                     "ALTER TABLE upgrade_orders DROP COLUMN expires_on; "
                     "ALTER TABLE services ADD COLUMN paid_cents INTEGER NOT NULL DEFAULT 0; "
                     "ALTER TABLE services ADD COLUMN paid_currency TEXT NOT NULL DEFAULT 'USD'; "
                     "ALTER TABLE invoices RENAME COLUMN amount_currency TO currency; "
                     "ALTER TABLE upgrade_orders RENAME COLUMN amount_due_cents "
                     "TO amount_cents; "
                     "ALTER TABLE upgrade_orders RENAME COLUMN amount_due_currency "
                     "TO currency; "
                     "UPDATE schema_version SET version = 2",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
    {
        SqliteStore reopened(kind.path.string());
        EXPECT_EQ(reopened.schema_version(), SqliteStore::latest_schema_version());
        // The later migrations ran: the columns of migrations 4, 7, 8, 11, 13, 14 and 15 are
        // there again.
        for (const char* probe_sql :
             {"SELECT invoices_voided FROM cancellation_requests",
              "SELECT kind, credit_cents, plan_id FROM invoices", "SELECT reference FROM payments",
              "SELECT auto_renew_before FROM cancellation_requests",
              "SELECT platform FROM services", "SELECT server FROM services",
              "SELECT posted_at FROM incident_updates JOIN incidents JOIN status_components",
              "SELECT remote_slot, rustdesk_id FROM tickets"}) {
            sqlite3_stmt* probe = nullptr;
            EXPECT_EQ(sqlite3_prepare_v2(db, probe_sql, -1, &probe, nullptr), SQLITE_OK)
                << probe_sql;
            sqlite3_finalize(probe);
        }
        // Migration 6 dropped the answers with unkeyed fingerprints, and kept the client.
        EXPECT_FALSE(reopened.idempotent_answer(1, "k").has_value());
        EXPECT_TRUE(reopened.client_by_id(1).has_value());
    }
    ASSERT_EQ(sqlite3_exec(db, "UPDATE schema_version SET version = 99", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    EXPECT_THROW(SqliteStore newer(kind.path.string()), std::runtime_error);
}

TEST(SqliteStore, ASnapshotDoesNotHoldBackAnotherProcessWriting) {
    SqliteKind kind;
    auto store = kind.make();
    store->insert_client(client("first@example.com"));
    SqliteStore other(kind.path.string());  // an operator's sqlite3, a backup, another stub
    store->snapshot([&] {
        EXPECT_TRUE(store->client_by_email("first@example.com").has_value());
        // The snapshot's read lock does not stop a writer (WAL), and its own view holds.
        other.insert_client(client("other@example.com"));
        EXPECT_FALSE(store->client_by_email("other@example.com").has_value());
        // A write of its own after another's: the view ends first, so SQLite never has to
        // refuse it for having read an older state (SQLITE_BUSY_SNAPSHOT).
        EXPECT_NO_THROW(store->insert_client(client("mine@example.com")));
        EXPECT_TRUE(store->client_by_email("other@example.com").has_value());
    });
    EXPECT_TRUE(other.client_by_email("mine@example.com").has_value());
}

// A snapshot may answer a question from memory when it was asked before; never once anybody
// (this store, or another process on the same file) has committed since.
TEST(SqliteStore, AnAnswerAskedBeforeIsReadAgainOnceAnyoneWrote) {
    SqliteKind kind;
    auto store = kind.make();
    SqliteStore other(kind.path.string());
    const auto asks = [&](const char* email) {
        bool found = false;
        store->snapshot([&] { found = store->client_by_email(email).has_value(); });
        return found;
    };
    EXPECT_FALSE(asks("later@example.com"));
    EXPECT_FALSE(asks("later@example.com"));
    other.insert_client(client("later@example.com"));
    EXPECT_TRUE(asks("later@example.com"));

    const int64_t id = store->insert_client(client("renamed@example.com"));
    EXPECT_TRUE(asks("renamed@example.com"));
    ASSERT_TRUE(other.transaction([&] {
        auto row = other.client_by_id(id);
        row->email = "moved@example.com";
        other.update_client(*row);
        return true;
    }));
    EXPECT_FALSE(asks("renamed@example.com"));
    EXPECT_TRUE(asks("moved@example.com"));
}

// What a reading connection remembers is bounded: a large answer is read again each time, and
// a small one once.
TEST(SqliteStore, OnlySmallAnswersAreRemembered) {
    SqliteKind kind;
    auto store = kind.make();
    store->insert_client(client("small@example.com"));
    SqliteReader reader(kind.path.string());
    const auto reads_of = [&](size_t length) {
        int reads = 0;
        for (int ask = 0; ask < 3; ++ask) {
            SqliteStatement statement = reader.prepare("SELECT zeroblob(?)");
            statement.bind(static_cast<int64_t>(length));
            reader.rows<std::vector<std::string>>(statement, [&] {
                ++reads;
                std::vector<std::string> rows;
                while (statement.step()) rows.push_back(statement.text(0));
                return rows;
            });
        }
        return reads;
    };
    EXPECT_EQ(reads_of(100), 1);
    EXPECT_EQ(reads_of(SqliteReader::kRememberedText + 1), 3);

    // One question more than it keeps: it forgets, and the first is read again.
    SqliteReader fresh(kind.path.string());
    int reads = 0;
    const auto ask = [&](int64_t value) {
        SqliteStatement statement = fresh.prepare("SELECT ?");
        statement.bind(value);
        fresh.rows<std::vector<int64_t>>(statement, [&] {
            ++reads;
            std::vector<int64_t> rows;
            while (statement.step()) rows.push_back(statement.integer(0));
            return rows;
        });
    };
    const auto kept = static_cast<int64_t>(SqliteReader::kRememberedAnswers);
    for (int64_t value = 0; value < kept; ++value) ask(value);
    ask(0);
    EXPECT_EQ(reads, kept);
    ask(kept);
    ask(0);
    EXPECT_EQ(reads, kept + 2);
}

TEST(SqliteStore, SnapshotsOnSeveralThreadsEachSeeOneStateWhileAnotherWrites) {
    SqliteKind kind;
    auto store = kind.make();
    const int64_t client_id = store->insert_client(client("many@example.com"));
    // The writer adds sessions two at a time, in one transaction each: a reader that sees an odd
    // number, or two numbers within one snapshot, saw half a write or two states.
    std::atomic<bool> writing{true};
    std::thread writer([&] {
        for (int i = 0; i < 100; ++i) {
            store->transaction([&] {
                store->insert_session({"a" + std::to_string(i), client_id, 1, 0});
                store->insert_session({"b" + std::to_string(i), client_id, 1, 0});
                return true;
            });
        }
        writing = false;
    });
    std::atomic<int> torn{0}, snapshots{0};
    auto read = [&] {
        while (writing) {
            store->snapshot([&] {
                const size_t first = store->sessions_of(client_id).size();
                const size_t again = store->sessions_of(client_id).size();
                if (first % 2 != 0 || again != first) ++torn;
            });
            ++snapshots;
        }
    };
    std::thread reader_a(read), reader_b(read);
    writer.join();
    reader_a.join();
    reader_b.join();
    EXPECT_EQ(torn, 0) << "of " << snapshots << " snapshots";
    EXPECT_EQ(store->sessions_of(client_id).size(), 200u);
}

TEST(SqliteStore, DataSurvivesReopening) {
    SqliteKind kind;
    auto store = kind.make();
    store->transaction([&] {
        store->insert_client(client("kept@example.com"));
        store->save_idempotent_answer({1, "k", "fp", 201, "{}", "/x"});
        return true;
    });
    store.reset();
    SqliteStore reopened(kind.path.string());
    EXPECT_TRUE(reopened.client_by_email("kept@example.com").has_value());
    auto answer = reopened.idempotent_answer(1, "k");
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->location, "/x");
}

class MemoryJsonWorld : public BackendWorld<MemoryKind> {};

TEST_F(MemoryJsonWorld, TheWholeStoreSurvivesJson) {
    std::string ana = login("ana@example.com");
    ASSERT_EQ(call("POST", service_path(ana, "Hosting anagarcia.example", "/upgrade-orders"),
                   R"({"plan_id":"hosting-pro"})", ana, {{"idempotency-key", "j1"}})
                  .status,
              201);
    ASSERT_EQ(
        call("POST",
             service_path(ana, "Correo corporativo anagarcia.example", "/cancellation-requests"),
             R"({"type":"immediate","reason":"x","email":"ana@example.com","password":"demo1234"})",
             ana)
            .status,
        201);
    const std::string services = call("GET", "/api/v1/services", "", ana).body;
    const std::string invoices = call("GET", "/api/v1/invoices", "", ana).body;

    std::string saved = static_cast<MemoryStore*>(store.get())->to_json();
    auto restored = std::make_unique<MemoryStore>();
    ASSERT_TRUE(restored->load_json(saved).ok());
    EXPECT_EQ(restored->to_json(), saved);
    store = std::move(restored);
    make_backend();

    // The session, the plan change, the invoice, the cancellation and the key all came back.
    EXPECT_EQ(call("GET", "/api/v1/services", "", ana).body, services);
    EXPECT_EQ(call("GET", "/api/v1/invoices", "", ana).body, invoices);
    EXPECT_EQ(call("GET", "/api/v1/cancellation-requests/1", "", ana).status, 200);
    Response replay =
        call("POST", service_path(ana, "Hosting anagarcia.example", "/upgrade-orders"),
             R"({"plan_id":"hosting-pro"})", ana, {{"idempotency-key", "j1"}});
    EXPECT_EQ(replay.headers["Idempotent-Replayed"], "true");
}

TEST(MemoryStoreJson, RefusesForeignOrBrokenText) {
    MemoryStore store;
    store.insert_client(client("keep@example.com"));
    EXPECT_FALSE(store.load_json("not json").ok());
    EXPECT_FALSE(store.load_json(R"({"format":"something-else","version":1})").ok());
    std::string saved = store.to_json();
    std::string broken = saved;
    broken.replace(broken.find("\"email\""), 7, "\"mail\"");
    EXPECT_FALSE(store.load_json(broken).ok());
    EXPECT_TRUE(store.client_by_email("keep@example.com").has_value());
}

}  // namespace
}  // namespace portal::backend::testing
