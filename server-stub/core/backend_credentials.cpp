// [SECTION] Handlers: the holder's email and password, each changed only with the current
// password. The check is a password check like sign-in's (password_check.h): it counts towards
// the email's lockout and the address's budget, so these routes guess no faster than sign-in.
#include "core/backend.h"
#include "core/password_check.h"
#include "core/responses.h"
#include "core/sha256.h"
#include "core/text_rules.h"

namespace portal::backend {

namespace {

Response wrong_password() {
    return error_response(403, "wrong_password", "the current password does not match",
                          "current_password");
}

}  // namespace

std::optional<Response> Backend::check_current_password(const Call& call,
                                                        const std::string& password) {
    auto client = store_.client_by_id(call.client_id);
    if (!client) return not_found("client");
    PasswordCheck check;
    if (auto refusal = reserve_password_check(call, client->email, check)) return refusal;
    if (!hasher_.verify(client->password_hash, password)) {
        return password_check_failed(check, wrong_password());
    }
    password_check_passed(call, check);
    return std::nullopt;
}

Response Backend::change_email(Call& call) {
    api::EmailChange body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    const std::string new_email = lower_ascii(trim(body.new_email));
    if (auto refusal = refuse_email(new_email, "new_email")) return *refusal;
    if (auto refusal = check_current_password(call, body.current_password)) {
        return *refusal;
    }
    return commit(call, [&]() -> Response {
        auto fresh = store_.client_by_id(call.client_id);
        if (!fresh) return not_found("client");
        if (new_email != fresh->email && email_taken(new_email)) {
            return error_response(409, "email_taken",
                                  "this email already belongs to a client or a contact",
                                  "new_email");
        }
        fresh->email = new_email;
        store_.update_client(*fresh);
        raise_event(fresh->id, domain::AlertEvent::details_edited, new_email, "", call.now);
        return json_answer(200, profile_answer(call, *fresh));
    });
}

Response Backend::change_password(Call& call) {
    api::PasswordChange body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    if (auto refusal = refuse_new_password(body.new_password, "new_password")) {
        return *refusal;
    }
    if (auto refusal = check_current_password(call, body.current_password)) {
        return *refusal;
    }
    const std::string hash = hasher_.hash(body.new_password);

    const std::string own_digest =
        sha256_hex(trim(std::string_view(call.request.headers.at("authorization")).substr(7)));
    return commit(call, [&]() -> Response {
        auto fresh = store_.client_by_id(call.client_id);
        if (!fresh) return not_found("client");
        fresh->password_hash = hash;
        store_.update_client(*fresh);
        // Every other session of the holder ends: whoever knew the old password is out. The
        // contacts keep theirs (their own passwords did not change).
        for (const auto& session : store_.sessions_of(fresh->id)) {
            if (session.contact_id == 0 && session.token_digest != own_digest) {
                store_.delete_session(session.token_digest);
            }
        }
        raise_event(fresh->id, domain::AlertEvent::password_changed, "", "", call.now);
        Response response;
        response.status = 204;
        return response;
    });
}

}  // namespace portal::backend
