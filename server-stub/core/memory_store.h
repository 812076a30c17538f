// A Store in memory: the WebAssembly demo's store (saved to localStorage as a JSON string by the
// page) and a fast store for tests. A transaction copies the data first and puts the copy back
// when the work fails, so a refused mutation changes nothing, as in SQLite.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "core/store.h"
#include "domain/outcome.h"

namespace portal::backend {

class MemoryStore final : public Store {
  public:
    MemoryStore() = default;

    // The whole store as JSON text and back (the page's localStorage copy). from_json refuses
    // text it cannot read completely and leaves the store unchanged then.
    std::string to_json() const;
    domain::Outcome<bool> load_json(std::string_view text);

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

    // Everything the store holds; public so the JSON conversion can be a separate file.
    struct Data {
        std::map<int64_t, ClientRecord> clients;
        std::map<std::string, SessionRecord, std::less<>> sessions;
        std::map<std::string, domain::Plan, std::less<>> plans;
        std::map<int64_t, DownloadRecord> downloads;
        std::set<std::pair<std::string, int64_t>> plan_downloads;
        std::map<int64_t, domain::Service> services;
        std::map<int64_t, CredentialRecord> credentials;
        std::map<int64_t, domain::Invoice> invoices;
        std::map<int64_t, UpgradeOrderRecord> upgrade_orders;
        std::map<int64_t, UpgradeRequestRecord> upgrade_requests;
        std::map<int64_t, CancellationRecord> cancellations;
        std::map<std::pair<int64_t, std::string>, IdempotentAnswer> idempotent_answers;
    };

  private:
    mutable std::recursive_mutex mutex_;
    Data data_;
    int transaction_depth_ = 0;
};

// memory_store_json.cpp
std::string data_to_json(const MemoryStore::Data& data);
domain::Outcome<MemoryStore::Data> data_from_json(std::string_view text);

}  // namespace portal::backend
