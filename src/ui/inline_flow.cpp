// Index of this file:
// [SECTION] Inline layout (word by word, mixed faces)
// [SECTION] Search highlights
#include "ui/inline_flow.h"

#include <algorithm>
#include <cfloat>

#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "ui/item_tree.h"
#include "ui/theme.h"

namespace portal::ui {
namespace {

// [SECTION] Inline layout (word by word, mixed faces)

// The pixel size a font is drawn at (fonts are rasterised at device pixels, laid out in CSS px).
float pixel_size(const ImFont* font) {
    return font->FontSize * font->Scale * ImGui::GetIO().FontGlobalScale;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A stretch of non-space text inside one run.
struct Piece {
    uint32_t run;
    uint32_t begin, end;
    float width;
    bool space_before;  // a space separates it from the previous piece (else: same word)
};

// A piece (or part of one) with its place: x on its line.
struct Placed {
    uint32_t run;
    uint32_t begin, end;
    float x, width;
    int line;
};

struct Layout {
    std::vector<Piece> pieces;
    std::vector<Placed> placed;
    std::vector<float> line_width;
    float line_height = 0;
    float font_height = 0;
    bool truncated = false;
    float height() const { return static_cast<float>(line_width.size()) * line_height; }
};

// Scratch space reused frame after frame: laying out text allocates nothing once warm.
Layout g_layout;

float run_size(const InlineRun& run) {
    return pixel_size(run.font);
}

float text_width(const InlineRun& run, uint32_t begin, uint32_t end) {
    const char* text = run.text.data();
    return run.font->CalcTextSizeA(run_size(run), FLT_MAX, 0.0f, text + begin, text + end).x;
}

void layout(const std::vector<InlineRun>& runs, float wrap, int max_lines, float line_gap,
            Layout& out) {
    out.pieces.clear();
    out.placed.clear();
    out.line_width.clear();
    out.truncated = false;
    out.font_height = 0;
    for (const InlineRun& run : runs) out.font_height = std::max(out.font_height, run_size(run));
    out.line_height = out.font_height + line_gap;

    // 1. Cut the runs into pieces; pieces with no space between them form one word even across
    //    runs ("**negrita**," wraps as one word).
    bool space = false;
    for (uint32_t r = 0; r < runs.size(); ++r) {
        const std::string_view text = runs[r].text;
        uint32_t i = 0;
        const auto n = static_cast<uint32_t>(text.size());
        while (i < n) {
            if (is_space(text[i])) {
                space = true;
                ++i;
                continue;
            }
            uint32_t j = i;
            while (j < n && !is_space(text[j])) ++j;
            out.pieces.push_back({r, i, j, text_width(runs[r], i, j), space});
            space = false;
            i = j;
        }
    }
    if (out.pieces.empty()) return;

    // 2. Place word by word.
    float x = 0;
    int line = 0;
    bool full = false;
    auto place = [&](uint32_t run, uint32_t begin, uint32_t end, float width) {
        if (end > begin) out.placed.push_back({run, begin, end, x, width, line});
        x += width;
    };
    auto new_line = [&] {
        if (max_lines > 0 && line + 1 >= max_lines) {
            out.truncated = true;
            full = true;
            return;
        }
        out.line_width.push_back(x);
        x = 0;
        ++line;
    };
    const size_t count = out.pieces.size();
    for (size_t i = 0; i < count && !full;) {
        size_t j = i + 1;
        while (j < count && !out.pieces[j].space_before) ++j;
        float word = 0;
        for (size_t k = i; k < j; ++k) word += out.pieces[k].width;
        const InlineRun& first = runs[out.pieces[i].run];
        float gap = x > 0 && out.pieces[i].space_before
                        ? first.font->GetCharAdvance(' ') * run_size(first) / first.font->FontSize
                        : 0.0f;
        if (x > 0 && x + gap + word > wrap) {
            new_line();
            if (full) break;
            gap = 0;
        }
        x += gap;
        for (size_t k = i; k < j && !full; ++k) {
            const Piece& piece = out.pieces[k];
            if (x + piece.width <= wrap || (x == 0 && piece.width <= wrap)) {
                place(piece.run, piece.begin, piece.end, piece.width);
                continue;
            }
            // Longer than what is left of the line (a long URL): cut between characters.
            const InlineRun& run = runs[piece.run];
            const float scale = run_size(run) / run.font->FontSize;
            const char* text = run.text.data();
            uint32_t begin = piece.begin;
            uint32_t cursor = piece.begin;
            float width = 0;
            while (cursor < piece.end) {
                unsigned int c = 0;
                const int bytes = ImTextCharFromUtf8(&c, text + cursor, text + piece.end);
                const float advance = run.font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
                if (x + width + advance > wrap && x + width > 0) {
                    place(piece.run, begin, cursor, width);
                    new_line();
                    if (full) break;
                    begin = cursor;
                    width = 0;
                }
                width += advance;
                cursor += static_cast<uint32_t>(std::max(bytes, 1));
            }
            if (!full) place(piece.run, begin, cursor, width);
        }
        i = j;
    }
    out.line_width.push_back(x);

    // 3. Cut off: end the last line in "…", taking characters back until it fits.
    if (out.truncated) {
        const InlineRun& base = runs[out.placed.empty() ? 0 : out.placed.back().run];
        const float ellipsis = base.font->CalcTextSizeA(run_size(base), FLT_MAX, 0, "…").x;
        while (!out.placed.empty()) {
            Placed& last = out.placed.back();
            if (last.x + last.width + ellipsis <= wrap) break;
            const char* text = runs[last.run].text.data();
            uint32_t end = last.end - 1;
            while (end > last.begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
                --end;
            }
            if (end <= last.begin) {
                out.placed.pop_back();
                continue;
            }
            last.end = end;
            last.width = text_width(runs[last.run], last.begin, last.end);
        }
        out.line_width.back() =
            out.placed.empty() ? 0 : out.placed.back().x + out.placed.back().width;
    }
}

void draw_layout(const std::vector<InlineRun>& runs, const Layout& lay, ImVec2 origin, float wrap,
                 float align) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const Placed& p : lay.placed) {
        const InlineRun& run = runs[p.run];
        const float size = run_size(run);
        const float offset =
            align > 0 ? (wrap - lay.line_width[static_cast<size_t>(p.line)]) * align : 0.0f;
        const ImVec2 pos(
            origin.x + p.x + offset,
            origin.y + static_cast<float>(p.line) * lay.line_height + (lay.font_height - size));
        if (run.code) {
            draw->AddRectFilled(ImVec2(pos.x - 2, pos.y), ImVec2(pos.x + p.width + 2, pos.y + size),
                                color::kCodeBackground, 3.0f);
        }
        if (run.highlight) {
            draw->AddRectFilled(ImVec2(pos.x - 1, pos.y), ImVec2(pos.x + p.width + 1, pos.y + size),
                                color::kMatchBackground, 2.0f);
        }
        const char* text = run.text.data();
        draw->AddText(run.font, size, pos, run.color, text + p.begin, text + p.end);
        if (run.link >= 0) {
            const float y = pos.y + size - 1.0f;
            draw->AddLine(ImVec2(pos.x, y), ImVec2(pos.x + p.width, y), run.color, 1.0f);
        }
    }
    if (lay.truncated && !runs.empty()) {
        const InlineRun& base = runs[lay.placed.empty() ? 0 : lay.placed.back().run];
        const float line = static_cast<float>(lay.line_width.size() - 1);
        draw->AddText(base.font, run_size(base),
                      ImVec2(origin.x + lay.line_width.back(), origin.y + line * lay.line_height),
                      base.color, "…");
    }
}

// [SECTION] Search highlights

// Moves a byte offset back to the start of its UTF-8 character.
size_t char_start(std::string_view text, size_t at) {
    at = std::min(at, text.size());
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
        --at;
    }
    return at;
}

std::vector<InlineRun> g_highlight_runs;

}  // namespace

float flow_line_height(ImFont* font, float line_gap) {
    return pixel_size(font) + line_gap;
}

int draw_inline_flow(const std::vector<InlineRun>& runs, const FlowOptions& options) {
    const float wrap =
        options.wrap_width > 0 ? options.wrap_width : ImGui::GetContentRegionAvail().x;
    Layout& lay = g_layout;
    layout(runs, std::max(wrap, 1.0f), options.max_lines, options.line_gap, lay);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(wrap, lay.height());
    // Off screen: only the space is kept (and the block's text reported), nothing is drawn.
    const bool visible = ImGui::IsRectVisible(origin, ImVec2(origin.x + size.x, origin.y + size.y));
    if (visible) draw_layout(runs, lay, origin, wrap, options.align);
    if (!options.submit_items) return -1;

    int clicked = -1;
    if (visible && options.link_labels) {
        // One button per line a link covers; the first one carries the link's text.
        int reported = -1;
        int part = 0;
        for (size_t i = 0; i < lay.placed.size();) {
            const Placed& first = lay.placed[i];
            const int link = runs[first.run].link;
            size_t j = i + 1;
            while (j < lay.placed.size() && runs[lay.placed[j].run].link == link &&
                   lay.placed[j].line == first.line) {
                ++j;
            }
            if (link < 0) {
                i = j;
                continue;
            }
            const Placed& last = lay.placed[j - 1];
            const float offset =
                options.align > 0
                    ? (wrap - lay.line_width[static_cast<size_t>(first.line)]) * options.align
                    : 0.0f;
            const ImVec2 min(origin.x + first.x + offset,
                             origin.y + static_cast<float>(first.line) * lay.line_height);
            const ImVec2 extent(last.x + last.width - first.x, lay.font_height);
            ImGui::SetCursorScreenPos(min);
            ImGui::PushID(part++);
            const bool names_it = link > reported;
            if (names_it && ImGui::IsRectVisible(min, ImVec2(min.x + extent.x, min.y + extent.y))) {
                item_tree_next(ItemRole::link, (*options.link_labels)[static_cast<size_t>(link)]);
                reported = link;
            }
            if (ImGui::InvisibleButton("##link", extent)) clicked = link;
            if (ImGui::IsItemHovered()) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                const float y = min.y + extent.y;
                ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, y), ImVec2(min.x + extent.x, y),
                                                    runs[first.run].color, 2.0f);
                if (options.link_hints &&
                    !(*options.link_hints)[static_cast<size_t>(link)].empty()) {
                    ImGui::SetTooltip("%s",
                                      (*options.link_hints)[static_cast<size_t>(link)].c_str());
                }
            }
            ImGui::PopID();
            i = j;
        }
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(size);
    if (!options.report.empty()) {
        item_tree_report_last_item(std::string(options.report), ItemRole::text);
    }
    return clicked;
}

void draw_highlighted(std::string_view text,
                      const std::vector<std::pair<int64_t, int64_t>>& matches, ImFont* font,
                      ImFont* match_font, ImU32 color, int max_lines, float wrap_width) {
    std::vector<InlineRun>& runs = g_highlight_runs;
    runs.clear();
    size_t at = 0;
    auto add = [&](size_t begin, size_t end, bool match) {
        if (end <= begin) return;
        InlineRun run;
        run.text = text.substr(begin, end - begin);
        run.font = match ? match_font : font;
        run.color = color;
        run.highlight = match;
        runs.push_back(run);
    };
    // Ranges come from the server: sorted here, clamped to the text and to whole characters.
    for (const auto& [first, second] : matches) {
        if (first < 0 || second <= first) continue;
        size_t begin = char_start(text, static_cast<size_t>(first));
        size_t end = static_cast<size_t>(second);
        if (end >= text.size()) {
            end = text.size();
        } else {
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
                ++end;
            }
        }
        if (begin < at) begin = at;  // overlapping or out of order: never draw a byte twice
        if (begin >= end) continue;
        add(at, begin, false);
        add(begin, end, true);
        at = end;
    }
    add(at, text.size(), false);
    FlowOptions options;
    options.wrap_width = wrap_width;
    options.max_lines = max_lines;
    options.submit_items = false;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    draw_inline_flow(runs, options);
    // Moves the cursor below the text without submitting an item (the row is the item).
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + g_layout.height()));
}

}  // namespace portal::ui
