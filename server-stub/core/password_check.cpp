#include "core/password_check.h"

#include <algorithm>
#include <string>

#include "core/responses.h"

namespace portal::backend {

std::optional<Response> refuse_while_locked(const ClientRecord& client, int64_t now) {
    if (client.locked_until <= now) return std::nullopt;
    Response response =
        error_response(429, "account_locked", "too many failed attempts; try again later");
    response.headers["Retry-After"] =
        std::to_string(std::max<int64_t>(1, client.locked_until - now));
    return response;
}

bool count_failed_password(ClientRecord& client, int64_t now, const BackendConfig& config) {
    if (++client.failed_logins < config.failed_logins_before_lock) return false;
    client.failed_logins = 0;
    client.locked_until = now + config.lock_seconds;
    return true;
}

}  // namespace portal::backend
