// The Store's operations on SQLite: which rows each one reads or writes. The columns, parameters
// and row reading all come from the records' `fields` (sqlite_rows.h).
#include "core/store_table_operations.h"
#include "sqlite/sqlite_rows.h"

namespace portal::backend {

namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

// What a client owns is found by its id and its owner together (store.h, "Ownership").
constexpr std::string_view kOwnedRow = "WHERE id = ? AND client_id = ?";
constexpr std::string_view kOwnedRows = "WHERE client_id = ? ORDER BY id";

}  // namespace

// [SECTION] The operations that are one verb on one table (store_table_operations.h)

template <class Result, class Key>
Result SqliteStore::table_find(const Key& key) {
    using Row = typename Result::value_type;
    return select_one<Row>("WHERE " + sqlite_rows::columns<Row>().front() + " = ?", key);
}

template <class Result, class R>
Result SqliteStore::table_insert(const R& row) {
    return insert(row);
}

// A row a client owns is replaced only where that same client owns it (store.h, "Ownership").
template <class Result, class R>
Result SqliteStore::table_replace(const R& row) {
    if constexpr (requires { row.client_id; }) {
        update(row, {"id", "client_id"});
    } else {
        update(row, {"id"});
    }
}

template <class Result>
Result SqliteStore::table_owned(int64_t client_id, int64_t id) {
    return select_one<typename Result::value_type>(kOwnedRow, id, client_id);
}

template <class Result>
Result SqliteStore::table_owned_by(int64_t client_id) {
    return select<typename Result::value_type>(kOwnedRows, client_id);
}

#define PORTAL_SQLITE_TABLE_OPERATION(Result, name, parameters, verb, table, ...) \
    Result SqliteStore::name parameters {                                         \
        return table_##verb<Result>(__VA_ARGS__);                                 \
    }
PORTAL_STORE_TABLE_OPERATIONS(PORTAL_SQLITE_TABLE_OPERATION)
#undef PORTAL_SQLITE_TABLE_OPERATION

// [SECTION] Clients and sessions

std::optional<ClientRecord> SqliteStore::client_by_email(std::string_view email) {
    return select_one<ClientRecord>("WHERE email = ?", email);
}

void SqliteStore::insert_session(const SessionRecord& session) {
    insert(session);
}

void SqliteStore::delete_session(std::string_view token_digest) {
    Lock lock(mutex_);
    prepare("DELETE FROM sessions WHERE token_digest = ?").bind(token_digest).run();
}

void SqliteStore::delete_sessions_expired_before(int64_t unix_seconds) {
    Lock lock(mutex_);
    prepare("DELETE FROM sessions WHERE expires_at < ?").bind(unix_seconds).run();
}

std::vector<SessionRecord> SqliteStore::sessions_of(int64_t client_id) {
    return select<SessionRecord>("WHERE client_id = ? ORDER BY expires_at, rowid", client_id);
}

// [SECTION] Sign-in locks and settings

void SqliteStore::save_sign_in_lock(const SignInLock& lock) {
    insert(lock, "INSERT OR REPLACE");
}

void SqliteStore::delete_sign_in_lock(std::string_view account_key) {
    Lock lock(mutex_);
    prepare("DELETE FROM sign_in_locks WHERE account_key = ?").bind(account_key).run();
}

void SqliteStore::trim_sign_in_locks(int64_t now, int64_t keep) {
    Lock lock(mutex_);
    prepare("DELETE FROM sign_in_locks WHERE expires_at <= ?").bind(now).run();
    prepare(
        "DELETE FROM sign_in_locks WHERE account_key NOT IN (SELECT account_key FROM "
        "sign_in_locks ORDER BY expires_at DESC, account_key DESC LIMIT ?)")
        .bind(keep)
        .run();
}

void SqliteStore::save_setting(const Setting& setting) {
    insert(setting, "INSERT OR REPLACE");
}

// [SECTION] Catalog

void SqliteStore::upsert_plan(const domain::Plan& plan) {
    insert(plan, "INSERT OR REPLACE");
}

std::vector<domain::Plan> SqliteStore::plans_of_product(domain::ServiceType product) {
    return select<domain::Plan>("WHERE product = ? ORDER BY id", product);
}

void SqliteStore::include_download(std::string_view plan_id, int64_t download_id) {
    Lock lock(mutex_);
    prepare("INSERT OR IGNORE INTO plan_downloads (plan_id, download_id) VALUES (?, ?)")
        .bind(plan_id)
        .bind(download_id)
        .run();
}

std::vector<DownloadRecord> SqliteStore::downloads_of_plan(std::string_view plan_id) {
    return select<DownloadRecord>(
        "WHERE id IN (SELECT download_id FROM plan_downloads WHERE plan_id = ?) ORDER BY id",
        plan_id);
}

// [SECTION] Services and what hangs from them

std::vector<CredentialRecord> SqliteStore::credentials_of(int64_t service_id) {
    return select<CredentialRecord>("WHERE service_id = ? ORDER BY id", service_id);
}

void SqliteStore::set_invoice_status(int64_t client_id, int64_t invoice_id,
                                     domain::InvoiceStatus status) {
    Lock lock(mutex_);
    prepare("UPDATE invoices SET status = ? WHERE id = ? AND client_id = ?")
        .bind(domain::to_string(status))
        .bind(invoice_id)
        .bind(client_id)
        .run();
}

// [SECTION] Secondary contacts (their plain table verbs are in store_table_operations.h)

std::optional<ContactRecord> SqliteStore::contact_by_email(std::string_view email) {
    return select_one<ContactRecord>("WHERE email = ?", email);
}

std::optional<ContactRecord> SqliteStore::contact_by_invitation(std::string_view digest) {
    return select_one<ContactRecord>("WHERE invitation_digest = ?", digest);
}

void SqliteStore::delete_contact(int64_t client_id, int64_t contact_id) {
    Lock lock(mutex_);
    prepare("DELETE FROM contacts WHERE id = ? AND client_id = ?")
        .bind(contact_id)
        .bind(client_id)
        .run();
}

// [SECTION] Support tickets

std::vector<TicketMessageRecord> SqliteStore::ticket_messages_of(int64_t client_id,
                                                                 int64_t ticket_id) {
    return select<TicketMessageRecord>("WHERE client_id = ? AND ticket_id = ? ORDER BY id",
                                       client_id, ticket_id);
}

std::vector<TicketRecord> SqliteStore::remote_support_bookings(int64_t unix_seconds) {
    return select<TicketRecord>("WHERE remote_slot >= ? AND status <> 'closed' ORDER BY id",
                                unix_seconds);
}

std::vector<AttachmentRecord> SqliteStore::ticket_attachments_of(int64_t client_id,
                                                                 int64_t ticket_id) {
    return select<AttachmentRecord>("WHERE client_id = ? AND ticket_id = ? ORDER BY id", client_id,
                                    ticket_id);
}

// [SECTION] The server-status page

void SqliteStore::upsert_status_component(const StatusComponentRecord& component) {
    insert(component, "INSERT OR REPLACE");
}

std::vector<StatusComponentRecord> SqliteStore::status_components() {
    return select<StatusComponentRecord>("ORDER BY position, rowid");
}

std::vector<IncidentRecord> SqliteStore::incidents_since(int64_t unix_seconds) {
    return select<IncidentRecord>("WHERE ended_at IS NULL OR ended_at >= ? ORDER BY started_at, id",
                                  unix_seconds);
}

std::vector<IncidentUpdateRecord> SqliteStore::incident_updates_of(int64_t incident_id) {
    return select<IncidentUpdateRecord>("WHERE incident_id = ? ORDER BY id", incident_id);
}

// [SECTION] Idempotency-Key answers

std::optional<IdempotentAnswer> SqliteStore::idempotent_answer(int64_t client_id,
                                                               std::string_view key) {
    return select_one<IdempotentAnswer>("WHERE client_id = ? AND key = ?", client_id, key);
}

void SqliteStore::save_idempotent_answer(const IdempotentAnswer& answer) {
    insert(answer, "INSERT OR REPLACE");
}

std::vector<int64_t> SqliteStore::idempotency_key_times(int64_t client_id) {
    Lock lock(mutex_);
    auto s = prepare(
        "SELECT created_at FROM idempotency_keys WHERE client_id = ? ORDER BY "
        "created_at");
    s.bind(client_id);
    std::vector<int64_t> times;
    while (s.step()) times.push_back(s.integer(0));
    return times;
}

void SqliteStore::delete_idempotent_answers_before(int64_t unix_seconds) {
    Lock lock(mutex_);
    prepare("DELETE FROM idempotency_keys WHERE created_at < ?").bind(unix_seconds).run();
}

}  // namespace portal::backend
