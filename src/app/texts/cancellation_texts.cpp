#include "app/texts/cancellation_texts.h"

#include <array>

namespace portal::app {
namespace {

struct Entry {
    const char* es;
    const char* en;
};

// Indexed by CancellationText; the array's size keeps the table and the enum the same length.
// The conditions restate RULES.md §4 ("¿Cómo solicitar la baja del servicio?").
constexpr std::array<Entry, static_cast<size_t>(CancellationText::count_)> kTexts{{
    {"Solicitar la baja del servicio", "Request the cancellation of the service"},
    {"Lea con atención: la baja elimina el servicio del servidor.",
     "Read carefully: a cancellation deletes the service from the server."},
    {"1. Cuándo quiere la baja", "1. When the service should end"},
    {"Baja inmediata", "Immediately"},
    {"El servicio se elimina del servidor hoy, {}.",
     "The service is deleted from the server today, {}."},
    {"Al final del período facturado", "At the end of the billing period"},
    {"Funciona normalmente hasta el {} y no se renueva.",
     "It works normally until {} and is not renewed."},
    {"Atención: con la baja inmediata el servicio se elimina del servidor hoy mismo ({}). Su sitio "
     "web, sus correos y sus archivos dejan de existir hoy.",
     "Warning: with an immediate cancellation the service is deleted from the server today ({}). "
     "Your website, your emails and your files stop existing today."},
    {"Si no está seguro, elija la baja al final del período: el servicio sigue funcionando hasta "
     "el {}.",
     "If you are not sure, choose the end of the billing period: the service keeps working until "
     "{}."},
    {"2. Condiciones de toda baja", "2. Conditions of every cancellation"},
    {"No se reembolsa nada de lo ya pagado.", "Nothing already paid is refunded."},
    {"Las facturas de períodos que ya están en curso deben pagarse igual. Para no recibir la "
     "próxima factura, pida la baja antes de que se genere la renovación.",
     "Invoices for periods already running must still be paid. To avoid the next invoice, request "
     "the cancellation before the renewal is generated."},
    {"Facturas de este servicio que deberá pagar igual:",
     "Invoices of this service you must still pay:"},
    {"Factura n.º {}: {}, {}, vence el {} ({})", "Invoice no. {}: {}, {}, due on {} ({})"},
    {"Este servicio no tiene facturas pendientes.", "This service has no unpaid invoices."},
    {"Los dominios internacionales no pueden darse de baja (se pagan un año por adelantado): solo "
     "puede pedir que no se renueven.",
     "International domains cannot be cancelled (they are paid a year in advance): you can only "
     "ask that they are not renewed."},
    {"La última copia de seguridad de la cuenta se guarda {} años; recuperarla puede tener un "
     "costo adicional.",
     "The account's last backup is kept for {} years; getting it back may cost extra."},
    {"El {} el servicio se elimina del servidor: sitio web, correos, FTP, todo.",
     "On {} the service is deleted from the server: website, emails, FTP, everything."},
    {"En la fecha de la baja el servicio se elimina del servidor: sitio web, correos, FTP, todo.",
     "On the cancellation date the service is deleted from the server: website, emails, FTP, "
     "everything."},
    {"Para volver más adelante deberá contratar (y pagar) un servicio nuevo.",
     "To come back later you must order (and pay for) a new service."},
    {"Entiendo las condiciones", "I understand the conditions"},
    {"3. Motivo", "3. Reason"},
    {"Motivo de la baja (opcional)", "Reason for cancelling (optional)"},
    {"4. Confirme con su correo y contraseña", "4. Confirm with your email and password"},
    {"Por seguridad, la baja solo se confirma con el correo y la contraseña de su cuenta.",
     "For your security, a cancellation is only confirmed with your account's email and "
     "password."},
    {"Correo electrónico de su cuenta", "Your account's email"},
    {"Contraseña de su cuenta", "Your account's password"},
    {"Solicitar la baja", "Request the cancellation"},
    {"Solicitar la baja inmediata", "Request the immediate cancellation"},
    {"Enviando la solicitud…", "Sending the request…"},
    {"Para confirmar: elija cuándo, acepte las condiciones y escriba su correo y contraseña.",
     "To confirm: choose when, accept the conditions and type your email and password."},
    {"Escriba el correo de su cuenta.", "Type your account's email."},
    {"Escriba su contraseña.", "Type your password."},
    {"El correo o la contraseña no coinciden con los de su cuenta. Vuelva a escribir la "
     "contraseña: lo demás que escribió se mantiene.",
     "The email or the password does not match your account. Type the password again: everything "
     "else you wrote is kept."},
    {"No coincide con su cuenta.", "It does not match your account."},
    {"Este servicio ya tiene una solicitud de baja programada. Para retirarla, escríbanos a "
     "soporte.",
     "This service already has a scheduled cancellation request. To withdraw it, write to "
     "support."},
    {"Este servicio ya tiene una solicitud de baja programada.",
     "This service already has a scheduled cancellation request."},
    {"Este servicio no puede darse de baja porque su estado es «{}»: solo se dan de baja los "
     "servicios activos.",
     "This service cannot be cancelled because its status is “{}”: only active services can be "
     "cancelled."},
    {"Un servicio pendiente todavía no empezó a funcionar. Si ya no lo quiere, escríbanos a "
     "soporte.",
     "A pending service has not started yet. If you no longer want it, write to support."},
    {"Un servicio suspendido debe regularizarse primero (pague sus facturas pendientes) o "
     "escríbanos a soporte.",
     "A suspended service must be brought up to date first (pay its unpaid invoices), or write to "
     "support."},
    {"Este servicio ya fue dado de baja: no hay nada que cancelar.",
     "This service has already ended: there is nothing to cancel."},
    {"Solicitud de baja n.º {}", "Cancellation request no. {}"},
    {"Estado: {}", "Status: {}"},
    {"programada", "scheduled"},
    {"retirada", "withdrawn"},
    {"efectiva", "effective"},
    {"Tipo: {}", "Kind: {}"},
    {"baja inmediata", "immediate"},
    {"al final del período facturado", "at the end of the billing period"},
    {"Pedida el {}", "Requested on {}"},
    {"Fecha de la baja: {}", "Cancellation date: {}"},
    {"El servicio funciona normalmente hasta esa fecha, y no se renueva.",
     "The service works normally until that date, and is not renewed."},
    {"No se reembolsa nada de lo pagado.", "Nothing paid is refunded."},
    {"Facturas que debe pagar igual: {}", "Invoices you must still pay: {}"},
    {"La última copia de seguridad se guarda {} años.", "The last backup is kept for {} years."},
    {"Puede retirar la solicitud hasta el {} inclusive.",
     "You can withdraw the request until {} inclusive."},
    {"Retirar solicitud", "Withdraw request"},
    {"¿Retirar la solicitud de baja? El servicio seguirá funcionando y volverá a renovarse "
     "normalmente.",
     "Withdraw the cancellation request? The service keeps working and renews normally again."},
    {"Sí, retirar la solicitud", "Yes, withdraw the request"},
    {"No, mantenerla", "No, keep it"},
    {"Retirando…", "Withdrawing…"},
    {"Solicitud retirada: el servicio sigue activo y se renovará normalmente.",
     "Request withdrawn: the service stays active and renews normally."},
    {"La baja ya se hizo efectiva: no puede retirarse.",
     "The cancellation has already taken effect: it cannot be withdrawn."},
    {"Pedir otra baja", "Request another cancellation"},
    {"Volver al servicio", "Back to the service"},
    {"Los dominios no se dan de baja", "Domains are not cancelled"},
    {"Un dominio internacional se paga un año por adelantado y no puede darse de baja. Lo que sí "
     "puede hacer es pedir que no se renueve: seguirá funcionando hasta el {} y después no se "
     "renovará.",
     "An international domain is paid a year in advance and cannot be cancelled. What you can do "
     "is ask that it is not renewed: it keeps working until {} and is not renewed afterwards."},
    {"Renovación automática: activada", "Automatic renewal: on"},
    {"Renovación automática: desactivada", "Automatic renewal: off"},
    {"No renovar", "Do not renew"},
    {"Volver a renovar automáticamente", "Renew automatically again"},
    {"Guardando…", "Saving…"},
    {"Listo: el dominio no se renovará. Vence el {}.",
     "Done: the domain will not be renewed. It expires on {}."},
    {"La renovación de este servicio no puede cambiarse ahora.",
     "This service's renewal cannot be changed now."},
    {"pagada", "paid"},
    {"impaga", "unpaid"},
    {"vencida", "overdue"},
    {"anulada", "cancelled"},
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

const char* tr(Language language, CancellationText text) {
    const Entry& entry = kTexts[static_cast<size_t>(text)];
    return language == Language::es ? entry.es : entry.en;
}

const char* tr(Language language, domain::InvoiceStatus status) {
    switch (status) {
        case domain::InvoiceStatus::paid:
            return tr(language, CancellationText::invoice_paid);
        case domain::InvoiceStatus::unpaid:
            return tr(language, CancellationText::invoice_unpaid);
        case domain::InvoiceStatus::overdue:
            return tr(language, CancellationText::invoice_overdue);
        case domain::InvoiceStatus::cancelled:
            return tr(language, CancellationText::invoice_cancelled);
    }
    return "";
}

}  // namespace portal::app
