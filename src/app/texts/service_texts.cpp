#include "app/texts/service_texts.h"

#include <array>

namespace portal::app {
namespace {

struct Entry {
    const char* es;
    const char* en;
};

// Indexed by ServiceText; the static_assert keeps the table and the enum the same length.
constexpr std::array<Entry, static_cast<size_t>(ServiceText::count_)> kTexts{{
    {"Volver a Mis servicios", "Back to My services"},
    {"Detalles", "Details"},
    {"Período", "Period"},
    {"Próximo vencimiento", "Next due date"},
    {"Precio", "Price"},
    {"Login al Panel de hosting", "Log in to the hosting panel"},
    {"Login al Constructor Web", "Log in to the website builder"},
    {"Login al Panel de Radio", "Log in to the radio panel"},
    {"Login al Panel de Video", "Log in to the video panel"},
    {"Administrar casillas de correo", "Manage mailboxes"},
    {"Administrar dominio", "Manage domain"},
    {"Login al Panel de Reseller", "Log in to the reseller panel"},
    {"Administrar su sitio", "Manage your site"},
    {"Consola de su app", "Your app's console"},
    {"Abrir la nube de audios", "Open the audio cloud"},
    {"Ver su proyecto de diseño", "See your design project"},
    {"Abrir el panel de control", "Open the control panel"},
    {"Se abre en una pestaña nueva.", "Opens in a new tab."},
    {"El servicio está pendiente de activación: el acceso a su panel aparecerá aquí cuando se "
     "active. Vea los plazos en el manual «Demoras de activación».",
     "The service is waiting to be activated: access to its panel appears here once it is "
     "active. See the times in the \"Activation times\" manual."},
    {"El servicio está suspendido, normalmente por una factura vencida: su panel no está "
     "disponible. Pague la factura pendiente o escriba a soporte para reactivarlo.",
     "The service is suspended, usually because of an overdue invoice: its panel is not "
     "available. Pay the pending invoice or write to support to reactivate it."},
    {"El servicio fue dado de baja: ya no tiene panel ni credenciales. Para volver a usarlo debe "
     "contratar un servicio nuevo.",
     "The service was cancelled: it no longer has a panel or credentials. To use it again you "
     "must order a new service."},
    {"El servicio fue eliminado del servidor: ya no tiene panel ni credenciales. Para volver a "
     "usarlo debe contratar un servicio nuevo.",
     "The service was removed from the server: it no longer has a panel or credentials. To use "
     "it again you must order a new service."},
    {"Credenciales de acceso", "Access credentials"},
    {"Sus usuarios y contraseñas están ocultos. Muéstrelos solo cuando nadie más vea su pantalla.",
     "Your users and passwords are hidden. Show them only when nobody else can see your screen."},
    {"Mostrar credenciales", "Show credentials"},
    {"Ocultar credenciales", "Hide credentials"},
    {"Este servicio no tiene credenciales.", "This service has no credentials."},
    {"Servidor", "Server"},
    {"Usuario", "User"},
    {"Contraseña", "Password"},
    {"Ver", "Show"},
    {"Ocultar", "Hide"},
    {"Copiar", "Copy"},
    {"Copiado", "Copied"},
    {"Manual del servicio", "Service manual"},
    {"Abrir el manual", "Open the manual"},
    {"Descargas", "Downloads"},
    {"Los archivos que incluye su plan.", "The files your plan includes."},
    {"Este plan no incluye descargas.", "This plan includes no downloads."},
    {"Las descargas están disponibles cuando el servicio está activo.",
     "Downloads are available while the service is active."},
    {"Descargar", "Download"},
    {"Descargando…", "Downloading…"},
    {"Descarga guardada.", "Download saved."},
    {"Su plan no incluye esta descarga, o ya no está disponible.",
     "Your plan does not include this download, or it is no longer available."},
    {"La descarga llegó incompleta.", "The download arrived incomplete."},
    {"Tamaño verificado.", "Size checked."},
    {"Tamaño", "Size"},
    {"Copiar SHA-256", "Copy SHA-256"},
    {"SHA-256", "SHA-256"},
    {"de", "of"},
    {"Acciones", "Actions"},
    {"Upgrade/Downgrade", "Upgrade/Downgrade"},
    {"Cambie a un plan mayor o menor: vea las opciones y cuánto pagaría.",
     "Move to a higher or lower plan: see the options and what you would pay."},
    {"Cancelar servicio", "Cancel service"},
    {"Pedir la baja del servicio: inmediata o al final del período pagado.",
     "Request the cancellation: immediately or at the end of the paid period."},
    {"Los dominios internacionales no se pueden cancelar: puede pedir que no se renueven.",
     "International domains cannot be cancelled: you can ask for them not to be renewed."},
    {"No encontramos ese servicio", "We could not find that service"},
    {"Puede que el enlace esté mal o que el servicio no sea de su cuenta. Vuelva a Mis servicios "
     "para ver los suyos.",
     "The link may be wrong, or the service is not in your account. Go back to My services to "
     "see yours."},
}};
static_assert(kTexts.size() == static_cast<size_t>(ServiceText::count_));

}  // namespace

const char* tr(Language language, ServiceText text) {
    const Entry& entry = kTexts[static_cast<size_t>(text)];
    return language == Language::es ? entry.es : entry.en;
}

ServiceText access_label(std::string_view label_key) {
    struct Key {
        std::string_view key;
        ServiceText text;
    };
    constexpr Key kKeys[] = {
        {"access.hosting_panel", ServiceText::access_hosting_panel},
        {"access.web_builder", ServiceText::access_web_builder},
        {"access.radio_panel", ServiceText::access_radio_panel},
        {"access.video_panel", ServiceText::access_video_panel},
        {"access.mailboxes", ServiceText::access_mailboxes},
        {"access.domain_panel", ServiceText::access_domain_panel},
        {"access.reseller_panel", ServiceText::access_reseller_panel},
        {"access.site_admin", ServiceText::access_site_admin},
        {"access.app_console", ServiceText::access_app_console},
        {"access.audio_cloud", ServiceText::access_audio_cloud},
        {"access.design_project", ServiceText::access_design_project},
    };
    for (const Key& key : kKeys) {
        if (key.key == label_key) return key.text;
    }
    return ServiceText::access_control_panel;
}

}  // namespace portal::app
