// Failed passwords and the lock they lead to (server-stub/README.md, "Login"). Sign-in and the
// re-authentication a cancellation asks for keep one tally, so no route can be used to guess a
// password more often than sign-in allows.
#pragma once

#include <cstdint>
#include <optional>

#include "core/backend.h"
#include "core/http.h"
#include "core/records.h"

namespace portal::backend {

// While the client's account is locked at `now`: the answer both routes give (429
// account_locked, Retry-After = the seconds left). Nothing when the account is open.
std::optional<Response> refuse_while_locked(const ClientRecord& client, int64_t now);

// Counts one wrong password on the client's record (read inside the store's transaction, then
// written back by the caller). The config's limit in a row locks the account for its lock time and
// starts the count again. True when this failure locked the account.
bool count_failed_password(ClientRecord& client, int64_t now, const BackendConfig& config);

}  // namespace portal::backend
