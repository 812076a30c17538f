// The Store's operations on SQLite: which rows each one reads or writes. The columns, parameters
// and row reading all come from the records' `fields` (sqlite_rows.h).
#include "sqlite/sqlite_rows.h"

namespace portal::backend {

namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

// What a client owns is found by its id and its owner together (store.h, "Ownership").
constexpr std::string_view kOwnedRow = "WHERE id = ? AND client_id = ?";
constexpr std::string_view kOwnedRows = "WHERE client_id = ? ORDER BY id";

}  // namespace

// [SECTION] Clients and sessions

std::optional<ClientRecord> SqliteStore::client_by_email(std::string_view email) {
    return select_one<ClientRecord>("WHERE email = ?", email);
}

std::optional<ClientRecord> SqliteStore::client_by_id(int64_t id) {
    return select_one<ClientRecord>("WHERE id = ?", id);
}

int64_t SqliteStore::insert_client(const ClientRecord& client) {
    return insert(client);
}

void SqliteStore::update_client(const ClientRecord& client) {
    update(client, {"id"});
}

void SqliteStore::insert_session(const SessionRecord& session) {
    insert(session);
}

std::optional<SessionRecord> SqliteStore::session(std::string_view token_digest) {
    return select_one<SessionRecord>("WHERE token_digest = ?", token_digest);
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

std::optional<SignInLock> SqliteStore::sign_in_lock(std::string_view account_key) {
    return select_one<SignInLock>("WHERE account_key = ?", account_key);
}

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

std::optional<Setting> SqliteStore::setting(std::string_view name) {
    return select_one<Setting>("WHERE name = ?", name);
}

void SqliteStore::save_setting(const Setting& setting) {
    insert(setting, "INSERT OR REPLACE");
}

// [SECTION] Catalog

void SqliteStore::upsert_plan(const domain::Plan& plan) {
    insert(plan, "INSERT OR REPLACE");
}

std::optional<domain::Plan> SqliteStore::plan(std::string_view plan_id) {
    return select_one<domain::Plan>("WHERE id = ?", plan_id);
}

std::vector<domain::Plan> SqliteStore::plans_of_product(domain::ServiceType product) {
    return select<domain::Plan>("WHERE product = ? ORDER BY id", product);
}

int64_t SqliteStore::insert_download(const DownloadRecord& download) {
    return insert(download);
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

std::optional<DownloadRecord> SqliteStore::download(int64_t download_id) {
    return select_one<DownloadRecord>("WHERE id = ?", download_id);
}

// [SECTION] Services and what hangs from them

int64_t SqliteStore::insert_service(const domain::Service& service) {
    return insert(service);
}

void SqliteStore::update_service(const domain::Service& service) {
    update(service, {"id", "client_id"});
}

std::vector<domain::Service> SqliteStore::services_of(int64_t client_id) {
    return select<domain::Service>(kOwnedRows, client_id);
}

std::optional<domain::Service> SqliteStore::service_of(int64_t client_id, int64_t service_id) {
    return select_one<domain::Service>(kOwnedRow, service_id, client_id);
}

int64_t SqliteStore::insert_credential(const CredentialRecord& credential) {
    return insert(credential);
}

std::vector<CredentialRecord> SqliteStore::credentials_of(int64_t service_id) {
    return select<CredentialRecord>("WHERE service_id = ? ORDER BY id", service_id);
}

int64_t SqliteStore::insert_invoice(const domain::Invoice& invoice) {
    return insert(invoice);
}

std::vector<domain::Invoice> SqliteStore::invoices_of(int64_t client_id) {
    return select<domain::Invoice>(kOwnedRows, client_id);
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

void SqliteStore::update_invoice(const domain::Invoice& invoice) {
    update(invoice, {"id", "client_id"});
}

int64_t SqliteStore::insert_payment(const PaymentRecord& payment) {
    return insert(payment);
}

std::vector<PaymentRecord> SqliteStore::payments_of(int64_t client_id) {
    return select<PaymentRecord>(kOwnedRows, client_id);
}

int64_t SqliteStore::insert_upgrade_order(const UpgradeOrderRecord& order) {
    return insert(order);
}

void SqliteStore::update_upgrade_order(const UpgradeOrderRecord& order) {
    update(order, {"id", "client_id"});
}

std::vector<UpgradeOrderRecord> SqliteStore::upgrade_orders_of(int64_t client_id) {
    return select<UpgradeOrderRecord>(kOwnedRows, client_id);
}

int64_t SqliteStore::insert_upgrade_request(const UpgradeRequestRecord& request) {
    return insert(request);
}

std::vector<UpgradeRequestRecord> SqliteStore::upgrade_requests_of(int64_t client_id) {
    return select<UpgradeRequestRecord>(kOwnedRows, client_id);
}

int64_t SqliteStore::insert_cancellation(const CancellationRecord& cancellation) {
    return insert(cancellation);
}

void SqliteStore::update_cancellation(const CancellationRecord& cancellation) {
    update(cancellation, {"id", "client_id"});
}

std::optional<CancellationRecord> SqliteStore::cancellation_of(int64_t client_id,
                                                               int64_t cancellation_id) {
    return select_one<CancellationRecord>(kOwnedRow, cancellation_id, client_id);
}

std::vector<CancellationRecord> SqliteStore::cancellations_of(int64_t client_id) {
    return select<CancellationRecord>(kOwnedRows, client_id);
}

// [SECTION] Secondary contacts and the outbox

std::vector<ContactRecord> SqliteStore::contacts_of(int64_t client_id) {
    return select<ContactRecord>(kOwnedRows, client_id);
}

std::optional<ContactRecord> SqliteStore::contact_of(int64_t client_id, int64_t contact_id) {
    return select_one<ContactRecord>(kOwnedRow, contact_id, client_id);
}

std::optional<ContactRecord> SqliteStore::contact_by_email(std::string_view email) {
    return select_one<ContactRecord>("WHERE email = ?", email);
}

std::optional<ContactRecord> SqliteStore::contact_by_invitation(std::string_view digest) {
    return select_one<ContactRecord>("WHERE invitation_digest = ?", digest);
}

int64_t SqliteStore::insert_contact(const ContactRecord& contact) {
    return insert(contact);
}

void SqliteStore::update_contact(const ContactRecord& contact) {
    update(contact, {"id", "client_id"});
}

void SqliteStore::delete_contact(int64_t client_id, int64_t contact_id) {
    Lock lock(mutex_);
    prepare("DELETE FROM contacts WHERE id = ? AND client_id = ?")
        .bind(contact_id)
        .bind(client_id)
        .run();
}

int64_t SqliteStore::insert_notification(const NotificationRecord& notification) {
    return insert(notification);
}

std::vector<NotificationRecord> SqliteStore::notifications_of(int64_t client_id) {
    return select<NotificationRecord>(kOwnedRows, client_id);
}

// [SECTION] Support tickets

int64_t SqliteStore::insert_ticket(const TicketRecord& ticket) {
    return insert(ticket);
}

void SqliteStore::update_ticket(const TicketRecord& ticket) {
    update(ticket, {"id", "client_id"});
}

std::optional<TicketRecord> SqliteStore::ticket_of(int64_t client_id, int64_t ticket_id) {
    return select_one<TicketRecord>(kOwnedRow, ticket_id, client_id);
}

std::vector<TicketRecord> SqliteStore::tickets_of(int64_t client_id) {
    return select<TicketRecord>(kOwnedRows, client_id);
}

int64_t SqliteStore::insert_ticket_message(const TicketMessageRecord& message) {
    return insert(message);
}

std::vector<TicketMessageRecord> SqliteStore::ticket_messages_of(int64_t client_id,
                                                                 int64_t ticket_id) {
    return select<TicketMessageRecord>("WHERE client_id = ? AND ticket_id = ? ORDER BY id",
                                       client_id, ticket_id);
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
