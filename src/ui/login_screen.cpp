#include <algorithm>
#include <string>

#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {

app::Intent draw_login(app::LoginForm& form, app::Language lang) {
    using app::Text;
    app::Intent intent;
    // A centred card, as wide as a phone allows.
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(420.0f, available);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (available - width) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                         std::max(0.0f, ImGui::GetContentRegionAvail().y * 0.12f));
    begin_card("login-card", width);
    title(app::tr(lang, Text::login_title));
    text_wrapped(app::tr(lang, Text::login_subtitle), color::kMuted);
    ImGui::Spacing();

    const float field = ImGui::GetContentRegionAvail().x;
    bool submit = false;
    submit |= text_field(app::tr(lang, Text::email), form.email, FieldKind::email, form.email_error,
                         lang, field);
    submit |= text_field(app::tr(lang, Text::password), form.password, FieldKind::password,
                         form.password_error, lang, field);
    ImGui::Spacing();
    if (form.problem) {
        submit |= problem_box(*form.problem, lang);  // "Reintentar" signs in again
        ImGui::Spacing();
    }
    const std::string label =
        with_icon(icon::kLock, app::tr(lang, form.submitting ? Text::signing_in : Text::sign_in));
    submit |= primary_button(label.c_str(), !form.submitting, field);
    if (submit && !form.submitting) intent = app::SubmitLogin{};
    end_card();
    return intent;
}

}  // namespace portal::ui
