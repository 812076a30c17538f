// [SECTION] Handlers: health, session (login/logout), the client's own details (/me).
#include "core/backend.h"
#include "core/password_check.h"
#include "core/responses.h"
#include "core/sha256.h"
#include "core/text_rules.h"

namespace portal::backend {

namespace {

Response wrong_credentials() {
    return error_response(401, "invalid_credentials", "wrong email or password");
}

}  // namespace

Response Backend::health(Call&) {
    return json_answer(200, api::Health{"ok", config_.version});
}

Response Backend::create_session(Call& call) {
    api::LoginRequest body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    const std::string email = lower_ascii(trim(body.email));

    PasswordCheck check;
    if (auto refusal = reserve_password_check(call, email, check)) return *refusal;
    // The slow part (Argon2id) runs outside the store's lock, so other requests go on. An unknown
    // email costs the same work, so time does not tell which emails have an account. A contact
    // signs in with its own email once it has accepted its invitation.
    auto client = store_.client_by_email(email);
    std::optional<ContactRecord> contact;
    if (!client) {
        contact = store_.contact_by_email(email);
        if (contact && contact->accepted_at == 0) contact.reset();
    }
    const std::string* hash = client    ? &client->password_hash
                              : contact ? &contact->password_hash
                                        : &dummy_hash();
    const bool password_ok = hasher_.verify(*hash, body.password) && (client || contact);
    if (!password_ok) return password_check_failed(check, wrong_credentials());
    password_check_passed(call, check);

    Response response;
    store_.transaction([&] {
        std::optional<ClientRecord> fresh;
        std::optional<api::ActingAs> acting_as;
        int64_t contact_id = 0;
        if (contact) {
            auto still = store_.contact_of(contact->client_id, contact->id);
            if (still && still->password_hash == contact->password_hash) {
                fresh = store_.client_by_id(still->client_id);
                contact_id = still->id;
                acting_as =
                    api::ActingAs{still->id, domain::parse_permissions(still->permissions)
                                                 .value_or(std::vector<domain::Permission>{})};
            }
        } else {
            fresh = store_.client_by_id(client->id);
        }
        if (!fresh) {
            response = wrong_credentials();
            return false;
        }
        response = json_answer(201, start_session(call, *fresh, contact_id, acting_as));
        return true;
    });
    return response;
}

api::Session Backend::start_session(const Call& call, const ClientRecord& client,
                                    int64_t contact_id, std::optional<api::ActingAs> acting_as) {
    uint8_t bytes[32];
    random_.fill(bytes, sizeof bytes);
    api::Session session;
    session.token = to_hex(bytes, sizeof bytes);
    session.client = {client.id, client.name, client.email, client.language};
    session.expires_in = config_.token_ttl_seconds;
    session.acting_as = std::move(acting_as);
    store_.delete_sessions_expired_before(call.now);
    // Past the cap, the sessions of the same person signed in longest ago end first.
    std::vector<SessionRecord> sessions;
    for (auto& each : store_.sessions_of(client.id)) {
        if (each.contact_id == contact_id) sessions.push_back(std::move(each));
    }
    for (size_t i = 0;
         i < sessions.size() && sessions.size() - i >= config_.max_sessions_per_client; ++i) {
        store_.delete_session(sessions[i].token_digest);
    }
    store_.insert_session(
        {sha256_hex(session.token), client.id, call.now + config_.token_ttl_seconds, contact_id});
    return session;
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

api::Profile Backend::profile_answer(const Call& call, const ClientRecord& client) {
    api::Profile profile{client.id,      client.name,         client.email,
                         client.phone,   client.language,     client.company,
                         client.address, client.support_plan, std::nullopt};
    if (call.contact_id != 0) profile.acting_as = api::ActingAs{call.contact_id, call.permissions};
    return profile;
}

Response Backend::get_me(Call& call) {
    auto client = store_.client_by_id(call.client_id);
    if (!client) return not_found("client");
    return json_answer(200, profile_answer(call, *client));
}

Response Backend::patch_me(Call& call) {
    api::ProfileChanges changes;
    if (auto refusal = read_body(call.request, changes)) return *refusal;
    if (auto refusal = refuse_typed_text(changes.name, "name", 1, 120, TextLines::one)) {
        return *refusal;
    }
    if (auto refusal = refuse_typed_text(changes.company, "company", 0, 120, TextLines::one)) {
        return *refusal;
    }
    if (auto refusal = refuse_typed_text(changes.address, "address", 0, 300, TextLines::many)) {
        return *refusal;
    }
    if (auto refusal = refuse_typed_phone(changes.phone, "phone")) return *refusal;
    if (changes.language && *changes.language != "es" && *changes.language != "en") {
        return error_response(400, api::kInvalidValue, "language: es or en", "language");
    }
    return commit(call, [&] {
        auto client = store_.client_by_id(call.client_id);
        if (!client) return not_found("client");
        const ClientRecord before = *client;
        if (changes.name) client->name = *changes.name;
        if (changes.phone) client->phone = *changes.phone;
        if (changes.language) client->language = *changes.language;
        if (changes.company) client->company = *changes.company;
        if (changes.address) client->address = *changes.address;
        store_.update_client(*client);
        const bool edited = client->name != before.name || client->phone != before.phone ||
                            client->language != before.language ||
                            client->company != before.company || client->address != before.address;
        if (edited) raise_event(client->id, domain::AlertEvent::details_edited, "", "", call.now);
        return json_answer(200, profile_answer(call, *client));
    });
}

}  // namespace portal::backend
