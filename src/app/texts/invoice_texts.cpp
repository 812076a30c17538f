#include "app/texts/invoice_texts.h"

namespace portal::app {

// clang-format off
template <>
const TextTable<InvoiceText> TextsOf<InvoiceText>::table{{
    {InvoiceText::subtitle,
     "Sus facturas: primero las que faltan pagar, con sus conceptos, períodos y vencimientos.",
     "Your invoices: the ones still to pay first, with their lines, periods and due dates."},
    {InvoiceText::sandbox_notice,
     "Pagos de prueba (sandbox): este portal todavía no cobra dinero real. Pagar marca la factura "
     "como pagada y habilita lo que paga.",
     "Test payments (sandbox): this portal does not charge real money yet. Paying marks the "
     "invoice as paid and enables what it pays for."},
    {InvoiceText::no_invoices,
     "No tiene facturas.", "You have no invoices."},
    {InvoiceText::invoice_heading,
     "Factura n.º {}", "Invoice no. {}"},
    {InvoiceText::service_line,
     "Servicio: {}", "Service: {}"},
    {InvoiceText::issued_on,
     "Emitida el {}", "Issued on {}"},
    {InvoiceText::due_on,
     "Vence el {}", "Due on {}"},
    {InvoiceText::overdue_since,
     "Venció el {}: págela para no interrumpir el servicio.",
     "It was due on {}: pay it so the service is not interrupted."},
    {InvoiceText::period_line,
     "Período: del {} al {}", "Period: {} to {}"},
    {InvoiceText::total,
     "Total", "Total"},
    {InvoiceText::pay,
     "Pagar", "Pay"},
    {InvoiceText::pay_invoice,
     "Pagar la factura n.º {}", "Pay invoice no. {}"},
    {InvoiceText::pay_question,
     "¿Pagar la factura n.º {} por {}?", "Pay invoice no. {} for {}?"},
    {InvoiceText::pay_sandbox,
     "Es un pago de prueba (sandbox): no se cobra dinero real.",
     "This is a test payment (sandbox): no real money is charged."},
    {InvoiceText::pay_yes,
     "Sí, pagar {}", "Yes, pay {}"},
    {InvoiceText::pay_no,
     "No, volver", "No, go back"},
    {InvoiceText::paying,
     "Pagando…", "Paying…"},
    {InvoiceText::paid_on,
     "Pagada el {}", "Paid on {}"},
    {InvoiceText::paid_done,
     "Pago de prueba registrado: la factura n.º {} está pagada.",
     "Test payment recorded: invoice no. {} is paid."},
    {InvoiceText::plan_enabled,
     "{}: el plan {} ya está habilitado, período del {} al {}.",
     "{}: the {} plan is enabled, period {} to {}."},
    {InvoiceText::why_already_paid,
     "Esta factura ya estaba pagada: no se cobró de nuevo.",
     "This invoice was already paid: nothing was charged again."},
    {InvoiceText::why_cancelled,
     "Esta factura fue anulada: ya no se puede pagar.",
     "This invoice was cancelled: it can no longer be paid."},
    {InvoiceText::why_order_expired,
     "El cambio de plan de esta factura venció sin pagarse: ya no se puede pagar. Pida el cambio "
     "de nuevo desde el servicio.",
     "The plan change of this invoice expired unpaid: it can no longer be paid. Order the change "
     "again from the service."},
    {InvoiceText::why_not_found,
     "No encontramos esta factura entre las suyas.",
     "We could not find this invoice among yours."},
    {InvoiceText::overdue_banner,
     "Tiene facturas vencidas ({}). Páguelas para no interrumpir sus servicios.",
     "You have overdue invoices ({}). Pay them so your services are not interrupted."},
    {InvoiceText::see_invoices,
     "Ver facturas", "See invoices"},
}};

// clang-format on

}  // namespace portal::app
