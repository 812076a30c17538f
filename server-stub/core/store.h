// Where the backend keeps its data. Two implementations: MemoryStore (core, also in the page) and
// SqliteStore (server-stub/sqlite). No SQL or HTTP types cross this interface.
//
// Ownership: everything a client owns is read through `client_id`, so a handler cannot reach
// another client's object by id; such ids simply look missing (404).
//
// Concurrency: every method is safe to call from several threads. `transaction` runs `work`
// atomically and exclusively: its writes all commit when it returns true, none when it returns
// false (or throws, natively). `snapshot` runs `work`, an answer that mostly reads, exclusively
// and against one view of the data; a write inside it (a renewal that fell due) ends that view
// and is its own transaction, and the reads after it see it.
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

// Every operation of a Store, once: X(result, name, (parameters)). Store declares them pure
// virtual; an implementation declares them all with PORTAL_STORE_OVERRIDES in its class.
// `transaction` runs `work` atomically (see above); an id 0 given to insert_* means "assign one";
// lists come ordered by id.
#define PORTAL_STORE_OPERATIONS(X)                                                         \
    X(bool, transaction, (const std::function<bool()>& work))                              \
    X(void, snapshot, (const std::function<void()>& work))                                 \
    /* Clients and sessions */                                                             \
    X(std::optional<ClientRecord>, client_by_email, (std::string_view email))              \
    X(std::optional<ClientRecord>, client_by_id, (int64_t id))                             \
    X(int64_t, insert_client, (const ClientRecord& client))                                \
    X(void, update_client, (const ClientRecord& client))                                   \
    X(void, insert_session, (const SessionRecord& session))                                \
    X(std::optional<SessionRecord>, session, (std::string_view token_digest))              \
    X(std::vector<SessionRecord>, sessions_of, (int64_t client_id)) /* oldest first */     \
    X(void, delete_session, (std::string_view token_digest))                               \
    X(void, delete_sessions_expired_before, (int64_t unix_seconds))                        \
    /* Secondary contacts (by email: lower case; by invitation: its token's digest) */     \
    X(std::vector<ContactRecord>, contacts_of, (int64_t client_id))                        \
    X(std::optional<ContactRecord>, contact_of, (int64_t client_id, int64_t contact_id))   \
    X(std::optional<ContactRecord>, contact_by_email, (std::string_view email))            \
    X(std::optional<ContactRecord>, contact_by_invitation, (std::string_view digest))      \
    X(int64_t, insert_contact, (const ContactRecord& contact))                             \
    X(void, update_contact, (const ContactRecord& contact))                                \
    X(void, delete_contact, (int64_t client_id, int64_t contact_id))                       \
    /* The outbox: what the account was sent */                                            \
    X(int64_t, insert_notification, (const NotificationRecord& notification))              \
    X(std::vector<NotificationRecord>, notifications_of, (int64_t client_id))              \
    /* Sign-in locks, one per email string tried (records.h) */                            \
    X(std::optional<SignInLock>, sign_in_lock, (std::string_view account_key))             \
    X(void, save_sign_in_lock, (const SignInLock& lock)) /* insert or replace */           \
    X(void, delete_sign_in_lock, (std::string_view account_key))                           \
    /* Deletes the locks expired at `now`, then all but the `keep` expiring last */        \
    X(void, trim_sign_in_locks, (int64_t now, int64_t keep))                               \
    /* The server's own values (settings: the fingerprint secret) */                       \
    X(std::optional<Setting>, setting, (std::string_view name))                            \
    X(void, save_setting, (const Setting& setting))                                        \
    /* Catalog: plans and the downloads they include */                                    \
    X(void, upsert_plan, (const domain::Plan& plan))                                       \
    X(std::optional<domain::Plan>, plan, (std::string_view plan_id))                       \
    X(std::vector<domain::Plan>, plans_of_product, (domain::ServiceType product))          \
    X(int64_t, insert_download, (const DownloadRecord& download))                          \
    X(void, include_download, (std::string_view plan_id, int64_t download_id))             \
    X(std::vector<DownloadRecord>, downloads_of_plan, (std::string_view plan_id))          \
    X(std::optional<DownloadRecord>, download, (int64_t download_id))                      \
    /* A client's services and what hangs from them */                                     \
    X(int64_t, insert_service, (const domain::Service& service))                           \
    X(void, update_service, (const domain::Service& service))                              \
    X(std::vector<domain::Service>, services_of, (int64_t client_id))                      \
    X(std::optional<domain::Service>, service_of, (int64_t client_id, int64_t service_id)) \
    X(int64_t, insert_credential, (const CredentialRecord& credential))                    \
    X(std::vector<CredentialRecord>, credentials_of, (int64_t service_id))                 \
    X(int64_t, insert_invoice, (const domain::Invoice& invoice))                           \
    X(std::vector<domain::Invoice>, invoices_of, (int64_t client_id))                      \
    X(void, set_invoice_status,                                                            \
      (int64_t client_id, int64_t invoice_id, domain::InvoiceStatus status))               \
    X(void, update_invoice, (const domain::Invoice& invoice))                              \
    X(int64_t, insert_payment, (const PaymentRecord& payment))                             \
    X(std::vector<PaymentRecord>, payments_of, (int64_t client_id))                        \
    X(int64_t, insert_upgrade_order, (const UpgradeOrderRecord& order))                    \
    X(void, update_upgrade_order, (const UpgradeOrderRecord& order))                       \
    X(std::vector<UpgradeOrderRecord>, upgrade_orders_of, (int64_t client_id))             \
    X(int64_t, insert_cancellation, (const CancellationRecord& cancellation))              \
    X(void, update_cancellation, (const CancellationRecord& cancellation))                 \
    X(std::optional<CancellationRecord>, cancellation_of,                                  \
      (int64_t client_id, int64_t cancellation_id))                                        \
    X(std::vector<CancellationRecord>, cancellations_of, (int64_t client_id))              \
    /* Support tickets and their messages (oldest first) */                                \
    X(int64_t, insert_ticket, (const TicketRecord& ticket))                                \
    X(void, update_ticket, (const TicketRecord& ticket))                                   \
    X(std::optional<TicketRecord>, ticket_of, (int64_t client_id, int64_t ticket_id))      \
    X(std::vector<TicketRecord>, tickets_of, (int64_t client_id))                          \
    X(int64_t, insert_ticket_message, (const TicketMessageRecord& message))                \
    X(std::vector<TicketMessageRecord>, ticket_messages_of,                                \
      (int64_t client_id, int64_t ticket_id))                                              \
    /* Every client's tickets not closed holding a remote-support slot starting at or */   \
    /* after `unix_seconds` (one technician: a slot is booked once across clients) */      \
    X(std::vector<TicketRecord>, remote_support_bookings, (int64_t unix_seconds))          \
    /* Files attached to tickets (their bytes: attachment_files.h) */                      \
    X(int64_t, insert_attachment, (const AttachmentRecord& attachment))                    \
    X(std::optional<AttachmentRecord>, attachment_of, (int64_t client_id, int64_t id))     \
    X(std::vector<AttachmentRecord>, attachments_of, (int64_t client_id))                  \
    X(std::vector<AttachmentRecord>, ticket_attachments_of,                                \
      (int64_t client_id, int64_t ticket_id))                                              \
    /* The server-status page: components (by position), incidents (by start), updates */  \
    X(void, upsert_status_component, (const StatusComponentRecord& component))             \
    X(std::vector<StatusComponentRecord>, status_components, ())                           \
    X(int64_t, insert_incident, (const IncidentRecord& incident))                          \
    /* The incidents with no end, or an end at or after `unix_seconds` */                  \
    X(std::vector<IncidentRecord>, incidents_since, (int64_t unix_seconds))                \
    X(int64_t, insert_incident_update, (const IncidentUpdateRecord& update))               \
    X(std::vector<IncidentUpdateRecord>, incident_updates_of, (int64_t incident_id))       \
    /* Idempotency-Key answers */                                                          \
    X(std::optional<IdempotentAnswer>, idempotent_answer,                                  \
      (int64_t client_id, std::string_view key))                                           \
    X(void, save_idempotent_answer, (const IdempotentAnswer& answer)) /* or replace */     \
    /* When each stored key of the client was created, oldest first */                     \
    X(std::vector<int64_t>, idempotency_key_times, (int64_t client_id))                    \
    X(void, delete_idempotent_answers_before, (int64_t unix_seconds))

#define PORTAL_STORE_PURE_VIRTUAL(Result, name, parameters) virtual Result name parameters = 0;
#define PORTAL_STORE_OVERRIDE(Result, name, parameters) Result name parameters override;
#define PORTAL_STORE_OVERRIDES PORTAL_STORE_OPERATIONS(PORTAL_STORE_OVERRIDE)

class Store {
  public:
    virtual ~Store() = default;
    PORTAL_STORE_OPERATIONS(PORTAL_STORE_PURE_VIRTUAL)
};

}  // namespace portal::backend
