// Every stored record survives both stores field by field: written through the Store, the store
// saved and opened again (MemoryStore through its JSON text, SqliteStore from its file), then read
// back. Every field of the samples differs from its default, so a field that a store forgets
// comes back as its default and fails here. SQLite rows that no writer produces (an unknown name,
// a malformed date, text where a number belongs) are refused, never read as a default.
#include <sqlite3.h>

#include "backend_world.h"
#include "domain/billing.h"

namespace portal::backend::testing {
namespace {

// ---- Each field of a record as text, by its stored name (through the record's `fields`) -----
template <class T>
std::string text_of(const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
        return "'" + value + "'";
    } else if constexpr (std::is_same_v<T, bool>) {
        return value ? "true" : "false";
    } else if constexpr (std::is_integral_v<T>) {
        return std::to_string(value);
    } else if constexpr (std::is_same_v<T, domain::Date>) {
        return value.iso();
    } else if constexpr (std::is_same_v<T, domain::Money>) {
        return std::to_string(value.cents) + " " + value.currency;
    } else {
        return std::string(domain::to_string(value));
    }
}
template <class T>
std::string text_of(const std::optional<T>& value) {
    return value ? text_of(*value) : "null";
}

struct FieldTexts {
    std::map<std::string, std::string> texts;
    template <class T>
    void operator()(const char* name, const T& value) {
        texts[name] = text_of(value);
    }
};

template <class R>
std::map<std::string, std::string> texts_of(const R& record) {
    FieldTexts visitor;
    fields(visitor, record);
    return visitor.texts;
}

// With `all_set`, also that no field of `expected` is its default (else losing it goes unseen).
template <class R>
void expect_same_fields(const R& expected, const std::optional<R>& actual, const char* what,
                        bool all_set = true) {
    ASSERT_TRUE(actual.has_value()) << what << " did not come back";
    auto wanted = texts_of(expected);
    auto got = texts_of(*actual);
    auto defaults = texts_of(R{});
    for (const auto& [name, text] : wanted) {
        EXPECT_EQ(got[name], text) << what << "." << name;
        if (all_set) {
            EXPECT_NE(defaults[name], text) << what << "." << name << " is its default";
        }
    }
}

template <class R>
std::optional<R> only(const std::vector<R>& rows) {
    EXPECT_EQ(rows.size(), 1u);
    if (rows.size() != 1) return std::nullopt;
    return rows.front();
}

// ---- One record of each kind, all fields set; `v` (1 or 2) varies every field but the keys ---
struct Samples {
    ClientRecord client;
    SessionRecord session;
    domain::Plan plan;
    DownloadRecord download;
    domain::Service service;
    CredentialRecord credential;
    domain::Invoice invoice;
    UpgradeOrderRecord order;
    PaymentRecord payment;
    CancellationRecord cancellation;
    IdempotentAnswer answer;
    SignInLock lock;
    Setting setting;
    TicketRecord ticket;
    TicketMessageRecord message;
    ContactRecord contact;
    NotificationRecord notification;
    StatusComponentRecord component;
    IncidentRecord incident;
    IncidentUpdateRecord update;
};

Samples samples(int v) {
    using namespace domain;
    const std::string n = std::to_string(v);
    const Date day{2026, 4, 10 + v};
    Samples s;
    s.client = {41,
                "ana" + n + "@example.com",
                "Ana " + n,
                "+54 11 " + n,
                "en",
                "hash" + n,
                v == 1 ? SupportPlan::full : SupportPlan::professional,
                "Radios " + n + " SRL",
                "Calle " + n,
                v == 1 ? "invoice_paid:email" : "welcome:whatsapp"};
    s.session = {"digest" + n, 41, 1800000000 + v, 121};
    s.contact = {121,
                 41,
                 "Contadora " + n,
                 "conta" + n + "@example.com",
                 "+54 9 11 " + n,
                 v == 1 ? "invoices" : "invoices,tickets",
                 "hash-c" + n,
                 "invite" + n,
                 1760000300 + v,
                 1760000400 + v};
    s.notification = {131,
                      41,
                      "invoice_paid",
                      v == 1 ? "email" : "whatsapp",
                      "ana@example.com",
                      "Text " + n,
                      "#/facturas/" + n,
                      1760000500 + v};
    s.plan = {"plan-x",
              "Plan X",
              "Plan X in English",
              ServiceType::reseller,
              {12345, "ARS"},
              BillingCycle::yearly,
              4,
              false};
    s.download = {17, "f.bin", "Un archivo", "A file", "text/plain", 9, "abc", "inline text", 99};
    s.service = {23,
                 41,
                 "Radio " + n,
                 v == 1 ? ServiceType::audio_streaming : ServiceType::video_streaming,
                 v == 1 ? ServiceStatus::suspended : ServiceStatus::active,
                 "radio" + n + ".example",
                 v == 1 ? "plan-x" : "plan-y",
                 day,
                 day.add_days(30),
                 day.add_days(31),
                 false,
                 day.add_days(v),
                 v == 1 ? AppPlatform::ios : AppPlatform::android,
                 "hs-0" + n};
    s.credential = {31, 23, "Panel", "panel.example", "user", "secret"};
    s.invoice = {51,
                 41,
                 23,
                 "Radio, one month",
                 {500, "EUR"},
                 day,
                 day.add_days(9),
                 day.add_days(1),
                 day.add_days(29),
                 v == 1 ? InvoiceStatus::overdue : InvoiceStatus::paid,
                 v == 1 ? InvoiceKind::plan_change : InvoiceKind::renewal,
                 {100 + v, "EUR"}};
    s.order = {61,
               41,
               23,
               "plan-x",
               "plan-y",
               PlanChange::down,
               {250, "EUR"},
               day,
               day.add_days(5),
               51,
               1750000000,
               v == 1 ? OrderStatus::expired : OrderStatus::scheduled,
               day.add_days(2 + v),
               day.add_days(3 + v)};
    s.payment = {
        91,         41,   51, PaymentMethod::sandbox, {500 + v, "EUR"}, day, 1760000000 + v,
        "ref-" + n, false};
    s.cancellation = {81,
                      41,
                      23,
                      v == 1 ? CancellationKind::immediate : CancellationKind::end_of_period,
                      "reason " + n,
                      day,
                      day.add_days(v),
                      v == 1,
                      "51," + n,
                      v != 1};
    s.answer = {41, "key-1", "fingerprint", 201, "{\"id\":1}", "/api/v1/x", 1760000000};
    s.lock = {"lock-key", 2 + v, 1700000000 + v, 1700000900 + v};
    s.setting = {"a-setting", "value " + n};
    s.ticket = {101,
                41,
                23,
                v == 1 ? TicketDepartment::billing : TicketDepartment::sales,
                TicketKind::error_report,
                "Subject " + n,
                v == 1 ? TicketStatus::waiting_on_client : TicketStatus::answered,
                1760000000 + v,
                1760000100 + v,
                1765000000 + v * 3600,
                "12345678" + n};
    s.message = {111,         41,
                 101,         v == 1 ? MessageKind::staff_question : MessageKind::staff_answer,
                 "Text " + n, 1760000200 + v};
    s.component = {"hs-0" + n, "Servidor " + n, "Server " + n, 3 + v};
    s.incident = {141,
                  "hs-0" + n,
                  v == 1 ? ComponentState::major_outage : ComponentState::maintenance,
                  "Caído " + n,
                  "Down " + n,
                  1760000600 + v,
                  1760000700 + v};
    s.update = {151, 141, 1760000650 + v, "Revisando " + n, "Looking " + n};
    return s;
}

void write(Store& store, const Samples& s) {
    ASSERT_TRUE(store.transaction([&] {
        store.insert_client(s.client);
        store.insert_session(s.session);
        store.upsert_plan(s.plan);
        domain::Plan other = s.plan;
        other.id = "plan-y";
        store.upsert_plan(other);
        store.insert_download(s.download);
        store.include_download(s.plan.id, s.download.id);
        store.insert_service(s.service);
        store.insert_credential(s.credential);
        store.insert_invoice(s.invoice);
        store.insert_upgrade_order(s.order);
        store.insert_payment(s.payment);
        store.insert_cancellation(s.cancellation);
        store.save_idempotent_answer(s.answer);
        store.insert_ticket(s.ticket);
        store.insert_ticket_message(s.message);
        store.insert_contact(s.contact);
        store.insert_notification(s.notification);
        store.save_sign_in_lock(s.lock);
        store.save_setting(s.setting);
        store.upsert_status_component(s.component);
        store.insert_incident(s.incident);
        store.insert_incident_update(s.update);
        return true;
    }));
}

void expect_read_back(Store& store, const Samples& s) {
    const int64_t client = s.client.id;
    expect_same_fields(s.client, store.client_by_id(client), "client");
    expect_same_fields(s.session, store.session(s.session.token_digest), "session");
    expect_same_fields(s.plan, store.plan(s.plan.id), "plan");
    expect_same_fields(s.download, only(store.downloads_of_plan(s.plan.id)), "download");
    expect_same_fields(s.service, store.service_of(client, s.service.id), "service");
    expect_same_fields(s.credential, only(store.credentials_of(s.service.id)), "credential");
    expect_same_fields(s.invoice, only(store.invoices_of(client)), "invoice");
    expect_same_fields(s.order, only(store.upgrade_orders_of(client)), "upgrade order");
    // The only payment method is the sandbox, which is also the default.
    expect_same_fields(s.payment, only(store.payments_of(client)), "payment", false);
    expect_same_fields(s.cancellation, store.cancellation_of(client, s.cancellation.id),
                       "cancellation");
    expect_same_fields(s.answer, store.idempotent_answer(client, s.answer.key), "answer");
    expect_same_fields(s.lock, store.sign_in_lock(s.lock.account_key), "sign-in lock");
    expect_same_fields(s.setting, store.setting(s.setting.name), "setting");
    expect_same_fields(s.ticket, store.ticket_of(client, s.ticket.id), "ticket");
    expect_same_fields(s.message, only(store.ticket_messages_of(client, s.ticket.id)), "message");
    expect_same_fields(s.contact, store.contact_of(client, s.contact.id), "contact");
    expect_same_fields(s.notification, only(store.notifications_of(client)), "notification");
    expect_same_fields(s.component, only(store.status_components()), "status component");
    expect_same_fields(s.incident, only(store.incidents_since(s.incident.started_at)), "incident");
    expect_same_fields(s.update, only(store.incident_updates_of(s.incident.id)), "update");
}

// ---- The two stores, each with its way of being saved and opened again ----------------------
struct MemoryJsonTrip {
    static constexpr const char* name = "memory_json";
    std::unique_ptr<Store> make() { return std::make_unique<MemoryStore>(); }
    std::unique_ptr<Store> reopen(std::unique_ptr<Store> store) {
        auto copy = std::make_unique<MemoryStore>();
        EXPECT_TRUE(copy->load_json(static_cast<MemoryStore&>(*store).to_json()).ok());
        return copy;
    }
};

struct SqliteFileTrip : SqliteKind {
    static constexpr const char* name = "sqlite_file";
    std::unique_ptr<Store> reopen(std::unique_ptr<Store> store) {
        store.reset();
        return std::make_unique<SqliteStore>(path.string());
    }
};

template <class Trip>
class StoredRecords : public ::testing::Test {
  public:
    Trip trip;
};
using Trips = ::testing::Types<MemoryJsonTrip, SqliteFileTrip>;
TYPED_TEST_SUITE(StoredRecords, Trips, StoreKindNames);

TYPED_TEST(StoredRecords, EveryFieldOfEveryRecordComesBack) {
    auto store = this->trip.make();
    write(*store, samples(1));
    store = this->trip.reopen(std::move(store));
    expect_read_back(*store, samples(1));
}

TYPED_TEST(StoredRecords, UpdatesWriteEveryFieldButTheKeys) {
    auto store = this->trip.make();
    write(*store, samples(1));
    const Samples changed = samples(2);
    store->update_client(changed.client);
    store->update_service(changed.service);
    store->update_cancellation(changed.cancellation);
    store->update_invoice(changed.invoice);
    store->update_upgrade_order(changed.order);
    store->update_ticket(changed.ticket);
    store->update_contact(changed.contact);
    store = this->trip.reopen(std::move(store));
    // A kind of two values, or a flag, is its default in one of the two samples.
    const bool all_set = false;
    expect_same_fields(changed.client, store->client_by_id(41), "client", all_set);
    expect_same_fields(changed.service, store->service_of(41, 23), "service", all_set);
    expect_same_fields(changed.cancellation, store->cancellation_of(41, 81), "cancellation",
                       all_set);
    expect_same_fields(changed.invoice, only(store->invoices_of(41)), "invoice", all_set);
    expect_same_fields(changed.order, only(store->upgrade_orders_of(41)), "upgrade order", all_set);
    expect_same_fields(changed.ticket, store->ticket_of(41, 101), "ticket", all_set);
    expect_same_fields(changed.contact, store->contact_of(41, 121), "contact", all_set);
}

// A remote-support slot is booked across clients: every client's ticket not closed holding a
// slot from that instant on.
TYPED_TEST(StoredRecords, RemoteSupportBookingsAreTheTicketsNotClosedWithASlotToCome) {
    auto store = this->trip.make();
    const Samples s = samples(1);
    write(*store, s);
    const int64_t slot = *s.ticket.remote_slot;
    store = this->trip.reopen(std::move(store));
    ASSERT_EQ(store->remote_support_bookings(slot).size(), 1u);
    EXPECT_EQ(store->remote_support_bookings(slot).front().remote_slot, slot);
    EXPECT_TRUE(store->remote_support_bookings(slot + 1).empty());
    TicketRecord closed = s.ticket;
    closed.status = domain::TicketStatus::closed;
    store->update_ticket(closed);
    EXPECT_TRUE(store->remote_support_bookings(slot).empty());
}

TYPED_TEST(StoredRecords, AnUpdateNeverMovesARowToAnotherClient) {
    auto store = this->trip.make();
    write(*store, samples(1));
    Samples stolen = samples(2);
    stolen.service.client_id = 42;  // same ids, another owner
    stolen.cancellation.client_id = 42;
    stolen.ticket.client_id = 42;
    store->update_service(stolen.service);
    store->update_cancellation(stolen.cancellation);
    store->update_ticket(stolen.ticket);
    store = this->trip.reopen(std::move(store));
    const bool all_set = false;
    expect_same_fields(samples(1).service, store->service_of(41, 23), "service", all_set);
    expect_same_fields(samples(1).cancellation, store->cancellation_of(41, 81), "cancellation",
                       all_set);
    EXPECT_FALSE(store->service_of(42, 23));
    EXPECT_FALSE(store->cancellation_of(42, 81));
    expect_same_fields(samples(1).ticket, store->ticket_of(41, 101), "ticket", all_set);
    EXPECT_FALSE(store->ticket_of(42, 101));
}

// ---- SQLite refuses rows that no writer produces --------------------------------------------
void sql(const std::filesystem::path& path, const std::string& text) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << text;
    sqlite3_close(db);
}

struct MalformedRow {
    const char* change;  // SQL that spoils the sample's row
    std::function<void(Store&)> read;
};

TEST(SqliteStoreRows, AreRefusedWhenAValueIsNotOneAWriterProduces) {
    const MalformedRow cases[] = {
        {"UPDATE services SET status = 'frozen'", [](Store& s) { s.services_of(41); }},
        {"UPDATE services SET type = 'Hosting'", [](Store& s) { s.service_of(41, 23); }},
        {"UPDATE upgrade_orders SET direction = 'sideways'",
         [](Store& s) { s.upgrade_orders_of(41); }},
        {"UPDATE invoices SET status = ''", [](Store& s) { s.invoices_of(41); }},
        {"UPDATE plans SET cycle = 'weekly'", [](Store& s) { s.plan("plan-x"); }},
        {"UPDATE cancellation_requests SET kind = 'later'",
         [](Store& s) { s.cancellations_of(41); }},
        {"UPDATE invoices SET due_on = 'soon'", [](Store& s) { s.invoices_of(41); }},
        {"UPDATE services SET auto_renew = 'yes'", [](Store& s) { s.services_of(41); }},
        {"UPDATE services SET auto_renew = 2", [](Store& s) { s.services_of(41); }},
        {"UPDATE sign_in_locks SET failed_logins = 'three'",
         [](Store& s) { s.sign_in_lock("lock-key"); }},
    };
    for (const auto& spoil : cases) {
        SqliteKind kind;
        write(*kind.make(), samples(1));
        sql(kind.path, spoil.change);
        SqliteStore reopened(kind.path.string());
        EXPECT_THROW(spoil.read(reopened), std::runtime_error) << spoil.change;
    }
}

// A database written before the amount columns were named after their fields still opens, and
// its rows read the same.
TEST(SqliteStoreRows, ADatabaseOfSchemaFourOpensWithItsRows) {
    SqliteKind kind;
    kind.make().reset();
    sql(kind.path,
        "DROP TABLE ticket_attachments; "
        "DROP TABLE incident_updates; DROP TABLE incidents; DROP TABLE status_components; "
        "DROP TABLE notifications; DROP TABLE contacts; DROP TABLE clients; DROP TABLE sessions; "
        "DROP TABLE plans; DROP TABLE downloads; "
        "DROP TABLE plan_downloads; DROP TABLE services; DROP TABLE credentials; "
        "DROP TABLE invoices; DROP TABLE upgrade_orders; "
        "DROP TABLE cancellation_requests; DROP TABLE idempotency_keys; DROP TABLE settings; "
        "DROP TABLE sign_in_locks; DROP TABLE payments; DROP TABLE ticket_messages; "
        "DROP TABLE tickets; UPDATE schema_version SET version = 4");
    for (size_t i = 0; i < 4; ++i) sql(kind.path, sqlite_migrations()[i]);
    sql(kind.path,
        "INSERT INTO clients (id, email, name, password_hash) VALUES (41, 'a@example.com', 'A', "
        "'h');"
        "INSERT INTO plans VALUES ('plan-x', 'Plan X', 'reseller', 12345, 'ARS', 'yearly', 4, 0);"
        "INSERT INTO services (id, client_id, name, type, status, domain, plan_id, period_start, "
        "period_end, paid_cents, paid_currency, next_due_on, auto_renew) VALUES (23, 41, 'S', "
        "'reseller', 'active', 'd.example', 'plan-x', '2026-01-01', '2026-12-31', 999, 'EUR', "
        "'2027-01-01', 1);"
        "INSERT INTO invoices (id, client_id, service_id, description, amount_cents, currency, "
        "issued_on, due_on, period_start, period_end, status) VALUES (51, 41, 23, 'I', 500, "
        "'USD', '2026-01-01', '2026-01-10', '2026-01-01', '2026-12-31', 'paid');"
        "INSERT INTO upgrade_orders (id, client_id, service_id, from_plan_id, to_plan_id, "
        "direction, amount_cents, currency, period_start, period_end, invoice_id, created_at) "
        "VALUES (61, 41, 23, 'plan-x', 'plan-y', 'down', 250, 'ARS', '2026-02-01', "
        "'2026-12-31', NULL, 7);"
        "INSERT INTO upgrade_requests (id, client_id, service_id, message, created_on) "
        "VALUES (71, 41, 23, 'Quiero el plan Plata', '2026-02-03')");

    SqliteStore store(kind.path.string());
    EXPECT_EQ(store.schema_version(), SqliteStore::latest_schema_version());
    ASSERT_TRUE(store.plan("plan-x").has_value());
    EXPECT_EQ(store.plan("plan-x")->price, (domain::Money{12345, "ARS"}));
    // A plan of before has no English name: its Spanish one stands in.
    EXPECT_EQ(store.plan("plan-x")->name_en, "Plan X");
    ASSERT_TRUE(store.service_of(41, 23).has_value());
    ASSERT_EQ(store.invoices_of(41).size(), 1u);
    EXPECT_EQ(store.invoices_of(41)[0].amount, (domain::Money{500, "USD"}));
    EXPECT_EQ(store.invoices_of(41)[0].kind, domain::InvoiceKind::period);
    EXPECT_EQ(store.invoices_of(41)[0].credit, (domain::Money{0, "USD"}));
    // An invoice of before kept a Spanish sentence; it bills its service's plan instead.
    EXPECT_EQ(store.invoices_of(41)[0].plan_id, "plan-x");
    // The stored 999 EUR is gone: what was paid is what the paid invoices say (RULES.md §3).
    EXPECT_EQ(domain::paid_for_period(*store.service_of(41, 23), "USD", store.invoices_of(41)),
              (domain::Money{500, "USD"}));
    ASSERT_EQ(store.upgrade_orders_of(41).size(), 1u);
    EXPECT_EQ(store.upgrade_orders_of(41)[0].amount_due, (domain::Money{250, "ARS"}));
    EXPECT_FALSE(store.upgrade_orders_of(41)[0].invoice_id.has_value());
    // Orders of before took effect when made.
    EXPECT_EQ(store.upgrade_orders_of(41)[0].status, domain::OrderStatus::applied);
    EXPECT_EQ(store.upgrade_orders_of(41)[0].effective_on, (domain::Date{2026, 2, 1}));
    // An upgrade request of before is a ticket to sales about its service, its message the
    // first, opened at 10:00 (GMT−3) of its day.
    ASSERT_EQ(store.tickets_of(41).size(), 1u);
    const TicketRecord ticket = store.tickets_of(41)[0];
    EXPECT_EQ(ticket.kind, domain::TicketKind::upgrade_request);
    EXPECT_EQ(ticket.department, domain::TicketDepartment::sales);
    EXPECT_EQ(ticket.service_id, std::optional<int64_t>{23});
    EXPECT_EQ(ticket.subject, "Cambio de plan: S");
    EXPECT_EQ(ticket.status, domain::TicketStatus::open);
    EXPECT_EQ(domain::company_rfc3339(ticket.opened_at), "2026-02-03T10:00:00-03:00");
    const auto messages = store.ticket_messages_of(41, ticket.id);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].text, "Quiero el plan Plata");
    EXPECT_EQ(messages[0].kind, domain::MessageKind::client);
}

}  // namespace
}  // namespace portal::backend::testing
