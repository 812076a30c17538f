// The whole backend in one object, for the static-host demo (DESIGN.md, "the one idea"): the
// page builds one from the fixtures and manuals it embeds, hands it every request through its
// in-process transport, and keeps save() in localStorage so the demo remembers between visits.
// Memory store, salted SHA-256 passwords (no libsodium in the browser), the system clock (or a
// fixed one, as portal-stub --now).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/backend.h"
#include "core/memory_store.h"
#include "core/salted_sha256_hasher.h"

namespace portal::backend {

class DemoBackend {
  public:
    struct Sources {
        std::string catalog_json;  // server-stub/fixtures/catalog.json
        std::string clients_json;  // server-stub/fixtures/clients.json
        std::vector<ManualSource> manuals;
        std::string non_working_days;  // server-stub/fixtures/non_working_days.txt
        std::optional<int64_t> now;    // a fixed clock (unix seconds); unset: the real time
    };

    // Restores `saved_store` (an earlier save()) when it reads back completely; otherwise starts
    // from the fixtures (a first visit, or a save from an incompatible version).
    explicit DemoBackend(const Sources& sources, std::string_view saved_store = {},
                         BackendConfig config = browser_config());

    // The backend's limits where the whole store lives in the browser's storage (a few MB for a
    // site): attached files of at most 256 KiB, 1 MiB for all of one client's.
    static BackendConfig browser_config();

    Response handle(const Request& request) { return backend_.handle(request); }
    std::string save() const { return store_.to_json(); }

    bool restored_from_save() const { return restored_; }
    // Set when neither the save nor the fixtures could be read (the store is then empty).
    const std::optional<domain::DomainError>& load_error() const { return load_error_; }

  private:
    SystemClock system_clock_;
    std::optional<FixedClock> fixed_clock_;
    const Clock& clock_;
    SystemRandomSource random_;
    SaltedSha256Hasher hasher_;
    MemoryStore store_;
    ManualLibrary manuals_;
    // Before backend_: its config reports a bad non-working days file here.
    std::optional<domain::DomainError> load_error_;
    Backend backend_;
    bool restored_ = false;
};

}  // namespace portal::backend
