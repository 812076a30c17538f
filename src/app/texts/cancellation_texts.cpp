#include "app/texts/cancellation_texts.h"

#include "app/texts/text_table.h"

namespace portal::app {
namespace {

// The conditions restate RULES.md §4 ("¿Cómo solicitar la baja del servicio?").
// clang-format off
constexpr TextTable<CancellationText> kTexts{{
    {CancellationText::title,
     "Solicitar la baja del servicio", "Request the cancellation of the service"},
    {CancellationText::subtitle,
     "Lea con atención: la baja elimina el servicio del servidor.",
     "Read carefully: a cancellation deletes the service from the server."},
    {CancellationText::step_kind,
     "1. Cuándo quiere la baja", "1. When the service should end"},
    {CancellationText::kind_immediate,
     "Baja inmediata", "Immediately"},
    {CancellationText::kind_immediate_detail,
     "El servicio se elimina del servidor hoy, {}.",
     "The service is deleted from the server today, {}."},
    {CancellationText::kind_end_of_period,
     "Al final del período facturado", "At the end of the billing period"},
    {CancellationText::kind_end_detail,
     "Funciona normalmente hasta el {} y no se renueva.",
     "It works normally until {} and is not renewed."},
    {CancellationText::immediate_warning,
     "Atención: con la baja inmediata el servicio se elimina del servidor hoy mismo ({}). Su sitio "
     "web, sus correos y sus archivos dejan de existir hoy.",
     "Warning: with an immediate cancellation the service is deleted from the server today ({}). "
     "Your website, your emails and your files stop existing today."},
    {CancellationText::immediate_alternative,
     "Si no está seguro, elija la baja al final del período: el servicio sigue funcionando hasta "
     "el {}.",
     "If you are not sure, choose the end of the billing period: the service keeps working until "
     "{}."},
    {CancellationText::step_conditions,
     "2. Condiciones de toda baja", "2. Conditions of every cancellation"},
    {CancellationText::cond_no_refund,
     "No se reembolsa nada de lo ya pagado.", "Nothing already paid is refunded."},
    {CancellationText::cond_invoices_due,
     "Las facturas de períodos que ya están en curso deben pagarse igual. Para no recibir la "
     "próxima factura, pida la baja antes de que se genere la renovación.",
     "Invoices for periods already running must still be paid. To avoid the next invoice, request "
     "the cancellation before the renewal is generated."},
    {CancellationText::invoices_due_heading,
     "Facturas de este servicio que deberá pagar igual:",
     "Invoices of this service you must still pay:"},
    {CancellationText::invoice_line,
     "Factura n.º {}: {}, {}, vence el {} ({})", "Invoice no. {}: {}, {}, due on {} ({})"},
    {CancellationText::no_invoices_due,
     "Este servicio no tiene facturas pendientes.", "This service has no unpaid invoices."},
    {CancellationText::cond_domains,
     "Los dominios internacionales no pueden darse de baja (se pagan un año por adelantado): solo "
     "puede pedir que no se renueven.",
     "International domains cannot be cancelled (they are paid a year in advance): you can only "
     "ask that they are not renewed."},
    {CancellationText::cond_backup,
     "La última copia de seguridad de la cuenta se guarda {} años; recuperarla puede tener un "
     "costo adicional.",
     "The account's last backup is kept for {} years; getting it back may cost extra."},
    {CancellationText::cond_deletion_on,
     "El {} el servicio se elimina del servidor: sitio web, correos, FTP, todo.",
     "On {} the service is deleted from the server: website, emails, FTP, everything."},
    {CancellationText::cond_deletion,
     "En la fecha de la baja el servicio se elimina del servidor: sitio web, correos, FTP, todo.",
     "On the cancellation date the service is deleted from the server: website, emails, FTP, "
     "everything."},
    {CancellationText::cond_come_back,
     "Para volver más adelante deberá contratar (y pagar) un servicio nuevo.",
     "To come back later you must order (and pay for) a new service."},
    {CancellationText::accept,
     "Entiendo las condiciones", "I understand the conditions"},
    {CancellationText::step_reason,
     "3. Motivo", "3. Reason"},
    {CancellationText::reason_label,
     "Motivo de la baja (opcional)", "Reason for cancelling (optional)"},
    {CancellationText::step_confirm,
     "4. Confirme con su correo y contraseña", "4. Confirm with your email and password"},
    {CancellationText::confirm_explained,
     "Por seguridad, la baja solo se confirma con el correo y la contraseña de su cuenta.",
     "For your security, a cancellation is only confirmed with your account's email and "
     "password."},
    {CancellationText::email_label,
     "Correo electrónico de su cuenta", "Your account's email"},
    {CancellationText::password_label,
     "Contraseña de su cuenta", "Your account's password"},
    {CancellationText::confirm,
     "Solicitar la baja", "Request the cancellation"},
    {CancellationText::confirm_immediate,
     "Solicitar la baja inmediata", "Request the immediate cancellation"},
    {CancellationText::confirming,
     "Enviando la solicitud…", "Sending the request…"},
    {CancellationText::confirm_blocked,
     "Para confirmar: elija cuándo, acepte las condiciones y escriba su correo y contraseña.",
     "To confirm: choose when, accept the conditions and type your email and password."},
    {CancellationText::email_required,
     "Escriba el correo de su cuenta.", "Type your account's email."},
    {CancellationText::password_required,
     "Escriba su contraseña.", "Type your password."},
    {CancellationText::wrong_credentials,
     "El correo o la contraseña no coinciden con los de su cuenta. Vuelva a escribir la "
     "contraseña: lo demás que escribió se mantiene.",
     "The email or the password does not match your account. Type the password again: everything "
     "else you wrote is kept."},
    {CancellationText::mismatch,
     "No coincide con su cuenta.", "It does not match your account."},
    {CancellationText::already_requested,
     "Este servicio ya tiene una solicitud de baja programada. Para retirarla, escríbanos a "
     "soporte.",
     "This service already has a scheduled cancellation request. To withdraw it, write to "
     "support."},
    {CancellationText::already_requested_known,
     "Este servicio ya tiene una solicitud de baja programada.",
     "This service already has a scheduled cancellation request."},
    {CancellationText::why_not_active,
     "Este servicio no puede darse de baja porque su estado es «{}»: solo se dan de baja los "
     "servicios activos.",
     "This service cannot be cancelled because its status is “{}”: only active services can be "
     "cancelled."},
    {CancellationText::hint_pending,
     "Un servicio pendiente todavía no empezó a funcionar. Si ya no lo quiere, escríbanos a "
     "soporte.",
     "A pending service has not started yet. If you no longer want it, write to support."},
    {CancellationText::hint_suspended,
     "Un servicio suspendido debe regularizarse primero (pague sus facturas pendientes) o "
     "escríbanos a soporte.",
     "A suspended service must be brought up to date first (pay its unpaid invoices), or write to "
     "support."},
    {CancellationText::hint_gone,
     "Este servicio ya fue dado de baja: no hay nada que cancelar.",
     "This service has already ended: there is nothing to cancel."},
    {CancellationText::request_heading,
     "Solicitud de baja n.º {}", "Cancellation request no. {}"},
    {CancellationText::status_line,
     "Estado: {}", "Status: {}"},
    {CancellationText::status_scheduled,
     "Programada", "Scheduled"},
    {CancellationText::status_withdrawn,
     "Retirada", "Withdrawn"},
    {CancellationText::status_effective,
     "Efectiva", "Effective"},
    {CancellationText::type_line,
     "Tipo: {}", "Kind: {}"},
    {CancellationText::type_immediate,
     "baja inmediata", "immediate"},
    {CancellationText::type_end_of_period,
     "al final del período facturado", "at the end of the billing period"},
    {CancellationText::requested_on,
     "Pedida el {}", "Requested on {}"},
    {CancellationText::effective_on,
     "Fecha de la baja: {}", "Cancellation date: {}"},
    {CancellationText::keeps_working,
     "El servicio funciona normalmente hasta esa fecha, y no se renueva.",
     "The service works normally until that date, and is not renewed."},
    {CancellationText::result_no_refund,
     "No se reembolsa nada de lo pagado.", "Nothing paid is refunded."},
    {CancellationText::result_invoices_due,
     "Facturas que debe pagar igual: {}", "Invoices you must still pay: {}"},
    {CancellationText::result_backup,
     "La última copia de seguridad se guarda {} años.", "The last backup is kept for {} years."},
    {CancellationText::withdraw_until,
     "Puede retirar la solicitud hasta el {} inclusive.",
     "You can withdraw the request until {} inclusive."},
    {CancellationText::withdraw,
     "Retirar solicitud", "Withdraw request"},
    {CancellationText::withdraw_question,
     "¿Retirar la solicitud de baja? El servicio seguirá funcionando y volverá a renovarse "
     "normalmente.",
     "Withdraw the cancellation request? The service keeps working and renews normally again."},
    {CancellationText::withdraw_yes,
     "Sí, retirar la solicitud", "Yes, withdraw the request"},
    {CancellationText::withdraw_no,
     "No, mantenerla", "No, keep it"},
    {CancellationText::withdrawing,
     "Retirando…", "Withdrawing…"},
    {CancellationText::withdrawn_done,
     "Solicitud retirada: el servicio sigue activo y se renovará normalmente.",
     "Request withdrawn: the service stays active and renews normally."},
    {CancellationText::already_effective,
     "La baja ya se hizo efectiva: no puede retirarse.",
     "The cancellation has already taken effect: it cannot be withdrawn."},
    {CancellationText::new_request,
     "Pedir otra baja", "Request another cancellation"},
    {CancellationText::back_to_service,
     "Volver al servicio", "Back to the service"},
    {CancellationText::domain_heading,
     "Los dominios no se dan de baja", "Domains are not cancelled"},
    {CancellationText::domain_body,
     "Un dominio internacional se paga un año por adelantado y no puede darse de baja. Lo que sí "
     "puede hacer es pedir que no se renueve: seguirá funcionando hasta el {} y después no se "
     "renovará.",
     "An international domain is paid a year in advance and cannot be cancelled. What you can do "
     "is ask that it is not renewed: it keeps working until {} and is not renewed afterwards."},
    {CancellationText::renew_on,
     "Renovación automática: activada", "Automatic renewal: on"},
    {CancellationText::renew_off,
     "Renovación automática: desactivada", "Automatic renewal: off"},
    {CancellationText::no_renew,
     "No renovar", "Do not renew"},
    {CancellationText::renew_again,
     "Volver a renovar automáticamente", "Renew automatically again"},
    {CancellationText::saving,
     "Guardando…", "Saving…"},
    {CancellationText::no_renew_done,
     "Listo: el dominio no se renovará. Vence el {}.",
     "Done: the domain will not be renewed. It expires on {}."},
    {CancellationText::renew_not_changeable,
     "La renovación de este servicio no puede cambiarse ahora.",
     "This service's renewal cannot be changed now."},
}};
// clang-format on

// clang-format off
constexpr TextTable<domain::InvoiceStatus> kInvoiceStatuses{{
    {domain::InvoiceStatus::paid,
     "Pagada", "Paid"},
    {domain::InvoiceStatus::unpaid,
     "Pendiente", "Unpaid"},
    {domain::InvoiceStatus::overdue,
     "Vencida", "Overdue"},
    {domain::InvoiceStatus::cancelled,
     "Anulada", "Cancelled"},
}};
// clang-format on

}  // namespace

const char* tr(Language language, CancellationText text) {
    return kTexts.tr(language, text);
}

const char* tr(Language language, domain::InvoiceStatus status) {
    return kInvoiceStatuses.tr(language, status);
}

}  // namespace portal::app
