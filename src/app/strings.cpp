#include "app/strings.h"

#include "app/texts/text_table.h"

namespace portal::app {
namespace {

// clang-format off
constexpr TextTable<Text> kTexts{{
    {Text::app_title,
     "Portal de clientes", "Client portal"},
    {Text::login_title,
     "Ingrese a su cuenta", "Sign in to your account"},
    {Text::login_subtitle,
     "Acceda a sus servicios, manuales y descargas.",
     "Reach your services, manuals and downloads."},
    {Text::email,
     "Correo electrónico", "Email"},
    {Text::password,
     "Contraseña", "Password"},
    {Text::sign_in,
     "Ingresar", "Sign in"},
    {Text::signing_in,
     "Ingresando…", "Signing in…"},
    {Text::sign_out,
     "Cerrar sesión", "Sign out"},
    {Text::menu,
     "Menú", "Menu"},
    {Text::demo_mode,
     "Modo demostración", "Demo mode"},
    {Text::demo_mode_hint,
     "Los datos son de ejemplo y quedan guardados solo en este navegador.",
     "The data is made up and stays only in this browser."},
    {Text::reset_demo,
     "Restablecer demo", "Reset demo"},
    {Text::reset_demo_question,
     "¿Restablecer la demostración? Se borra todo lo que hizo (upgrades, bajas) y se vuelve a los "
     "datos de ejemplo.",
     "Reset the demo? Everything you did (upgrades, cancellations) is erased and the sample data "
     "comes back."},
    {Text::reset_demo_confirm,
     "Sí, restablecer", "Yes, reset"},
    {Text::cancel,
     "Cancelar", "Cancel"},
    {Text::my_services,
     "Mis servicios", "My services"},
    {Text::manuals,
     "Manuales", "Manuals"},
    {Text::invoices,
     "Facturas", "Invoices"},
    {Text::support,
     "Soporte", "Support"},
    {Text::my_account,
     "Mi cuenta", "My account"},
    {Text::services_subtitle,
     "Sus servicios contratados, con su estado y próximo vencimiento.",
     "Every service you have, with its status and next due date."},
    {Text::loading,
     "Cargando…", "Loading…"},
    {Text::retry,
     "Reintentar", "Try again"},
    {Text::no_services,
     "Todavía no tiene servicios contratados.", "You have no services yet."},
    {Text::col_name,
     "Servicio", "Service"},
    {Text::col_type,
     "Tipo", "Type"},
    {Text::col_status,
     "Estado", "Status"},
    {Text::col_plan,
     "Plan", "Plan"},
    {Text::col_next_due,
     "Próximo vencimiento", "Next due date"},
    {Text::col_domain,
     "Dominio", "Domain"},
    {Text::cancellation_scheduled_on,
     "Baja programada para el {}", "Cancellation scheduled for {}"},
    {Text::withdraw_cancellation,
     "Retirar solicitud", "Withdraw request"},
    {Text::error_email_required,
     "Escriba su correo electrónico.", "Enter your email."},
    {Text::error_email_invalid,
     "Ese correo no parece válido: debe tener la forma nombre@dominio.",
     "That email does not look valid: it must look like name@domain."},
    {Text::error_password_required,
     "Escriba su contraseña.", "Enter your password."},
    {Text::error_wrong_credentials,
     "El correo o la contraseña no son correctos.", "The email or the password is not correct."},
    {Text::error_locked,
     "Demasiados intentos fallidos: la cuenta quedó bloqueada por unos minutos.",
     "Too many failed attempts: the account is locked for a few minutes."},
    {Text::error_session_expired,
     "Su sesión expiró.", "Your session has expired."},
    {Text::error_unreachable,
     "No pudimos comunicarnos con el servidor.", "We could not reach the server."},
    {Text::error_timeout,
     "El servidor tardó demasiado en responder.", "The server took too long to answer."},
    {Text::error_malformed,
     "El servidor respondió algo que no entendemos.", "The server sent an answer we cannot read."},
    {Text::error_server,
     "El servidor tuvo un problema.", "The server had a problem."},
    {Text::error_generic,
     "Algo salió mal.", "Something went wrong."},
    {Text::hint_check_credentials,
     "Revise los datos e intente de nuevo.", "Check what you typed and try again."},
    {Text::hint_wait_and_retry,
     "Espere unos minutos y vuelva a intentar.", "Wait a few minutes and try again."},
    {Text::hint_sign_in_again,
     "Vuelva a ingresar con su correo y contraseña.",
     "Sign in again with your email and password."},
    {Text::hint_check_connection,
     "Revise su conexión a internet y pulse «Reintentar».",
     "Check your internet connection and press “Try again”."},
    {Text::hint_contact_support,
     "Si el problema continúa, escríbanos a soporte.", "If it keeps happening, write to support."},
}};
// clang-format on

// In the order of domain/service.h's EnumNames tables.
using Type = domain::ServiceType;
using Status = domain::ServiceStatus;

// clang-format off
constexpr TextTable<domain::ServiceType> kServiceTypes{{
    {Type::hosting,
     "Hosting", "Hosting"},
    {Type::web_builder,
     "Constructor web", "Website builder"},
    {Type::audio_streaming,
     "Radio (streaming de audio)", "Radio (audio streaming)"},
    {Type::video_streaming,
     "Streaming de video", "Video streaming"},
    {Type::corporate_mail,
     "Correo corporativo", "Corporate mail"},
    {Type::domain,
     "Dominio", "Domain"},
    {Type::reseller,
     "Revendedor", "Reseller"},
    {Type::simplenews,
     "Página Simplenews", "Simplenews site"},
    {Type::portal_noticioso,
     "Portal Noticioso", "News portal"},
    {Type::noticioso_plus,
     "Noticioso PLUS", "News portal PLUS"},
    {Type::audio_app,
     "App de radio", "Radio app"},
    {Type::video_app,
     "App de video", "Video app"},
    {Type::voice_over,
     "Locuciones", "Voice-overs"},
    {Type::web_design,
     "Diseño web", "Web design"},
}};
// clang-format on

// clang-format off
constexpr TextTable<domain::ServiceStatus> kServiceStatuses{{
    {Status::active,
     "Activo", "Active"},
    {Status::pending,
     "Pendiente", "Pending"},
    {Status::suspended,
     "Suspendido", "Suspended"},
    {Status::cancelled,
     "Cancelado", "Cancelled"},
    {Status::terminated,
     "Finalizado", "Terminated"},
}};
// clang-format on

}  // namespace

const char* tr(Language language, Text text) {
    return kTexts.tr(language, text);
}

std::string_view tr(Language language, domain::ServiceType type) {
    return kServiceTypes.tr(language, type);
}

std::string_view tr(Language language, domain::ServiceStatus status) {
    return kServiceStatuses.tr(language, status);
}

std::string_view language_code(Language language) {
    return language == Language::es ? "es" : "en";
}

const char* language_name(Language language) {
    return language == Language::es ? "Español" : "English";
}

}  // namespace portal::app
