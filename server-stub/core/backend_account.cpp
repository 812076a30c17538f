// [SECTION] Handlers: health, session (login/logout), the client's own details (/me).
#include "core/backend.h"
#include "core/password_check.h"
#include "core/responses.h"
#include "core/sha256.h"
#include "core/text_rules.h"

namespace portal::backend {

namespace {

api::Profile profile_of(const ClientRecord& client) {
    return {client.id,    client.name,     client.email,
            client.phone, client.language, client.support_plan};
}

Response wrong_credentials() {
    return error_response(401, "invalid_credentials", "wrong email or password");
}

// "+54 9 11 1234-5678": optional leading +, digits, spaces, dashes, parentheses; 6 to 15 digits.
bool valid_phone(std::string_view phone) {
    int digits = 0;
    for (size_t i = 0; i < phone.size(); ++i) {
        char c = phone[i];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0))) {
            return false;
        }
    }
    return digits >= 6 && digits <= 15;
}

}  // namespace

Response Backend::health(Call&) {
    return json_answer(200, api::Health{"ok", config_.version});
}

Response Backend::create_session(Call& call) {
    auto body = api::decode<api::LoginRequest>(call.request.body);
    if (!body.ok()) return bad_request(body.error());
    const std::string email = lower_ascii(trim(body.value().email));

    PasswordCheck check;
    if (auto refusal = reserve_password_check(call, email, check)) return *refusal;
    // The slow part (Argon2id) runs outside the store's lock, so other requests go on. An unknown
    // email costs the same work, so time does not tell which emails have an account.
    auto client = store_.client_by_email(email);
    const bool password_ok =
        hasher_.verify(client ? client->password_hash : dummy_hash(), body.value().password) &&
        client.has_value();
    if (!password_ok) return password_check_failed(check, wrong_credentials());
    password_check_passed(call, check);

    Response response;
    store_.transaction([&] {
        auto fresh = store_.client_by_id(client->id);
        if (!fresh) {
            response = wrong_credentials();
            return false;
        }
        uint8_t bytes[32];
        random_.fill(bytes, sizeof bytes);
        api::Session session;
        session.token = to_hex(bytes, sizeof bytes);
        session.client = {fresh->id, fresh->name, fresh->email, fresh->language};
        session.expires_in = config_.token_ttl_seconds;
        store_.delete_sessions_expired_before(call.now);
        // Past the cap, the sessions signed in longest ago end first.
        auto sessions = store_.sessions_of(fresh->id);
        for (size_t i = 0;
             i < sessions.size() && sessions.size() - i >= config_.max_sessions_per_client; ++i) {
            store_.delete_session(sessions[i].token_digest);
        }
        store_.insert_session(
            {sha256_hex(session.token), fresh->id, call.now + config_.token_ttl_seconds});
        response = json_answer(201, session);
        return true;
    });
    return response;
}

Response Backend::delete_session(Call& call) {
    auto value = call.request.headers.at("authorization");
    std::string token(trim(std::string_view(value).substr(7)));
    store_.transaction([&] {
        store_.delete_session(sha256_hex(token));
        return true;
    });
    Response response;
    response.status = 204;
    return response;
}

Response Backend::get_me(Call& call) {
    auto client = store_.client_by_id(call.client_id);
    if (!client) return not_found("client");
    return json_answer(200, profile_of(*client));
}

Response Backend::patch_me(Call& call) {
    auto body = api::decode<api::ProfileChanges>(call.request.body);
    if (!body.ok()) return bad_request(body.error());
    api::ProfileChanges changes = body.value();
    if (changes.name) {
        changes.name = std::string(trim(*changes.name));
        if (auto refusal = refuse_text(*changes.name, "name", 1, 120, TextLines::one)) {
            return *refusal;
        }
    }
    if (changes.phone) {
        changes.phone = std::string(trim(*changes.phone));
        if (!changes.phone->empty() && !valid_phone(*changes.phone)) {
            return error_response(400, api::kInvalidValue,
                                  "phone: digits with an optional leading +, 6 to 15 digits",
                                  "phone");
        }
    }
    if (changes.language && *changes.language != "es" && *changes.language != "en") {
        return error_response(400, api::kInvalidValue, "language: es or en", "language");
    }
    return commit(call, [&] {
        auto client = store_.client_by_id(call.client_id);
        if (!client) return not_found("client");
        if (changes.name) client->name = *changes.name;
        if (changes.phone) client->phone = *changes.phone;
        if (changes.language) client->language = *changes.language;
        store_.update_client(*client);
        return json_answer(200, profile_of(*client));
    });
}

}  // namespace portal::backend
