// Read-only connections to the store's file, for snapshots (Store::snapshot). The reads of a
// snapshot run on a connection taken for it, so answers on several threads read side by side
// (SQLite's WAL lets readers go on together and beside the one writer) instead of queueing on
// the writing connection's lock; and a snapshot's reads share one read transaction, one view.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sqlite/sqlite_statement.h"

namespace portal::backend {

class SqliteReader {
  public:
    explicit SqliteReader(const std::string& path);  // throws std::runtime_error
    ~SqliteReader();
    SqliteReader(const SqliteReader&) = delete;
    SqliteReader& operator=(const SqliteReader&) = delete;

    // A statement on this connection, prepared once; the first opens the view.
    SqliteStatement prepare(const std::string& sql);
    // Ends the view: the next read sees what was written since (this thread's own write too).
    void end_view() noexcept;

    // The rows `statement` (prepared here, its values bound) finds: `read` steps it the first
    // time; later the same question is answered from memory for as long as the database has not
    // changed (SQLite's data_version, checked as each view begins, counts every commit of every
    // other connection and process). An answer often asks twice (billing is settled from the
    // client's services before the handler reads them to reply), and a client asks again.
    // Only small answers are kept, and only so many: a bound on memory (about 2 MiB of text a
    // connection) whatever a client stores and asks, not a policy.
    template <class Rows, class Read>
    Rows rows(SqliteStatement& statement, Read read);

    static constexpr size_t kRememberedAnswers = 128;
    static constexpr size_t kRememberedText = 16 * 1024;  // bytes of text per answer

  private:
    struct Remembered {
        std::type_index type;
        std::shared_ptr<const void> rows;
    };

    sqlite3* db_ = nullptr;
    PreparedStatements statements_;
    // Prepared once: every answer begins and ends a view, and parsing them each time cost more
    // than the commit itself.
    sqlite3_stmt* begin_ = nullptr;
    sqlite3_stmt* commit_ = nullptr;
    sqlite3_stmt* data_version_ = nullptr;
    bool viewing_ = false;             // a read transaction is open
    int64_t remembered_version_ = -1;  // the data_version the remembered answers were read at
    std::unordered_map<std::string, Remembered> remembered_;  // by the question, values in it
};

template <class Rows, class Read>
Rows SqliteReader::rows(SqliteStatement& statement, Read read) {
    std::string question = statement.asked();
    if (auto it = remembered_.find(question);
        it != remembered_.end() && it->second.type == typeid(Rows)) {
        return *static_cast<const Rows*>(it->second.rows.get());
    }
    Rows found = read();
    if (statement.text_read() <= kRememberedText) {
        if (remembered_.size() >= kRememberedAnswers) remembered_.clear();
        remembered_.insert_or_assign(std::move(question),
                                     Remembered{typeid(Rows), std::make_shared<const Rows>(found)});
    }
    return found;
}

// The readers of one store, opened as snapshots need them and kept for the next: as many as
// snapshots ever ran at once (the server's I/O threads).
class SqliteReaders {
  public:
    explicit SqliteReaders(std::string path) : path_(std::move(path)) {}
    std::unique_ptr<SqliteReader> take();
    void give_back(std::unique_ptr<SqliteReader> reader);

  private:
    const std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<SqliteReader>> idle_;
};

}  // namespace portal::backend
