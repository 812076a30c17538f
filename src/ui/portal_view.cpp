#include "imgui.h"
#include "ui/screens.h"

namespace portal::ui {
namespace {

// Keeps the first non-empty intent of a frame (one click can only mean one thing).
void keep(app::Intent& kept, app::Intent next) {
    if (app::is_empty(kept)) kept = std::move(next);
}

}  // namespace

app::Intent draw_portal(app::PortalApp& app) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags kPage = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
    app::Intent intent;
    ImGui::Begin("portal", nullptr, kPage);
    const app::PortalState& state = app.state();
    keep(intent, draw_top_bar(state));
    using Page = app::Route::Page;
    switch (state.route.page) {
        case Page::login:
            keep(intent, draw_login(app.login_form(), state.language));
            break;
        case Page::services:
            keep(intent, draw_services(state));
            break;
        case Page::service:
            keep(intent, draw_service(app));
            break;
        case Page::manuals:
        case Page::manual:
            keep(intent, draw_manuals(app));
            break;
        case Page::upgrade:
            keep(intent, draw_upgrade(app));
            break;
        case Page::cancellation:
            keep(intent, draw_cancellation(app));
            break;
    }
    ImGui::End();
    return intent;
}

}  // namespace portal::ui
