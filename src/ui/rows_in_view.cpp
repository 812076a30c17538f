// See rows_in_view.h.
#include "ui/rows_in_view.h"

#include <algorithm>

#include "imgui_internal.h"

namespace portal::ui {

RowsInView::RowsInView(std::size_t rows) : all_(rows <= kFewRows) {
    if (all_) return;
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    const float screen = clip.GetHeight();
    band_top_ = clip.Min.y - screen;
    band_bottom_ = clip.Max.y + screen;
    width_ = static_cast<int>(ImGui::GetContentRegionAvail().x);
}

bool RowsInView::begin_row() {
    if (all_) return true;
    // The row's height at this width (a narrower list wraps onto more lines), kept under the
    // row's own id scope. Computed for every row of the list on every frame: no formatting here.
    height_id_ = ImHashData(&width_, sizeof width_, ImGui::GetCurrentWindow()->IDStack.back());
    const float known = ImGui::GetStateStorage()->GetFloat(height_id_, -1.0f);
    const float height = known >= 0.0f ? known : typical_;
    const float top = ImGui::GetCursorScreenPos().y + gap_;
    // A row never drawn at this width, with no other to guess from, is drawn to be measured.
    if (height > 0.0f && (top + height < band_top_ || top > band_bottom_)) {
        gap_ += height;
        return false;
    }
    lay_out_gap();
    row_top_ = ImGui::GetCursorScreenPos().y;
    return true;
}

void RowsInView::end_row() {
    if (all_) return;
    const float height = ImGui::GetCursorScreenPos().y - row_top_;
    ImGui::GetStateStorage()->SetFloat(height_id_, height);
    typical_ = height;
}

void RowsInView::end() {
    lay_out_gap();
}

void RowsInView::lay_out_gap() {
    if (gap_ <= 0.0f) return;
    // A Dummy advances by its height plus the item spacing, which the drawn rows' heights include.
    ImGui::Dummy(ImVec2(0.0f, std::max(0.0f, gap_ - ImGui::GetStyle().ItemSpacing.y)));
    gap_ = 0.0f;
}

}  // namespace portal::ui
