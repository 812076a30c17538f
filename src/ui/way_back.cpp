#include "ui/way_back.h"

#include <utility>

#include "imgui.h"
#include "imgui_internal.h"

namespace portal::ui {
namespace {

bool g_unclaimed = false;
bool g_popup_was_open = false;

}  // namespace

void way_back_begin_frame() {
    g_unclaimed = ImGui::IsKeyPressed(ImGuiKey_Escape, false) && ImGui::GetActiveID() == 0 &&
                  !g_popup_was_open;
}

void way_back_end_frame() {
    g_popup_was_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
}

bool escape_goes_back() {
    return std::exchange(g_unclaimed, false);
}

}  // namespace portal::ui
