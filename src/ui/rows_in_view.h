// Which rows of a long list of cards to draw: those in view and a screen above and below it. A
// row out of that band is not drawn but left as a gap as tall as the row was when last drawn
// (remembered per row and per width, since a narrower list wraps its text onto more lines), so
// the scrollbar and every drawn row stay where they would be. A list of few rows draws them all,
// as before: what it costs is small, and every row stays in the item tree.
#pragma once

#include <cstddef>

#include "imgui.h"

namespace portal::ui {

class RowsInView {
  public:
    // Lists of more than this many rows draw only the band around the view.
    static constexpr std::size_t kFewRows = 40;

    explicit RowsInView(std::size_t rows);
    // Called in the row's ImGui id scope: whether to draw it. If so, end_row() after it.
    bool begin_row();
    void end_row();
    // After the last row: the gap of the rows skipped at the end.
    void end();

  private:
    void lay_out_gap();

    bool all_ = true;
    int width_ = 0;                               // the list's width, in whole pixels
    float band_top_ = 0.0f, band_bottom_ = 0.0f;  // screen y of what is drawn
    float gap_ = 0.0f;       // the height of the rows skipped since the last drawn
    float typical_ = 0.0f;   // the last drawn row's height: a first guess for others
    ImGuiID height_id_ = 0;  // where the row being drawn keeps its height
    float row_top_ = 0.0f;
};

}  // namespace portal::ui
