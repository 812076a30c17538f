#include "app/texts/ui_labels.h"

#include "app/texts/cancellation_texts.h"
#include "app/texts/invoice_texts.h"
#include "app/texts/manuals_texts.h"
#include "app/texts/service_texts.h"
#include "app/texts/upgrade_texts.h"
#include "domain/enum_names.h"

namespace portal::app {

std::vector<std::string> ui_labels(Language language) {
    std::vector<std::string> labels;
    const auto add = [&](auto... keys) { (labels.emplace_back(tr(language, keys)), ...); };
    // The top bar's tabs and the sign-in screen.
    add(Text::my_services, Text::invoices, Text::manuals, Text::menu, Text::sign_in, Text::sign_out,
        Text::email, Text::password, Text::retry);
    // A service's type and status, as the list of services and the service's badge show them.
    for (const domain::ServiceType type : domain::enum_values<domain::ServiceType>()) {
        labels.emplace_back(tr(language, type));
    }
    for (const domain::ServiceStatus status : domain::enum_values<domain::ServiceStatus>()) {
        labels.emplace_back(tr(language, status));
    }
    // A service's screen, top to bottom: its sections, the access button of each type, the
    // credentials, the manual, the downloads and the actions at its foot.
    using S = ServiceText;
    add(S::back_to_services, S::details, S::access_hosting_panel, S::access_web_builder,
        S::access_radio_panel, S::access_video_panel, S::access_mailboxes, S::access_domain_panel,
        S::access_reseller_panel, S::access_site_admin, S::access_app_console,
        S::access_audio_cloud, S::access_design_project, S::access_control_panel, S::credentials,
        S::show_credentials, S::hide_credentials, S::show_password, S::hide_password, S::copy,
        S::manual, S::open_manual, S::downloads, S::download, S::copy_sha256, S::actions,
        S::upgrade_downgrade, S::cancel_service, S::withdraw_plan_change);
    // The cancellation wizard, the request it leaves, and a domain's renewal.
    using C = CancellationText;
    add(C::title, C::kind_immediate, C::kind_end_of_period, C::accept, C::reason_label,
        C::email_label, C::password_label, C::confirm, C::confirm_immediate, C::withdraw,
        C::withdraw_yes, C::withdraw_no, C::new_request, C::back_to_service, C::no_renew,
        C::renew_again);
    // The upgrade/downgrade wizard, and its form when the change is not automatic.
    using U = UpgradeText;
    add(U::title, U::badge_up, U::badge_down, U::confirm, U::back_to_options, U::back_to_service,
        U::manual_message, U::send_request, U::pay_now_button);
    // «Elegir Hosting Pro»: a step names it by its fixed part, «Elegir».
    const std::string choose = tr(language, U::choose);
    labels.push_back(choose.substr(0, choose.find(" {}")));
    // The invoices tab.
    add(InvoiceText::pay, InvoiceText::see_invoices);
    // The manuals' screens.
    add(ManualsText::search_label, ManualsText::catalog, ManualsText::back_to_catalog);
    return labels;
}

}  // namespace portal::app
