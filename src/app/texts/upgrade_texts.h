// Texts of the upgrade/downgrade wizard (RULES.md §3), Spanish ("usted") and English.
#pragma once

#include "app/strings.h"
#include "app/texts/text_table.h"

namespace portal::app {

PORTAL_TEXT_ENUM(UpgradeText, title, subtitle,
                 step_of,  // "Paso {} de 3: {}"
                 step_options, step_quote, step_done,
                 current_plan,  // "Plan actual: {} ({})"
                 badge_up, badge_down,
                 pay_now,  // "A pagar ahora: {}"
                 choose,   // "Elegir {}"
                 no_options,
                 quote_heading,   // "Presupuesto: de {} a {}"
                 line_new_price,  // "Precio de {} por un ciclo"
                 line_paid,       // "Menos lo ya pagado por el período actual"
                 line_due,        // "Total a pagar ahora"
                 paid_covers,     // paid ≥ new price: nothing to pay, nothing refunded
                 down_explained,  // down: nothing to pay, nothing refunded
                 new_period,      // "Nuevo período: del {} al {}"
                 counted_from,    // "El nuevo plan se cuenta desde el día en que se habilita: {}."
                 does_not_add_up,  // the API's amount and the service's data disagree
                 back_to_options, confirm, confirming, done_heading,
                 order_line,    // "Orden n.º {}: de {} a {}"
                 invoice_line,  // "Factura n.º {} por {}, vence el {}."
                 no_invoice,
                 after_payment,  // "Cuando se acredite el pago: {}"
                 effective_now,  // "El nuevo plan ya está habilitado."
                 awaiting_payment, pay_now_button, paying, sandbox_hint,
                 paid_enabled,  // "Pago de prueba registrado. El plan {} ya está habilitado: ..."
                 scheduled_heading,
                 scheduled_for,  // "Cambio programado para el {}"
                 scheduled_explained, back_to_service, manual_heading, manual_body,
                 manual_message,  // field label
                 manual_hint, send_request, sending_request, message_required, message_too_long,
                 request_sent,        // "Solicitud enviada: ticket n.º {}."
                 request_next,        // the answer comes in the ticket, in «Soporte»
                 see_request_ticket,  // the link to that ticket
                 why_not_active, why_same_plan, why_currency, why_not_automatic, why_is_automatic,
                 why_unknown_plan, why_not_found, why_order_pending, why_cancellation_scheduled);

}  // namespace portal::app
