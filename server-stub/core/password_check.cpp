#include "core/password_check.h"

#include <algorithm>
#include <string>

#include "core/backend.h"
#include "core/responses.h"
#include "core/sha256.h"

namespace portal::backend {

namespace {

Response with_retry_after(Response response, int64_t seconds_left) {
    response.headers["Retry-After"] = std::to_string(std::max<int64_t>(1, seconds_left));
    return response;
}

}  // namespace

Response account_locked(int64_t seconds_left) {
    return with_retry_after(
        error_response(429, "account_locked", "too many failed attempts; try again later"),
        seconds_left);
}

Response too_many_attempts(int64_t seconds_left) {
    return with_retry_after(error_response(429, "too_many_attempts",
                                           "too many failed passwords from this address; try "
                                           "again later"),
                            seconds_left);
}

std::optional<Response> Backend::reserve_password_check(const Call& call, std::string_view email,
                                                        PasswordCheck& check) {
    check.account_key = hmac_sha256_hex(secret(), "sign-in " + lower_ascii(trim(email)));
    const std::string& address = call.request.remote_address;
    if (int64_t wait = address_budget_.take(address, call.now)) return too_many_attempts(wait);

    // Checked and counted in one transaction, before the slow hash: parallel attempts each
    // take their own place in the count, so no more of them run than the lock allows.
    std::optional<Response> refusal;
    store_.transaction([&] {
        auto lock = store_.sign_in_lock(check.account_key);
        if (lock && lock->locked_until > call.now) {
            refusal = account_locked(lock->locked_until - call.now);
            return false;
        }
        if (!lock || lock->expires_at <= call.now) {
            store_.trim_sign_in_locks(call.now, config_.max_sign_in_locks - 1);
            lock = SignInLock{check.account_key, 0, 0, 0};
        }
        lock->locked_until = 0;
        if (++lock->failed_logins >= config_.failed_logins_before_lock) {
            lock->failed_logins = 0;
            lock->locked_until = call.now + config_.lock_seconds;
            check.locks_for = config_.lock_seconds;
        }
        lock->expires_at = std::max(lock->locked_until, call.now + config_.lock_seconds);
        store_.save_sign_in_lock(*lock);
        return true;
    });
    // A locked email costs no hashing: the attempt is not spent.
    if (refusal) address_budget_.give_back(address);
    return refusal;
}

void Backend::password_check_passed(const Call& call, const PasswordCheck& check) {
    store_.transaction([&] {
        store_.delete_sign_in_lock(check.account_key);
        return true;
    });
    address_budget_.give_back(call.request.remote_address);
}

Response Backend::password_check_failed(const PasswordCheck& check, Response answer) {
    // The failure that locks the email answers as the lock does.
    return check.locks_for > 0 ? account_locked(check.locks_for) : answer;
}

}  // namespace portal::backend
