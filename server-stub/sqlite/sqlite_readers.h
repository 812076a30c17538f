// Read-only connections to the store's file, for snapshots (Store::snapshot). The reads of a
// snapshot run on a connection taken for it, so answers on several threads read side by side
// (SQLite's WAL lets readers go on together and beside the one writer) instead of queueing on
// the writing connection's lock; and a snapshot's reads share one read transaction, one view.
#pragma once

#include <memory>
#include <mutex>
#include <string>
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

  private:
    sqlite3* db_ = nullptr;
    PreparedStatements statements_;
    bool viewing_ = false;  // a read transaction is open
};

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
