#include <string>

#include "app/texts/support_texts.h"
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
    text(with_icon(icon::kServer, app::tr(lang, Text::app_title)), color::kPrimary);
    ImGui::PopFont();
    if (state.session) {
        // The portal's sections, as tabs: where the client is shows as selected.
        using Page = app::Route::Page;
        const Page page = state.route.page;
        const bool in_services = page == Page::services || page == Page::service ||
                                 page == Page::upgrade || page == Page::cancellation;
        const bool in_manuals = page == Page::manuals || page == Page::manual;
        same_line_if_fits(button_width(app::tr(lang, Text::my_services)), 32);
        if (tab(app::tr(lang, Text::my_services), in_services)) {
            intent = app::Navigate{app::Route{Page::services}};
        }
        same_line_if_fits(button_width(app::tr(lang, Text::invoices)));
        if (tab(app::tr(lang, Text::invoices), page == Page::invoices)) {
            intent = app::Navigate{app::Route{Page::invoices}};
        }
        const char* support = app::tr(lang, app::SupportText::tab);
        const bool in_support =
            page == Page::support || page == Page::ticket || page == Page::new_ticket;
        same_line_if_fits(button_width(support));
        if (tab(support, in_support)) intent = app::Navigate{app::Route{Page::support}};
        same_line_if_fits(button_width(app::tr(lang, Text::manuals)));
        if (tab(app::tr(lang, Text::manuals), in_manuals)) {
            intent = app::Navigate{app::Route{Page::manuals}};
        }
    }

    // Right-aligned: language switch and sign-out; on a narrow screen (a phone) they go to the
    // next line rather than overlap the tabs.
    const std::string language = app::tr(lang, Text::language_toggle);
    std::string sign_out;
    const ImGuiStyle& style = ImGui::GetStyle();
    float right = ImGui::CalcTextSize(language.c_str()).x + style.FramePadding.x * 2;
    if (state.session) {
        sign_out = with_icon(icon::kSignOut, app::tr(lang, Text::sign_out));
        right += ImGui::CalcTextSize(sign_out.c_str()).x + style.FramePadding.x * 2 +
                 style.ItemSpacing.x;
    }
    same_line_if_fits(right);
    const float right_start = ImGui::GetContentRegionMax().x - right;
    if (ImGui::GetCursorPosX() < right_start) ImGui::SetCursorPosX(right_start);
    if (button(language.c_str())) {
        intent =
            app::ChooseLanguage{lang == app::Language::es ? app::Language::en : app::Language::es};
    }
    if (state.session) {
        ImGui::SameLine();
        if (button(sign_out.c_str())) intent = app::SignOut{};
    }
    if (state.demo) {
        // Nobody must mistake the demo for their real account.
        badge(app::tr(lang, Text::demo_mode), color::kWarning);
        ImGui::SameLine();
        text_wrapped(app::tr(lang, Text::demo_mode_hint), color::kMuted);
        same_line_if_fits(button_width(app::tr(lang, Text::reset_demo)));
        if (button(app::tr(lang, Text::reset_demo))) ImGui::OpenPopup("reset-demo");
        if (ImGui::BeginPopupModal(
                "reset-demo", nullptr,
                ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            text_wrapped(app::tr(lang, Text::reset_demo_question));
            ImGui::PopTextWrapPos();
            if (primary_button(app::tr(lang, Text::reset_demo_confirm))) {
                intent = app::ResetDemo{};
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (button(app::tr(lang, Text::cancel))) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }
    ImGui::Separator();
    ImGui::Spacing();
    return intent;
}

}  // namespace portal::ui
