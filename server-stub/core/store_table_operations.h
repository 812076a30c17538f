// The Store operations that are one verb on one table, listed once for both stores (MemoryStore,
// SqliteStore), which each implement the verbs once:
//     X(result, name, parameters, verb, table, the verb's arguments)
// - find: the row whose key (its record's first field) is the argument;
// - insert: adds the row (an id 0 means "assign one") and gives its id;
// - replace: writes the row over the one with its id, only if the same client owns it;
// - owned: the row with that id, only if that client owns it (store.h, "Ownership");
// - owned_by: the client's rows, ordered by id.
// `table` names MemoryStore's map; SQLite finds a record's table from its type (sqlite_rows.h).
#pragma once

#include "core/store.h"

#define PORTAL_STORE_TABLE_OPERATIONS(X)                                                           \
    X(std::optional<ClientRecord>, client_by_id, (int64_t id), find, clients, id)                  \
    X(int64_t, insert_client, (const ClientRecord& client), insert, clients, client)               \
    X(void, update_client, (const ClientRecord& client), replace, clients, client)                 \
    X(std::optional<SessionRecord>, session, (std::string_view token_digest), find, sessions,      \
      token_digest)                                                                                \
    X(std::optional<SignInLock>, sign_in_lock, (std::string_view account_key), find,               \
      sign_in_locks, account_key)                                                                  \
    X(std::optional<Setting>, setting, (std::string_view name), find, settings, name)              \
    X(std::optional<domain::Plan>, plan, (std::string_view plan_id), find, plans, plan_id)         \
    X(int64_t, insert_download, (const DownloadRecord& download), insert, downloads, download)     \
    X(std::optional<DownloadRecord>, download, (int64_t download_id), find, downloads,             \
      download_id)                                                                                 \
    X(int64_t, insert_service, (const domain::Service& service), insert, services, service)        \
    X(void, update_service, (const domain::Service& service), replace, services, service)          \
    X(std::vector<domain::Service>, services_of, (int64_t client_id), owned_by, services,          \
      client_id)                                                                                   \
    X(std::optional<domain::Service>, service_of, (int64_t client_id, int64_t service_id), owned,  \
      services, client_id, service_id)                                                             \
    X(int64_t, insert_credential, (const CredentialRecord& credential), insert, credentials,       \
      credential)                                                                                  \
    X(int64_t, insert_invoice, (const domain::Invoice& invoice), insert, invoices, invoice)        \
    X(std::vector<domain::Invoice>, invoices_of, (int64_t client_id), owned_by, invoices,          \
      client_id)                                                                                   \
    X(void, update_invoice, (const domain::Invoice& invoice), replace, invoices, invoice)          \
    X(int64_t, insert_payment, (const PaymentRecord& payment), insert, payments, payment)          \
    X(std::vector<PaymentRecord>, payments_of, (int64_t client_id), owned_by, payments, client_id) \
    X(int64_t, insert_upgrade_order, (const UpgradeOrderRecord& order), insert, upgrade_orders,    \
      order)                                                                                       \
    X(void, update_upgrade_order, (const UpgradeOrderRecord& order), replace, upgrade_orders,      \
      order)                                                                                       \
    X(std::vector<UpgradeOrderRecord>, upgrade_orders_of, (int64_t client_id), owned_by,           \
      upgrade_orders, client_id)                                                                   \
    X(int64_t, insert_cancellation, (const CancellationRecord& cancellation), insert,              \
      cancellations, cancellation)                                                                 \
    X(void, update_cancellation, (const CancellationRecord& cancellation), replace, cancellations, \
      cancellation)                                                                                \
    X(std::optional<CancellationRecord>, cancellation_of,                                          \
      (int64_t client_id, int64_t cancellation_id), owned, cancellations, client_id,               \
      cancellation_id)                                                                             \
    X(std::vector<CancellationRecord>, cancellations_of, (int64_t client_id), owned_by,            \
      cancellations, client_id)                                                                    \
    X(std::vector<ContactRecord>, contacts_of, (int64_t client_id), owned_by, contacts, client_id) \
    X(std::optional<ContactRecord>, contact_of, (int64_t client_id, int64_t contact_id), owned,    \
      contacts, client_id, contact_id)                                                             \
    X(int64_t, insert_contact, (const ContactRecord& contact), insert, contacts, contact)          \
    X(void, update_contact, (const ContactRecord& contact), replace, contacts, contact)            \
    X(int64_t, insert_notification, (const NotificationRecord& notification), insert,              \
      notifications, notification)                                                                 \
    X(std::vector<NotificationRecord>, notifications_of, (int64_t client_id), owned_by,            \
      notifications, client_id)                                                                    \
    X(int64_t, insert_ticket, (const TicketRecord& ticket), insert, tickets, ticket)               \
    X(void, update_ticket, (const TicketRecord& ticket), replace, tickets, ticket)                 \
    X(std::optional<TicketRecord>, ticket_of, (int64_t client_id, int64_t ticket_id), owned,       \
      tickets, client_id, ticket_id)                                                               \
    X(std::vector<TicketRecord>, tickets_of, (int64_t client_id), owned_by, tickets, client_id)    \
    X(int64_t, insert_ticket_message, (const TicketMessageRecord& message), insert,                \
      ticket_messages, message)                                                                    \
    X(int64_t, insert_attachment, (const AttachmentRecord& attachment), insert, attachments,       \
      attachment)                                                                                  \
    X(std::optional<AttachmentRecord>, attachment_of, (int64_t client_id, int64_t attachment_id),  \
      owned, attachments, client_id, attachment_id)                                                \
    X(std::vector<AttachmentRecord>, attachments_of, (int64_t client_id), owned_by, attachments,   \
      client_id)                                                                                   \
    X(int64_t, insert_incident, (const IncidentRecord& incident), insert, incidents, incident)     \
    X(int64_t, insert_incident_update, (const IncidentUpdateRecord& update), insert,               \
      incident_updates, update)
