// The portal's own widgets: thin layers over Dear ImGui that (1) look like the portal (colours
// from theme.h) and (2) report themselves to the item tree with a readable label and role, text
// included. Screens draw with these only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/problem.h"
#include "app/strings.h"
#include "imgui.h"
#include "ui/rows_in_view.h"
#include "ui/theme.h"

namespace portal::ui {

// [SECTION] Text

// Text the client reads; reported to the item tree as role "text".
void text(std::string_view value, ImU32 color = color::kText);
void text_wrapped(std::string_view value, ImU32 color = color::kText);
void heading(std::string_view value);
// A screen's title, wrapped at `wrap_at` (ImGui's PushTextWrapPos; 0: the window's edge).
void title(std::string_view value, float wrap_at = 0.0f);
// "• text", wrapped.
void bullet(std::string_view value);
// How far a bullet's text starts from the bullet's left edge: what belongs to the item (a link
// under it) lines up with its text.
float bullet_text_indent();
// "<spinner>  what", muted: something is on its way ("Cargando…" when `what` is empty).
void loading_line(app::Language language, std::string_view what = {});
// A bar filled to `fraction` with `overlay` written on it (reported as text).
void progress_bar(float fraction, const std::string& overlay);
// "<inbox>  what", muted: a list with nothing in it.
void empty_line(std::string_view what);
// A list the page loads: each row drawn in the ImGui id scope of its `id`, with space after it;
// `empty` when there is none, or the loading line while it is on its way (`rows` is null until
// it arrives). A long list draws only the rows in and around the view (rows_in_view.h).
template <class Rows, class DrawRow>
void loaded_list(const Rows* rows, bool loading, std::string_view empty, app::Language language,
                 DrawRow draw_row) {
    if (!rows) {
        if (loading) loading_line(language);
        return;
    }
    if (rows->empty()) empty_line(empty);
    RowsInView view(rows->size());
    for (const auto& row : *rows) {
        ImGui::PushID(static_cast<int>(row.id));
        if (view.begin_row()) {
            draw_row(row);
            ImGui::Spacing();
            view.end_row();
        }
        ImGui::PopID();
    }
    view.end();
}
// "<icon>  label": how every label with an icon is spelled.
std::string with_icon(const char* icon_text, std::string_view label);

// A small coloured label, e.g. a service's status.
void badge(std::string_view value, ImU32 color);
// How wide badge(value) is drawn.
float badge_width(std::string_view value);
// How wide `value` is drawn on one line in the current font.
float text_width(std::string_view value);
// A badge after the text just drawn, its words level with that text's; on the next line when the
// rest of the line is too short for it.
void badge_beside(std::string_view value, ImU32 color);

// [SECTION] Buttons and links

// A button; returns true when pressed. Disabled buttons are drawn dimmed and never fire.
bool button(const char* label, bool enabled = true, float width = 0.0f);
bool primary_button(const char* label, bool enabled = true, float width = 0.0f);
// A destructive action: red, and never fires while disabled.
bool danger_button(const char* label, bool enabled = true, float width = 0.0f);
// A button whose visible text repeats on the screen ("Copiar"): `readable` names it for the item
// tree (tests, screen readers); `id` keeps ImGui's ids apart.
bool row_button(const std::string& visible, const std::string& readable, const std::string& id,
                bool enabled = true);
// A text link: primary colour, hand cursor and underline on hover; reported as role "link".
bool link(std::string_view label);
// A link back to where the client came from, marked «‹» like every way back.
bool link_back(std::string_view label);
// A section tab of the top bar; returns true when pressed. `width` as ImGui's (-1: the row's).
bool tab(const char* label, bool selected, float width = 0.0f);
// How wide a button with this label is drawn.
float button_width(const char* label);

// Return true when clicked; the screen then sends the intent with the new value.
bool checkbox(const char* label, bool checked, bool enabled = true);
bool radio(const char* label, bool selected, bool enabled = true);
// How far a checkbox's or radio's label starts from its mark's left edge: text that belongs to
// the choice (a hint under it) lines up with its label.
float choice_label_indent();

// [SECTION] Fields

// What a text field holds: it decides what is shown (dots for a password) and which keyboard a
// phone opens (one with @ for an email; html5_backend.cpp).
enum class FieldKind { text, email, password };

// A labelled text field: the label above, the field, and an error under it when there is one.
// Returns true when Enter was pressed in the field.
bool text_field(const char* label, std::string& value, FieldKind kind,
                std::optional<app::Text> error, app::Language language, float width);
// A labelled multi-line text field (edited in place), with an error under it when there is one.
void multiline_field(const char* label, std::string& value, const char* error, float height);

// [SECTION] Boxes

// A tinted box with a headline (in `color`) and an optional second paragraph.
void notice(std::string_view headline, std::string_view detail, ImU32 color);
// A notice in red with the warning sign: something the client must not miss, or a refusal.
void warning_notice(std::string_view headline, std::string_view detail = {});
// A red box explaining a Problem and what to do; returns true when "Reintentar" is pressed.
bool problem_box(const app::Problem& problem, app::Language language);

// A white card with a border around one block; grows with its content. `width` 0: as wide as
// the space left on the line.
void begin_card(const char* id, float width = 0.0f);
void end_card();

// [SECTION] Layout

// Puts the next widget of `width` on this line when it fits, else on the next one: rows wrap on
// a phone instead of running off the screen.
void same_line_if_fits(float width, float spacing = -1.0f);

// A page that scrolls on its own, with a centred column at most `max_width` wide (a phone gets
// the whole width), headed by its title. Every begin_page needs its end_page.
void begin_page(const char* id, std::string_view page_title, float max_width = 760.0f);
// The same, with a muted line under the title that says what the page is for.
void begin_page(const char* id, std::string_view page_title, std::string_view subtitle);
void end_page();

// The quote: label on the left, amount on the right, one row each. `strong` for the total.
bool begin_amounts(const char* id);
void amount_row(std::string_view label, std::string_view amount, bool strong = false);
void end_amounts();

}  // namespace portal::ui
