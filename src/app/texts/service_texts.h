// The texts of a service's screen (RULES.md §1, §2): details, access, credentials, downloads.
#pragma once

#include <string_view>

#include "app/strings.h"
#include "app/texts/text_table.h"

namespace portal::app {

PORTAL_TEXT_ENUM(
    ServiceText, back_to_services, details, period, next_due, plan_price,
    // The access button, by the backend's label_key (GET /services/{id}/access).
    access_hosting_panel, access_web_builder, access_radio_panel, access_video_panel,
    access_mailboxes, access_domain_panel, access_reseller_panel, access_site_admin,
    access_app_console, access_audio_cloud, access_design_project, access_control_panel,
    access_opens_new_tab,
    // Why there is no access button, by status.
    no_access_pending, no_access_suspended, no_access_cancelled, no_access_terminated,
    // Credentials.
    credentials, credentials_hidden_hint, show_credentials, hide_credentials, no_credentials, host,
    username, password, show_password, hide_password, copy, copied,
    // Manual.
    manual, open_manual,
    // Downloads.
    downloads, downloads_subtitle, no_downloads, downloads_need_active, download, downloading,
    download_saved, download_not_included, download_incomplete, download_size_checked, size,
    copy_sha256, sha256,
    of,  // "12,3 MB de 24,0 MB"
    // Actions.
    actions, upgrade_downgrade, upgrade_hint, cancel_service, cancel_hint, cancel_hint_domain,
    // Why the actions are not offered now (plan_change_blocked, service_flow.h).
    blocked_by_cancellation, blocked_by_scheduled_change, blocked_by_unpaid_change,
    // A plan change waiting for its invoice's payment or scheduled (RULES.md §3).
    plan_change,
    plan_change_awaiting,   // "Cambio a {} pendiente de pago"
    plan_change_invoice,    // "Se aplica cuando se pague la factura n.º {}; …"
    plan_change_scheduled,  // "Cambio a {} programado para el {}"
    plan_change_go_pay, withdraw_plan_change,
    withdraw_question,   // "¿Retirar el cambio al plan {}?"
    withdraw_awaiting,   // what withdrawing an unpaid change does
    withdraw_scheduled,  // what withdrawing a scheduled change does
    withdraw_yes, withdraw_no, withdrawing,
    plan_change_withdrawn,  // "Cambio de plan retirado: el servicio sigue con el plan {}."
    why_renewal_generated, why_change_settled,
    // Not found.
    not_found, not_found_hint);
// The access button's label for the backend's label_key ("access.hosting_panel", ...); unknown
// keys get a generic "control panel" label so a new backend type never shows a raw key.
ServiceText access_label(std::string_view label_key);

}  // namespace portal::app
