// One prepared statement in use: binds parameters in order, steps, reads columns. It resets
// itself when it goes out of scope, so the store can keep the prepared statement for reuse.
// SQLite's errors, and values that do not have the kind a reader asks for, throw
// std::runtime_error (native only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace portal::backend {

class SqliteStatement {
  public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    SqliteStatement& bind(int64_t value);
    SqliteStatement& bind(std::string_view value);
    SqliteStatement& bind_null();

    // What it asks: which statement (of its connection), with the values bound so far. Equal
    // for two uses of one prepared statement exactly when they ask the same.
    std::string asked() const;

    // True while there is a row to read.
    bool step();
    void run();

    // The value of a column of the current row, only if it is of that kind: a NULL, or text
    // where an integer is expected, is refused (`refuse`), never read as 0 or "".
    bool is_null(int column) const;
    int64_t integer(int column) const;
    std::string text(int column) const;              // TEXT or BLOB, byte for byte
    size_t text_read() const { return text_read_; }  // bytes of every `text` so far
    [[noreturn]] void refuse(int column, std::string_view what) const;

  private:
    void check(int rc) const;

    sqlite3* db_;
    sqlite3_stmt* stmt_;
    int next_ = 1;
    std::string bound_;  // the values bound, each tagged with its kind (and text its length)
    mutable size_t text_read_ = 0;
};

// A connection's prepared statements, by their SQL text (hashed: the texts of one table share a
// long beginning, its columns, which an ordered map would compare again at every step): each
// prepared once, then reused.
using PreparedStatements = std::unordered_map<std::string, sqlite3_stmt*>;
sqlite3_stmt* prepared(sqlite3* db, PreparedStatements& statements, const std::string& sql);

// Runs SQL that returns no rows (BEGIN, a migration); SQLite's error throws std::runtime_error.
void exec(sqlite3* db, const char* sql);

}  // namespace portal::backend
