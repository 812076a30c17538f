// Opening the database, bringing its schema up to date, transactions and the statement cache.
#include <sqlite3.h>

#include <stdexcept>
#include <thread>

#include "sqlite/sqlite_statement.h"
#include "sqlite/sqlite_store.h"

namespace portal::backend {

namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

// The snapshots this thread is in (one per store it reads): the reader their reads use, or none
// while a transaction of this thread runs.
struct ThreadSnapshot {
    const SqliteStore* store;
    SqliteReader* reader;
};
thread_local std::vector<ThreadSnapshot> t_snapshots;

ThreadSnapshot* this_thread_snapshot(const SqliteStore* store) {
    for (auto& snapshot : t_snapshots) {
        if (snapshot.store == store) return &snapshot;
    }
    return nullptr;
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path) : readers_(path) {
    // SQLite counts every allocation of every connection under one process-wide lock unless
    // told not to, before it starts: the readers on several threads would queue on it. (Refused,
    // harmlessly, when SQLite is already running.)
    static const int memory_counting_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)memory_counting_off;
    int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("cannot open database " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);  // another process (a backup, sqlite3 CLI) may hold a lock
    try {
        exec("PRAGMA journal_mode = WAL");
        exec("PRAGMA synchronous = FULL");  // an acknowledged mutation survives a power cut
        exec("PRAGMA foreign_keys = ON");
        // A deleted row (an expired session, an old fingerprint) is overwritten, not left in a
        // free page where a copy of the file would still show it.
        exec("PRAGMA secure_delete = ON");
        migrate();
    } catch (...) {
        // A constructor that throws runs no destructor: close the connection here (otherwise a
        // refused newer schema would leak it, with its file descriptors and SQLite's memory).
        close_connection();
        throw;
    }
}

SqliteStore::~SqliteStore() {
    close_connection();
}

void SqliteStore::close_connection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    statements_.clear();
    sqlite3_close(db_);
    db_ = nullptr;
}

void SqliteStore::exec(const char* sql) {
    backend::exec(db_, sql);
}

SqliteStatement SqliteStore::prepare(const std::string& sql) {
    sqlite3_stmt* statement = prepared(db_, statements_, sql);
    // A write inside a snapshot: the reads after it must see it, in a view begun after it.
    if (!sqlite3_stmt_readonly(statement)) {
        if (SqliteReader* reader = snapshot_reader()) reader->end_view();
    }
    return SqliteStatement(db_, statement);
}

SqliteReader* SqliteStore::snapshot_reader() const {
    const ThreadSnapshot* snapshot = this_thread_snapshot(this);
    return snapshot ? snapshot->reader : nullptr;
}

void SqliteStore::snapshot(const std::function<void()>& work) {
    if (this_thread_snapshot(this)) return work();  // nested: part of the outer one
    if (transaction_thread_ == std::this_thread::get_id()) return work();  // part of it too
    struct Leave {
        SqliteReaders& readers;
        std::unique_ptr<SqliteReader> reader;
        ~Leave() {
            t_snapshots.pop_back();
            readers.give_back(std::move(reader));  // ends its view
        }
    } leave{readers_, readers_.take()};
    t_snapshots.push_back({this, leave.reader.get()});
    work();
}

int64_t SqliteStore::last_insert_id() {
    return sqlite3_last_insert_rowid(db_);
}

int SqliteStore::latest_schema_version() {
    return static_cast<int>(sqlite_migrations().size());
}

int SqliteStore::schema_version() {
    Lock lock(mutex_);
    auto s = prepare("SELECT version FROM schema_version");
    return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

void SqliteStore::migrate() {
    Lock lock(mutex_);
    exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    exec("BEGIN IMMEDIATE");
    bool migrated = false;
    try {
        int version = 0;
        {
            auto s = prepare("SELECT version FROM schema_version");
            if (s.step()) {
                version = static_cast<int>(s.integer(0));
            } else {
                prepare("INSERT INTO schema_version (version) VALUES (0)").run();
            }
        }
        if (version > latest_schema_version()) {
            throw std::runtime_error("the database was written by a newer portal-stub (schema " +
                                     std::to_string(version) + ")");
        }
        const auto& migrations = sqlite_migrations();
        for (int i = version; i < static_cast<int>(migrations.size()); ++i) {
            exec(migrations[static_cast<size_t>(i)]);
        }
        prepare("UPDATE schema_version SET version = ?")
            .bind(int64_t{latest_schema_version()})
            .run();
        exec("COMMIT");
        migrated = version < latest_schema_version();
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
    // The pages a migration rewrote also sit in the write-ahead log until it is reset: write them
    // into the file and empty the log, so no dropped row survives there either.
    if (migrated) exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

bool SqliteStore::is_empty() {
    Lock lock(mutex_);
    auto s = prepare("SELECT COUNT(*) FROM clients");
    return s.step() && s.integer(0) == 0;
}

bool SqliteStore::transaction(const std::function<bool()>& work) {
    Lock lock(mutex_);
    if (transaction_depth_ > 0) return work();  // nested: part of the outer one
    // Inside a snapshot, its reads go to this connection until the transaction ends (they must
    // see its writes), and after it to a new view that holds them.
    ThreadSnapshot* snapshot = this_thread_snapshot(this);
    SqliteReader* suspended = snapshot ? snapshot->reader : nullptr;
    if (suspended) {
        suspended->end_view();
        snapshot->reader = nullptr;
    }
    bool commit = false;
    try {
        exec("BEGIN IMMEDIATE");
        ++transaction_depth_;
        transaction_thread_ = std::this_thread::get_id();
        try {
            commit = work();
        } catch (...) {
            --transaction_depth_;
            transaction_thread_ = std::thread::id{};
            exec("ROLLBACK");
            throw;
        }
        --transaction_depth_;
        transaction_thread_ = std::thread::id{};
        exec(commit ? "COMMIT" : "ROLLBACK");
    } catch (...) {
        if (suspended) this_thread_snapshot(this)->reader = suspended;
        throw;
    }
    if (suspended) this_thread_snapshot(this)->reader = suspended;
    return commit;
}

}  // namespace portal::backend
