#include "app/strings.h"

#include <iterator>

namespace portal::app {
namespace {

struct Entry {
    const char* es;
    const char* en;
};

// Indexed by Text; the static_assert below keeps the table and the enum the same length.
constexpr Entry kTexts[] = {
    {"Portal de clientes", "Client portal"},
    {"Ingrese a su cuenta", "Sign in to your account"},
    {"Acceda a sus servicios, manuales y descargas.",
     "Reach your services, manuals and downloads."},
    {"Correo electrónico", "Email"},
    {"Contraseña", "Password"},
    {"Ingresar", "Sign in"},
    {"Ingresando…", "Signing in…"},
    {"Cerrar sesión", "Sign out"},
    {"English", "Español"},
    {"Modo demostración", "Demo mode"},
    {"Los datos son de ejemplo y quedan guardados solo en este navegador.",
     "The data is made up and stays only in this browser."},
    {"Restablecer demo", "Reset demo"},
    {"¿Restablecer la demostración? Se borra todo lo que hizo (upgrades, bajas) y se vuelve a los "
     "datos de ejemplo.",
     "Reset the demo? Everything you did (upgrades, cancellations) is erased and the sample data "
     "comes back."},
    {"Sí, restablecer", "Yes, reset"},
    {"Cancelar", "Cancel"},
    {"Mis servicios", "My services"},
    {"Manuales", "Manuals"},
    {"Sus servicios contratados, con su estado y próximo vencimiento.",
     "Every service you have, with its status and next due date."},
    {"Cargando…", "Loading…"},
    {"Reintentar", "Try again"},
    {"Todavía no tiene servicios contratados.", "You have no services yet."},
    {"Servicio", "Service"},
    {"Tipo", "Type"},
    {"Estado", "Status"},
    {"Plan", "Plan"},
    {"Próximo vencimiento", "Next due date"},
    {"Dominio", "Domain"},
    {"Escriba su correo electrónico.", "Enter your email."},
    {"Ese correo no parece válido: debe tener la forma nombre@dominio.",
     "That email does not look valid: it must look like name@domain."},
    {"Escriba su contraseña.", "Enter your password."},
    {"El correo o la contraseña no son correctos.", "The email or the password is not correct."},
    {"Demasiados intentos fallidos: la cuenta quedó bloqueada por unos minutos.",
     "Too many failed attempts: the account is locked for a few minutes."},
    {"Su sesión expiró.", "Your session has expired."},
    {"No pudimos comunicarnos con el servidor.", "We could not reach the server."},
    {"El servidor tardó demasiado en responder.", "The server took too long to answer."},
    {"El servidor respondió algo que no entendemos.", "The server sent an answer we cannot read."},
    {"El servidor tuvo un problema.", "The server had a problem."},
    {"Algo salió mal.", "Something went wrong."},
    {"Revise los datos e intente de nuevo.", "Check what you typed and try again."},
    {"Espere unos minutos y vuelva a intentar.", "Wait a few minutes and try again."},
    {"Vuelva a ingresar con su correo y contraseña.",
     "Sign in again with your email and password."},
    {"Revise su conexión a internet y pulse «Reintentar».",
     "Check your internet connection and press “Try again”."},
    {"Si el problema continúa, escríbanos a soporte.", "If it keeps happening, write to support."},
};
// A missing or extra entry fails to compile (a sized std::array would zero-fill a missing one).
static_assert(std::size(kTexts) == static_cast<size_t>(Text::count_));

}  // namespace

const char* tr(Language language, Text text) {
    const Entry& entry = kTexts[static_cast<size_t>(text)];
    return language == Language::es ? entry.es : entry.en;
}

std::string_view tr(Language language, domain::ServiceType type) {
    using T = domain::ServiceType;
    const bool es = language == Language::es;
    switch (type) {
        case T::hosting:
            return es ? "Hosting" : "Hosting";
        case T::web_builder:
            return es ? "Constructor web" : "Website builder";
        case T::audio_streaming:
            return es ? "Radio (streaming de audio)" : "Radio (audio streaming)";
        case T::video_streaming:
            return es ? "Streaming de video" : "Video streaming";
        case T::corporate_mail:
            return es ? "Correo corporativo" : "Corporate mail";
        case T::domain:
            return es ? "Dominio" : "Domain";
        case T::reseller:
            return es ? "Revendedor" : "Reseller";
        case T::simplenews:
            return es ? "Página Simplenews" : "Simplenews site";
        case T::portal_noticioso:
            return es ? "Portal Noticioso" : "News portal";
        case T::noticioso_plus:
            return es ? "Noticioso PLUS" : "News portal PLUS";
        case T::audio_app:
            return es ? "App de radio" : "Radio app";
        case T::video_app:
            return es ? "App de video" : "Video app";
        case T::voice_over:
            return es ? "Locuciones" : "Voice-overs";
        case T::web_design:
            return es ? "Diseño web" : "Web design";
    }
    return "";
}

std::string_view tr(Language language, domain::ServiceStatus status) {
    using S = domain::ServiceStatus;
    const bool es = language == Language::es;
    switch (status) {
        case S::active:
            return es ? "Activo" : "Active";
        case S::pending:
            return es ? "Pendiente" : "Pending";
        case S::suspended:
            return es ? "Suspendido" : "Suspended";
        case S::cancelled:
            return es ? "Cancelado" : "Cancelled";
        case S::terminated:
            return es ? "Finalizado" : "Terminated";
    }
    return "";
}

std::string_view language_code(Language language) {
    return language == Language::es ? "es" : "en";
}

}  // namespace portal::app
