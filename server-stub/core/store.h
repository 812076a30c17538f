// Where the backend keeps its data. Two implementations: MemoryStore (core, also in the page) and
// SqliteStore (server-stub/sqlite). No SQL or HTTP types cross this interface.
//
// Ownership: everything a client owns is read through `client_id`, so a handler cannot reach
// another client's object by id; such ids simply look missing (404).
//
// Concurrency: every method is safe to call from several threads. `transaction` runs `work`
// atomically and exclusively: its writes all commit when it returns true, none when it returns
// false (or throws, natively).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "domain/invoice.h"
#include "domain/service.h"

namespace portal::backend {

class Store {
  public:
    virtual ~Store() = default;

    virtual bool transaction(const std::function<bool()>& work) = 0;

    // ---- Clients and sessions -------------------------------------------------------------
    virtual std::optional<ClientRecord> client_by_email(std::string_view email) = 0;
    virtual std::optional<ClientRecord> client_by_id(int64_t id) = 0;
    virtual int64_t insert_client(const ClientRecord& client) = 0;  // id 0 = assign one
    virtual void update_client(const ClientRecord& client) = 0;

    virtual void insert_session(const SessionRecord& session) = 0;
    virtual std::optional<SessionRecord> session(std::string_view token_digest) = 0;
    virtual void delete_session(std::string_view token_digest) = 0;
    virtual void delete_sessions_expired_before(int64_t unix_seconds) = 0;

    // ---- Catalog: plans and the downloads they include ------------------------------------
    virtual void upsert_plan(const domain::Plan& plan) = 0;
    virtual std::optional<domain::Plan> plan(std::string_view plan_id) = 0;
    virtual std::vector<domain::Plan> plans_of_product(domain::ServiceType product) = 0;

    virtual int64_t insert_download(const DownloadRecord& download) = 0;
    virtual void include_download(std::string_view plan_id, int64_t download_id) = 0;
    virtual std::vector<DownloadRecord> downloads_of_plan(std::string_view plan_id) = 0;
    virtual std::optional<DownloadRecord> download(int64_t download_id) = 0;

    // ---- A client's services and what hangs from them -------------------------------------
    virtual int64_t insert_service(const domain::Service& service) = 0;
    virtual void update_service(const domain::Service& service) = 0;
    virtual std::vector<domain::Service> services_of(int64_t client_id) = 0;  // by id
    virtual std::optional<domain::Service> service_of(int64_t client_id, int64_t service_id) = 0;

    virtual int64_t insert_credential(const CredentialRecord& credential) = 0;
    virtual std::vector<CredentialRecord> credentials_of(int64_t service_id) = 0;

    virtual int64_t insert_invoice(const domain::Invoice& invoice) = 0;
    virtual std::vector<domain::Invoice> invoices_of(int64_t client_id) = 0;  // by id
    virtual void set_invoice_status(int64_t client_id, int64_t invoice_id,
                                    domain::InvoiceStatus status) = 0;

    virtual int64_t insert_upgrade_order(const UpgradeOrderRecord& order) = 0;
    virtual std::vector<UpgradeOrderRecord> upgrade_orders_of(int64_t client_id) = 0;
    virtual int64_t insert_upgrade_request(const UpgradeRequestRecord& request) = 0;
    virtual std::vector<UpgradeRequestRecord> upgrade_requests_of(int64_t client_id) = 0;

    virtual int64_t insert_cancellation(const CancellationRecord& cancellation) = 0;
    virtual void update_cancellation(const CancellationRecord& cancellation) = 0;
    virtual std::optional<CancellationRecord> cancellation_of(int64_t client_id,
                                                              int64_t cancellation_id) = 0;
    virtual std::vector<CancellationRecord> cancellations_of(int64_t client_id) = 0;

    // ---- Idempotency-Key answers ----------------------------------------------------------
    virtual std::optional<IdempotentAnswer> idempotent_answer(int64_t client_id,
                                                              std::string_view key) = 0;
    virtual void save_idempotent_answer(const IdempotentAnswer& answer) = 0;
};

}  // namespace portal::backend
