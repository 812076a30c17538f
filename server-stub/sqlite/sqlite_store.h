// The stub's durable Store: one SQLite file in WAL mode.
// - Every mutation runs inside Store::transaction (BEGIN IMMEDIATE ... COMMIT), so a mutation and
//   its Idempotency-Key answer are written together or not at all.
// - The schema is versioned: `schema_version` holds the number of migrations applied; the list
//   lives in sqlite_migrations.cpp and only ever grows.
// - Statements are prepared once and reused. Their text comes from the records' `fields`
//   (sqlite_rows.h); the per-table queries are in sqlite_queries.cpp. One connection, guarded by a
//   mutex: SQLite serialises writers anyway and reads take microseconds; the slow work (Argon2id)
//   never runs under this lock. A snapshot's reads run on a read-only connection of their own
//   (sqlite_readers.h), beside other threads' and without that lock; a question that connection
//   answered before is answered from memory until anyone commits (SQLite's data_version).
// Errors from SQLite, and rows no writer produces (an unknown enum name, a malformed date), throw
// std::runtime_error (native only); the backend answers 500.
#pragma once

#include <atomic>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/store.h"
#include "sqlite/sqlite_readers.h"

struct sqlite3;
struct sqlite3_stmt;

namespace portal::backend {

class SqliteStatement;

class SqliteStore final : public Store {
  public:
    // Opens (creating if needed) the database file and brings its schema up to date.
    explicit SqliteStore(const std::string& path);
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    int schema_version();
    static int latest_schema_version();
    // True when no client exists yet (a new file that needs the fixtures).
    bool is_empty();

    PORTAL_STORE_OVERRIDES

  private:
    SqliteStatement prepare(const std::string& sql);
    void exec(const char* sql);
    int64_t last_insert_id();
    void migrate();
    void close_connection();  // finalizes the statements, then closes db_

    // The rows of R's table that match `condition` ("WHERE ... ORDER BY ..."), its parameters
    // bound in order; insert/update write every field of a row (sqlite_rows.h).
    template <class R, class... Values>
    std::vector<R> select(std::string_view condition, const Values&... values);
    template <class R, class... Values>
    std::optional<R> select_one(std::string_view condition, const Values&... values);
    template <class R>
    int64_t insert(const R& row, std::string_view verb = "INSERT");
    // Sets every field but the `keys`, in the row whose keys match.
    template <class R>
    void update(const R& row, std::initializer_list<std::string_view> keys);

    // The verbs of store_table_operations.h, on the table of the record `Result` holds or the
    // one given.
    template <class Result, class Key>
    Result table_find(const Key& key);
    template <class Result, class R>
    Result table_insert(const R& row);
    template <class Result, class R>
    Result table_replace(const R& row);
    template <class Result>
    Result table_owned(int64_t client_id, int64_t id);
    template <class Result>
    Result table_owned_by(int64_t client_id);

    // The reader of this thread's snapshot of this store; none outside a snapshot, and inside a
    // transaction, whose reads must see its own writes.
    SqliteReader* snapshot_reader() const;

    sqlite3* db_ = nullptr;
    std::recursive_mutex mutex_;
    PreparedStatements statements_;
    int transaction_depth_ = 0;
    // Whose transaction runs (none: a default id): a snapshot begun inside it is part of it.
    std::atomic<std::thread::id> transaction_thread_{};
    SqliteReaders readers_;
};

// The migrations, in order (sqlite_migrations.cpp). Migration i brings the schema to version i+1.
const std::vector<const char*>& sqlite_migrations();

}  // namespace portal::backend
