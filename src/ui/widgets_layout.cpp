// The widgets that place others: tinted boxes, cards, the scrolling page, the amounts table and
// the line that wraps on a phone (declared in widgets.h).
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "imgui_internal.h"  // a window's work rect, narrowed to a card
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/item_tree.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

// A box drawn behind what is drawn between begin and end, as wide as the window's content.
class TintedBox {
  public:
    explicit TintedBox(float padding) : padding_(padding), start_(ImGui::GetCursorScreenPos()) {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);  // the content, in front of the box
        ImGui::BeginGroup();
        ImGui::Indent(kIndent);
        ImGui::Dummy(ImVec2(0, padding_));
    }

    void end(ImU32 color) {
        ImGui::Dummy(ImVec2(0, padding_));
        ImGui::Unindent(kIndent);
        ImGui::EndGroup();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->ChannelsSetCurrent(0);
        const ImVec2 end(ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x,
                         ImGui::GetItemRectMax().y);
        draw->AddRectFilled(start_, end, with_alpha(color, 0x18), 6.0f);
        draw->AddRect(start_, end, with_alpha(color, 0x66), 6.0f);
        draw->ChannelsMerge();
    }

    static constexpr float kIndent = 12.0f;

  private:
    float padding_;
    ImVec2 start_;
};

}  // namespace

// [SECTION] Boxes

void notice(std::string_view headline, std::string_view detail, ImU32 color) {
    TintedBox box(2.0f);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - TintedBox::kIndent);
    // A notice is a message: the mirror announces it (a red one at once).
    const ItemRole role = color == color::kDanger ? ItemRole::alert : ItemRole::status;
    text_wrapped(headline, color);
    item_tree_set_last_role(role);
    if (!detail.empty()) {
        text_wrapped(detail, color::kText);
        item_tree_set_last_role(role);
    }
    ImGui::PopTextWrapPos();
    box.end(color);
}

void warning_notice(std::string_view headline, std::string_view detail) {
    notice(with_icon(icon::kWarning, headline), detail, color::kDanger);
}

bool problem_box(const app::Problem& problem, app::Language language) {
    TintedBox box(4.0f);
    text_wrapped(with_icon(icon::kWarning, app::tr(language, problem.what)), color::kDanger);
    item_tree_set_last_role(ItemRole::alert);
    text_wrapped(app::tr(language, problem.next_step), color::kText);
    item_tree_set_last_role(ItemRole::alert);
    bool retry = false;
    if (problem.retryable) {
        retry = button(with_icon(icon::kRefresh, app::tr(language, app::Text::retry)).c_str());
    }
    box.end(color::kDanger);
    return retry;
}

// Cards and the page's column are groups in their window, not child windows. ImGui skips every
// item of a child window out of view, so a card below the fold was missing from the item tree
// (the accessibility mirror, a screen reader's "next link") and could not be scrolled to or
// tabbed into; and a child window that fits its content's height is hidden in the first frame it
// exists, to be measured, so every screen's first visit drew an empty frame before its content.
// A group's content is laid out in the window's work rect, narrowed to the group for what it
// holds (wrapping, full-width widgets, tables).
namespace {

// The window's work rect and content region end at `right` until restored.
class NarrowedWindow {
  public:
    explicit NarrowedWindow(float right)
        : window_(ImGui::GetCurrentWindow()),
          work_max_x_(window_->WorkRect.Max.x),
          content_max_x_(window_->ContentRegionRect.Max.x) {
        window_->WorkRect.Max.x = window_->ContentRegionRect.Max.x = right;
    }
    void restore() const {
        window_->WorkRect.Max.x = work_max_x_;
        window_->ContentRegionRect.Max.x = content_max_x_;
    }

  private:
    ImGuiWindow* window_;
    float work_max_x_;
    float content_max_x_;
};

// A card's content is inset by the window padding; its background is drawn after the content is
// measured, in a draw channel under it.
struct OpenCard {
    OpenCard(ImVec2 top_left_at, float right_at, float padding)
        : top_left(top_left_at), right(right_at), narrowed(right_at - padding) {}
    ImDrawListSplitter layers;  // 0: the card's background and border; 1: what it holds
    ImVec2 top_left;
    float right;
    NarrowedWindow narrowed;
};
std::vector<std::unique_ptr<OpenCard>> g_open_cards;  // cards hold cards
std::vector<NarrowedWindow> g_page_columns;

}  // namespace

void begin_card(const char* id, float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 padding = ImGui::GetStyle().WindowPadding;
    ImGui::PushID(id);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const float right = top_left.x + (width > 0.0f ? width : ImGui::GetContentRegionAvail().x);
    OpenCard& card =
        *g_open_cards.emplace_back(std::make_unique<OpenCard>(top_left, right, padding.x));
    card.layers.Split(window->DrawList, 2);
    card.layers.SetCurrentChannel(window->DrawList, 1);
    ImGui::SetCursorScreenPos(ImVec2(top_left.x + padding.x, top_left.y + padding.y));
    ImGui::BeginGroup();
}

void end_card() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiStyle& style = ImGui::GetStyle();
    std::unique_ptr<OpenCard> card = std::move(g_open_cards.back());
    g_open_cards.pop_back();
    ImGui::EndGroup();
    const ImVec2 bottom_right(card->right, ImGui::GetItemRectMax().y + style.WindowPadding.y);
    card->narrowed.restore();
    card->layers.SetCurrentChannel(window->DrawList, 0);
    window->DrawList->AddRectFilled(card->top_left, bottom_right,
                                    ImGui::GetColorU32(ImGuiCol_ChildBg), style.ChildRounding);
    window->DrawList->AddRect(card->top_left, bottom_right, ImGui::GetColorU32(ImGuiCol_Border),
                              style.ChildRounding, 0, style.ChildBorderSize);
    card->layers.Merge(window->DrawList);
    // The card takes its place in the layout as one block.
    ImGui::SetCursorScreenPos(card->top_left);
    ImGui::Dummy(ImVec2(bottom_right.x - card->top_left.x, bottom_right.y - card->top_left.y));
    ImGui::PopID();
}

// [SECTION] Layout

void same_line_if_fits(float width, float spacing) {
    ImGui::SameLine(0, spacing);
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

void begin_page(const char* id, std::string_view page_title, float max_width) {
    // The page scrolls inside this child (the portal's window has no scrollbar); its size is
    // given, so it is drawn from its first frame.
    ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(max_width, available);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (available - width) * 0.5f));
    g_page_columns.emplace_back(ImGui::GetCursorScreenPos().x + width);
    ImGui::BeginGroup();
    title(page_title);
}

void begin_page(const char* id, std::string_view page_title, std::string_view subtitle) {
    begin_page(id, page_title);
    text_wrapped(subtitle, color::kMuted);
    ImGui::Spacing();
}

void end_page() {
    ImGui::Dummy(ImVec2(0, 24));  // room below the last button
    ImGui::EndGroup();
    g_page_columns.back().restore();
    g_page_columns.pop_back();
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

}  // namespace portal::ui
