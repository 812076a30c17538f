#include "app/texts/service_texts.h"

#include "app/texts/text_table.h"

namespace portal::app {
namespace {

// clang-format off
constexpr TextTable<ServiceText> kTexts{{
    {ServiceText::back_to_services,
     "Volver a Mis servicios", "Back to My services"},
    {ServiceText::details,
     "Detalles", "Details"},
    {ServiceText::period,
     "Período", "Period"},
    {ServiceText::next_due,
     "Próximo vencimiento", "Next due date"},
    {ServiceText::plan_price,
     "Precio", "Price"},
    {ServiceText::access_hosting_panel,
     "Login al Panel de hosting", "Log in to the hosting panel"},
    {ServiceText::access_web_builder,
     "Login al Constructor Web", "Log in to the website builder"},
    {ServiceText::access_radio_panel,
     "Login al Panel de Radio", "Log in to the radio panel"},
    {ServiceText::access_video_panel,
     "Login al Panel de Video", "Log in to the video panel"},
    {ServiceText::access_mailboxes,
     "Administrar casillas de correo", "Manage mailboxes"},
    {ServiceText::access_domain_panel,
     "Administrar dominio", "Manage domain"},
    {ServiceText::access_reseller_panel,
     "Login al Panel de Reseller", "Log in to the reseller panel"},
    {ServiceText::access_site_admin,
     "Administrar su sitio", "Manage your site"},
    {ServiceText::access_app_console,
     "Consola de su app", "Your app's console"},
    {ServiceText::access_audio_cloud,
     "Abrir la nube de audios", "Open the audio cloud"},
    {ServiceText::access_design_project,
     "Ver su proyecto de diseño", "See your design project"},
    {ServiceText::access_control_panel,
     "Abrir el panel de control", "Open the control panel"},
    {ServiceText::access_opens_new_tab,
     "Se abre en una pestaña nueva.", "Opens in a new tab."},
    {ServiceText::no_access_pending,
     "El servicio está pendiente de activación: el acceso a su panel aparecerá aquí cuando se "
     "active. Vea los plazos en el manual «Demoras de activación».",
     "The service is waiting to be activated: access to its panel appears here once it is "
     "active. See the times in the \"Activation times\" manual."},
    {ServiceText::no_access_suspended,
     "El servicio está suspendido, normalmente por una factura vencida: su panel no está "
     "disponible. Pague la factura pendiente o escriba a soporte para reactivarlo.",
     "The service is suspended, usually because of an overdue invoice: its panel is not "
     "available. Pay the pending invoice or write to support to reactivate it."},
    {ServiceText::no_access_cancelled,
     "El servicio fue dado de baja: ya no tiene panel ni credenciales. Para volver a usarlo debe "
     "contratar un servicio nuevo.",
     "The service was cancelled: it no longer has a panel or credentials. To use it again you "
     "must order a new service."},
    {ServiceText::no_access_terminated,
     "El servicio fue eliminado del servidor: ya no tiene panel ni credenciales. Para volver a "
     "usarlo debe contratar un servicio nuevo.",
     "The service was removed from the server: it no longer has a panel or credentials. To use "
     "it again you must order a new service."},
    {ServiceText::credentials,
     "Credenciales de acceso", "Access credentials"},
    {ServiceText::credentials_hidden_hint,
     "Sus usuarios y contraseñas están ocultos. Muéstrelos solo cuando nadie más vea su pantalla.",
     "Your users and passwords are hidden. Show them only when nobody else can see your screen."},
    {ServiceText::show_credentials,
     "Mostrar credenciales", "Show credentials"},
    {ServiceText::hide_credentials,
     "Ocultar credenciales", "Hide credentials"},
    {ServiceText::no_credentials,
     "Este servicio no tiene credenciales.", "This service has no credentials."},
    {ServiceText::host,
     "Servidor", "Server"},
    {ServiceText::username,
     "Usuario", "User"},
    {ServiceText::password,
     "Contraseña", "Password"},
    {ServiceText::show_password,
     "Ver", "Show"},
    {ServiceText::hide_password,
     "Ocultar", "Hide"},
    {ServiceText::copy,
     "Copiar", "Copy"},
    {ServiceText::copied,
     "Copiado", "Copied"},
    {ServiceText::manual,
     "Manual del servicio", "Service manual"},
    {ServiceText::open_manual,
     "Abrir el manual", "Open the manual"},
    {ServiceText::downloads,
     "Descargas", "Downloads"},
    {ServiceText::downloads_subtitle,
     "Los archivos que incluye su plan.", "The files your plan includes."},
    {ServiceText::no_downloads,
     "Este plan no incluye descargas.", "This plan includes no downloads."},
    {ServiceText::downloads_need_active,
     "Las descargas están disponibles cuando el servicio está activo.",
     "Downloads are available while the service is active."},
    {ServiceText::download,
     "Descargar", "Download"},
    {ServiceText::downloading,
     "Descargando…", "Downloading…"},
    {ServiceText::download_saved,
     "Descarga guardada.", "Download saved."},
    {ServiceText::download_not_included,
     "Su plan no incluye esta descarga, o ya no está disponible.",
     "Your plan does not include this download, or it is no longer available."},
    {ServiceText::download_incomplete,
     "La descarga llegó incompleta.", "The download arrived incomplete."},
    {ServiceText::download_size_checked,
     "Tamaño verificado.", "Size checked."},
    {ServiceText::size,
     "Tamaño", "Size"},
    {ServiceText::copy_sha256,
     "Copiar SHA-256", "Copy SHA-256"},
    {ServiceText::sha256,
     "SHA-256", "SHA-256"},
    {ServiceText::of,
     "de", "of"},
    {ServiceText::actions,
     "Acciones", "Actions"},
    {ServiceText::upgrade_downgrade,
     "Upgrade/Downgrade", "Upgrade/Downgrade"},
    {ServiceText::upgrade_hint,
     "Cambie a un plan mayor o menor: vea las opciones y cuánto pagaría.",
     "Move to a higher or lower plan: see the options and what you would pay."},
    {ServiceText::cancel_service,
     "Cancelar servicio", "Cancel service"},
    {ServiceText::cancel_hint,
     "Pedir la baja del servicio: inmediata o al final del período pagado.",
     "Request the cancellation: immediately or at the end of the paid period."},
    {ServiceText::cancel_hint_domain,
     "Los dominios internacionales no se pueden cancelar: puede pedir que no se renueven.",
     "International domains cannot be cancelled: you can ask for them not to be renewed."},
    {ServiceText::blocked_by_cancellation,
     "Mientras la baja esté programada no se puede cambiar de plan ni pedir otra baja: retire la "
     "solicitud para hacerlo.",
     "While the cancellation is scheduled the plan cannot change and no other cancellation can "
     "be requested: withdraw the request to do so."},
    {ServiceText::blocked_by_scheduled_change,
     "Retire el cambio programado para pedir otro.",
     "Withdraw the scheduled change to order another."},
    {ServiceText::blocked_by_unpaid_change,
     "Pague o retire el cambio pendiente de pago para pedir otro.",
     "Pay or withdraw the change awaiting payment to order another."},
    {ServiceText::plan_change,
     "Cambio de plan pendiente", "Pending plan change"},
    {ServiceText::plan_change_awaiting,
     "Cambio a {} pendiente de pago", "Change to {} awaiting payment"},
    {ServiceText::plan_change_invoice,
     "Se aplica cuando se pague la factura n.º {}; hasta entonces el servicio sigue con su plan "
     "actual.",
     "It applies once invoice no. {} is paid; until then the service keeps its current plan."},
    {ServiceText::plan_change_scheduled,
     "Cambio a {} programado para el {}", "Change to {} scheduled for {}"},
    {ServiceText::plan_change_go_pay,
     "Ir a pagar la factura", "Go and pay the invoice"},
    {ServiceText::withdraw_plan_change,
     "Retirar", "Withdraw"},
    {ServiceText::withdraw_question,
     "¿Retirar el cambio al plan {}?", "Withdraw the change to the {} plan?"},
    {ServiceText::withdraw_awaiting,
     "La factura del cambio se anula y el servicio sigue con su plan actual.",
     "The change's invoice is cancelled and the service keeps its current plan."},
    {ServiceText::withdraw_scheduled,
     "El servicio sigue con su plan actual y se renueva a su precio.",
     "The service keeps its current plan and renews at its price."},
    {ServiceText::withdraw_yes,
     "Sí, retirar", "Yes, withdraw"},
    {ServiceText::withdraw_no,
     "No, mantenerlo", "No, keep it"},
    {ServiceText::withdrawing,
     "Retirando…", "Withdrawing…"},
    {ServiceText::plan_change_withdrawn,
     "Cambio de plan retirado: el servicio sigue con el plan {}.",
     "Plan change withdrawn: the service keeps the {} plan."},
    {ServiceText::why_renewal_generated,
     "La renovación al precio del nuevo plan ya se facturó: este cambio ya no se puede retirar.",
     "The renewal at the new plan's price is already invoiced: this change can no longer be "
     "withdrawn."},
    {ServiceText::why_change_settled,
     "Este cambio de plan ya no está pendiente (se aplicó, venció o ya fue retirado).",
     "This plan change is no longer pending (it was applied, expired or already withdrawn)."},
    {ServiceText::not_found,
     "No encontramos ese servicio", "We could not find that service"},
    {ServiceText::not_found_hint,
     "Puede que el enlace esté mal o que el servicio no sea de su cuenta. Vuelva a Mis servicios "
     "para ver los suyos.",
     "The link may be wrong, or the service is not in your account. Go back to My services to "
     "see yours."},
}};
// clang-format on

}  // namespace

const char* tr(Language language, ServiceText text) {
    return kTexts.tr(language, text);
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
