#include "app/problem.h"

namespace portal::app {

Problem describe(const api::ApiFailure& failure) {
    using Kind = api::ApiFailure::Kind;
    switch (failure.kind) {
        case Kind::unreachable:
            return {Text::error_unreachable, Text::hint_check_connection, true, false};
        case Kind::timeout:
            return {Text::error_timeout, Text::hint_check_connection, true, false};
        case Kind::malformed_answer:
            return {Text::error_malformed, Text::hint_contact_support, true, false};
        case Kind::rejected:
            break;
    }
    const std::string& code = failure.error.code;
    if (code == "invalid_credentials") {
        return {Text::error_wrong_credentials, Text::hint_check_credentials, false, false};
    }
    if (code == "account_locked" || failure.status == 429) {
        return {Text::error_locked, Text::hint_wait_and_retry, false, false};
    }
    if (failure.status == 401) {
        return {Text::error_session_expired, Text::hint_sign_in_again, false, true};
    }
    if (failure.status >= 500) return {Text::error_server, Text::hint_contact_support, true, false};
    return {Text::error_generic, Text::hint_contact_support, false, false};
}

}  // namespace portal::app
