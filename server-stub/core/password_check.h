// Failed passwords and the lock they lead to (server-stub/README.md, "Login"). Sign-in and the
// re-authentication a cancellation asks for keep one tally, so no route can be used to guess a
// password more often than sign-in allows. The tally is kept per email string, known or not, so
// no answer, body or delay tells which emails have an account. The Backend's PasswordCheck
// members (backend.h) reserve, pass and fail the checks; these are the answers they give.
#pragma once

#include <cstdint>

#include "core/http.h"

namespace portal::backend {

// 429 account_locked, Retry-After = the seconds left.
Response account_locked(int64_t seconds_left);

// 429 too_many_attempts: the peer address has spent its budget of password checks
// (attempt_budget.h); Retry-After = the seconds until it has one again.
Response too_many_attempts(int64_t seconds_left);

}  // namespace portal::backend
