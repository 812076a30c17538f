#include "ui/widgets.h"

#include <algorithm>
#include <string>

#include "domain/enum_map.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/item_tree.h"
#include "ui/way_back.h"

namespace portal::ui {
namespace {

void report_text(std::string_view value) {
    item_tree_report_last_item(std::string(value), ItemRole::text);
}

bool button_sized(const char* label, bool enabled, float width) {
    ImGui::BeginDisabled(!enabled);
    item_tree_next(ItemRole::button, label);
    const bool pressed = ImGui::Button(label, ImVec2(width, 0));
    ImGui::EndDisabled();
    return pressed && enabled;
}

// A button drawn in given colours with white text; never fires while disabled.
bool coloured_button(const char* label, bool enabled, float width, ImU32 normal, ImU32 hovered,
                     ImU32 active) {
    ImGui::PushStyleColor(ImGuiCol_Button, normal);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, active);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kOnColour);
    const bool pressed = button_sized(label, enabled, width);
    ImGui::PopStyleColor(4);
    return pressed;
}

// The label above a field, the field's border red when it has an error, the error under it.
// The field's error is its accessible description (item_tree_mark_invalid).
template <class DrawField>
auto labelled_field(const char* label, const char* error, DrawField draw_field) {
    text(label, color::kMuted);
    if (error) ImGui::PushStyleColor(ImGuiCol_Border, color::kDanger);
    item_tree_next(ItemRole::input, label);
    const std::string id = std::string("##") + label;
    const auto result = draw_field(id, ImGui::GetID(id.c_str()));
    const int field = item_tree_last_index();
    if (error) {
        ImGui::PopStyleColor();
        text_wrapped(std::string(icon::kWarning) + " " + error, color::kDanger);
        item_tree_mark_invalid(field);
    }
    return result;
}

// Escape leaves the field being edited and keeps what was typed. (ImGui's own Escape puts back
// the text the field held when it was entered: a long message would be lost to one key.) Called
// before the field is drawn: a field that stops being active before it is drawn keeps its text.
void leave_on_escape_keeping_text(ImGuiID field) {
    if (ImGui::GetActiveID() == field && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        ImGui::ClearActiveID();
    }
}

// What a password manager may fill into a field of this kind.
Autofill autofill_of(FieldKind kind) {
    switch (kind) {
        case FieldKind::email:
            return Autofill::username;
        case FieldKind::password:
            return Autofill::current_password;
        case FieldKind::text:
            break;
    }
    return Autofill::none;
}

}  // namespace

// [SECTION] Text

void text(std::string_view value, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
    ImGui::PopStyleColor();
    report_text(value);
}

void text_wrapped(std::string_view value, ImU32 color) {
    ImGui::PushTextWrapPos(0.0f);
    text(value, color);
    ImGui::PopTextWrapPos();
}

void heading(std::string_view value) {
    ImGui::PushFont(fonts().heading);
    text_wrapped(value);
    item_tree_set_last_role(ItemRole::heading, 2);
    ImGui::PopFont();
}

void title(std::string_view value, float wrap_at) {
    ImGui::PushFont(fonts().title);
    ImGui::PushTextWrapPos(wrap_at);
    text(value);
    item_tree_set_last_role(ItemRole::heading, 1);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

float bullet_text_indent() {
    return ImGui::GetFontSize() * 1.3f;
}

void bullet(std::string_view value) {
    // ImGui's Bullet() draws its dot past the right edge of its own box by the frame's padding,
    // so with a phone's wider padding the text beside it would touch the dot. This one sits inside.
    const float size = ImGui::GetFontSize();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + size * 0.5f, at.y + size * 0.5f),
                                                size * 0.18f, color::kText);
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine(0.0f, bullet_text_indent() - size);
    text_wrapped(value);
    item_tree_set_last_role(ItemRole::list_item);
}

std::string with_icon(const char* icon_text, std::string_view label) {
    return std::string(icon_text) + "  " + std::string(label);
}

void loading_line(app::Language language, std::string_view what) {
    text(with_icon(icon::kSpinner, what.empty() ? app::tr(language, app::Text::loading) : what),
         color::kMuted);
}

void empty_line(std::string_view what) {
    text_wrapped(with_icon(icon::kInbox, what), color::kMuted);
}

void progress_bar(float fraction, const std::string& overlay) {
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, color::kPrimary);
    ImGui::ProgressBar(fraction, ImVec2(-1.0f, 0.0f), overlay.c_str());
    ImGui::PopStyleColor();
    report_text(overlay);
}

// Around a badge's words.
constexpr ImVec2 kBadgePadding(8, 2);

void badge(std::string_view value, ImU32 color) {
    const ImVec2 size = ImGui::CalcTextSize(value.data(), value.data() + value.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 pad = kBadgePadding;
    ImGui::GetWindowDrawList()->AddRectFilled(
        pos, ImVec2(pos.x + size.x + pad.x * 2, pos.y + size.y + pad.y * 2),
        with_alpha(color, 0x22), size.y);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad.x, pos.y + pad.y));
    text(value, color);
    // The pill's right end is part of the badge: whatever follows on its line starts after it.
    ImGui::SameLine(0.0f, 0.0f);
    ImGui::Dummy(ImVec2(pad.x, size.y));
}

float text_width(std::string_view value) {
    return ImGui::CalcTextSize(value.data(), value.data() + value.size()).x;
}

float badge_width(std::string_view value) {
    return text_width(value) + 2.0f * kBadgePadding.x;
}

void badge_beside(std::string_view value, ImU32 color) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < badge_width(value)) {
        ImGui::NewLine();
    } else {
        // Its words sit its padding below its top: raised by as much, they stand on the line.
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - kBadgePadding.y);
    }
    badge(value, color);
}

// [SECTION] Buttons and links

bool button(const char* label, bool enabled, float width) {
    return button_sized(label, enabled, width);
}

bool primary_button(const char* label, bool enabled, float width) {
    return coloured_button(label, enabled, width, color::kPrimary, color::kPrimaryHovered,
                           color::kPrimaryActive);
}

bool danger_button(const char* label, bool enabled, float width) {
    return coloured_button(label, enabled, width, color::kDanger, color::kDangerHovered,
                           color::kDangerActive);
}

bool row_button(const std::string& visible, const std::string& readable, const std::string& id,
                bool enabled) {
    ImGui::BeginDisabled(!enabled);
    item_tree_next(ItemRole::button, readable);
    const bool pressed = ImGui::Button((visible + "##" + id).c_str());
    ImGui::EndDisabled();
    return pressed && enabled;
}

bool link(std::string_view label) {
    const char* begin = label.data();
    const char* end = begin + label.size();
    // A long name wraps at the window's edge rather than run past it; on a phone the link is a
    // touch target tall, its text centred in it.
    const float wrap = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    const ImVec2 size = ImGui::CalcTextSize(begin, end, false, wrap);
    const float height = phone_layout() ? std::max(size.y, kTouchTarget) : size.y;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    // Reported before ImGui's clipping test (item_tree.cpp): a link out of view is still listed.
    item_tree_next(ItemRole::link, std::string(label));
    ImGui::PushID(begin, end);
    const bool pressed = ImGui::InvisibleButton("##link", ImVec2(std::max(size.x, 1.0f), height));
    ImGui::PopID();
    // The keyboard's focus ring, as ImGui draws it around its own widgets.
    ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()),
                              ImGui::GetItemID());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at(pos.x, pos.y + (height - size.y) * 0.5f);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, color::kPrimary, begin, end, wrap);
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        draw->AddLine(ImVec2(at.x, at.y + size.y), ImVec2(at.x + size.x, at.y + size.y),
                      color::kPrimary);
    }
    return pressed;
}

bool link_back(std::string_view label) {
    const bool clicked = link(std::string("\xe2\x80\xb9 ") + std::string(label));
    return clicked || escape_goes_back();
}

bool tab(const char* label, bool selected, float width) {
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? color::kSelected : 0);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? color::kPrimary : color::kText);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    item_tree_next(ItemRole::tab, label);
    const bool pressed = ImGui::Button(label, ImVec2(width, 0));
    if (selected) {
        // Reported as checked: the tab that is open.
        item_tree_mark_last_checked();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    return pressed;
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

namespace {

enum class ChoiceMark { box, circle };

// A checkbox or a radio: its mark is drawn at the size of a desktop frame even where the row is
// taller (a phone's 44 px touch target: ImGui would draw a 44 px circle), the label beside it,
// wrapped at the window's edge (ImGui's would run past it), the whole row pressable.
float choice_mark_side() {
    return std::min(ImGui::GetFrameHeight(), desktop_frame_height());
}

bool choice(const char* label, bool on, bool enabled, ChoiceMark mark) {
    ImGui::BeginDisabled(!enabled);
    item_tree_next(mark == ChoiceMark::box ? ItemRole::checkbox : ItemRole::radio, label);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float side = choice_mark_side();
    const float gap = style.ItemInnerSpacing.x;
    const char* label_end = ImGui::FindRenderedTextEnd(label);
    const float wrap = std::max(1.0f, ImGui::GetContentRegionAvail().x - side - gap);
    const ImVec2 text = ImGui::CalcTextSize(label, label_end, false, wrap);
    const float row = std::max(ImGui::GetFrameHeight(), text.y + 2.0f * kFramePaddingY);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(side + gap + text.x, row));
    if (on) item_tree_mark_last_checked();
    ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()),
                              ImGui::GetItemID());

    // The mark sits on the label's first line.
    const float text_top = pos.y + (row - text.y) * 0.5f;
    const ImVec2 min(pos.x, text_top + (ImGui::GetFontSize() - side) * 0.5f);
    const ImVec2 max(min.x + side, min.y + side);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 fill = ImGui::GetColorU32(ImGui::IsItemActive()    ? ImGuiCol_FrameBgActive
                                          : ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered
                                                                   : ImGuiCol_FrameBg);
    const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 check = ImGui::GetColorU32(ImGuiCol_CheckMark);
    const float border_size = std::max(1.0f, style.FrameBorderSize);
    if (mark == ChoiceMark::circle) {
        const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
        const float radius = (side - 1.0f) * 0.5f;
        draw->AddCircleFilled(centre, radius, fill);
        if (on) draw->AddCircleFilled(centre, radius - std::max(1.0f, side / 6.0f), check);
        draw->AddCircle(centre, radius, border, 0, border_size);
    } else {
        draw->AddRectFilled(min, max, fill, style.FrameRounding);
        if (on) {
            const float pad = std::max(1.0f, side / 6.0f);
            ImGui::RenderCheckMark(draw, ImVec2(min.x + pad, min.y + pad), check, side - pad * 2);
        }
        draw->AddRect(min, max, border, style.FrameRounding, 0, border_size);
    }
    ImGui::RenderTextWrapped(ImVec2(max.x + gap, text_top), label, label_end, wrap);
    ImGui::EndDisabled();
    return pressed && enabled;
}

}  // namespace

bool checkbox(const char* label, bool checked, bool enabled) {
    return choice(label, checked, enabled, ChoiceMark::box);
}

bool radio(const char* label, bool selected, bool enabled) {
    return choice(label, selected, enabled, ChoiceMark::circle);
}

float choice_label_indent() {
    return choice_mark_side() + ImGui::GetStyle().ItemInnerSpacing.x;
}

// [SECTION] Fields

bool text_field(const char* label, std::string& value, FieldKind kind,
                std::optional<app::Text> error, app::Language language, float width) {
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (kind == FieldKind::password) flags |= ImGuiInputTextFlags_Password;
    // An address has no blanks (a space from a phone's suggestions is dropped as it is typed).
    // The flag also tells the platform layer to open the email keyboard.
    if (kind == FieldKind::email) flags |= ImGuiInputTextFlags_CharsNoBlank;
    // A field a password manager fills is a real browser field on the page (item_tree.h): what
    // is typed there, and its Enter, arrive through the item tree.
    return labelled_field(label, error ? app::tr(language, *error) : nullptr,
                          [&](const std::string& id, ImGuiID item) {
                              item_tree_take_field_text(item, value);
                              leave_on_escape_keeping_text(item);
                              ImGui::SetNextItemWidth(width);
                              bool entered = ImGui::InputText(id.c_str(), &value, flags);
                              entered |= item_tree_take_field_submit(item);
                              const Autofill autofill = autofill_of(kind);
                              if (autofill != Autofill::none) {
                                  item_tree_mark_last_autofill(autofill, value);
                              }
                              return entered;
                          });
}

void multiline_field(const char* label, std::string& value, const char* error, float height) {
    labelled_field(label, error, [&](const std::string& id, ImGuiID item) {
        leave_on_escape_keeping_text(item);
        const bool changed = ImGui::InputTextMultiline(id.c_str(), &value, ImVec2(-1.0f, height));
        item_tree_mark_last_multiline();
        return changed;
    });
}

}  // namespace portal::ui
