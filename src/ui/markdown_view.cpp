// Index of this file:
// [SECTION] Inline layout (word by word, mixed faces)
// [SECTION] Search highlights
// [SECTION] Markdown blocks
#include "ui/markdown_view.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "ui/fonts.h"
#include "ui/item_tree.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

namespace md = domain::markdown;

constexpr ImU32 kCodeBackground = IM_COL32(0xEC, 0xEF, 0xF3, 0xFF);
constexpr ImU32 kMatchBackground = IM_COL32(0xFF, 0xE8, 0x8A, 0xFF);
constexpr ImU32 kHeaderBackground = IM_COL32(0xE9, 0xEF, 0xF8, 0xFF);
constexpr float kListIndent = 26.0f;
constexpr float kMaxColumn = 780.0f;  // a comfortable reading width on wide screens

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
                                kCodeBackground, 3.0f);
        }
        if (run.highlight) {
            draw->AddRectFilled(ImVec2(pos.x - 1, pos.y), ImVec2(pos.x + p.width + 1, pos.y + size),
                                kMatchBackground, 2.0f);
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

// [SECTION] Markdown blocks

// Runs, link labels and hints of one block, rebuilt per block per frame in reused storage.
struct BlockRuns {
    std::vector<InlineRun> runs;
    std::vector<std::string> labels;
    std::vector<std::string> hints;
    std::vector<const std::string*> urls;
    std::string plain;
    void clear() {
        runs.clear();
        labels.clear();
        hints.clear();
        urls.clear();
        plain.clear();
    }
};
BlockRuns g_block;

ImFont* face(bool bold, bool italic) {
    const Fonts& f = fonts();
    if (bold && italic) return f.bold_italic;
    if (bold) return f.bold;
    if (italic) return f.italic;
    return f.body;
}

// `heading_font`: headings draw every span in their own face.
void to_runs(const std::vector<md::Span>& spans, ImFont* heading_font, ImU32 color,
             std::string_view external_hint, BlockRuns& out) {
    out.clear();
    bool previous_was_link = false;
    for (const md::Span& span : spans) {
        InlineRun run;
        run.text = span.text;
        run.font = heading_font ? heading_font : face(span.bold, span.italic);
        run.color = color;
        run.code = span.code;
        const bool followable =
            span.link == md::LinkKind::internal || span.link == md::LinkKind::external;
        if (followable) {
            // Consecutive spans of one link (part of it bold, say) are one link.
            if (!previous_was_link || *out.urls.back() != span.url) {
                out.urls.push_back(&span.url);
                out.labels.emplace_back();
                out.hints.push_back(span.link == md::LinkKind::external
                                        ? span.url + "  " + std::string(external_hint)
                                        : std::string());
            }
            out.labels.back() += span.text;
            run.link = static_cast<int>(out.urls.size()) - 1;
            run.color = color::kPrimary;
        }
        previous_was_link = followable;
        out.plain += span.text;
        out.runs.push_back(run);
    }
}

float column_width() {
    return std::min(ImGui::GetContentRegionAvail().x, kMaxColumn);
}

// Draws one block's spans; returns the clicked link's destination, if any.
std::optional<std::string> draw_spans(const std::vector<md::Span>& spans, ImFont* heading_font,
                                      ImU32 color, const MarkdownStyle& style, float wrap,
                                      float align = 0) {
    BlockRuns& block = g_block;
    to_runs(spans, heading_font, color, style.external_hint, block);
    FlowOptions options;
    options.wrap_width = wrap;
    options.align = align;
    options.report = block.plain;
    options.link_labels = &block.labels;
    options.link_hints = &block.hints;
    const int clicked = draw_inline_flow(block.runs, options);
    if (clicked >= 0) return *block.urls[static_cast<size_t>(clicked)];
    return std::nullopt;
}

float align_factor(md::Align align) {
    switch (align) {
        case md::Align::center:
            return 0.5f;
        case md::Align::right:
            return 1.0f;
        case md::Align::none:
        case md::Align::left:
            break;
    }
    return 0.0f;
}

std::optional<std::string> draw_list(const md::Block& block, const MarkdownStyle& style) {
    std::optional<std::string> clicked;
    const float wrap = column_width() - kListIndent;
    char number[16];
    for (size_t i = 0; i < block.items.size(); ++i) {
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float size = pixel_size(fonts().body);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        if (block.kind == md::Block::Kind::bullet_list) {
            draw->AddCircleFilled(ImVec2(start.x + kListIndent * 0.45f, start.y + size * 0.55f),
                                  2.6f, color::kText);
        } else {
            std::snprintf(number, sizeof number, "%d.", block.start + static_cast<int>(i));
            const float width = fonts().body->CalcTextSizeA(size, FLT_MAX, 0, number).x;
            draw->AddText(fonts().body, size, ImVec2(start.x + kListIndent - 7 - width, start.y),
                          color::kText, number);
        }
        ImGui::PushID(static_cast<int>(i));
        ImGui::Indent(kListIndent);
        auto link = draw_spans(block.items[i], nullptr, color::kText, style, wrap);
        ImGui::Unindent(kListIndent);
        ImGui::PopID();
        if (link && !clicked) clicked = std::move(link);
    }
    return clicked;
}

std::optional<std::string> draw_table(const md::Table& table, const MarkdownStyle& style) {
    std::optional<std::string> clicked;
    const int columns = static_cast<int>(table.align.size());
    if (columns == 0 || columns > 64) return clicked;
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInner | ImGuiTableFlags_BordersOuter |
                                       ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                       ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##table", columns, kFlags, ImVec2(column_width(), 0))) return clicked;
    // Column weights from the longest text in each column: narrow columns stay narrow.
    for (int c = 0; c < columns; ++c) {
        size_t longest = 4;
        auto measure = [&](const std::vector<md::Span>& cell) {
            size_t length = 0;
            for (const md::Span& span : cell) length += span.text.size();
            longest = std::max(longest, std::min<size_t>(length, 60));
        };
        if (static_cast<size_t>(c) < table.header.size()) measure(table.header[c]);
        for (const auto& row : table.rows) {
            if (static_cast<size_t>(c) < row.size()) measure(row[c]);
        }
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch,
                                static_cast<float>(longest));
    }
    auto cell = [&](const std::vector<md::Span>& spans, int column, bool header) {
        ImGui::TableSetColumnIndex(column);
        ImGui::PushID(column);
        auto link = draw_spans(spans, header ? fonts().bold : nullptr, color::kText, style,
                               ImGui::GetContentRegionAvail().x,
                               align_factor(table.align[static_cast<size_t>(column)]));
        ImGui::PopID();
        if (link && !clicked) clicked = std::move(link);
    };
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, kHeaderBackground);
    ImGui::PushID("header");
    for (int c = 0; c < columns && static_cast<size_t>(c) < table.header.size(); ++c) {
        cell(table.header[c], c, true);
    }
    ImGui::PopID();
    for (size_t r = 0; r < table.rows.size(); ++r) {
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(r));
        const auto& row = table.rows[r];
        for (int c = 0; c < columns && static_cast<size_t>(c) < row.size(); ++c) {
            cell(row[c], c, false);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    return clicked;
}

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

std::optional<std::string> draw_markdown(const md::Document& document, const MarkdownStyle& style) {
    std::optional<std::string> clicked;
    for (size_t b = 0; b < document.blocks.size(); ++b) {
        const md::Block& block = document.blocks[b];
        ImGui::PushID(static_cast<int>(b));
        std::optional<std::string> link;
        switch (block.kind) {
            case md::Block::Kind::heading: {
                if (b > 0) ImGui::Dummy(ImVec2(0, block.level == 1 ? 4.0f : 10.0f));
                ImFont* font = block.level == 1 ? fonts().title : fonts().heading;
                const ImU32 color = block.level >= 3 ? color::kMuted : color::kText;
                link = draw_spans(block.spans, font, color, style, column_width());
                break;
            }
            case md::Block::Kind::paragraph:
                link = draw_spans(block.spans, nullptr, color::kText, style, column_width());
                break;
            case md::Block::Kind::bullet_list:
            case md::Block::Kind::numbered_list:
                link = draw_list(block, style);
                break;
            case md::Block::Kind::table:
                link = draw_table(block.table, style);
                break;
            case md::Block::Kind::rule:
                ImGui::Dummy(ImVec2(0, 2));
                ImGui::Separator();
                break;
        }
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, 2));
        if (link && !clicked) clicked = std::move(link);
    }
    return clicked;
}

}  // namespace portal::ui
