#include "ui/widgets.h"

#include <string>

#include "imgui_stdlib.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/item_tree.h"

namespace portal::ui {
namespace {

void report_text(std::string_view value) {
    item_tree_report_last_item(std::string(value), ItemRole::text);
}

}  // namespace

void text(std::string_view value, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
    ImGui::PopStyleColor();
    report_text(value);
}

void text_wrapped(std::string_view value, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    report_text(value);
}

void heading(std::string_view value) {
    ImGui::PushFont(fonts().heading);
    text(value);
    ImGui::PopFont();
}

void title(std::string_view value) {
    ImGui::PushFont(fonts().title);
    text(value);
    ImGui::PopFont();
}

bool button(const char* label, bool enabled) {
    ImGui::BeginDisabled(!enabled);
    item_tree_next(ItemRole::button);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    return pressed && enabled;
}

bool primary_button(const char* label, bool enabled, float width) {
    return coloured_button(label, enabled, width, color::kPrimary, IM_COL32(0x2A, 0x6F, 0xD6, 0xFF),
                           IM_COL32(0x17, 0x4A, 0x96, 0xFF));
}

bool coloured_button(const char* label, bool enabled, float width, ImU32 normal, ImU32 hovered,
                     ImU32 active) {
    ImGui::PushStyleColor(ImGuiCol_Button, normal);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, active);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::BeginDisabled(!enabled);
    item_tree_next(ItemRole::button);
    const bool pressed = ImGui::Button(label, ImVec2(width, 0));
    ImGui::EndDisabled();
    ImGui::PopStyleColor(4);
    return pressed && enabled;
}

bool tab(const char* label, bool selected) {
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? IM_COL32(0xDC, 0xE7, 0xF8, 0xFF) : 0);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? color::kPrimary : color::kText);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    item_tree_next(ItemRole::tab);
    const bool pressed = ImGui::Button(label);
    if (selected) {
        // Reported as checked: the tab that is open.
        item_tree_mark_last_checked();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    return pressed;
}

bool text_field(const char* label, std::string& value, FieldKind kind,
                std::optional<app::Text> error, app::Language language, float width) {
    text(label, color::kMuted);
    ImGui::SetNextItemWidth(width);
    const std::string id = std::string("##") + label;
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (kind == FieldKind::password) flags |= ImGuiInputTextFlags_Password;
    // An address has no blanks (a space from a phone's suggestions is dropped as it is typed).
    // The flag also tells the platform layer to open the email keyboard.
    if (kind == FieldKind::email) flags |= ImGuiInputTextFlags_CharsNoBlank;
    if (error) ImGui::PushStyleColor(ImGuiCol_Border, color::kDanger);
    item_tree_next(ItemRole::input, label);
    const bool entered = ImGui::InputText(id.c_str(), &value, flags);
    if (error) {
        ImGui::PopStyleColor();
        text_wrapped(std::string(icon::kWarning) + " " + app::tr(language, *error), color::kDanger);
    }
    return entered;
}

bool problem_box(const app::Problem& problem, app::Language language) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::Indent(12.0f);
    ImGui::Dummy(ImVec2(0, 4));
    text_wrapped(std::string(icon::kWarning) + "  " + app::tr(language, problem.what),
                 color::kDanger);
    text_wrapped(app::tr(language, problem.next_step), color::kText);
    bool retry = false;
    if (problem.retryable) {
        const std::string label =
            std::string(icon::kRefresh) + "  " + app::tr(language, app::Text::retry);
        retry = button(label.c_str());
    }
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::Unindent(12.0f);
    ImGui::EndGroup();
    draw->ChannelsSetCurrent(0);
    const ImVec2 end(ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x,
                     ImGui::GetItemRectMax().y);
    draw->AddRectFilled(start, end, IM_COL32(0xFD, 0xEC, 0xEA, 0xFF), 6.0f);
    draw->AddRect(start, end, IM_COL32(0xF1, 0xB0, 0xA8, 0xFF), 6.0f);
    draw->ChannelsMerge();
    return retry;
}

void badge(std::string_view value, ImU32 color) {
    const ImVec2 size = ImGui::CalcTextSize(value.data(), value.data() + value.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 pad(8, 2);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 fill = (color & 0x00FFFFFF) | (0x22u << IM_COL32_A_SHIFT);
    draw->AddRectFilled(pos, ImVec2(pos.x + size.x + pad.x * 2, pos.y + size.y + pad.y * 2), fill,
                        size.y);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad.x, pos.y + pad.y));
    text(value, color);
}

ImU32 status_color(domain::ServiceStatus status) {
    switch (status) {
        case domain::ServiceStatus::active:
            return color::kSuccess;
        case domain::ServiceStatus::pending:
            return color::kWarning;
        case domain::ServiceStatus::suspended:
            return color::kDanger;
        case domain::ServiceStatus::cancelled:
        case domain::ServiceStatus::terminated:
            return color::kMuted;
    }
    return color::kMuted;
}

}  // namespace portal::ui
