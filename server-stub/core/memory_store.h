// A Store in memory: the WebAssembly demo's store (saved to localStorage as a JSON string by the
// page) and a fast store for tests. A transaction copies the data first and puts the copy back
// when the work fails, so a refused mutation changes nothing, as in SQLite.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "core/attachment_files.h"
#include "core/store.h"
#include "domain/outcome.h"

namespace portal::backend {

class MemoryStore final : public Store {
  public:
    MemoryStore() = default;

    // The whole store as JSON text and back (the page's localStorage copy). from_json refuses
    // text it cannot read completely and leaves the store unchanged then.
    std::string to_json() const;
    domain::Outcome<bool> load_json(std::string_view text);

    PORTAL_STORE_OVERRIDES

    // The bytes of attachments, kept beside the rows and saved with them in to_json().
    HeldAttachmentFiles& attachment_files() { return files_; }

    // Everything the store holds; public so the JSON conversion can be a separate file.
    struct Data {
        std::map<int64_t, ClientRecord> clients;
        std::map<std::string, SessionRecord, std::less<>> sessions;
        std::map<std::string, SignInLock, std::less<>> sign_in_locks;
        std::map<std::string, Setting, std::less<>> settings;
        std::map<std::string, domain::Plan, std::less<>> plans;
        std::map<int64_t, DownloadRecord> downloads;
        std::set<std::pair<std::string, int64_t>> plan_downloads;
        std::map<int64_t, domain::Service> services;
        std::map<int64_t, CredentialRecord> credentials;
        std::map<int64_t, domain::Invoice> invoices;
        std::map<int64_t, PaymentRecord> payments;
        std::map<int64_t, UpgradeOrderRecord> upgrade_orders;
        std::map<int64_t, CancellationRecord> cancellations;
        std::map<int64_t, TicketRecord> tickets;
        std::map<int64_t, TicketMessageRecord> ticket_messages;
        std::map<int64_t, AttachmentRecord> attachments;
        std::map<std::pair<int64_t, std::string>, IdempotentAnswer> idempotent_answers;
        std::map<int64_t, ContactRecord> contacts;
        std::map<int64_t, NotificationRecord> notifications;
        std::map<std::string, StatusComponentRecord, std::less<>> status_components;
        std::map<int64_t, IncidentRecord> incidents;
        std::map<int64_t, IncidentUpdateRecord> incident_updates;
    };

  private:
    // Runs `work` on the data under the lock: each operation is one such call.
    template <class Work>
    auto locked(Work&& work) {
        std::lock_guard lock(mutex_);
        return work(data_);
    }
    // The common operations on one table of the data, under the lock (memory_store.cpp). Rows
    // of a client are found by id and owner together (store.h, "Ownership").
    template <class Table, class Row>
    int64_t insert(Table Data::*table, const Row& row);  // assigns an id when it is 0
    template <class Table, class Row>
    void replace(Table Data::*table, const Row& row);  // the row with the same id, if any
    template <class Table, class Key>
    std::optional<typename Table::mapped_type> find(Table Data::*table, const Key& key);
    template <class Table>
    std::optional<typename Table::mapped_type> owned(Table Data::*table, int64_t client_id,
                                                     int64_t id);
    template <class Table>
    std::vector<typename Table::mapped_type> owned_by(Table Data::*table, int64_t client_id);

    mutable std::recursive_mutex mutex_;
    Data data_;
    int transaction_depth_ = 0;
    // Apart from data_: a transaction copies data_, and need not copy every file's bytes.
    HeldAttachmentFiles files_;
};

// memory_store_json.cpp: the data, and the attachments' bytes by id.
struct StoredData {
    MemoryStore::Data data;
    std::map<int64_t, std::string> files;
};
std::string data_to_json(const MemoryStore::Data& data,
                         const std::map<int64_t, std::string>& files);
domain::Outcome<StoredData> data_from_json(std::string_view text);

}  // namespace portal::backend
