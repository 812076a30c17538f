#include "app/texts/upgrade_texts.h"

#include <array>

namespace portal::app {
namespace {

struct Entry {
    const char* es;
    const char* en;
};

// Indexed by UpgradeText; the array's size keeps the table and the enum the same length.
constexpr std::array<Entry, static_cast<size_t>(UpgradeText::count_)> kTexts{{
    {"Cambiar de plan", "Change plan"},
    {"Al pasar a un plan superior solo paga la diferencia, contada desde el día en que se "
     "habilita el nuevo plan. Pasar a un plan inferior no tiene costo.",
     "Moving to a higher plan, you pay only the difference, counted from the day the new plan is "
     "enabled. Moving to a lower plan costs nothing."},
    {"Paso {} de 3: {}", "Step {} of 3: {}"},
    {"elija el plan", "choose the plan"},
    {"revise el presupuesto", "check the quote"},
    {"listo", "done"},
    {"Plan actual: {} ({})", "Current plan: {} ({})"},
    {"Superior", "Upgrade"},
    {"Inferior", "Downgrade"},
    {"A pagar ahora: {}", "Due now: {}"},
    {"Elegir {}", "Choose {}"},
    {"No hay otros planes disponibles para este servicio.",
     "There are no other plans for this service."},
    {"Presupuesto: de {} a {}", "Quote: from {} to {}"},
    {"Precio de {} por un ciclo", "Price of {} for one cycle"},
    {"Menos lo ya pagado por el período actual", "Minus what you already paid for this period"},
    {"Total a pagar ahora", "Due now"},
    {"Lo que ya pagó por este período cubre el precio del nuevo plan: no hay nada que pagar, y "
     "la diferencia no se reembolsa.",
     "What you already paid for this period covers the new plan's price: there is nothing to "
     "pay, and the difference is not refunded."},
    {"Pasar a un plan inferior no tiene costo: no hay nada que pagar y no se reembolsa nada de lo "
     "ya pagado.",
     "Moving to a lower plan costs nothing: there is nothing to pay and nothing already paid is "
     "refunded."},
    {"Nuevo período: del {} al {}", "New period: {} to {}"},
    {"El nuevo plan se cuenta desde el día en que se habilita: {}.",
     "The new plan is counted from the day it is enabled: {}."},
    {"Este presupuesto no coincide con los datos del servicio (puede que hayan cambiado). "
     "Vuelva a cargarlo antes de confirmar.",
     "This quote does not match the service's data (it may have changed). Load it again before "
     "confirming."},
    {"Volver a los planes", "Back to the plans"},
    {"Confirmar el cambio de plan", "Confirm the plan change"},
    {"Confirmando…", "Confirming…"},
    {"Cambio de plan confirmado", "Plan change confirmed"},
    {"Orden n.º {}: de {} a {}", "Order no. {}: from {} to {}"},
    {"Factura n.º {} por {}, vence el {}.", "Invoice no. {} for {}, due on {}."},
    {"No se generó ninguna factura: no hay nada que pagar.",
     "No invoice was generated: there is nothing to pay."},
    {"Cuando se acredite el pago, el nuevo plan queda habilitado. {}",
     "Once the payment is credited, the new plan is enabled. {}"},
    {"El nuevo plan ya está habilitado.", "The new plan is already enabled."},
    {"Volver al servicio", "Back to the service"},
    {"Este servicio no puede cambiar de plan automáticamente",
     "This service cannot change plan automatically"},
    {"Nuestros sistemas consideran que este servidor o paquete no puede cambiarse de plan "
     "automáticamente. El cambio igual es posible: pídaselo a su ejecutivo de cuenta con este "
     "formulario, o escríbanos a soporte (un ticket).",
     "Our systems judge that this server or package cannot change plan automatically. The change "
     "is still possible: ask your account executive with this form, or write to support (a "
     "ticket)."},
    {"Mensaje para su ejecutivo de cuenta", "Message to your account executive"},
    {"Cuéntenos qué plan necesita y para qué.", "Tell us which plan you need and what for."},
    {"Enviar la solicitud", "Send the request"},
    {"Enviando…", "Sending…"},
    {"Escriba su mensaje.", "Write your message."},
    {"El mensaje es demasiado largo (máximo 4000 caracteres).",
     "The message is too long (4000 characters at most)."},
    {"Solicitud n.º {} enviada el {}.", "Request no. {} sent on {}."},
    {"Su ejecutivo de cuenta se pondrá en contacto con usted.",
     "Your account executive will get in touch with you."},
    {"Solo un servicio activo puede cambiar de plan.", "Only an active service can change plan."},
    {"El servicio ya tiene ese plan.", "The service is already on that plan."},
    {"Ese plan tiene otra moneda que la de su pago: pídale el cambio a soporte.",
     "That plan is priced in another currency than your payment: ask support for the change."},
    {"Ese cambio no es automático: pídaselo a su ejecutivo de cuenta o a soporte.",
     "That change is not automatic: ask your account executive or support."},
    {"Este servicio puede cambiar de plan directamente: elija uno de los planes.",
     "This service can change plan directly: choose one of the plans."},
    {"Ese plan ya no está disponible. Vuelva a cargar los planes.",
     "That plan is no longer available. Load the plans again."},
    {"No encontramos este servicio entre los suyos.",
     "We could not find this service among yours."},
}};
// Fewer entries than enumerators would leave null texts at the end: refuse to compile.
constexpr bool all_filled() {
    for (const Entry& entry : kTexts) {
        if (entry.es == nullptr || entry.en == nullptr) return false;
    }
    return true;
}
static_assert(all_filled(), "every text needs its Spanish and English entry");

}  // namespace

const char* tr(Language language, UpgradeText text) {
    const Entry& entry = kTexts[static_cast<size_t>(text)];
    return language == Language::es ? entry.es : entry.en;
}

}  // namespace portal::app
