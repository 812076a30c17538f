// The top bar: the portal's name, its sections as tabs, the language switch and sign-out.
// On a desktop, one row with the tabs beside the name and the rest on the right; on a phone
// (theme.h's phone_layout), one row with the name and a «Menú» button that opens the tabs, the
// language switch and sign-out in a list.
#include <algorithm>
#include <optional>
#include <string>

#include "app/account_flow.h"
#include "imgui.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

using app::Text;
using Page = app::Route::Page;

// One section of the portal: its tab's name, where it leads, which screens belong to it (its
// tab shows as open there) and the permission a secondary contact needs to see it (none: every
// signed-in person sees it). A new section is one more line in kSections.
struct SectionTab {
    Text name;
    Page opens;
    bool (*holds)(Page);
    std::optional<domain::Permission> needs;
};

constexpr SectionTab kSections[] = {
    {Text::my_services, Page::services,
     [](Page p) {
         return p == Page::services || p == Page::service || p == Page::upgrade ||
                p == Page::cancellation;
     },
     domain::Permission::services_view},
    {Text::invoices, Page::invoices, [](Page p) { return p == Page::invoices; },
     domain::Permission::invoices},
    {Text::support, Page::support,
     [](Page p) {
         return p == Page::support || p == Page::ticket || p == Page::new_ticket ||
                p == Page::status;
     },
     domain::Permission::tickets},
    {Text::manuals, Page::manuals, [](Page p) { return p == Page::manuals || p == Page::manual; },
     std::nullopt},
    {Text::my_account, Page::account, [](Page p) { return p == Page::account; }, std::nullopt},
};

void draw_name(app::Language lang) {
    ImGui::PushFont(fonts().heading);
    ImGui::AlignTextToFramePadding();
    text(with_icon(icon::kServer, app::tr(lang, Text::app_title)), color::kPrimary);
    ImGui::PopFont();
}

// The tabs, one after another (full-width rows in the phone's menu); the pressed one's intent.
void draw_tabs(const app::PortalState& state, bool in_menu, app::Intent& intent) {
    const app::Language lang = state.language;
    bool first = true;
    for (const SectionTab& section : kSections) {
        // A contact sees only the tabs its permissions open (RULES.md §10).
        if (section.needs && !app::may(state.session, *section.needs)) continue;
        const char* name = app::tr(lang, section.name);
        if (!in_menu) same_line_if_fits(button_width(name), first ? 32.0f : -1.0f);
        first = false;
        if (tab(name, section.holds(state.route.page), in_menu ? -1.0f : 0.0f)) {
            intent = app::Navigate{app::Route{section.opens}};
        }
    }
}

// The language switch offers the other language, named in itself.
const char* other_language_name(app::Language lang) {
    return app::language_name(lang == app::Language::es ? app::Language::en : app::Language::es);
}

void draw_language(const app::PortalState& state, float width, app::Intent& intent) {
    const app::Language lang = state.language;
    if (button(other_language_name(lang), true, width)) {
        intent =
            app::ChooseLanguage{lang == app::Language::es ? app::Language::en : app::Language::es};
    }
}

void draw_sign_out(const app::PortalState& state, float width, app::Intent& intent) {
    const std::string sign_out = with_icon(icon::kSignOut, app::tr(state.language, Text::sign_out));
    if (button(sign_out.c_str(), true, width)) intent = app::SignOut{};
}

// Puts the cursor so that `width` ends at the right edge, on this row when it fits.
void align_right(float width) {
    same_line_if_fits(width);
    const float right_start = ImGui::GetContentRegionMax().x - width;
    if (ImGui::GetCursorPosX() < right_start) ImGui::SetCursorPosX(right_start);
}

void draw_wide(const app::PortalState& state, app::Intent& intent) {
    const app::Language lang = state.language;
    if (state.session) draw_tabs(state, false, intent);
    const ImGuiStyle& style = ImGui::GetStyle();
    float right = button_width(other_language_name(lang));
    if (state.session) {
        right += button_width(with_icon(icon::kSignOut, app::tr(lang, Text::sign_out)).c_str()) +
                 style.ItemSpacing.x;
    }
    align_right(right);
    draw_language(state, 0.0f, intent);
    if (state.session) {
        ImGui::SameLine();
        draw_sign_out(state, 0.0f, intent);
    }
}

void draw_phone(const app::PortalState& state, app::Intent& intent) {
    const app::Language lang = state.language;
    if (!state.session) {
        // Signed out there is nothing but the language to choose.
        align_right(button_width(other_language_name(lang)));
        draw_language(state, 0.0f, intent);
        return;
    }
    const std::string menu = with_icon(icon::kBars, app::tr(lang, Text::menu));
    align_right(button_width(menu.c_str()));
    if (button(menu.c_str())) ImGui::OpenPopup("menu");
    // Under the button, flush with its right edge.
    const ImVec2 below = ImGui::GetItemRectMax();
    ImGui::SetNextWindowPos(ImVec2(below.x, below.y + 4.0f), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.7f, 0));
    if (ImGui::BeginPopup("menu")) {
        app::Intent chosen;
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
        draw_tabs(state, true, chosen);
        ImGui::Separator();
        draw_language(state, -1.0f, chosen);
        draw_sign_out(state, -1.0f, chosen);
        ImGui::PopStyleVar();
        if (!app::is_empty(chosen)) {
            intent = std::move(chosen);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void draw_demo_line(const app::PortalState& state, app::Intent& intent) {
    const app::Language lang = state.language;
    // Nobody must mistake the demo for their real account.
    badge(app::tr(lang, Text::demo_mode), color::kWarning);
    ImGui::SameLine();
    text_wrapped(app::tr(lang, Text::demo_mode_hint), color::kMuted);
    same_line_if_fits(button_width(app::tr(lang, Text::reset_demo)));
    if (button(app::tr(lang, Text::reset_demo))) ImGui::OpenPopup("reset-demo");
    if (ImGui::BeginPopupModal("reset-demo", nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::PushTextWrapPos(
            std::min(ImGui::GetFontSize() * 24, ImGui::GetMainViewport()->Size.x * 0.8f));
        text_wrapped(app::tr(lang, Text::reset_demo_question));
        ImGui::PopTextWrapPos();
        if (primary_button(app::tr(lang, Text::reset_demo_confirm))) {
            intent = app::ResetDemo{};
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        // Escape answers «Cancelar», as in any dialog (ImGui leaves a modal open on Escape).
        const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
        if (button(app::tr(lang, Text::cancel)) || escape) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace

app::Intent draw_top_bar(const app::PortalState& state) {
    app::Intent intent;
    draw_name(state.language);
    if (phone_layout()) {
        draw_phone(state, intent);
    } else {
        draw_wide(state, intent);
    }
    if (state.demo) draw_demo_line(state, intent);
    ImGui::Separator();
    ImGui::Spacing();
    return intent;
}

}  // namespace portal::ui
