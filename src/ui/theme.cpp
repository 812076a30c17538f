#include "ui/theme.h"

#include <algorithm>

namespace portal::ui {

void apply_theme() {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(24, 20);
    style.ItemSpacing = ImVec2(10, 10);
    style.CellPadding = ImVec2(10, 8);
    style.FrameRounding = 6.0f;
    style.WindowRounding = 0.0f;
    style.ChildRounding = 8.0f;
    style.FrameBorderSize = 1.0f;
    style.WindowBorderSize = 0.0f;
    style.ScrollbarSize = 14.0f;

    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.965f, 0.972f, 0.984f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(color::kText);
    c[ImGuiCol_TextDisabled] = ImVec4(0.45f, 0.48f, 0.53f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.78f, 0.81f, 0.86f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.92f, 0.94f, 0.97f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.85f, 0.89f, 0.95f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.78f, 0.84f, 0.93f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.88f, 0.92f, 0.98f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.82f, 0.88f, 0.97f, 1.0f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.93f, 0.95f, 0.98f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.975f, 0.98f, 0.99f, 1.0f);
    c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(color::kPrimary);
}

float desktop_frame_height() {
    return ImGui::GetFontSize() + 2.0f * kFramePaddingY;
}

bool phone_layout() {
    return ImGui::GetMainViewport()->Size.x < kPhoneWidth;
}

void apply_layout() {
    ImGuiStyle& style = ImGui::GetStyle();
    if (phone_layout()) {
        // A finger needs kTouchTarget px: buttons, tabs and fields are a frame tall.
        const float grow = std::max(0.0f, (kTouchTarget - desktop_frame_height()) * 0.5f);
        style.FramePadding = ImVec2(12, kFramePaddingY + grow);
        style.WindowPadding = ImVec2(14, 12);
        style.ItemSpacing = ImVec2(8, 10);
        style.CellPadding = ImVec2(6, 8);
    } else {
        style.FramePadding = ImVec2(12, kFramePaddingY);
        style.WindowPadding = ImVec2(24, 20);
        style.ItemSpacing = ImVec2(10, 10);
        style.CellPadding = ImVec2(10, 8);
    }
}

}  // namespace portal::ui
