// Texts of the cancellation wizard (RULES.md §4) and of a domain's "no renovar", Spanish ("usted")
// and English (cancellation_texts.json). The conditions restate RULES.md §4 ("¿Cómo solicitar la
// baja del servicio?").
#pragma once

#include "app/strings.h"
#include "app/texts/text_table.h"
#include "domain/invoice.h"

namespace portal::app {

PORTAL_TEXT_ENUM(CancellationText, title, subtitle, step_kind,
                 kind_immediate,         // "Baja inmediata"
                 kind_immediate_detail,  // "El servicio se elimina del servidor hoy, {}."
                 kind_end_of_period,     // "Al final del período facturado"
                 kind_end_detail,        // "Funciona normalmente hasta el {} y no se renueva."
                 immediate_warning,      // "Atención: … hoy mismo ({}) …"
                 immediate_alternative,  // "Si no está seguro, … hasta el {}."
                 step_conditions, cond_no_refund, cond_invoices_due, invoices_due_heading,
                 invoice_line,  // "Factura n.º {}: {}, {}, vence el {} ({})"
                 no_invoices_due, cond_domains,
                 cond_backup,       // "{} años"
                 cond_deletion_on,  // "El {} el servicio se elimina …"
                 cond_deletion,     // without a date (no kind chosen yet)
                 cond_come_back,
                 accept,  // "Entiendo las condiciones"
                 step_reason, reason_label, step_confirm, confirm_explained, email_label,
                 password_label, confirm, confirm_immediate, confirming,
                 confirm_blocked,  // what is missing before the button works
                 email_required, password_required, wrong_credentials,
                 mismatch,  // under the field: "No coincide con su cuenta."
                 already_requested, already_requested_known,
                 why_not_active,  // "… su estado es «{}» …"
                 hint_pending, hint_suspended, hint_gone,
                 request_heading,  // "Solicitud de baja n.º {}"
                 status_line,      // "Estado: {}"
                 status_scheduled, status_withdrawn, status_effective,
                 type_line,  // "Tipo: {}"
                 type_immediate, type_end_of_period,
                 requested_on,   // "Pedida el {}"
                 effective_on,   // "Fecha de la baja: {}"
                 keeps_working,  // "El servicio funciona normalmente hasta esa fecha."
                 result_no_refund,
                 result_invoices_due,  // "Facturas que debe pagar igual: {}"
                 result_backup,        // "La última copia de seguridad se guarda {} años."
                 withdraw_until,       // "Puede retirar la solicitud hasta el {} inclusive."
                 withdraw, withdraw_question, withdraw_yes, withdraw_no, withdrawing,
                 withdrawn_done, already_effective, new_request, back_to_service, domain_heading,
                 domain_body,  // "… seguirá funcionando hasta el {} …"
                 renew_on, renew_off, no_renew, renew_again, saving,
                 no_renew_done,  // "Listo: el dominio no se renovará. Vence el {}."
                 renew_not_changeable);
PORTAL_TEXTS_FOR(domain::InvoiceStatus);

}  // namespace portal::app
