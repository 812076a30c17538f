#include "ui/markdown_view.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "ui/fonts.h"
#include "ui/item_tree.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

namespace md = domain::markdown;

constexpr float kListIndent = 26.0f;
constexpr float kMaxColumn = 780.0f;  // a comfortable reading width on wide screens

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
        const float size = flow_line_height(fonts().body, 0);
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
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, color::kTableHeader);
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
                item_tree_set_last_role(ItemRole::heading, block.level);
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
