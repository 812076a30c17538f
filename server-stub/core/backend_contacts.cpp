// [SECTION] Handlers: secondary contacts (RULES.md §10) and their invitations. The holder
// invites a contact with chosen permissions; the invitation's one-time link reaches the contact
// by email (the outbox); the contact sets its password with it once and then signs in with its
// own email (POST /session). Of the invitation only a digest is kept, as of a session.
#include <algorithm>

#include "core/backend.h"
#include "core/responses.h"
#include "core/sha256.h"
#include "core/text_rules.h"

namespace portal::backend {

namespace {

constexpr int64_t kInvitationSeconds = 7 * 24 * 3600;
constexpr size_t kMaxContacts = 20;

// 32 random bytes in base64url without padding: 43 characters of [A-Za-z0-9_-], as a URL's
// fragment carries them untouched.
std::string url_safe_token(RandomSource& random) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    uint8_t bytes[33];
    random.fill(bytes, 32);
    bytes[32] = 0;
    std::string token;
    for (size_t i = 0; i < 33; i += 3) {
        uint32_t group = (uint32_t{bytes[i]} << 16) | (uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
        for (int shift = 18; shift >= 0; shift -= 6) token += kAlphabet[(group >> shift) & 63];
    }
    token.resize(43);
    return token;
}

api::Contact contact_view(const ContactRecord& contact) {
    return {
        contact.id,
        contact.name,
        contact.email,
        contact.phone,
        domain::parse_permissions(contact.permissions).value_or(std::vector<domain::Permission>{}),
        contact.accepted_at != 0 ? "active" : "invited"};
}

// The checks of a contact's fields that do not need the store; nullopt when they pass.
std::optional<Response> refuse_contact(api::ContactBody& body) {
    if (auto refusal = refuse_typed_text(body.name, "name", 1, 120, TextLines::one)) return refusal;
    if (body.email) {
        body.email = lower_ascii(trim(*body.email));
        if (auto refusal = refuse_email(*body.email, "email")) return refusal;
    }
    if (auto refusal = refuse_typed_phone(body.phone, "phone")) return refusal;
    return std::nullopt;
}

Response email_taken_answer() {
    return error_response(409, "email_taken", "this email already belongs to a client or a contact",
                          "email");
}

}  // namespace

bool Backend::email_taken(std::string_view email) {
    return store_.client_by_email(email).has_value() || store_.contact_by_email(email).has_value();
}

Response Backend::list_contacts(Call& call) {
    api::ContactList list;
    for (const auto& contact : store_.contacts_of(call.client_id)) {
        list.contacts.push_back(contact_view(contact));
    }
    return json_answer(200, list);
}

Response Backend::create_contact(Call& call) {
    api::ContactBody body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    for (const char* required : {"name", "email"}) {
        const bool missing = std::string_view(required) == "name" ? !body.name : !body.email;
        if (missing) {
            return error_response(400, api::kMissingField, std::string(required) + " is required",
                                  required);
        }
    }
    if (auto refusal = refuse_contact(body)) return *refusal;

    return commit(call, [&]() -> Response {
        auto client = store_.client_by_id(call.client_id);
        if (!client) return not_found("client");
        if (email_taken(*body.email)) return email_taken_answer();
        if (store_.contacts_of(call.client_id).size() >= kMaxContacts) {
            return error_response(409, "too_many_contacts", "an account keeps at most 20 contacts");
        }
        const std::string token = url_safe_token(random_);
        ContactRecord contact;
        contact.client_id = call.client_id;
        contact.name = *body.name;
        contact.email = *body.email;
        contact.phone = body.phone.value_or("");
        contact.permissions =
            domain::permissions_text(body.permissions.value_or(std::vector<domain::Permission>{}));
        contact.invitation_digest = sha256_hex(token);
        contact.invited_at = call.now;
        contact.id = store_.insert_contact(contact);

        NotificationRecord invitation;
        invitation.client_id = call.client_id;
        invitation.event = "contact_invited";
        invitation.channel = "email";
        invitation.recipient = contact.email;
        invitation.text = client->language == "en"
                              ? client->name + " invites you to manage their account"
                              : client->name + " lo invita a administrar su cuenta";
        invitation.link = "#/invitacion/" + token;
        invitation.sent_at = call.now;
        send_notification(invitation);

        Response response = json_answer(201, contact_view(contact));
        response.headers["Location"] = "/api/v1/contacts/" + std::to_string(contact.id);
        return response;
    });
}

Response Backend::get_contact(Call& call) {
    auto id = parse_id(call.params.at("id"));
    auto contact = id ? store_.contact_of(call.client_id, *id) : std::nullopt;
    if (!contact) return not_found("contact");
    return json_answer(200, contact_view(*contact));
}

Response Backend::patch_contact(Call& call) {
    auto id = parse_id(call.params.at("id"));
    api::ContactBody body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    if (body.email) {
        return error_response(400, api::kInvalidValue,
                              "email: a contact's sign-in is set by its invitation; remove the "
                              "contact and invite the new address",
                              "email");
    }
    if (auto refusal = refuse_contact(body)) return *refusal;
    return commit(call, [&]() -> Response {
        auto contact = id ? store_.contact_of(call.client_id, *id) : std::nullopt;
        if (!contact) return not_found("contact");
        if (body.name) contact->name = *body.name;
        if (body.phone) contact->phone = *body.phone;
        if (body.permissions) contact->permissions = domain::permissions_text(*body.permissions);
        store_.update_contact(*contact);
        return json_answer(200, contact_view(*contact));
    });
}

Response Backend::delete_contact(Call& call) {
    auto id = parse_id(call.params.at("id"));
    return commit(call, [&]() -> Response {
        auto contact = id ? store_.contact_of(call.client_id, *id) : std::nullopt;
        if (!contact) return not_found("contact");
        // Its sessions end with it, at once.
        for (const auto& session : store_.sessions_of(call.client_id)) {
            if (session.contact_id == contact->id) store_.delete_session(session.token_digest);
        }
        store_.delete_contact(call.client_id, contact->id);
        Response response;
        response.status = 204;
        return response;
    });
}

Response Backend::accept_invitation(Call& call) {
    api::InvitationAcceptance body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    const std::string& password = body.password;
    if (auto refusal = refuse_new_password(password, "password")) return *refusal;
    const std::string digest = sha256_hex(call.params.at("token"));
    auto contact = store_.contact_by_invitation(digest);
    if (!contact) return not_found("invitation");
    if (contact->accepted_at != 0) {
        return error_response(410, "invitation_used", "this invitation was already accepted");
    }
    if (contact->invited_at + kInvitationSeconds <= call.now) {
        return error_response(410, "invitation_expired",
                              "this invitation has expired; ask the account's holder again");
    }
    // The slow hash runs outside the store's lock; the acceptance is decided inside it.
    const std::string hash = hasher_.hash(password);
    Response response;
    store_.transaction([&] {
        auto fresh = store_.contact_by_invitation(digest);
        if (!fresh) {
            response = not_found("invitation");
            return false;
        }
        if (fresh->accepted_at != 0) {
            response =
                error_response(410, "invitation_used", "this invitation was already accepted");
            return false;
        }
        fresh->password_hash = hash;
        fresh->accepted_at = call.now;
        store_.update_contact(*fresh);
        response = json_answer(200, contact_view(*fresh));
        return true;
    });
    return response;
}

}  // namespace portal::backend
