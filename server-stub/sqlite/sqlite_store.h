// The stub's durable Store: one SQLite file in WAL mode.
// - Every mutation runs inside Store::transaction (BEGIN IMMEDIATE ... COMMIT), so a mutation and
//   its Idempotency-Key answer are written together or not at all.
// - The schema is versioned: `schema_version` holds the number of migrations applied; the list
//   lives in sqlite_migrations.cpp and only ever grows.
// - Statements are prepared once and reused. One connection, guarded by a mutex: SQLite
//   serialises writers anyway and reads take microseconds; the slow work (Argon2id) never runs
//   under this lock.
// Errors from SQLite throw std::runtime_error (native only); the backend answers 500.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace portal::backend {

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

    bool transaction(const std::function<bool()>& work) override;

    std::optional<ClientRecord> client_by_email(std::string_view email) override;
    std::optional<ClientRecord> client_by_id(int64_t id) override;
    int64_t insert_client(const ClientRecord& client) override;
    void update_client(const ClientRecord& client) override;

    void insert_session(const SessionRecord& session) override;
    std::optional<SessionRecord> session(std::string_view token_digest) override;
    void delete_session(std::string_view token_digest) override;
    void delete_sessions_expired_before(int64_t unix_seconds) override;

    void upsert_plan(const domain::Plan& plan) override;
    std::optional<domain::Plan> plan(std::string_view plan_id) override;
    std::vector<domain::Plan> plans_of_product(domain::ServiceType product) override;

    int64_t insert_download(const DownloadRecord& download) override;
    void include_download(std::string_view plan_id, int64_t download_id) override;
    std::vector<DownloadRecord> downloads_of_plan(std::string_view plan_id) override;
    std::optional<DownloadRecord> download(int64_t download_id) override;

    int64_t insert_service(const domain::Service& service) override;
    void update_service(const domain::Service& service) override;
    std::vector<domain::Service> services_of(int64_t client_id) override;
    std::optional<domain::Service> service_of(int64_t client_id, int64_t service_id) override;

    int64_t insert_credential(const CredentialRecord& credential) override;
    std::vector<CredentialRecord> credentials_of(int64_t service_id) override;

    int64_t insert_invoice(const domain::Invoice& invoice) override;
    std::vector<domain::Invoice> invoices_of(int64_t client_id) override;
    void set_invoice_status(int64_t client_id, int64_t invoice_id,
                            domain::InvoiceStatus status) override;

    int64_t insert_upgrade_order(const UpgradeOrderRecord& order) override;
    std::vector<UpgradeOrderRecord> upgrade_orders_of(int64_t client_id) override;
    int64_t insert_upgrade_request(const UpgradeRequestRecord& request) override;
    std::vector<UpgradeRequestRecord> upgrade_requests_of(int64_t client_id) override;

    int64_t insert_cancellation(const CancellationRecord& cancellation) override;
    void update_cancellation(const CancellationRecord& cancellation) override;
    std::optional<CancellationRecord> cancellation_of(int64_t client_id,
                                                      int64_t cancellation_id) override;
    std::vector<CancellationRecord> cancellations_of(int64_t client_id) override;

    std::optional<IdempotentAnswer> idempotent_answer(int64_t client_id,
                                                      std::string_view key) override;
    void save_idempotent_answer(const IdempotentAnswer& answer) override;

    class Statement;  // a prepared statement in use (sqlite_store.cpp)

  private:
    Statement prepare(const char* sql);
    void exec(const char* sql);
    void migrate();
    void close_connection();  // finalizes the statements, then closes db_

    sqlite3* db_ = nullptr;
    std::recursive_mutex mutex_;
    std::map<const char*, sqlite3_stmt*> statements_;  // keyed by the SQL literal's address
    int transaction_depth_ = 0;
};

// The migrations, in order (sqlite_migrations.cpp). Migration i brings the schema to version i+1.
const std::vector<const char*>& sqlite_migrations();

}  // namespace portal::backend
