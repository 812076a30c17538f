// Inline text laid out word by word, and the search results' highlighted text.
//
// Inline text is laid out word by word: each word is measured in its own face (regular, bold,
// italic, inline code), placed on the current line if it fits and on the next one if not, so a
// bold word in the middle of a paragraph wraps like any other (a word longer than the whole
// line is cut between characters). Everything is drawn through the window's draw list; the
// only ImGui items are one per block (reported to the item tree as "text" with the block's plain
// text) and one per line a link spans (reported as "link" with the link's text), so a long
// article costs few items per frame.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "imgui.h"

namespace portal::ui {

// A run of inline text with one look.
struct InlineRun {
    std::string_view text;
    ImFont* font = nullptr;
    ImU32 color = 0;
    bool code = false;       // inline code: a light background
    bool highlight = false;  // a search match: a tinted background
    int link = -1;           // index into FlowOptions::link_labels; -1 when not a link
};

struct FlowOptions {
    float wrap_width = 0;      // <= 0: the content region's remaining width
    float line_gap = 4;        // extra pixels between lines
    int max_lines = 0;         // 0: no limit; otherwise the last line ends in "…"
    float align = 0;           // 0 left, 0.5 centre, 1 right (table cells)
    bool submit_items = true;  // false: only draw (inside a row that is already an item)
    std::string_view report;   // reported to the item tree as "text" (empty: not reported)
    const std::vector<std::string>* link_labels = nullptr;  // what each link is reported as
    const std::vector<std::string>* link_hints = nullptr;   // tooltip per link (may be empty)
};

// Lays out and draws `runs` at the cursor and moves the cursor below them. Returns the index of
// the link clicked this frame, or -1.
int draw_inline_flow(const std::vector<InlineRun>& runs, const FlowOptions& options);

// Height the flow would take (for fixed-height rows).
float flow_line_height(ImFont* font, float line_gap);

// `text` with the byte ranges [first, second) drawn as matches (bold and tinted), on at most
// `max_lines` lines, without submitting ImGui items (the caller's row is the item).
void draw_highlighted(std::string_view text,
                      const std::vector<std::pair<int64_t, int64_t>>& matches, ImFont* font,
                      ImFont* match_font, ImU32 color, int max_lines, float wrap_width);

}  // namespace portal::ui
