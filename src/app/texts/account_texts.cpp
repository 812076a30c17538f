#include "app/texts/account_texts.h"

#include "app/texts/text_table.h"

namespace portal::app {
namespace {

// clang-format off
constexpr TextTable<AccountText> kTexts{{
    {AccountText::my_account, "Mi cuenta", "My account"},
    {AccountText::subtitle,
     "Sus datos, su email y contraseña, los contactos que administran su cuenta y sus alertas.",
     "Your details, your email and password, the contacts who manage your account and your "
     "alerts."},
    {AccountText::details_heading, "Mis datos", "My details"},
    {AccountText::name, "Nombre", "Name"},
    {AccountText::company, "Empresa", "Company"},
    {AccountText::address, "Dirección", "Address"},
    {AccountText::phone, "Teléfono (WhatsApp)", "Phone (WhatsApp)"},
    {AccountText::phone_hint,
     "Formato internacional, por ejemplo +54 9 11 1234-5678: a este número llegan las alertas "
     "por WhatsApp.",
     "International format, for example +54 9 11 1234-5678: WhatsApp alerts go to this number."},
    {AccountText::language, "Idioma", "Language"},
    {AccountText::save_details, "Guardar datos", "Save details"},
    {AccountText::details_saved, "Datos guardados.", "Details saved."},
    {AccountText::email_heading, "Email", "Email"},
    {AccountText::current_email, "Email actual: {}", "Current email: {}"},
    {AccountText::new_email, "Nuevo email", "New email"},
    {AccountText::password_for_email, "Su contraseña, para confirmar",
     "Your password, to confirm"},
    {AccountText::current_password, "Contraseña actual", "Current password"},
    {AccountText::change_email, "Cambiar email", "Change email"},
    {AccountText::email_changed, "Email cambiado.", "Email changed."},
    {AccountText::password_heading, "Contraseña", "Password"},
    {AccountText::new_password, "Nueva contraseña (8 caracteres o más)",
     "New password (8 characters or more)"},
    {AccountText::change_password, "Cambiar contraseña", "Change password"},
    {AccountText::password_changed,
     "Contraseña cambiada. Las demás sesiones abiertas se cerraron.",
     "Password changed. Your other open sessions were closed."},
    {AccountText::contacts_heading, "Contactos", "Contacts"},
    {AccountText::contacts_hint,
     "Personas que administran su cuenta con su propio email y contraseña, solo con los permisos "
     "que usted elija. Las bajas y los cambios de titular quedan siempre a cargo del titular.",
     "People who manage your account with their own email and password, only with the "
     "permissions you choose. Cancellations and changes of holder always stay with the holder."},
    {AccountText::no_contacts, "No tiene contactos.", "You have no contacts."},
    {AccountText::contact_invited, "Invitación enviada a {}.", "Invitation sent to {}."},
    {AccountText::contact_status_invited, "invitado", "invited"},
    {AccountText::contact_status_active, "activo", "active"},
    {AccountText::add_contact, "Agregar contacto", "Add contact"},
    {AccountText::contact_name, "Nombre del contacto", "Contact's name"},
    {AccountText::contact_email, "Email del contacto", "Contact's email"},
    {AccountText::invite, "Invitar", "Invite"},
    {AccountText::remove_contact, "Quitar", "Remove"},
    {AccountText::permissions, "Permisos", "Permissions"},
    {AccountText::alerts_heading, "Alertas", "Alerts"},
    {AccountText::alerts_hint,
     "Qué avisos recibe y por dónde. Todos están activados salvo los que usted desactive.",
     "Which notices you receive and where. All are on except those you turn off."},
    {AccountText::col_event, "Evento", "Event"},
    {AccountText::channel_email, "Email", "Email"},
    {AccountText::channel_whatsapp, "WhatsApp", "WhatsApp"},
    {AccountText::holder_only,
     "Esta sección es del titular de la cuenta.", "This section belongs to the account's holder."},
    {AccountText::invitation_title, "Invitación", "Invitation"},
    {AccountText::invitation_hint,
     "Lo invitaron a administrar una cuenta. Elija su contraseña para ingresar con su email.",
     "You were invited to manage an account. Choose your password to sign in with your email."},
    {AccountText::choose_password, "Contraseña (8 caracteres o más)",
     "Password (8 characters or more)"},
    {AccountText::accept_invitation, "Aceptar invitación", "Accept invitation"},
    {AccountText::invitation_accepted, "Listo: ingrese con {} y su contraseña.",
     "Done: sign in with {} and your password."},
    {AccountText::go_to_sign_in, "Ir a ingresar", "Go to sign in"},
    {AccountText::why_email_taken,
     "Ese email ya pertenece a un cliente o a un contacto.",
     "That email already belongs to a client or a contact."},
    {AccountText::why_wrong_password,
     "La contraseña actual no coincide.", "The current password does not match."},
    {AccountText::why_invalid_phone,
     "El teléfono va en formato internacional: + y de 8 a 15 dígitos.",
     "The phone goes in international format: + and 8 to 15 digits."},
    {AccountText::why_invalid_text,
     "El texto tiene caracteres no permitidos o es demasiado largo.",
     "The text has characters that are not allowed or is too long."},
    {AccountText::why_invalid_email, "Escriba un email válido.", "Write a valid email."},
    {AccountText::why_password_short,
     "La contraseña debe tener de 8 a 128 caracteres.", "The password must have 8 to 128 characters."},
    {AccountText::why_invitation_used,
     "Esta invitación ya fue usada: ingrese con su email y contraseña.",
     "This invitation was already used: sign in with your email and password."},
    {AccountText::why_invitation_expired,
     "Esta invitación venció: pida otra al titular de la cuenta.",
     "This invitation has expired: ask the account's holder for another."},
    {AccountText::why_invitation_unknown,
     "Esta invitación no existe o el contacto fue quitado.",
     "This invitation does not exist or the contact was removed."},
}};

constexpr TextTable<domain::Permission> kPermissions{{
    {domain::Permission::services_view, "Ver servicios", "See services"},
    {domain::Permission::services_manage, "Administrar servicios (upgrades, renovación)",
     "Manage services (upgrades, renewal)"},
    {domain::Permission::downloads, "Descargas", "Downloads"},
    {domain::Permission::invoices, "Facturas (ver y pagar)", "Invoices (see and pay)"},
    {domain::Permission::tickets, "Tickets de soporte", "Support tickets"},
    {domain::Permission::profile, "Datos de la cuenta y alertas", "Account details and alerts"},
}};

constexpr TextTable<domain::AlertEvent> kEvents{{
    {domain::AlertEvent::welcome, "Bienvenida", "Welcome"},
    {domain::AlertEvent::password_changed, "Cambio de contraseña", "Password changed"},
    {domain::AlertEvent::invoice_generated, "Factura generada", "Invoice generated"},
    {domain::AlertEvent::details_edited, "Edición de datos", "Details edited"},
    {domain::AlertEvent::invoice_cancelled, "Factura anulada", "Invoice cancelled"},
    {domain::AlertEvent::invoice_paid, "Factura pagada", "Invoice paid"},
    {domain::AlertEvent::service_suspended, "Servicio suspendido", "Service suspended"},
    {domain::AlertEvent::service_reactivated, "Servicio reactivado", "Service reactivated"},
    {domain::AlertEvent::service_terminated, "Servicio dado de baja", "Service terminated"},
    {domain::AlertEvent::quote_available, "Presupuesto disponible", "Quote available"},
    {domain::AlertEvent::domain_deleted, "Dominio eliminado", "Domain deleted"},
}};
// clang-format on

}  // namespace

const char* tr(Language language, AccountText text) {
    return kTexts.tr(language, text);
}
const char* tr(Language language, domain::Permission permission) {
    return kPermissions.tr(language, permission);
}
const char* tr(Language language, domain::AlertEvent event) {
    return kEvents.tr(language, event);
}

}  // namespace portal::app
