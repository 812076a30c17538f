#include "sqlite/sqlite_statement.h"

#include <sqlite3.h>

#include <stdexcept>

namespace portal::backend {

SqliteStatement::~SqliteStatement() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

void SqliteStatement::check(int rc) const {
    if (rc != SQLITE_OK) throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
}

SqliteStatement& SqliteStatement::bind(int64_t value) {
    check(sqlite3_bind_int64(stmt_, next_++, value));
    bound_.push_back('i');
    bound_.append(reinterpret_cast<const char*>(&value), sizeof value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(std::string_view value) {
    check(sqlite3_bind_text(stmt_, next_++, value.data(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT));
    const uint64_t length = value.size();
    bound_.push_back('t');
    bound_.append(reinterpret_cast<const char*>(&length), sizeof length).append(value);
    return *this;
}

SqliteStatement& SqliteStatement::bind_null() {
    check(sqlite3_bind_null(stmt_, next_++));
    bound_.push_back('n');
    return *this;
}

std::string SqliteStatement::asked() const {
    std::string asked(reinterpret_cast<const char*>(&stmt_), sizeof stmt_);
    return asked.append(bound_);
}

bool SqliteStatement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
}

void SqliteStatement::run() {
    while (step()) {
    }
}

bool SqliteStatement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t SqliteStatement::integer(int column) const {
    if (sqlite3_column_type(stmt_, column) != SQLITE_INTEGER) refuse(column, "expected an integer");
    return sqlite3_column_int64(stmt_, column);
}

std::string SqliteStatement::text(int column) const {
    int type = sqlite3_column_type(stmt_, column);
    if (type != SQLITE_TEXT && type != SQLITE_BLOB) refuse(column, "expected text");
    const void* data = sqlite3_column_blob(stmt_, column);
    int size = sqlite3_column_bytes(stmt_, column);
    text_read_ += static_cast<size_t>(size);
    return data ? std::string(static_cast<const char*>(data), static_cast<size_t>(size))
                : std::string();
}

void SqliteStatement::refuse(int column, std::string_view what) const {
    throw std::runtime_error("sqlite: malformed row, column " +
                             std::string(sqlite3_column_name(stmt_, column)) + ": " +
                             std::string(what));
}

sqlite3_stmt* prepared(sqlite3* db, PreparedStatements& statements, const std::string& sql) {
    auto it = statements.find(sql);
    if (it != statements.end()) return it->second;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size() + 1),
                           SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
        throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db) + " in " + sql);
    }
    statements.emplace(sql, statement);
    return statement;
}

void exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw std::runtime_error("sqlite: " + message);
    }
}

}  // namespace portal::backend
