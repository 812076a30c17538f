#include "core/memory_store.h"

#include <algorithm>

#include "core/store_table_operations.h"

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

// Replaces the row with the same id, if there is one and, for a row a client owns, only if the
// same client owns it: like SQLite's UPDATE ... WHERE id = ? AND client_id = ? (store.h,
// "Ownership"), so an update can never move a row to another client.
template <class Map, class Row>
void replace_row(Map& map, const Row& row) {
    auto it = map.find(row.id);
    if (it == map.end()) return;
    if constexpr (requires { row.client_id; }) {
        if (it->second.client_id != row.client_id) return;
    }
    it->second = row;
}

// Removes the row with that key, if there is one.
template <class Map, class Key>
void erase_row(Map& map, const Key& key) {
    auto it = map.find(key);
    if (it != map.end()) map.erase(it);
}

template <class Map, class Key>
std::optional<typename Map::mapped_type> find_row(const Map& map, const Key& key) {
    auto it = map.find(key);
    if (it == map.end()) return std::nullopt;
    return it->second;
}

// The row with that id, only if `client_id` owns it (store.h, "Ownership").
template <class Map>
std::optional<typename Map::mapped_type> find_owned(const Map& map, int64_t client_id, int64_t id) {
    auto row = find_row(map, id);
    if (row && row->client_id != client_id) return std::nullopt;
    return row;
}

template <class Map, class Pred>
auto select(const Map& map, Pred pred) {
    std::vector<typename Map::mapped_type> rows;
    for (const auto& [id, row] : map) {
        if (pred(row)) rows.push_back(row);
    }
    return rows;
}

template <class Map>
auto rows_of(const Map& map, int64_t client_id) {
    return select(map, [&](const auto& row) { return row.client_id == client_id; });
}

}  // namespace

template <class Table, class Row>
int64_t MemoryStore::insert(Table Data::*table, const Row& row) {
    return locked([&](Data& d) { return insert_row(d.*table, row); });
}

template <class Table, class Row>
void MemoryStore::replace(Table Data::*table, const Row& row) {
    locked([&](Data& d) { replace_row(d.*table, row); });
}

template <class Table, class Key>
std::optional<typename Table::mapped_type> MemoryStore::find(Table Data::*table, const Key& key) {
    return locked([&](Data& d) { return find_row(d.*table, key); });
}

template <class Table>
std::optional<typename Table::mapped_type> MemoryStore::owned(Table Data::*table, int64_t client_id,
                                                              int64_t id) {
    return locked([&](Data& d) { return find_owned(d.*table, client_id, id); });
}

template <class Table>
std::vector<typename Table::mapped_type> MemoryStore::owned_by(Table Data::*table,
                                                               int64_t client_id) {
    return locked([&](Data& d) { return rows_of(d.*table, client_id); });
}

// Each operation of store_table_operations.h is its verb on its map.
#define PORTAL_MEMORY_TABLE_OPERATION(Result, name, parameters, helper, table, ...) \
    Result MemoryStore::name parameters {                                           \
        return helper(&Data::table, __VA_ARGS__);                                   \
    }
PORTAL_STORE_TABLE_OPERATIONS(PORTAL_MEMORY_TABLE_OPERATION)
#undef PORTAL_MEMORY_TABLE_OPERATION

std::string MemoryStore::to_json() const {
    Lock lock(mutex_);
    return data_to_json(data_, files_.all());
}

domain::Outcome<bool> MemoryStore::load_json(std::string_view text) {
    auto data = data_from_json(text);
    if (!data.ok()) return data.error();
    Lock lock(mutex_);
    data_ = std::move(data.value().data);
    files_.restore(std::move(data.value().files));
    return true;
}

void MemoryStore::snapshot(const std::function<void()>& work) {
    Lock lock(mutex_);
    work();
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
    return locked([&](Data& d) {
        auto rows = select(d.clients, [&](const ClientRecord& c) { return c.email == email; });
        return rows.empty() ? std::nullopt : std::optional(rows.front());
    });
}

std::optional<ContactRecord> MemoryStore::contact_by_email(std::string_view email) {
    return locked([&](Data& d) {
        auto rows = select(d.contacts, [&](const ContactRecord& c) { return c.email == email; });
        return rows.empty() ? std::nullopt : std::optional(rows.front());
    });
}

std::optional<ContactRecord> MemoryStore::contact_by_invitation(std::string_view digest) {
    return locked([&](Data& d) {
        auto rows = select(d.contacts,
                           [&](const ContactRecord& c) { return c.invitation_digest == digest; });
        return rows.empty() ? std::nullopt : std::optional(rows.front());
    });
}

void MemoryStore::delete_contact(int64_t client_id, int64_t contact_id) {
    locked([&](Data& d) {
        if (find_owned(d.contacts, client_id, contact_id)) erase_row(d.contacts, contact_id);
    });
}

std::vector<TicketMessageRecord> MemoryStore::ticket_messages_of(int64_t client_id,
                                                                 int64_t ticket_id) {
    return locked([&](Data& d) {
        return select(d.ticket_messages, [&](const TicketMessageRecord& m) {
            return m.client_id == client_id && m.ticket_id == ticket_id;
        });
    });
}

std::vector<TicketRecord> MemoryStore::remote_support_bookings(int64_t unix_seconds) {
    return locked([&](Data& d) {
        return select(d.tickets, [&](const TicketRecord& t) {
            return t.remote_slot && *t.remote_slot >= unix_seconds &&
                   t.status != domain::TicketStatus::closed;
        });
    });
}

std::vector<AttachmentRecord> MemoryStore::ticket_attachments_of(int64_t client_id,
                                                                 int64_t ticket_id) {
    return locked([&](Data& d) {
        return select(d.attachments, [&](const AttachmentRecord& a) {
            return a.client_id == client_id && a.ticket_id == ticket_id;
        });
    });
}

void MemoryStore::insert_session(const SessionRecord& session) {
    locked([&](Data& d) { d.sessions[session.token_digest] = session; });
}

void MemoryStore::delete_session(std::string_view token_digest) {
    locked([&](Data& d) { erase_row(d.sessions, token_digest); });
}

void MemoryStore::delete_sessions_expired_before(int64_t unix_seconds) {
    locked([&](Data& d) {
        std::erase_if(d.sessions,
                      [&](const auto& entry) { return entry.second.expires_at < unix_seconds; });
    });
}

std::vector<SessionRecord> MemoryStore::sessions_of(int64_t client_id) {
    auto sessions = locked([&](Data& d) { return rows_of(d.sessions, client_id); });
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const auto& a, const auto& b) { return a.expires_at < b.expires_at; });
    return sessions;
}

void MemoryStore::save_sign_in_lock(const SignInLock& lock) {
    locked([&](Data& d) { d.sign_in_locks[lock.account_key] = lock; });
}

void MemoryStore::delete_sign_in_lock(std::string_view account_key) {
    locked([&](Data& d) { erase_row(d.sign_in_locks, account_key); });
}

void MemoryStore::trim_sign_in_locks(int64_t now, int64_t keep) {
    locked([&](Data& d) {
        std::erase_if(d.sign_in_locks,
                      [&](const auto& entry) { return entry.second.expires_at <= now; });
        if (static_cast<int64_t>(d.sign_in_locks.size()) <= keep) return;
        std::vector<int64_t> ends;
        for (const auto& [key, lock] : d.sign_in_locks) ends.push_back(lock.expires_at);
        const size_t extra = ends.size() - static_cast<size_t>(std::max<int64_t>(0, keep));
        std::nth_element(ends.begin(), ends.begin() + static_cast<std::ptrdiff_t>(extra - 1),
                         ends.end());
        // Ties at the threshold go too only as far as needed, first key first.
        const int64_t threshold = ends[extra - 1];
        size_t removed = 0;
        for (auto it = d.sign_in_locks.begin(); it != d.sign_in_locks.end() && removed < extra;) {
            if (it->second.expires_at <= threshold) {
                it = d.sign_in_locks.erase(it);
                ++removed;
            } else {
                ++it;
            }
        }
    });
}

void MemoryStore::save_setting(const Setting& setting) {
    locked([&](Data& d) { d.settings[setting.name] = setting; });
}

void MemoryStore::upsert_plan(const domain::Plan& plan) {
    locked([&](Data& d) { d.plans[plan.id] = plan; });
}

std::vector<domain::Plan> MemoryStore::plans_of_product(domain::ServiceType product) {
    return locked([&](Data& d) {
        return select(d.plans, [&](const domain::Plan& p) { return p.product == product; });
    });
}

void MemoryStore::include_download(std::string_view plan_id, int64_t download_id) {
    locked([&](Data& d) { d.plan_downloads.insert({std::string(plan_id), download_id}); });
}

std::vector<DownloadRecord> MemoryStore::downloads_of_plan(std::string_view plan_id) {
    return locked([&](Data& d) {
        return select(d.downloads, [&](const DownloadRecord& download) {
            return d.plan_downloads.count({std::string(plan_id), download.id}) > 0;
        });
    });
}

std::vector<CredentialRecord> MemoryStore::credentials_of(int64_t service_id) {
    return locked([&](Data& d) {
        return select(d.credentials,
                      [&](const CredentialRecord& c) { return c.service_id == service_id; });
    });
}

void MemoryStore::set_invoice_status(int64_t client_id, int64_t invoice_id,
                                     domain::InvoiceStatus status) {
    locked([&](Data& d) {
        auto it = d.invoices.find(invoice_id);
        if (it != d.invoices.end() && it->second.client_id == client_id) {
            it->second.status = status;
        }
    });
}

void MemoryStore::upsert_status_component(const StatusComponentRecord& component) {
    locked([&](Data& d) { d.status_components[component.id] = component; });
}

std::vector<StatusComponentRecord> MemoryStore::status_components() {
    auto components = locked([&](Data& d) {
        return select(d.status_components, [](const StatusComponentRecord&) { return true; });
    });
    std::stable_sort(components.begin(), components.end(),
                     [](const auto& a, const auto& b) { return a.position < b.position; });
    return components;
}

std::vector<IncidentRecord> MemoryStore::incidents_since(int64_t unix_seconds) {
    auto incidents = locked([&](Data& d) {
        return select(d.incidents, [&](const IncidentRecord& incident) {
            return !incident.ended_at || *incident.ended_at >= unix_seconds;
        });
    });
    std::stable_sort(incidents.begin(), incidents.end(),
                     [](const auto& a, const auto& b) { return a.started_at < b.started_at; });
    return incidents;
}

std::vector<IncidentUpdateRecord> MemoryStore::incident_updates_of(int64_t incident_id) {
    return locked([&](Data& d) {
        return select(d.incident_updates, [&](const IncidentUpdateRecord& update) {
            return update.incident_id == incident_id;
        });
    });
}

std::optional<IdempotentAnswer> MemoryStore::idempotent_answer(int64_t client_id,
                                                               std::string_view key) {
    return find(&Data::idempotent_answers, std::pair(client_id, std::string(key)));
}

void MemoryStore::save_idempotent_answer(const IdempotentAnswer& answer) {
    locked([&](Data& d) { d.idempotent_answers[{answer.client_id, answer.key}] = answer; });
}

std::vector<int64_t> MemoryStore::idempotency_key_times(int64_t client_id) {
    auto times = locked([&](Data& d) {
        std::vector<int64_t> found;
        for (const auto& [key, answer] : d.idempotent_answers) {
            if (answer.client_id == client_id) found.push_back(answer.created_at);
        }
        return found;
    });
    std::sort(times.begin(), times.end());
    return times;
}

void MemoryStore::delete_idempotent_answers_before(int64_t unix_seconds) {
    locked([&](Data& d) {
        std::erase_if(d.idempotent_answers,
                      [&](const auto& entry) { return entry.second.created_at < unix_seconds; });
    });
}

}  // namespace portal::backend
