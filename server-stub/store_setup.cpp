#include "store_setup.h"

#include <cstdio>
#include <exception>

#include <nlohmann/json.hpp>

#include "core/fixtures.h"
#include "core/memory_store.h"
#include "data_files.h"
#include "sqlite/sqlite_store.h"

namespace portal::stub {
namespace {

bool load_demo_data(const Options& options, backend::Store& store, backend::PasswordHasher& hasher,
                    const backend::Clock& clock) {
    auto catalog = read_text_file(options.fixtures_dir + "/catalog.json");
    auto clients = read_text_file(options.fixtures_dir + "/clients.json");
    if (!catalog || !clients) {
        std::fprintf(stderr, "cannot read fixtures in %s\n", options.fixtures_dir.c_str());
        return false;
    }
    auto loaded = backend::load_fixtures(*catalog, *clients, store, hasher,
                                         domain::company_today(clock.now()));
    if (!loaded.ok()) {
        std::fprintf(stderr, "fixtures: %s\n", loaded.error().message.c_str());
        return false;
    }
    std::printf("loaded fixtures: %d clients, %d services, %d plans, %d downloads\n",
                loaded.value().clients, loaded.value().services, loaded.value().plans,
                loaded.value().downloads);
    return true;
}

}  // namespace

std::unique_ptr<backend::Store> open_store(const Options& options, backend::PasswordHasher& hasher,
                                           const backend::Clock& clock) {
    try {
        if (options.db.empty()) {
            auto memory = std::make_unique<backend::MemoryStore>();
            if (!load_demo_data(options, *memory, hasher, clock)) return nullptr;
            return memory;
        }
        auto sqlite = std::make_unique<backend::SqliteStore>(options.db);
        if (sqlite->is_empty() && !load_demo_data(options, *sqlite, hasher, clock)) return nullptr;
        return sqlite;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "database: %s\n", e.what());
        return nullptr;
    }
}

// Never a password: this output is the stub's log, and no log holds a password (RELIABILITY.md).
// The demo password is public in README.md ("Demo accounts"), where the banner points.
void print_demo_logins(const std::string& fixtures_dir) {
    auto text = read_text_file(fixtures_dir + "/clients.json");
    if (!text) return;
    auto clients = nlohmann::json::parse(*text, nullptr, false);
    if (!clients.is_object() || !clients["clients"].is_array()) return;
    std::printf("demo logins (password: README.md, \"Demo accounts\"):\n");
    for (const auto& client : clients["clients"]) {
        if (!client.is_object()) continue;
        std::printf("  %s\n", client.value("email", "").c_str());
    }
}

}  // namespace portal::stub
