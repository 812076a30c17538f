#include "core/access_links.h"

#include <algorithm>
#include <iterator>

namespace portal::backend {
namespace {

using domain::ServiceType;

// Where each product's own panel lives under the panel base, and how the page labels the link.
struct PanelArea {
    ServiceType type;
    const char* area;
    const char* label_key;
};

constexpr PanelArea kPanelAreas[] = {
    {ServiceType::hosting, "hosting", "access.hosting_panel"},
    {ServiceType::web_builder, "web-builder", "access.web_builder"},
    {ServiceType::audio_streaming, "radio", "access.radio_panel"},
    {ServiceType::video_streaming, "video", "access.video_panel"},
    {ServiceType::corporate_mail, "mail", "access.mailboxes"},
    {ServiceType::domain, "domains", "access.domain_panel"},
    {ServiceType::reseller, "reseller", "access.reseller_panel"},
    {ServiceType::audio_app, "apps", "access.app_console"},
    {ServiceType::video_app, "apps", "access.app_console"},
    // Voice-overs are delivered through the audio cloud (a Nextcloud, RULES.md §2).
    {ServiceType::voice_over, "audio-cloud", "access.audio_cloud"},
    {ServiceType::web_design, "projects", "access.design_project"},
};

// The news sites are WordPress sites on the client's own domain: their admin is the panel.
bool is_news_site(ServiceType type) {
    return type == ServiceType::simplenews || type == ServiceType::portal_noticioso ||
           type == ServiceType::noticioso_plus;
}

}  // namespace

AccessLink access_link(const domain::Service& service, const std::string& panel_base) {
    if (is_news_site(service.type)) {
        return {"https://" + service.domain + "/wp-admin/", "access.site_admin"};
    }
    const auto* found = std::find_if(std::begin(kPanelAreas), std::end(kPanelAreas),
                                     [&](const PanelArea& p) { return p.type == service.type; });
    const char* area = found != std::end(kPanelAreas) ? found->area : "services";
    const char* label = found != std::end(kPanelAreas) ? found->label_key : "access.control_panel";
    return {panel_base + "/" + area + "/" + std::to_string(service.id), label};
}

}  // namespace portal::backend
