#include "sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <cstring>
#include <stdexcept>

namespace portal::backend {

// [SECTION] Statement: binds parameters in order, steps, reads columns; resets itself when done
// so the prepared statement can be reused.
class SqliteStore::Statement {
  public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    Statement(const Statement&) = delete;
    ~Statement() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    Statement& bind(int64_t value) {
        check(sqlite3_bind_int64(stmt_, next_++, value));
        return *this;
    }
    Statement& bind(int value) { return bind(static_cast<int64_t>(value)); }
    Statement& bind(bool value) { return bind(static_cast<int64_t>(value ? 1 : 0)); }
    Statement& bind(std::string_view value) {
        check(sqlite3_bind_text(stmt_, next_++, value.data(), static_cast<int>(value.size()),
                                SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(const std::string& value) { return bind(std::string_view(value)); }
    Statement& bind(const char* value) { return bind(std::string_view(value)); }
    Statement& bind(const domain::Date& value) { return bind(value.iso()); }
    Statement& bind_blob(const std::string& value) {
        check(sqlite3_bind_blob(stmt_, next_++, value.data(), static_cast<int>(value.size()),
                                SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind_null() {
        check(sqlite3_bind_null(stmt_, next_++));
        return *this;
    }
    // id 0 means "let SQLite choose" (INTEGER PRIMARY KEY).
    Statement& bind_id(int64_t id) { return id == 0 ? bind_null() : bind(id); }
    template <class T>
    Statement& bind(const std::optional<T>& value) {
        return value ? bind(*value) : bind_null();
    }

    // True while there is a row to read.
    bool step() {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
    }
    void run() {
        while (step()) {
        }
    }

    int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    bool boolean(int column) const { return integer(column) != 0; }
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::string text(int column) const {
        const void* data = sqlite3_column_blob(stmt_, column);
        int size = sqlite3_column_bytes(stmt_, column);
        return data ? std::string(static_cast<const char*>(data), static_cast<size_t>(size))
                    : std::string();
    }
    domain::Date date(int column) const {
        return domain::Date::parse_iso(text(column)).value_or(domain::Date{});
    }
    std::optional<domain::Date> optional_date(int column) const {
        if (is_null(column)) return std::nullopt;
        return domain::Date::parse_iso(text(column));
    }

  private:
    void check(int rc) {
        if (rc != SQLITE_OK)
            throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
    }

    sqlite3* db_;
    sqlite3_stmt* stmt_;
    int next_ = 1;
};

namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

template <class E, class Parse>
E parse_or(const std::string& text, Parse parse, E fallback) {
    auto value = parse(text);
    return value ? *value : fallback;
}

// Column lists shared by the SELECTs and the row readers below.
#define CLIENT_COLUMNS \
    "id, email, name, phone, language, password_hash, failed_logins, locked_until"
ClientRecord read_client(const SqliteStore::Statement& s) {
    return {s.integer(0),
            s.text(1),
            s.text(2),
            s.text(3),
            s.text(4),
            s.text(5),
            static_cast<int>(s.integer(6)),
            s.integer(7)};
}

#define PLAN_COLUMNS "id, name, product, price_cents, currency, cycle, rank, automatic_upgrade"
domain::Plan read_plan(const SqliteStore::Statement& s) {
    domain::Plan plan;
    plan.id = s.text(0);
    plan.name = s.text(1);
    plan.product =
        parse_or(s.text(2), domain::parse_enum<domain::ServiceType>, domain::ServiceType::hosting);
    plan.price = {s.integer(3), s.text(4)};
    plan.cycle = parse_or(s.text(5), domain::parse_enum<domain::BillingCycle>,
                          domain::BillingCycle::monthly);
    plan.rank = static_cast<int>(s.integer(6));
    plan.automatic_upgrade = s.boolean(7);
    return plan;
}

#define DOWNLOAD_COLUMNS                                                                      \
    "d.id, d.name, d.description, d.content_type, d.size_bytes, d.sha256, d.inline_content, " \
    "d.seed"
DownloadRecord read_download(const SqliteStore::Statement& s) {
    DownloadRecord d;
    d.id = s.integer(0);
    d.name = s.text(1);
    d.description = s.text(2);
    d.content_type = s.text(3);
    d.size_bytes = s.integer(4);
    d.sha256 = s.text(5);
    d.inline_content = s.text(6);
    d.seed = static_cast<uint64_t>(s.integer(7));  // stored bit for bit in a signed column
    return d;
}

#define SERVICE_COLUMNS                                                              \
    "id, client_id, name, type, status, domain, plan_id, period_start, period_end, " \
    "paid_cents, paid_currency, next_due_on, auto_renew, requirements_met_on"
domain::Service read_service(const SqliteStore::Statement& s) {
    domain::Service v;
    v.id = s.integer(0);
    v.client_id = s.integer(1);
    v.name = s.text(2);
    v.type =
        parse_or(s.text(3), domain::parse_enum<domain::ServiceType>, domain::ServiceType::hosting);
    v.status = parse_or(s.text(4), domain::parse_enum<domain::ServiceStatus>,
                        domain::ServiceStatus::pending);
    v.domain = s.text(5);
    v.plan_id = s.text(6);
    v.period_start = s.date(7);
    v.period_end = s.date(8);
    v.paid_for_period = {s.integer(9), s.text(10)};
    v.next_due_on = s.date(11);
    v.auto_renew = s.boolean(12);
    v.requirements_met_on = s.optional_date(13);
    return v;
}

#define INVOICE_COLUMNS                                                                   \
    "id, client_id, service_id, description, amount_cents, currency, issued_on, due_on, " \
    "period_start, period_end, status"
domain::Invoice read_invoice(const SqliteStore::Statement& s) {
    domain::Invoice v;
    v.id = s.integer(0);
    v.client_id = s.integer(1);
    v.service_id = s.integer(2);
    v.description = s.text(3);
    v.amount = {s.integer(4), s.text(5)};
    v.issued_on = s.date(6);
    v.due_on = s.date(7);
    v.period_start = s.date(8);
    v.period_end = s.date(9);
    v.status = parse_or(s.text(10), domain::parse_enum<domain::InvoiceStatus>,
                        domain::InvoiceStatus::unpaid);
    return v;
}

#define ORDER_COLUMNS                                                                          \
    "id, client_id, service_id, from_plan_id, to_plan_id, direction, amount_cents, currency, " \
    "period_start, period_end, invoice_id, created_at"
UpgradeOrderRecord read_order(const SqliteStore::Statement& s) {
    UpgradeOrderRecord v;
    v.id = s.integer(0);
    v.client_id = s.integer(1);
    v.service_id = s.integer(2);
    v.from_plan_id = s.text(3);
    v.to_plan_id = s.text(4);
    v.direction =
        parse_or(s.text(5), domain::parse_enum<domain::PlanChange>, domain::PlanChange::up);
    v.amount_due = {s.integer(6), s.text(7)};
    v.period_start = s.date(8);
    v.period_end = s.date(9);
    if (!s.is_null(10)) v.invoice_id = s.integer(10);
    v.created_at = s.integer(11);
    return v;
}

#define CANCELLATION_COLUMNS                                                           \
    "id, client_id, service_id, kind, reason, requested_on, effective_on, withdrawn, " \
    "invoices_still_due, invoices_voided"
CancellationRecord read_cancellation(const SqliteStore::Statement& s) {
    CancellationRecord v;
    v.id = s.integer(0);
    v.client_id = s.integer(1);
    v.service_id = s.integer(2);
    v.kind = parse_or(s.text(3), domain::parse_enum<domain::CancellationKind>,
                      domain::CancellationKind::end_of_period);
    v.reason = s.text(4);
    v.requested_on = s.date(5);
    v.effective_on = s.date(6);
    v.withdrawn = s.boolean(7);
    v.invoices_still_due = s.text(8);
    v.invoices_voided = s.text(9);
    return v;
}

}  // namespace

// [SECTION] Opening, migrations, transactions

SqliteStore::SqliteStore(const std::string& path) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("cannot open database " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);  // another process (a backup, sqlite3 CLI) may hold a lock
    try {
        exec("PRAGMA journal_mode = WAL");
        exec("PRAGMA synchronous = FULL");  // an acknowledged mutation survives a power cut
        exec("PRAGMA foreign_keys = ON");
        migrate();
    } catch (...) {
        // A constructor that throws runs no destructor: close the connection here (a refused
        // newer schema used to leak it, with its file descriptors and SQLite's memory).
        close_connection();
        throw;
    }
}

SqliteStore::~SqliteStore() {
    close_connection();
}

void SqliteStore::close_connection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    statements_.clear();
    sqlite3_close(db_);
    db_ = nullptr;
}

void SqliteStore::exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw std::runtime_error("sqlite: " + message);
    }
}

SqliteStore::Statement SqliteStore::prepare(const char* sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
            SQLITE_OK) {
            throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_) + " in " + sql);
        }
        it = statements_.emplace(sql, stmt).first;
    }
    return Statement(db_, it->second);
}

int SqliteStore::latest_schema_version() {
    return static_cast<int>(sqlite_migrations().size());
}

int SqliteStore::schema_version() {
    Lock lock(mutex_);
    auto s = prepare("SELECT version FROM schema_version");
    return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

void SqliteStore::migrate() {
    Lock lock(mutex_);
    exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    exec("BEGIN IMMEDIATE");
    try {
        int version = 0;
        {
            auto s = prepare("SELECT version FROM schema_version");
            if (s.step()) {
                version = static_cast<int>(s.integer(0));
            } else {
                prepare("INSERT INTO schema_version (version) VALUES (0)").run();
            }
        }
        if (version > latest_schema_version()) {
            throw std::runtime_error("the database was written by a newer portal-stub (schema " +
                                     std::to_string(version) + ")");
        }
        const auto& migrations = sqlite_migrations();
        for (int i = version; i < static_cast<int>(migrations.size()); ++i) {
            exec(migrations[static_cast<size_t>(i)]);
        }
        prepare("UPDATE schema_version SET version = ?").bind(latest_schema_version()).run();
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

bool SqliteStore::is_empty() {
    Lock lock(mutex_);
    auto s = prepare("SELECT COUNT(*) FROM clients");
    return s.step() && s.integer(0) == 0;
}

bool SqliteStore::transaction(const std::function<bool()>& work) {
    Lock lock(mutex_);
    if (transaction_depth_ > 0) return work();  // nested: part of the outer one
    exec("BEGIN IMMEDIATE");
    ++transaction_depth_;
    bool commit = false;
    try {
        commit = work();
    } catch (...) {
        --transaction_depth_;
        exec("ROLLBACK");
        throw;
    }
    --transaction_depth_;
    exec(commit ? "COMMIT" : "ROLLBACK");
    return commit;
}

// [SECTION] Clients and sessions

std::optional<ClientRecord> SqliteStore::client_by_email(std::string_view email) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " CLIENT_COLUMNS " FROM clients WHERE email = ?");
    s.bind(email);
    if (!s.step()) return std::nullopt;
    return read_client(s);
}

std::optional<ClientRecord> SqliteStore::client_by_id(int64_t id) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " CLIENT_COLUMNS " FROM clients WHERE id = ?");
    s.bind(id);
    if (!s.step()) return std::nullopt;
    return read_client(s);
}

int64_t SqliteStore::insert_client(const ClientRecord& c) {
    Lock lock(mutex_);
    prepare("INSERT INTO clients (" CLIENT_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_id(c.id)
        .bind(c.email)
        .bind(c.name)
        .bind(c.phone)
        .bind(c.language)
        .bind(c.password_hash)
        .bind(c.failed_logins)
        .bind(c.locked_until)
        .run();
    return sqlite3_last_insert_rowid(db_);
}

void SqliteStore::update_client(const ClientRecord& c) {
    Lock lock(mutex_);
    prepare(
        "UPDATE clients SET email = ?, name = ?, phone = ?, language = ?, password_hash = ?, "
        "failed_logins = ?, locked_until = ? WHERE id = ?")
        .bind(c.email)
        .bind(c.name)
        .bind(c.phone)
        .bind(c.language)
        .bind(c.password_hash)
        .bind(c.failed_logins)
        .bind(c.locked_until)
        .bind(c.id)
        .run();
}

void SqliteStore::insert_session(const SessionRecord& session) {
    Lock lock(mutex_);
    prepare("INSERT INTO sessions (token_digest, client_id, expires_at) VALUES (?, ?, ?)")
        .bind(session.token_digest)
        .bind(session.client_id)
        .bind(session.expires_at)
        .run();
}

std::optional<SessionRecord> SqliteStore::session(std::string_view token_digest) {
    Lock lock(mutex_);
    auto s =
        prepare("SELECT token_digest, client_id, expires_at FROM sessions WHERE token_digest = ?");
    s.bind(token_digest);
    if (!s.step()) return std::nullopt;
    return SessionRecord{s.text(0), s.integer(1), s.integer(2)};
}

void SqliteStore::delete_session(std::string_view token_digest) {
    Lock lock(mutex_);
    prepare("DELETE FROM sessions WHERE token_digest = ?").bind(token_digest).run();
}

void SqliteStore::delete_sessions_expired_before(int64_t unix_seconds) {
    Lock lock(mutex_);
    prepare("DELETE FROM sessions WHERE expires_at < ?").bind(unix_seconds).run();
}

// [SECTION] Catalog

void SqliteStore::upsert_plan(const domain::Plan& p) {
    Lock lock(mutex_);
    prepare("INSERT OR REPLACE INTO plans (" PLAN_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(p.id)
        .bind(p.name)
        .bind(domain::to_string(p.product))
        .bind(p.price.cents)
        .bind(p.price.currency)
        .bind(domain::to_string(p.cycle))
        .bind(p.rank)
        .bind(p.automatic_upgrade)
        .run();
}

std::optional<domain::Plan> SqliteStore::plan(std::string_view plan_id) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " PLAN_COLUMNS " FROM plans WHERE id = ?");
    s.bind(plan_id);
    if (!s.step()) return std::nullopt;
    return read_plan(s);
}

std::vector<domain::Plan> SqliteStore::plans_of_product(domain::ServiceType product) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " PLAN_COLUMNS " FROM plans WHERE product = ? ORDER BY id");
    s.bind(domain::to_string(product));
    std::vector<domain::Plan> plans;
    while (s.step()) plans.push_back(read_plan(s));
    return plans;
}

int64_t SqliteStore::insert_download(const DownloadRecord& d) {
    Lock lock(mutex_);
    prepare(
        "INSERT INTO downloads (id, name, description, content_type, size_bytes, sha256, "
        "inline_content, seed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_id(d.id)
        .bind(d.name)
        .bind(d.description)
        .bind(d.content_type)
        .bind(d.size_bytes)
        .bind(d.sha256)
        .bind_blob(d.inline_content)
        .bind(static_cast<int64_t>(d.seed))
        .run();
    return sqlite3_last_insert_rowid(db_);
}

void SqliteStore::include_download(std::string_view plan_id, int64_t download_id) {
    Lock lock(mutex_);
    prepare("INSERT OR IGNORE INTO plan_downloads (plan_id, download_id) VALUES (?, ?)")
        .bind(plan_id)
        .bind(download_id)
        .run();
}

std::vector<DownloadRecord> SqliteStore::downloads_of_plan(std::string_view plan_id) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " DOWNLOAD_COLUMNS
                     " FROM downloads d JOIN plan_downloads p ON p.download_id = d.id "
                     "WHERE p.plan_id = ? ORDER BY d.id");
    s.bind(plan_id);
    std::vector<DownloadRecord> rows;
    while (s.step()) rows.push_back(read_download(s));
    return rows;
}

std::optional<DownloadRecord> SqliteStore::download(int64_t download_id) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " DOWNLOAD_COLUMNS " FROM downloads d WHERE d.id = ?");
    s.bind(download_id);
    if (!s.step()) return std::nullopt;
    return read_download(s);
}

// [SECTION] Services and what hangs from them

int64_t SqliteStore::insert_service(const domain::Service& v) {
    Lock lock(mutex_);
    prepare("INSERT INTO services (" SERVICE_COLUMNS
            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_id(v.id)
        .bind(v.client_id)
        .bind(v.name)
        .bind(domain::to_string(v.type))
        .bind(domain::to_string(v.status))
        .bind(v.domain)
        .bind(v.plan_id)
        .bind(v.period_start)
        .bind(v.period_end)
        .bind(v.paid_for_period.cents)
        .bind(v.paid_for_period.currency)
        .bind(v.next_due_on)
        .bind(v.auto_renew)
        .bind(v.requirements_met_on)
        .run();
    return sqlite3_last_insert_rowid(db_);
}

void SqliteStore::update_service(const domain::Service& v) {
    Lock lock(mutex_);
    prepare(
        "UPDATE services SET name = ?, type = ?, status = ?, domain = ?, plan_id = ?, "
        "period_start = ?, period_end = ?, paid_cents = ?, paid_currency = ?, next_due_on = ?, "
        "auto_renew = ?, requirements_met_on = ? WHERE id = ? AND client_id = ?")
        .bind(v.name)
        .bind(domain::to_string(v.type))
        .bind(domain::to_string(v.status))
        .bind(v.domain)
        .bind(v.plan_id)
        .bind(v.period_start)
        .bind(v.period_end)
        .bind(v.paid_for_period.cents)
        .bind(v.paid_for_period.currency)
        .bind(v.next_due_on)
        .bind(v.auto_renew)
        .bind(v.requirements_met_on)
        .bind(v.id)
        .bind(v.client_id)
        .run();
}

std::vector<domain::Service> SqliteStore::services_of(int64_t client_id) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " SERVICE_COLUMNS " FROM services WHERE client_id = ? ORDER BY id");
    s.bind(client_id);
    std::vector<domain::Service> rows;
    while (s.step()) rows.push_back(read_service(s));
    return rows;
}

std::optional<domain::Service> SqliteStore::service_of(int64_t client_id, int64_t service_id) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " SERVICE_COLUMNS " FROM services WHERE id = ? AND client_id = ?");
    s.bind(service_id).bind(client_id);
    if (!s.step()) return std::nullopt;
    return read_service(s);
}

int64_t SqliteStore::insert_credential(const CredentialRecord& c) {
    Lock lock(mutex_);
    prepare(
        "INSERT INTO credentials (id, service_id, label, host, username, password) "
        "VALUES (?, ?, ?, ?, ?, ?)")
        .bind_id(c.id)
        .bind(c.service_id)
        .bind(c.label)
        .bind(c.host)
        .bind(c.username)
        .bind(c.password)
        .run();
    return sqlite3_last_insert_rowid(db_);
}

std::vector<CredentialRecord> SqliteStore::credentials_of(int64_t service_id) {
    Lock lock(mutex_);
    auto s = prepare(
        "SELECT id, service_id, label, host, username, password FROM credentials "
        "WHERE service_id = ? ORDER BY id");
    s.bind(service_id);
    std::vector<CredentialRecord> rows;
    while (s.step()) {
        rows.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5)});
    }
    return rows;
}

int64_t SqliteStore::insert_invoice(const domain::Invoice& v) {
    Lock lock(mutex_);
    prepare("INSERT INTO invoices (" INVOICE_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_id(v.id)
        .bind(v.client_id)
        .bind(v.service_id)
        .bind(v.description)
        .bind(v.amount.cents)
        .bind(v.amount.currency)
        .bind(v.issued_on)
        .bind(v.due_on)
        .bind(v.period_start)
        .bind(v.period_end)
        .bind(domain::to_string(v.status))
        .run();
    return sqlite3_last_insert_rowid(db_);
}

std::vector<domain::Invoice> SqliteStore::invoices_of(int64_t client_id) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " INVOICE_COLUMNS " FROM invoices WHERE client_id = ? ORDER BY id");
    s.bind(client_id);
    std::vector<domain::Invoice> rows;
    while (s.step()) rows.push_back(read_invoice(s));
    return rows;
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

int64_t SqliteStore::insert_upgrade_order(const UpgradeOrderRecord& v) {
    Lock lock(mutex_);
    prepare("INSERT INTO upgrade_orders (" ORDER_COLUMNS
            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_id(v.id)
        .bind(v.client_id)
        .bind(v.service_id)
        .bind(v.from_plan_id)
        .bind(v.to_plan_id)
        .bind(domain::to_string(v.direction))
        .bind(v.amount_due.cents)
        .bind(v.amount_due.currency)
        .bind(v.period_start)
        .bind(v.period_end)
        .bind(v.invoice_id)
        .bind(v.created_at)
        .run();
    return sqlite3_last_insert_rowid(db_);
}

std::vector<UpgradeOrderRecord> SqliteStore::upgrade_orders_of(int64_t client_id) {
    Lock lock(mutex_);
    auto s =
        prepare("SELECT " ORDER_COLUMNS " FROM upgrade_orders WHERE client_id = ? ORDER BY id");
    s.bind(client_id);
    std::vector<UpgradeOrderRecord> rows;
    while (s.step()) rows.push_back(read_order(s));
    return rows;
}

int64_t SqliteStore::insert_upgrade_request(const UpgradeRequestRecord& v) {
    Lock lock(mutex_);
    prepare(
        "INSERT INTO upgrade_requests (id, client_id, service_id, message, created_on) "
        "VALUES (?, ?, ?, ?, ?)")
        .bind_id(v.id)
        .bind(v.client_id)
        .bind(v.service_id)
        .bind(v.message)
        .bind(v.created_on)
        .run();
    return sqlite3_last_insert_rowid(db_);
}

std::vector<UpgradeRequestRecord> SqliteStore::upgrade_requests_of(int64_t client_id) {
    Lock lock(mutex_);
    auto s = prepare(
        "SELECT id, client_id, service_id, message, created_on FROM upgrade_requests "
        "WHERE client_id = ? ORDER BY id");
    s.bind(client_id);
    std::vector<UpgradeRequestRecord> rows;
    while (s.step())
        rows.push_back({s.integer(0), s.integer(1), s.integer(2), s.text(3), s.date(4)});
    return rows;
}

int64_t SqliteStore::insert_cancellation(const CancellationRecord& v) {
    Lock lock(mutex_);
    prepare("INSERT INTO cancellation_requests (" CANCELLATION_COLUMNS
            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_id(v.id)
        .bind(v.client_id)
        .bind(v.service_id)
        .bind(domain::to_string(v.kind))
        .bind(v.reason)
        .bind(v.requested_on)
        .bind(v.effective_on)
        .bind(v.withdrawn)
        .bind(v.invoices_still_due)
        .bind(v.invoices_voided)
        .run();
    return sqlite3_last_insert_rowid(db_);
}

void SqliteStore::update_cancellation(const CancellationRecord& v) {
    Lock lock(mutex_);
    prepare(
        "UPDATE cancellation_requests SET kind = ?, reason = ?, requested_on = ?, "
        "effective_on = ?, withdrawn = ?, invoices_still_due = ?, invoices_voided = ? "
        "WHERE id = ? AND client_id = ?")
        .bind(domain::to_string(v.kind))
        .bind(v.reason)
        .bind(v.requested_on)
        .bind(v.effective_on)
        .bind(v.withdrawn)
        .bind(v.invoices_still_due)
        .bind(v.invoices_voided)
        .bind(v.id)
        .bind(v.client_id)
        .run();
}

std::optional<CancellationRecord> SqliteStore::cancellation_of(int64_t client_id,
                                                               int64_t cancellation_id) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " CANCELLATION_COLUMNS
                     " FROM cancellation_requests WHERE id = ? AND client_id = ?");
    s.bind(cancellation_id).bind(client_id);
    if (!s.step()) return std::nullopt;
    return read_cancellation(s);
}

std::vector<CancellationRecord> SqliteStore::cancellations_of(int64_t client_id) {
    Lock lock(mutex_);
    auto s = prepare("SELECT " CANCELLATION_COLUMNS
                     " FROM cancellation_requests WHERE client_id = ? ORDER BY id");
    s.bind(client_id);
    std::vector<CancellationRecord> rows;
    while (s.step()) rows.push_back(read_cancellation(s));
    return rows;
}

// [SECTION] Idempotency-Key answers

std::optional<IdempotentAnswer> SqliteStore::idempotent_answer(int64_t client_id,
                                                               std::string_view key) {
    Lock lock(mutex_);
    auto s = prepare(
        "SELECT client_id, key, fingerprint, status, body, location FROM idempotency_keys "
        "WHERE client_id = ? AND key = ?");
    s.bind(client_id).bind(key);
    if (!s.step()) return std::nullopt;
    return IdempotentAnswer{s.integer(0), s.text(1), s.text(2), static_cast<int>(s.integer(3)),
                            s.text(4),    s.text(5)};
}

void SqliteStore::save_idempotent_answer(const IdempotentAnswer& a) {
    Lock lock(mutex_);
    prepare(
        "INSERT INTO idempotency_keys (client_id, key, fingerprint, status, body, location) "
        "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(a.client_id)
        .bind(a.key)
        .bind(a.fingerprint)
        .bind(a.status)
        .bind(a.body)
        .bind(a.location)
        .run();
}

}  // namespace portal::backend
