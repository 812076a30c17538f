#include "core/memory_store.h"

namespace portal::backend {

namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

// Ids are assigned like SQLite's INTEGER PRIMARY KEY: one more than the largest, unless given.
template <class Map, class Row>
int64_t insert_row(Map& map, Row row) {
    if (row.id == 0) row.id = map.empty() ? 1 : map.rbegin()->first + 1;
    int64_t id = row.id;
    map[id] = std::move(row);
    return id;
}

template <class Map, class Pred>
auto select(const Map& map, Pred pred) {
    std::vector<typename Map::mapped_type> rows;
    for (const auto& [id, row] : map) {
        if (pred(row)) rows.push_back(row);
    }
    return rows;
}

}  // namespace

std::string MemoryStore::to_json() const {
    Lock lock(mutex_);
    return data_to_json(data_);
}

domain::Outcome<bool> MemoryStore::load_json(std::string_view text) {
    auto data = data_from_json(text);
    if (!data.ok()) return data.error();
    Lock lock(mutex_);
    data_ = std::move(data).value();
    return true;
}

bool MemoryStore::transaction(const std::function<bool()>& work) {
    Lock lock(mutex_);
    if (transaction_depth_ > 0) return work();  // nested: part of the outer one
    Data before = data_;
    ++transaction_depth_;
    bool commit = false;
#if defined(__cpp_exceptions)
    try {
        commit = work();
    } catch (...) {
        --transaction_depth_;
        data_ = std::move(before);
        throw;
    }
#else
    commit = work();
#endif
    --transaction_depth_;
    if (!commit) data_ = std::move(before);
    return commit;
}

std::optional<ClientRecord> MemoryStore::client_by_email(std::string_view email) {
    Lock lock(mutex_);
    for (const auto& [id, client] : data_.clients) {
        if (client.email == email) return client;
    }
    return std::nullopt;
}

std::optional<ClientRecord> MemoryStore::client_by_id(int64_t id) {
    Lock lock(mutex_);
    auto it = data_.clients.find(id);
    if (it == data_.clients.end()) return std::nullopt;
    return it->second;
}

int64_t MemoryStore::insert_client(const ClientRecord& client) {
    Lock lock(mutex_);
    return insert_row(data_.clients, client);
}

void MemoryStore::update_client(const ClientRecord& client) {
    Lock lock(mutex_);
    auto it = data_.clients.find(client.id);
    if (it != data_.clients.end()) it->second = client;
}

void MemoryStore::insert_session(const SessionRecord& session) {
    Lock lock(mutex_);
    data_.sessions[session.token_digest] = session;
}

std::optional<SessionRecord> MemoryStore::session(std::string_view token_digest) {
    Lock lock(mutex_);
    auto it = data_.sessions.find(token_digest);
    if (it == data_.sessions.end()) return std::nullopt;
    return it->second;
}

void MemoryStore::delete_session(std::string_view token_digest) {
    Lock lock(mutex_);
    auto it = data_.sessions.find(token_digest);
    if (it != data_.sessions.end()) data_.sessions.erase(it);
}

void MemoryStore::delete_sessions_expired_before(int64_t unix_seconds) {
    Lock lock(mutex_);
    std::erase_if(data_.sessions,
                  [&](const auto& entry) { return entry.second.expires_at < unix_seconds; });
}

void MemoryStore::upsert_plan(const domain::Plan& plan) {
    Lock lock(mutex_);
    data_.plans[plan.id] = plan;
}

std::optional<domain::Plan> MemoryStore::plan(std::string_view plan_id) {
    Lock lock(mutex_);
    auto it = data_.plans.find(plan_id);
    if (it == data_.plans.end()) return std::nullopt;
    return it->second;
}

std::vector<domain::Plan> MemoryStore::plans_of_product(domain::ServiceType product) {
    Lock lock(mutex_);
    return select(data_.plans, [&](const domain::Plan& p) { return p.product == product; });
}

int64_t MemoryStore::insert_download(const DownloadRecord& download) {
    Lock lock(mutex_);
    return insert_row(data_.downloads, download);
}

void MemoryStore::include_download(std::string_view plan_id, int64_t download_id) {
    Lock lock(mutex_);
    data_.plan_downloads.insert({std::string(plan_id), download_id});
}

std::vector<DownloadRecord> MemoryStore::downloads_of_plan(std::string_view plan_id) {
    Lock lock(mutex_);
    return select(data_.downloads, [&](const DownloadRecord& d) {
        return data_.plan_downloads.count({std::string(plan_id), d.id}) > 0;
    });
}

std::optional<DownloadRecord> MemoryStore::download(int64_t download_id) {
    Lock lock(mutex_);
    auto it = data_.downloads.find(download_id);
    if (it == data_.downloads.end()) return std::nullopt;
    return it->second;
}

int64_t MemoryStore::insert_service(const domain::Service& service) {
    Lock lock(mutex_);
    return insert_row(data_.services, service);
}

void MemoryStore::update_service(const domain::Service& service) {
    Lock lock(mutex_);
    auto it = data_.services.find(service.id);
    if (it != data_.services.end()) it->second = service;
}

std::vector<domain::Service> MemoryStore::services_of(int64_t client_id) {
    Lock lock(mutex_);
    return select(data_.services,
                  [&](const domain::Service& s) { return s.client_id == client_id; });
}

std::optional<domain::Service> MemoryStore::service_of(int64_t client_id, int64_t service_id) {
    Lock lock(mutex_);
    auto it = data_.services.find(service_id);
    if (it == data_.services.end() || it->second.client_id != client_id) return std::nullopt;
    return it->second;
}

int64_t MemoryStore::insert_credential(const CredentialRecord& credential) {
    Lock lock(mutex_);
    return insert_row(data_.credentials, credential);
}

std::vector<CredentialRecord> MemoryStore::credentials_of(int64_t service_id) {
    Lock lock(mutex_);
    return select(data_.credentials,
                  [&](const CredentialRecord& c) { return c.service_id == service_id; });
}

int64_t MemoryStore::insert_invoice(const domain::Invoice& invoice) {
    Lock lock(mutex_);
    return insert_row(data_.invoices, invoice);
}

std::vector<domain::Invoice> MemoryStore::invoices_of(int64_t client_id) {
    Lock lock(mutex_);
    return select(data_.invoices,
                  [&](const domain::Invoice& i) { return i.client_id == client_id; });
}

void MemoryStore::set_invoice_status(int64_t client_id, int64_t invoice_id,
                                     domain::InvoiceStatus status) {
    Lock lock(mutex_);
    auto it = data_.invoices.find(invoice_id);
    if (it != data_.invoices.end() && it->second.client_id == client_id) it->second.status = status;
}

int64_t MemoryStore::insert_upgrade_order(const UpgradeOrderRecord& order) {
    Lock lock(mutex_);
    return insert_row(data_.upgrade_orders, order);
}

std::vector<UpgradeOrderRecord> MemoryStore::upgrade_orders_of(int64_t client_id) {
    Lock lock(mutex_);
    return select(data_.upgrade_orders,
                  [&](const UpgradeOrderRecord& o) { return o.client_id == client_id; });
}

int64_t MemoryStore::insert_upgrade_request(const UpgradeRequestRecord& request) {
    Lock lock(mutex_);
    return insert_row(data_.upgrade_requests, request);
}

std::vector<UpgradeRequestRecord> MemoryStore::upgrade_requests_of(int64_t client_id) {
    Lock lock(mutex_);
    return select(data_.upgrade_requests,
                  [&](const UpgradeRequestRecord& r) { return r.client_id == client_id; });
}

int64_t MemoryStore::insert_cancellation(const CancellationRecord& cancellation) {
    Lock lock(mutex_);
    return insert_row(data_.cancellations, cancellation);
}

void MemoryStore::update_cancellation(const CancellationRecord& cancellation) {
    Lock lock(mutex_);
    auto it = data_.cancellations.find(cancellation.id);
    if (it != data_.cancellations.end()) it->second = cancellation;
}

std::optional<CancellationRecord> MemoryStore::cancellation_of(int64_t client_id,
                                                               int64_t cancellation_id) {
    Lock lock(mutex_);
    auto it = data_.cancellations.find(cancellation_id);
    if (it == data_.cancellations.end() || it->second.client_id != client_id) return std::nullopt;
    return it->second;
}

std::vector<CancellationRecord> MemoryStore::cancellations_of(int64_t client_id) {
    Lock lock(mutex_);
    return select(data_.cancellations,
                  [&](const CancellationRecord& c) { return c.client_id == client_id; });
}

std::optional<IdempotentAnswer> MemoryStore::idempotent_answer(int64_t client_id,
                                                               std::string_view key) {
    Lock lock(mutex_);
    auto it = data_.idempotent_answers.find({client_id, std::string(key)});
    if (it == data_.idempotent_answers.end()) return std::nullopt;
    return it->second;
}

void MemoryStore::save_idempotent_answer(const IdempotentAnswer& answer) {
    Lock lock(mutex_);
    data_.idempotent_answers[{answer.client_id, answer.key}] = answer;
}

}  // namespace portal::backend
