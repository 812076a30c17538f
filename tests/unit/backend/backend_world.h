// A Backend over the demo fixtures, with a clock and randomness the test controls, on either
// store: every handler-level test runs against MemoryStore and SqliteStore alike (typed tests).
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>

#include "core/backend.h"
#include "core/fixtures.h"
#include "core/memory_store.h"
#include "core/salted_sha256_hasher.h"
#include "sqlite/sqlite_store.h"

namespace portal::backend::testing {

using Json = nlohmann::json;

// Wednesday 2026-03-11 15:00 UTC = 12:00 in the company's zone (GMT−3).
inline int64_t kStartTime = domain::Date{2026, 3, 11}.days_since_epoch() * 86400 + 15 * 3600;
inline const domain::Date kToday{2026, 3, 11};

class FakeClock final : public Clock {
  public:
    int64_t now() const override { return now_; }
    void advance(int64_t seconds) { now_ += seconds; }
    void set(int64_t unix_seconds) { now_ = unix_seconds; }

  private:
    int64_t now_ = kStartTime;
};

// Different bytes on every call, the same sequence in every run: a seeded 64-bit Mersenne
// Twister, whose output does not repeat within a test (a session token is 32 of its bytes, so
// two sessions never share one).
class SeededRandom final : public RandomSource {
  public:
    void fill(uint8_t* bytes, size_t size) override {
        for (size_t i = 0; i < size; ++i) {
            if (left_ == 0) {
                word_ = engine_();
                left_ = sizeof word_;
            }
            bytes[i] = static_cast<uint8_t>(word_);
            word_ >>= 8;
            --left_;
        }
    }

  private:
    std::mt19937_64 engine_{20261204};
    uint64_t word_ = 0;
    size_t left_ = 0;
};

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::filesystem::path fixtures_dir() {
    return PORTAL_FIXTURES_DIR;
}

// The shipped fixtures' file `name` (catalog.json, clients.json).
inline std::string fixture_file(const char* name) {
    return read_file(fixtures_dir() / name);
}

// Fixture texts (a catalog's and a clients' JSON) loaded into `store` as the stub loads them on
// kToday: the loader's answer.
inline domain::Outcome<FixtureCounts> load_fixture_texts(std::string_view catalog,
                                                         std::string_view clients, Store& store) {
    SeededRandom random;
    SaltedSha256Hasher hasher(random, 1);
    return load_fixtures(catalog, clients, store, hasher, kToday);
}

struct MemoryKind {
    static constexpr const char* name = "memory";
    std::unique_ptr<Store> make() { return std::make_unique<MemoryStore>(); }
};

// A fresh database file per test, removed afterwards (with its -wal and -shm).
struct SqliteKind {
    static constexpr const char* name = "sqlite";
    std::filesystem::path path;
    std::unique_ptr<Store> make() {
        static std::atomic<int> counter{0};
        path = std::filesystem::temp_directory_path() /
               ("portal-backend-test-" + std::to_string(getpid()) + "-" +
                std::to_string(counter++) + ".db");
        cleanup();
        return std::make_unique<SqliteStore>(path.string());
    }
    void cleanup() {
        if (path.empty()) return;
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(path.string() + suffix);
        }
    }
    ~SqliteKind() { cleanup(); }
};

inline std::vector<ManualSource> test_manuals() {
    return {
        {"panel/servicios/cancelar.md",
         "---\ntitle: Cómo solicitar la cancelación del servicio\nslug: cancelar-servicio\n---\n"
         "Para pedir la **baja** ingrese a Mis servicios y use «Cancelar servicio».\n"},
        {"panel/servicios/upgrade.md",
         "# Upgrade o downgrade de plan\n\nSolo paga la diferencia al pasar a un plan superior.\n"},
        {"soporte/tickets.md",
         "# Tickets de soporte\n\nCada consulta se convierte en un ticket.\n"},
        // English: two of the three, beside their Spanish articles.
        {"panel/servicios/cancelar.en.md",
         "---\nlang: en\ntitle: How to cancel a service\nslug: cancelar-servicio\nbook: Panel\n"
         "chapter: Services\n---\nTo **cancel**, open My services and use «Cancel service».\n"},
        {"soporte/tickets.en.md",
         "---\nlang: en\nslug: tickets\nbook: Support\n---\n# Support tickets\n\n"
         "Every question becomes a ticket.\n"},
    };
}

template <class Kind>
class BackendWorld : public ::testing::Test {
  public:
    void SetUp() override {
        store = kind.make();
        hasher = std::make_unique<SaltedSha256Hasher>(random, 1);
        auto loaded =
            load_fixtures(read_file(fixtures_dir() / "catalog.json"),
                          read_file(fixtures_dir() / "clients.json"), *store, *hasher, kToday);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        manuals = std::make_unique<ManualLibrary>(test_manuals());
        make_backend();
    }

    void make_backend(BackendConfig config = {}) {
        backend = std::make_unique<Backend>(*store, clock, *hasher, random, *manuals, config);
    }

    Response call(const std::string& method, const std::string& target,
                  const std::string& body = "", const std::string& token = "",
                  std::map<std::string, std::string> headers = {}) {
        Request request;
        request.method = method;
        auto question = target.find('?');
        request.path = target.substr(0, question);
        if (question != std::string::npos) {
            std::stringstream query(target.substr(question + 1));
            std::string pair;
            while (std::getline(query, pair, '&')) {
                auto eq = pair.find('=');
                request.query[pair.substr(0, eq)] =
                    eq == std::string::npos ? "" : pair.substr(eq + 1);
            }
        }
        request.headers = std::move(headers);
        if (!token.empty()) request.headers["authorization"] = "Bearer " + token;
        request.body = body;
        return backend->handle(request);
    }

    static Json json(const Response& response) {
        return Json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    }

    static std::string error_code(const Response& response) {
        Json j = json(response);
        return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : "";
    }
    // The answer is the refusal `code`, sent with HTTP `status`.
    static void expect_error(const Response& response, int status, const std::string& code) {
        EXPECT_EQ(response.status, status);
        EXPECT_EQ(error_code(response), code);
    }
    static Json error_field(const Response& response) { return json(response)["error"]["field"]; }

    std::string login(const std::string& email, const std::string& password = "demo1234") {
        Response r =
            call("POST", "/api/v1/session", Json{{"email", email}, {"password", password}}.dump());
        EXPECT_EQ(r.status, 201) << r.body;
        return json(r).value("token", "");
    }

    // The id of the caller's service with this name (fixtures give names, not ids).
    int64_t service_id(const std::string& token, const std::string& name) {
        Json services = json(call("GET", "/api/v1/services", "", token))["services"];
        for (const auto& s : services) {
            if (s["name"] == name) return s["id"].get<int64_t>();
        }
        ADD_FAILURE() << "no service named " << name;
        return 0;
    }

    std::string service_path(const std::string& token, const std::string& name,
                             const std::string& rest = "") {
        return "/api/v1/services/" + std::to_string(service_id(token, name)) + rest;
    }

    Kind kind;
    std::unique_ptr<Store> store;
    FakeClock clock;
    SeededRandom random;
    std::unique_ptr<SaltedSha256Hasher> hasher;
    std::unique_ptr<ManualLibrary> manuals;
    std::unique_ptr<Backend> backend;
};

// A BackendWorld with three demo clients signed in: their session tokens.
template <class Kind>
class SignedInWorld : public BackendWorld<Kind> {
  public:
    void SetUp() override {
        BackendWorld<Kind>::SetUp();
        ana = this->login("ana@example.com");
        bruno = this->login("bruno@example.com");
        carla = this->login("carla@example.com");
    }
    std::string ana, bruno, carla;
};

struct StoreKindNames {
    template <class Kind>
    static std::string GetName(int) {
        return Kind::name;
    }
};

using StoreKinds = ::testing::Types<MemoryKind, SqliteKind>;

// A typed suite named `Name` that runs every test on a `World` over both stores.
#define PORTAL_SUITE_ON_BOTH_STORES(Name, World) \
    template <class Kind>                        \
    class Name : public World<Kind> {};          \
    TYPED_TEST_SUITE(Name, StoreKinds, StoreKindNames)

}  // namespace portal::backend::testing
