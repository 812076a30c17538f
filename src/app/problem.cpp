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

DownloadOutcome judge_download(const api::HttpResponse& response, uint64_t expected,
                               bool bytes_arrived) {
    using Kind = DownloadOutcome::Kind;
    const bool answered = response.failure == api::TransportFailure::none;
    if (answered && response.status >= 200 && response.status < 300) {
        if (response.body.size() == expected) return {};
        // Cut short (or padded): never hand a broken file to the client as if whole.
        return {Kind::cut, {Text::error_generic, Text::hint_check_connection, true, false}};
    }
    DownloadOutcome outcome{Kind::failed, describe(api::classify_failure(response))};
    outcome.problem.retryable = !outcome.problem.signed_out;
    if (response.status == 404 || response.status == 403) {
        outcome.kind = Kind::not_there;
        outcome.problem.next_step = Text::hint_contact_support;
    } else if (!answered && bytes_arrived) {
        outcome.kind = Kind::cut;
        outcome.problem.next_step = Text::hint_check_connection;
    }
    return outcome;
}

}  // namespace portal::app
