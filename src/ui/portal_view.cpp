#include "imgui.h"
#include "ui/item_tree.h"
#include "ui/screens.h"

namespace portal::ui {

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
    app::Intent bar = draw_top_bar(state);
    if (!std::holds_alternative<std::monostate>(bar)) intent = bar;
    app::Intent screen;
    switch (state.screen) {
        case app::Screen::login:
            screen = draw_login(app.login_form(), state.language);
            break;
        case app::Screen::services:
            screen = draw_services(state);
            break;
    }
    if (!std::holds_alternative<std::monostate>(screen)) intent = screen;
    ImGui::End();
    return intent;
}

}  // namespace portal::ui
