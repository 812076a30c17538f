// Texts of «Mi cuenta» (RULES.md §10): the account's details, email and password, secondary
// contacts and their permissions, alerts, and the invitation page, Spanish ("usted") and English.
#pragma once

#include "app/strings.h"
#include "app/texts/text_table.h"
#include "domain/account.h"

namespace portal::app {

PORTAL_TEXT_ENUM(AccountText, subtitle, details_heading, name, company, address, phone, phone_hint,
                 language, language_hint, save_details, details_saved, email_heading,
                 current_email,  // "Email actual: {}"
                 new_email, password_for_email, current_password, change_email, email_changed,
                 password_heading, new_password, change_password, password_changed,
                 contacts_heading, contacts_hint, no_contacts,
                 contact_invited,  // "Invitación enviada a {}"
                 contact_status_invited, contact_status_active, add_contact, contact_name,
                 contact_email, invite, remove_contact, permissions, alerts_heading, alerts_hint,
                 col_event, channel_email, channel_whatsapp, holder_only, invitation_title,
                 invitation_hint, choose_password, accept_invitation,
                 invitation_accepted,  // "Listo: ingrese con {} y su contraseña."
                 go_to_sign_in, why_email_taken, why_wrong_password, why_invalid_phone,
                 why_invalid_text, why_invalid_email, why_password_short, why_invitation_used,
                 why_invitation_expired, why_invitation_unknown);

PORTAL_TEXTS_FOR(domain::Permission);
PORTAL_TEXTS_FOR(domain::AlertEvent);

}  // namespace portal::app
