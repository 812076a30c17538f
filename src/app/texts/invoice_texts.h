// Texts of the invoices tab and of paying an invoice (RULES.md §3), Spanish ("usted") and
// English. Paying is a test payment (sandbox) and every text about it says so.
#pragma once

#include "app/strings.h"
#include "app/texts/text_table.h"

namespace portal::app {

PORTAL_TEXT_ENUM(InvoiceText, subtitle, sandbox_notice, no_invoices,
                 invoice_heading,  // "Factura n.º {}"
                 service_line,     // "Servicio: {}"
                 issued_on,        // "Emitida el {}"
                 due_on,           // "Vence el {}"
                 overdue_since,    // "Vencida el {}: ..."
                 period_line,      // "Período: del {} al {}"
                 total, pay,
                 pay_invoice,   // "Pagar la factura n.º {}" (what the row's «Pagar» is read as)
                 pay_question,  // "¿Pagar la factura n.º {} por {}?"
                 pay_sandbox,   // it is a test payment
                 pay_yes,       // "Sí, pagar {}"
                 pay_no, paying,
                 paid_on,       // "Pagada el {}"
                 paid_done,     // "Pago de prueba registrado: factura n.º {} pagada."
                 plan_enabled,  // "{}: el plan {} ya está habilitado, período del {} al {}."
                 why_already_paid, why_cancelled, why_order_expired, why_not_found,
                 overdue_banner,  // "Tiene {} factura(s) vencida(s)..."
                 see_invoices);
// An invoice's status in words: tr(Language, domain::InvoiceStatus) in cancellation_texts.h.

}  // namespace portal::app
