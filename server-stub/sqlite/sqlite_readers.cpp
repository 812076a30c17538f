#include "sqlite/sqlite_readers.h"

#include <sqlite3.h>

#include <stdexcept>

#include "sqlite/sqlite_statement.h"

namespace portal::backend {

SqliteReader::SqliteReader(const std::string& path) {
    // Read-write only so that it may use the WAL's shared-memory index; query_only refuses any
    // write through it.
    const int rc =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db_, 5000);
        if (sqlite3_exec(db_, "PRAGMA query_only = ON", nullptr, nullptr, nullptr) == SQLITE_OK &&
            sqlite3_prepare_v2(db_, "BEGIN", -1, &begin_, nullptr) == SQLITE_OK &&
            sqlite3_prepare_v2(db_, "COMMIT", -1, &commit_, nullptr) == SQLITE_OK &&
            sqlite3_prepare_v2(db_, "PRAGMA data_version", -1, &data_version_, nullptr) ==
                SQLITE_OK) {
            return;
        }
    }
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_finalize(begin_);
    sqlite3_finalize(commit_);
    sqlite3_close(db_);
    throw std::runtime_error("cannot open database " + path + " for reading: " + message);
}

SqliteReader::~SqliteReader() {
    end_view();
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    sqlite3_finalize(begin_);
    sqlite3_finalize(commit_);
    sqlite3_finalize(data_version_);
    sqlite3_close(db_);
}

SqliteStatement SqliteReader::prepare(const std::string& sql) {
    sqlite3_stmt* statement = prepared(db_, statements_, sql);
    if (!viewing_) {
        int rc = sqlite3_step(begin_);
        sqlite3_reset(begin_);
        if (rc != SQLITE_DONE) {
            throw std::runtime_error(std::string("sqlite: BEGIN: ") + sqlite3_errmsg(db_));
        }
        viewing_ = true;
        // Takes the view's read lock, and says whether anyone committed since the last view.
        rc = sqlite3_step(data_version_);
        const int64_t version = sqlite3_column_int64(data_version_, 0);
        sqlite3_reset(data_version_);
        if (rc != SQLITE_ROW) {
            end_view();
            throw std::runtime_error(std::string("sqlite: data_version: ") + sqlite3_errmsg(db_));
        }
        if (version != remembered_version_) {
            remembered_.clear();
            remembered_version_ = version;
        }
    }
    return SqliteStatement(db_, statement);
}

void SqliteReader::end_view() noexcept {
    if (!viewing_) return;
    viewing_ = false;
    // Nothing was written through it: COMMIT only lets the read lock go; ROLLBACK if it cannot.
    const int rc = sqlite3_step(commit_);
    sqlite3_reset(commit_);
    if (rc != SQLITE_DONE) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::unique_ptr<SqliteReader> SqliteReaders::take() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto reader = std::move(idle_.back());
            idle_.pop_back();
            return reader;
        }
    }
    return std::make_unique<SqliteReader>(path_);  // opened outside the lock
}

void SqliteReaders::give_back(std::unique_ptr<SqliteReader> reader) {
    reader->end_view();
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(reader));
}

}  // namespace portal::backend
