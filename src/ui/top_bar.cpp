#include <string>

#include "imgui.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {

app::Intent draw_top_bar(const app::PortalState& state) {
    using app::Text;
    app::Intent intent;
    const app::Language lang = state.language;
    ImGui::PushFont(fonts().heading);
    ImGui::AlignTextToFramePadding();
    text(std::string(icon::kServer) + "  " + app::tr(lang, Text::app_title), color::kPrimary);
    ImGui::PopFont();
    if (state.session) {
        // The portal's sections, as tabs: where the client is shows as selected.
        using Page = app::Route::Page;
        const Page page = state.route.page;
        const bool in_services = page == Page::services || page == Page::service ||
                                 page == Page::upgrade || page == Page::cancellation;
        const bool in_manuals = page == Page::manuals || page == Page::manual;
        ImGui::SameLine(0, 32);
        if (tab(app::tr(lang, Text::my_services), in_services)) {
            intent = app::Navigate{app::Route{Page::services}};
        }
        ImGui::SameLine();
        if (tab(app::tr(lang, Text::manuals), in_manuals)) {
            intent = app::Navigate{app::Route{Page::manuals}};
        }
    }

    // Right-aligned: the signed-in client, language switch and sign-out.
    const std::string language = app::tr(lang, Text::language_toggle);
    std::string sign_out;
    float right = ImGui::CalcTextSize(language.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (state.session) {
        sign_out = std::string(icon::kSignOut) + "  " + app::tr(lang, Text::sign_out);
        right += ImGui::CalcTextSize(sign_out.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 +
                 ImGui::GetStyle().ItemSpacing.x;
    }
    ImGui::SameLine(ImGui::GetContentRegionMax().x - right);
    if (button(language.c_str())) {
        intent =
            app::ChooseLanguage{lang == app::Language::es ? app::Language::en : app::Language::es};
    }
    if (state.session) {
        ImGui::SameLine();
        if (button(sign_out.c_str())) intent = app::SignOut{};
    }
    ImGui::Separator();
    ImGui::Spacing();
    return intent;
}

}  // namespace portal::ui
