#include "imgui.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/way_back.h"

namespace portal::ui {
namespace {

app::Intent draw_page(app::PortalApp& app) {
    const app::PortalState& state = app.state();
    using Page = app::Route::Page;
    // One page a line; the switch has no default, so a page added to Route::Page and not drawn
    // here is a compiler warning (an error with -Werror).
    // clang-format off
    switch (state.route.page) {
        case Page::login: return draw_login(app.login_form(), state.language);
        case Page::services: return draw_services(app);
        case Page::service: return draw_service(app);
        case Page::manuals: case Page::manual: return draw_manuals(app);
        case Page::upgrade: return draw_upgrade(app);
        case Page::cancellation: return draw_cancellation(app);
        case Page::invoices: return draw_invoices(app);
        case Page::account: return draw_account(app);
        case Page::invitation: return draw_invitation(app);
        case Page::support: return draw_support(app);
        case Page::ticket: return draw_ticket(app);
        case Page::new_ticket: return draw_new_ticket(app);
        case Page::status: return draw_status(app);
    }
    // clang-format on
    return {};
}

}  // namespace

app::Intent draw_portal(app::PortalApp& app) {
    apply_layout();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    // No background: the renderer clears the canvas to the same colour, and a full-screen quad
    // on top of that is the largest fill of every frame for a software-rendered WebGL.
    constexpr ImGuiWindowFlags kPage =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
    app::Intent intent;
    way_back_begin_frame();
    ImGui::Begin("portal", nullptr, kPage);
    keep(intent, draw_top_bar(app.state()));
    keep(intent, draw_page(app));
    ImGui::End();
    way_back_end_frame();
    return intent;
}

}  // namespace portal::ui
