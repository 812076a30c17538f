#include "app/texts/upgrade_texts.h"

#include "app/texts/text_table.h"

namespace portal::app {
namespace {

// clang-format off
constexpr TextTable<UpgradeText> kTexts{{
    {UpgradeText::title,
     "Cambiar de plan", "Change plan"},
    {UpgradeText::subtitle,
     "Al pasar a un plan superior solo paga la diferencia, contada desde el día en que se "
     "habilita el nuevo plan. Pasar a un plan inferior no tiene costo.",
     "Moving to a higher plan, you pay only the difference, counted from the day the new plan is "
     "enabled. Moving to a lower plan costs nothing."},
    {UpgradeText::step_of,
     "Paso {} de 3: {}", "Step {} of 3: {}"},
    {UpgradeText::step_options,
     "elija el plan", "choose the plan"},
    {UpgradeText::step_quote,
     "revise el presupuesto", "check the quote"},
    {UpgradeText::step_done,
     "listo", "done"},
    {UpgradeText::current_plan,
     "Plan actual: {} ({})", "Current plan: {} ({})"},
    {UpgradeText::badge_up,
     "Superior", "Upgrade"},
    {UpgradeText::badge_down,
     "Inferior", "Downgrade"},
    {UpgradeText::pay_now,
     "A pagar ahora: {}", "Due now: {}"},
    {UpgradeText::choose,
     "Elegir {}", "Choose {}"},
    {UpgradeText::no_options,
     "No hay otros planes disponibles para este servicio.",
     "There are no other plans for this service."},
    {UpgradeText::quote_heading,
     "Presupuesto: de {} a {}", "Quote: from {} to {}"},
    {UpgradeText::line_new_price,
     "Precio de {} por un ciclo", "Price of {} for one cycle"},
    {UpgradeText::line_paid,
     "Menos lo ya pagado por el período actual", "Minus what you already paid for this period"},
    {UpgradeText::line_due,
     "Total a pagar ahora", "Due now"},
    {UpgradeText::paid_covers,
     "Lo que ya pagó por este período cubre el precio del nuevo plan: no hay nada que pagar, y "
     "la diferencia no se reembolsa.",
     "What you already paid for this period covers the new plan's price: there is nothing to "
     "pay, and the difference is not refunded."},
    {UpgradeText::down_explained,
     "Pasar a un plan inferior no tiene costo: no hay nada que pagar y no se reembolsa nada de lo "
     "ya pagado.",
     "Moving to a lower plan costs nothing: there is nothing to pay and nothing already paid is "
     "refunded."},
    {UpgradeText::new_period,
     "Nuevo período: del {} al {}", "New period: {} to {}"},
    {UpgradeText::counted_from,
     "El nuevo plan se cuenta desde el día en que se habilita: {}.",
     "The new plan is counted from the day it is enabled: {}."},
    {UpgradeText::does_not_add_up,
     "Este presupuesto no coincide con los datos del servicio (puede que hayan cambiado). "
     "Vuelva a cargarlo antes de confirmar.",
     "This quote does not match the service's data (it may have changed). Load it again before "
     "confirming."},
    {UpgradeText::back_to_options,
     "Volver a los planes", "Back to the plans"},
    {UpgradeText::confirm,
     "Confirmar el cambio de plan", "Confirm the plan change"},
    {UpgradeText::confirming,
     "Confirmando…", "Confirming…"},
    {UpgradeText::done_heading,
     "Cambio de plan confirmado", "Plan change confirmed"},
    {UpgradeText::order_line,
     "Orden n.º {}: de {} a {}", "Order no. {}: from {} to {}"},
    {UpgradeText::invoice_line,
     "Factura n.º {} por {}, vence el {}.", "Invoice no. {} for {}, due on {}."},
    {UpgradeText::no_invoice,
     "No se generó ninguna factura: no hay nada que pagar.",
     "No invoice was generated: there is nothing to pay."},
    {UpgradeText::after_payment,
     "Cuando se acredite el pago, el nuevo plan queda habilitado. {}",
     "Once the payment is credited, the new plan is enabled. {}"},
    {UpgradeText::effective_now,
     "El nuevo plan ya está habilitado.", "The new plan is already enabled."},
    {UpgradeText::awaiting_payment,
     "El nuevo plan se habilita el día en que se paga esta factura, y su período empieza ese día. "
     "Hasta entonces el servicio sigue con su plan actual.",
     "The new plan is enabled on the day this invoice is paid, and its period starts that day. "
     "Until then the service keeps its current plan."},
    {UpgradeText::pay_now_button,
     "Pagar ahora", "Pay now"},
    {UpgradeText::paying,
     "Pagando…", "Paying…"},
    {UpgradeText::sandbox_hint,
     "Es un pago de prueba (sandbox): no se cobra dinero real.",
     "This is a test payment (sandbox): no real money is charged."},
    {UpgradeText::paid_enabled,
     "Pago de prueba registrado. El plan {} ya está habilitado: período del {} al {}.",
     "Test payment recorded. The {} plan is enabled: period {} to {}."},
    {UpgradeText::scheduled_heading,
     "Cambio de plan programado", "Plan change scheduled"},
    {UpgradeText::scheduled_for,
     "Cambio programado para el {}", "Change scheduled for {}"},
    {UpgradeText::scheduled_explained,
     "Hasta entonces el servicio sigue con el plan {}, ya pagado; la renovación se factura al "
     "precio del nuevo plan. Puede retirar el cambio desde la pantalla del servicio.",
     "Until then the service keeps the {} plan, already paid for; the renewal is invoiced at the "
     "new plan's price. You can withdraw the change from the service's screen."},
    {UpgradeText::back_to_service,
     "Volver al servicio", "Back to the service"},
    {UpgradeText::manual_heading,
     "Este servicio no puede cambiar de plan automáticamente",
     "This service cannot change plan automatically"},
    {UpgradeText::manual_body,
     "Nuestros sistemas consideran que este servidor o paquete no puede cambiarse de plan "
     "automáticamente. El cambio igual es posible: pídaselo a su ejecutivo de cuenta con este "
     "formulario, o escríbanos a soporte (un ticket).",
     "Our systems judge that this server or package cannot change plan automatically. The change "
     "is still possible: ask your account executive with this form, or write to support (a "
     "ticket)."},
    {UpgradeText::manual_message,
     "Mensaje para su ejecutivo de cuenta", "Message to your account executive"},
    {UpgradeText::manual_hint,
     "Cuéntenos qué plan necesita y para qué.", "Tell us which plan you need and what for."},
    {UpgradeText::send_request,
     "Enviar la solicitud", "Send the request"},
    {UpgradeText::sending_request,
     "Enviando…", "Sending…"},
    {UpgradeText::message_required,
     "Escriba su mensaje.", "Write your message."},
    {UpgradeText::message_too_long,
     "El mensaje es demasiado largo (máximo 4000 caracteres).",
     "The message is too long (4000 characters at most)."},
    {UpgradeText::request_sent,
     "Solicitud n.º {} enviada el {}.", "Request no. {} sent on {}."},
    {UpgradeText::request_next,
     "Su ejecutivo de cuenta se pondrá en contacto con usted.",
     "Your account executive will get in touch with you."},
    {UpgradeText::why_not_active,
     "Solo un servicio activo puede cambiar de plan.", "Only an active service can change plan."},
    {UpgradeText::why_same_plan,
     "El servicio ya tiene ese plan.", "The service is already on that plan."},
    {UpgradeText::why_currency,
     "Ese plan tiene otra moneda que la de su pago: pídale el cambio a soporte.",
     "That plan is priced in another currency than your payment: ask support for the change."},
    {UpgradeText::why_not_automatic,
     "Ese cambio no es automático: pídaselo a su ejecutivo de cuenta o a soporte.",
     "That change is not automatic: ask your account executive or support."},
    {UpgradeText::why_is_automatic,
     "Este servicio puede cambiar de plan directamente: elija uno de los planes.",
     "This service can change plan directly: choose one of the plans."},
    {UpgradeText::why_unknown_plan,
     "Ese plan ya no está disponible. Vuelva a cargar los planes.",
     "That plan is no longer available. Load the plans again."},
    {UpgradeText::why_not_found,
     "No encontramos este servicio entre los suyos.",
     "We could not find this service among yours."},
    {UpgradeText::why_order_pending,
     "Este servicio ya tiene un cambio de plan pendiente. Para pedir otro, retírelo primero desde "
     "la pantalla del servicio.",
     "This service already has a pending plan change. To order another, withdraw it first from "
     "the service's screen."},
    {UpgradeText::why_cancellation_scheduled,
     "Este servicio tiene una baja programada: mientras siga programada no puede cambiar de plan. "
     "Para hacerlo, retire la solicitud desde la pantalla del servicio.",
     "This service has a scheduled cancellation: while it stays scheduled the plan cannot change. "
     "To change it, withdraw the request from the service's screen."},
}};
// clang-format on

}  // namespace

const char* tr(Language language, UpgradeText text) {
    return kTexts.tr(language, text);
}

}  // namespace portal::app
