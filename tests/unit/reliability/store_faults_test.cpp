// The SQLite store when it refuses a database: nothing stays open behind the refusal (a leaked
// connection would hold SQLite's memory, which LeakSanitizer reports, and the database's file
// descriptors for the life of the process).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "sqlite/sqlite_store.h"

namespace portal::reliability {
namespace {

namespace fs = std::filesystem;

// How many of this process's open file descriptors point at `file` (or its -wal / -shm files).
int descriptors_open_on(const fs::path& file) {
    int count = 0;
    const std::string name = fs::weakly_canonical(file).string();
    for (const auto& entry : fs::directory_iterator("/proc/self/fd")) {
        std::error_code error;
        const fs::path target = fs::read_symlink(entry.path(), error);
        if (!error && target.string().rfind(name, 0) == 0) ++count;
    }
    return count;
}

class StoreFaults : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("portal-store-faults-" + std::to_string(getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        path = dir / "portal.db";
    }
    void TearDown() override { fs::remove_all(dir); }

    void set_schema_version(int version) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        const std::string sql = "UPDATE schema_version SET version = " + std::to_string(version);
        EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }

    fs::path dir, path;
};

TEST_F(StoreFaults, ARefusedNewerSchemaLeavesNoConnectionOpen) {
    { backend::SqliteStore created(path.string()); }
    ASSERT_EQ(descriptors_open_on(path), 0);
    set_schema_version(backend::SqliteStore::latest_schema_version() + 1);
    for (int attempt = 0; attempt < 3; ++attempt) {
        EXPECT_THROW(backend::SqliteStore refused(path.string()), std::runtime_error);
        EXPECT_EQ(descriptors_open_on(path), 0) << "attempt " << attempt;
    }
    // The refusal changed nothing: the file still says the newer version.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT version FROM schema_version", -1, &stmt, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(stmt, 0), backend::SqliteStore::latest_schema_version() + 1);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST_F(StoreFaults, AFileThatIsNotADatabaseIsRefusedAndLeftAsItWas) {
    {
        std::FILE* file = std::fopen(path.c_str(), "wb");
        ASSERT_NE(file, nullptr);
        const std::string text(8192, 'x');
        std::fwrite(text.data(), 1, text.size(), file);
        std::fclose(file);
    }
    EXPECT_THROW(backend::SqliteStore refused(path.string()), std::runtime_error);
    EXPECT_EQ(descriptors_open_on(path), 0);
    EXPECT_EQ(fs::file_size(path), 8192u);
}

}  // namespace
}  // namespace portal::reliability
