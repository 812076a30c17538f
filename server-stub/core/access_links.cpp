#include "core/access_links.h"

namespace portal::backend {

AccessLink access_link(const domain::Service& service, const std::string& panel_base) {
    using domain::ServiceType;
    const std::string id = std::to_string(service.id);
    auto panel = [&](const char* area) { return panel_base + "/" + area + "/" + id; };
    switch (service.type) {
        case ServiceType::hosting:
            return {panel("hosting"), "access.hosting_panel"};
        case ServiceType::web_builder:
            return {panel("web-builder"), "access.web_builder"};
        case ServiceType::audio_streaming:
            return {panel("radio"), "access.radio_panel"};
        case ServiceType::video_streaming:
            return {panel("video"), "access.video_panel"};
        case ServiceType::corporate_mail:
            return {panel("mail"), "access.mailboxes"};
        case ServiceType::domain:
            return {panel("domains"), "access.domain_panel"};
        case ServiceType::reseller:
            return {panel("reseller"), "access.reseller_panel"};
        // The news sites are WordPress sites on the client's own domain: their admin is the panel.
        case ServiceType::simplenews:
        case ServiceType::portal_noticioso:
        case ServiceType::noticioso_plus:
            return {"https://" + service.domain + "/wp-admin/", "access.site_admin"};
        case ServiceType::audio_app:
        case ServiceType::video_app:
            return {panel("apps"), "access.app_console"};
        // Voice-overs are delivered through the audio cloud (a Nextcloud, RULES.md §2).
        case ServiceType::voice_over:
            return {panel("audio-cloud"), "access.audio_cloud"};
        case ServiceType::web_design:
            return {panel("projects"), "access.design_project"};
    }
    return {panel("services"), "access.control_panel"};
}

}  // namespace portal::backend
