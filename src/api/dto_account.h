// The REST contract's account (RULES.md §10): who is signed in (`acting_as`), secondary contacts
// and their invitations, email and password changes, alerts and the outbox, with their `fields`
// like every DTO of dto.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/field_presence.h"
#include "domain/account.h"
#include "domain/record_fields.h"

namespace portal::api {

// POST /session, GET /me: a secondary contact acting for the account (null for the holder).
struct ActingAs {
    int64_t contact_id = 0;
    std::vector<domain::Permission> permissions;
};
PORTAL_FIELDS(ActingAs, contact_id, permissions);

// GET /contacts/{id}. `status`: "invited" until the contact sets a password, then "active".
struct Contact {
    int64_t id = 0;
    std::string name;
    std::string email;
    std::string phone;
    std::vector<domain::Permission> permissions;
    std::string status;
};
PORTAL_FIELDS(Contact, id, name, email, phone, permissions, status);

struct ContactList {
    std::vector<Contact> contacts;
};
PORTAL_FIELDS(ContactList, contacts);

// POST /contacts, PATCH /contacts/{id} (only the fields present change; the email is the
// contact's sign-in and is set once, at the invitation).
struct ContactBody {
    std::optional<std::string> name;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    std::optional<std::vector<domain::Permission>> permissions;
};
PORTAL_CHANGES_FIELDS(ContactBody, name, email, phone, permissions);

// POST /invitations/{token}
struct InvitationAcceptance {
    std::string password;
};
PORTAL_FIELDS(InvitationAcceptance, password);

// POST /me/email
struct EmailChange {
    std::string current_password;  // asked again; a wrong one counts toward sign-in's lock
    std::string new_email;         // trimmed and lower-cased; 409 if a client or contact has it
};
PORTAL_FIELDS(EmailChange, current_password, new_email);

// POST /me/password
struct PasswordChange {
    std::string current_password;  // asked again; a wrong one counts toward sign-in's lock
    std::string new_password;      // 8 to 128 characters; the holder's other sessions end
};
PORTAL_FIELDS(PasswordChange, current_password, new_password);

// GET/PUT /me/alerts: one row per event, each channel on or off.
struct Alert {
    domain::AlertEvent event = domain::AlertEvent::welcome;
    bool email = true;
    bool whatsapp = true;
};
PORTAL_FIELDS(Alert, event, email, whatsapp);

struct AlertSettings {
    std::vector<Alert> alerts;
};
PORTAL_FIELDS(AlertSettings, alerts);

// GET /me/notifications: what the account was sent, where, newest last.
struct Notification {
    int64_t id = 0;
    std::string event;  // an alert's event, or "contact_invited"
    domain::AlertChannel channel = domain::AlertChannel::email;
    std::string recipient;
    std::string text;
    std::string link;  // a panel address such as "#/invitacion/<token>", or null
    int64_t sent_at = 0;
};
PORTAL_FIELDS(Notification, id, event, channel, recipient, text, link, sent_at);
PORTAL_PRESENCE(Notification, null_if_empty, link);

struct NotificationList {
    std::vector<Notification> notifications;
};
PORTAL_FIELDS(NotificationList, notifications);

}  // namespace portal::api
