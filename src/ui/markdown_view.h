// Draws the manuals' Markdown (domain/markdown/markdown.h) with Dear ImGui, block by block; each
// block's inline text goes through inline_flow.h.
//
// Links: "manual:<slug>" and http(s) links are drawn as links and returned when clicked (the
// screen turns them into an intent); unsafe links (javascript:, relative, ...) are plain text.
#pragma once

#include <optional>
#include <string>

#include "domain/markdown/markdown.h"
#include "ui/inline_flow.h"

namespace portal::ui {

struct MarkdownStyle {
    std::string_view external_hint;  // tooltip suffix for links that open a new tab
};

// Draws a whole document at the cursor, full width. Returns the destination of the link clicked
// this frame (internal or external; never an unsafe one).
std::optional<std::string> draw_markdown(const domain::markdown::Document& document,
                                         const MarkdownStyle& style);

}  // namespace portal::ui
