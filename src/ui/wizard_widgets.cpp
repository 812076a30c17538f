#include "ui/wizard_widgets.h"

#include <algorithm>

#include "imgui_stdlib.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/item_tree.h"

namespace portal::ui::wizard {

void begin_page(const char* id, float max_width) {
    // The page scrolls inside this child (the portal's window has no scrollbar).
    ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(max_width, available);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (available - width) * 0.5f));
    ImGui::BeginChild("column", ImVec2(width, 0), ImGuiChildFlags_AutoResizeY,
                      ImGuiWindowFlags_NoBackground);
}

void end_page() {
    ImGui::Dummy(ImVec2(0, 24));  // room below the last button
    ImGui::EndChild();
    ImGui::EndChild();
}

void begin_card(const char* id) {
    ImGui::BeginChild(id, ImVec2(0, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding);
}

void end_card() {
    ImGui::EndChild();
}

bool begin_amounts(const char* id) {
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, 2, kFlags)) return false;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("amount", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    return true;
}

void amount_row(std::string_view label, std::string_view amount, bool strong) {
    ImGui::TableNextRow();
    if (strong) {
        // A rule above the total, as on paper.
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddLine(
            ImVec2(start.x, start.y - 4),
            ImVec2(start.x + ImGui::GetContentRegionAvail().x, start.y - 4),
            ImGui::GetColorU32(ImGuiCol_Border), 1.0f);
        ImGui::PushFont(fonts().bold);
    }
    ImGui::TableNextColumn();
    text_wrapped(label);
    ImGui::TableNextColumn();
    const float width = ImGui::CalcTextSize(amount.data(), amount.data() + amount.size()).x;
    const float room = ImGui::GetContentRegionAvail().x;
    if (room > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - width);
    text(amount);
    if (strong) ImGui::PopFont();
}

void end_amounts() {
    ImGui::EndTable();
}

void notice(std::string_view headline, std::string_view detail, ImU32 color) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::Indent(12.0f);
    ImGui::Dummy(ImVec2(0, 2));
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - 12.0f);
    text_wrapped(headline, color);
    if (!detail.empty()) text_wrapped(detail, color::kText);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 2));
    ImGui::Unindent(12.0f);
    ImGui::EndGroup();
    draw->ChannelsSetCurrent(0);
    const ImVec2 end(ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x,
                     ImGui::GetItemRectMax().y);
    const ImU32 fill = (color & 0x00FFFFFF) | (0x18u << IM_COL32_A_SHIFT);
    const ImU32 edge = (color & 0x00FFFFFF) | (0x66u << IM_COL32_A_SHIFT);
    draw->AddRectFilled(start, end, fill, 6.0f);
    draw->AddRect(start, end, edge, 6.0f);
    draw->ChannelsMerge();
}

void bullet(std::string_view value) {
    ImGui::Bullet();
    ImGui::SameLine();
    text_wrapped(value);
}

bool checkbox(const char* label, bool checked, bool enabled) {
    bool value = checked;
    ImGui::BeginDisabled(!enabled);
    item_tree_next(ItemRole::checkbox, label);
    const bool pressed = ImGui::Checkbox(label, &value);
    ImGui::EndDisabled();
    return pressed && enabled;
}

bool radio(const char* label, bool selected, bool enabled) {
    ImGui::BeginDisabled(!enabled);
    item_tree_next(ItemRole::radio, label);
    const bool pressed = ImGui::RadioButton(label, selected);
    if (selected) item_tree_mark_last_checked();
    ImGui::EndDisabled();
    return pressed && enabled;
}

bool danger_button(const char* label, bool enabled, float width) {
    return coloured_button(label, enabled, width, color::kDanger, IM_COL32(0xCC, 0x33, 0x26, 0xFF),
                           IM_COL32(0x8E, 0x1A, 0x11, 0xFF));
}

void multiline_field(const char* label, std::string& value, const char* error, float height) {
    text(label, color::kMuted);
    const std::string id = std::string("##") + label;
    if (error) ImGui::PushStyleColor(ImGuiCol_Border, color::kDanger);
    item_tree_next(ItemRole::input, label);
    ImGui::InputTextMultiline(id.c_str(), &value, ImVec2(-1.0f, height));
    if (error) {
        ImGui::PopStyleColor();
        text_wrapped(std::string(icon::kWarning) + " " + error, color::kDanger);
    }
}

bool fits_on_line(float width_needed) {
    return ImGui::GetContentRegionAvail().x >= width_needed;
}

}  // namespace portal::ui::wizard
