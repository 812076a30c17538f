// The schema's history. Never change what a shipped entry runs (the text may share spellings,
// below): append a new one.
#include <vector>

#include "sqlite/sqlite_store.h"

namespace portal::backend {

// The columns a row a client owns begins with, and one about one of the client's services, spelled
// as the first tables spelled them: SQLite keeps the text that created a table.
#define PORTAL_CLIENT_ROW           \
    "\n    id INTEGER PRIMARY KEY," \
    "\n    client_id INTEGER NOT NULL REFERENCES clients(id),"
#define PORTAL_SERVICE_ROW \
    PORTAL_CLIENT_ROW "\n    service_id INTEGER NOT NULL REFERENCES services(id),"

const std::vector<const char*>& sqlite_migrations() {
    static const std::vector<const char*> migrations = {
        // 1: clients, sessions, catalog, services and everything hanging from them.
        R"sql(
CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'es',
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
    token_digest TEXT PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id),
    expires_at INTEGER NOT NULL
);
CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    product TEXT NOT NULL,
    price_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    cycle TEXT NOT NULL,
    rank INTEGER NOT NULL,
    automatic_upgrade INTEGER NOT NULL
);
CREATE TABLE downloads (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    inline_content BLOB NOT NULL,
    seed INTEGER NOT NULL
);
CREATE TABLE plan_downloads (
    plan_id TEXT NOT NULL REFERENCES plans(id),
    download_id INTEGER NOT NULL REFERENCES downloads(id),
    PRIMARY KEY (plan_id, download_id)
);
CREATE TABLE services (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    domain TEXT NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plans(id),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    paid_cents INTEGER NOT NULL,
    paid_currency TEXT NOT NULL,
    next_due_on TEXT NOT NULL,
    auto_renew INTEGER NOT NULL,
    requirements_met_on TEXT
);
CREATE TABLE credentials (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES services(id),
    label TEXT NOT NULL,
    host TEXT NOT NULL,
    username TEXT NOT NULL,
    password TEXT NOT NULL
);
CREATE TABLE invoices ()sql" PORTAL_SERVICE_ROW R"sql(
    description TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE TABLE upgrade_orders ()sql" PORTAL_SERVICE_ROW R"sql(
    from_plan_id TEXT NOT NULL,
    to_plan_id TEXT NOT NULL,
    direction TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    invoice_id INTEGER REFERENCES invoices(id),
    created_at INTEGER NOT NULL
);
CREATE TABLE upgrade_requests ()sql" PORTAL_SERVICE_ROW R"sql(
    message TEXT NOT NULL,
    created_on TEXT NOT NULL
);
CREATE TABLE cancellation_requests ()sql" PORTAL_SERVICE_ROW R"sql(
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_on TEXT NOT NULL,
    effective_on TEXT NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    invoices_still_due TEXT NOT NULL DEFAULT ''
);
)sql",
        // 2: Idempotency-Key answers, kept with the mutation they belong to.
        R"sql(
CREATE TABLE idempotency_keys (
    client_id INTEGER NOT NULL REFERENCES clients(id),
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    location TEXT NOT NULL,
    PRIMARY KEY (client_id, key)
);
)sql",
        // 3: the lookups every request makes, by owner.
        R"sql(
CREATE INDEX services_by_client ON services(client_id);
CREATE INDEX invoices_by_client ON invoices(client_id);
CREATE INDEX credentials_by_service ON credentials(service_id);
CREATE INDEX cancellations_by_client ON cancellation_requests(client_id);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
)sql",
        // 4: cancellation_requests.invoices_voided. Nothing reads or writes it: a scheduled
        // cancellation voids no invoice (generated invoices stay due, RULES.md §4), so no record
        // field maps to it and every INSERT, naming its columns, leaves it at its default ''. It
        // stays because dropping a column takes a migration of its own and gains nothing.
        R"sql(
ALTER TABLE cancellation_requests ADD COLUMN invoices_voided TEXT NOT NULL DEFAULT '';
)sql",
        // 5: every amount is stored as <field>_cents and <field>_currency, so the columns follow
        // from the records' fields (sqlite_rows.h).
        R"sql(
ALTER TABLE plans RENAME COLUMN currency TO price_currency;
ALTER TABLE services RENAME COLUMN paid_cents TO paid_for_period_cents;
ALTER TABLE services RENAME COLUMN paid_currency TO paid_for_period_currency;
ALTER TABLE invoices RENAME COLUMN currency TO amount_currency;
ALTER TABLE upgrade_orders RENAME COLUMN amount_cents TO amount_due_cents;
ALTER TABLE upgrade_orders RENAME COLUMN currency TO amount_due_currency;
)sql",
        // 6: Idempotency-Key fingerprints keyed with a secret of this database, never holding a
        // digest of a password (the old rows had an unkeyed sha256 of bodies with passwords:
        // they go), and kept a day; sign-in locks for any email string, not only accounts'.
        R"sql(
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
DELETE FROM idempotency_keys;
ALTER TABLE idempotency_keys ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);
CREATE TABLE sign_in_locks (
    account_key TEXT PRIMARY KEY,
    failed_logins INTEGER NOT NULL,
    locked_until INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sign_in_locks_by_expiry ON sign_in_locks(expires_at);
ALTER TABLE clients DROP COLUMN failed_logins;
ALTER TABLE clients DROP COLUMN locked_until;
CREATE INDEX sessions_by_client ON sessions(client_id);
)sql",
        // 7: paid means paid (RULES.md §3). What a service paid for its period follows from its
        // paid invoices, so the stored number goes; an invoice knows its kind and the credit a
        // plan change carries; an order has a status; payments are kept.
        R"sql(
ALTER TABLE services DROP COLUMN paid_for_period_cents;
ALTER TABLE services DROP COLUMN paid_for_period_currency;
ALTER TABLE invoices ADD COLUMN kind TEXT NOT NULL DEFAULT 'period';
ALTER TABLE invoices ADD COLUMN credit_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invoices ADD COLUMN credit_currency TEXT NOT NULL DEFAULT '';
UPDATE invoices SET credit_currency = amount_currency;
UPDATE invoices SET kind = 'plan_change' WHERE id IN (SELECT invoice_id FROM upgrade_orders);
ALTER TABLE upgrade_orders ADD COLUMN status TEXT NOT NULL DEFAULT 'applied';
ALTER TABLE upgrade_orders ADD COLUMN effective_on TEXT;
ALTER TABLE upgrade_orders ADD COLUMN expires_on TEXT;
UPDATE upgrade_orders SET effective_on = period_start;
CREATE TABLE payments ()sql" PORTAL_CLIENT_ROW R"sql(
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    method TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    amount_currency TEXT NOT NULL,
    paid_on TEXT NOT NULL,
    paid_at INTEGER NOT NULL,
    reference TEXT NOT NULL,
    test INTEGER NOT NULL
);
CREATE INDEX payments_by_client ON payments(client_id);
CREATE INDEX upgrade_orders_by_client ON upgrade_orders(client_id);
)sql",
        // 8: the platform of app services; a cancellation keeps the auto-renew it turned off
        // (a withdrawal restores it).
        R"sql(
ALTER TABLE services ADD COLUMN platform TEXT;
ALTER TABLE cancellation_requests ADD COLUMN auto_renew_before INTEGER NOT NULL DEFAULT 1;
)sql",
        // 9: plan names and download descriptions in English beside the Spanish ones (the API's
        // ?lang=en). A database made before has no translation: its Spanish text stands in, so
        // no English answer shows an empty name.
        R"sql(
ALTER TABLE plans ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE downloads ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
UPDATE plans SET name_en = name;
UPDATE downloads SET description_en = description;
)sql",
        // 10: a client's support plan (RULES.md §8); support tickets and their messages.
        R"sql(
ALTER TABLE clients ADD COLUMN support_plan TEXT NOT NULL DEFAULT 'standard';
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id),
    service_id INTEGER REFERENCES services(id),
    department TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX tickets_by_client ON tickets(client_id);
CREATE TABLE ticket_messages (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id),
    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    sent_at INTEGER NOT NULL
);
CREATE INDEX ticket_messages_by_ticket ON ticket_messages(ticket_id);
)sql",
        // 11: an invoice keeps the plan it bills, not a sentence: its lines are worded when read,
        // in the reader's language. A plan change's invoice bills the plan its order moves to; a
        // renewal the plan a downgrade that took effect on its first day moved to; any other the
        // service's plan.
        R"sql(
ALTER TABLE invoices ADD COLUMN plan_id TEXT NOT NULL DEFAULT '';
UPDATE invoices SET plan_id = COALESCE(
    (SELECT o.to_plan_id FROM upgrade_orders o WHERE o.invoice_id = invoices.id),
    (SELECT o.to_plan_id FROM upgrade_orders o
      WHERE invoices.kind = 'renewal' AND o.service_id = invoices.service_id
        AND o.direction = 'down' AND o.status IN ('scheduled', 'applied')
        AND o.effective_on = invoices.period_start),
    (SELECT s.plan_id FROM services s WHERE s.id = invoices.service_id),
    '');
ALTER TABLE invoices DROP COLUMN description;
)sql",
        // 12: the account (RULES.md §10): its details, the alerts turned off, secondary contacts
        // (one email across clients and contacts), the contact a session is of, the outbox.
        R"sql(
ALTER TABLE clients ADD COLUMN company TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN alerts_off TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN contact_id INTEGER NOT NULL DEFAULT 0;
CREATE TABLE contacts ()sql" PORTAL_CLIENT_ROW R"sql(
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    phone TEXT NOT NULL,
    permissions TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    invitation_digest TEXT NOT NULL,
    invited_at INTEGER NOT NULL,
    accepted_at INTEGER NOT NULL
);
CREATE INDEX contacts_by_client ON contacts(client_id);
CREATE INDEX contacts_by_invitation ON contacts(invitation_digest);
CREATE TABLE notifications ()sql" PORTAL_CLIENT_ROW R"sql(
    event TEXT NOT NULL,
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    text TEXT NOT NULL,
    link TEXT NOT NULL,
    sent_at INTEGER NOT NULL
);
CREATE INDEX notifications_by_client ON notifications(client_id);
)sql",
        // 13: the server each service runs on (the server-status page says what affects it). A
        // service stored before has no known server: no component affects it.
        R"sql(
ALTER TABLE services ADD COLUMN server TEXT NOT NULL DEFAULT '';
)sql",
        // 14: the server-status page (domain/server_status.h): its components, the incidents
        // on them and what the company said about each.
        R"sql(
CREATE TABLE status_components (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    component_id TEXT NOT NULL REFERENCES status_components(id),
    state TEXT NOT NULL,
    title TEXT NOT NULL,
    title_en TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER
);
CREATE INDEX incidents_by_end ON incidents(ended_at);
CREATE TABLE incident_updates (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    posted_at INTEGER NOT NULL,
    text TEXT NOT NULL,
    text_en TEXT NOT NULL
);
CREATE INDEX incident_updates_by_incident ON incident_updates(incident_id);
)sql",
        // 15: an upgrade request is a ticket to sales about its service (kind upgrade_request),
        // so its answer and due time show in «Soporte». Each stored request becomes one, opened
        // at 10:00 (GMT−3) of its day, its message the ticket's first; its subject is Spanish,
        // the language every stored request was written under.
        R"sql(
CREATE TEMP TABLE first_new_ticket AS SELECT COALESCE(MAX(id), 0) AS base FROM tickets;
INSERT INTO tickets (id, client_id, service_id, department, kind, subject, status, opened_at,
                     updated_at)
SELECT f.base + r.id, r.client_id, r.service_id, 'sales', 'upgrade_request',
       'Cambio de plan: ' || COALESCE(s.name, ''), 'open',
       CAST(strftime('%s', r.created_on) AS INTEGER) + 13 * 3600, CAST(strftime('%s', r.created_on) AS INTEGER) + 13 * 3600
FROM upgrade_requests r LEFT JOIN services s ON s.id = r.service_id, first_new_ticket f;
INSERT INTO ticket_messages (client_id, ticket_id, kind, text, sent_at)
SELECT r.client_id, f.base + r.id, 'client', r.message, CAST(strftime('%s', r.created_on) AS INTEGER) + 13 * 3600
FROM upgrade_requests r, first_new_ticket f;
DROP TABLE first_new_ticket;
DROP TABLE upgrade_requests;
)sql",
        // 16: a remote-support ticket's booked slot and RustDesk ID (domain/remote_support.h);
        // the slots still to come are looked up across clients.
        R"sql(
ALTER TABLE tickets ADD COLUMN remote_slot INTEGER;
ALTER TABLE tickets ADD COLUMN rustdesk_id TEXT NOT NULL DEFAULT '';
CREATE INDEX tickets_by_remote_slot ON tickets(remote_slot) WHERE remote_slot IS NOT NULL;
)sql",
        // 17: files attached to support tickets; their bytes are files named by the row's id in
        // the folder beside the database (attachment_directory.h).
        R"sql(
CREATE TABLE ticket_attachments ()sql" PORTAL_CLIENT_ROW R"sql(
    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX ticket_attachments_by_ticket ON ticket_attachments(ticket_id);
CREATE INDEX ticket_attachments_by_client ON ticket_attachments(client_id);
)sql",
    };
    return migrations;
}

#undef PORTAL_SERVICE_ROW
#undef PORTAL_CLIENT_ROW

}  // namespace portal::backend
