// See item_tree.h. The JSON and the semantic hash are in item_tree_json.cpp.
#include "ui/item_tree.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string_view>
#include <utility>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/item_tree_state.h"

namespace portal::ui {

Tree g_tree;

namespace {

// What a person reads: icon glyphs (Unicode private use area, U+E000..U+F8FF, 3 bytes in UTF-8
// starting 0xEE or 0xEF 0x80..0xA3) and the spaces around them are dropped.
std::string readable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const auto c0 = static_cast<unsigned char>(text[i]);
        const auto c1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (c0 == 0xEE || (c0 == 0xEF && c1 >= 0x80 && c1 <= 0xA3)) {
            i += 3;
            continue;
        }
        out += text[i++];
    }
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

// "Entrar##login" shows "Entrar"; "###id" hides everything after it too.
std::string visible_label(const char* label) {
    std::string_view text = label ? label : "";
    const auto hidden = text.find("##");
    if (hidden != std::string_view::npos) text = text.substr(0, hidden);
    return readable(text);
}

ItemRole role_from_flags(ImGuiItemStatusFlags flags) {
    if (flags & ImGuiItemStatusFlags_Inputable) return ItemRole::input;
    if (flags & ImGuiItemStatusFlags_Checkable) return ItemRole::checkbox;
    if (flags & ImGuiItemStatusFlags_Openable) return ItemRole::combo;
    return ItemRole::button;
}

// Text has no ImGui id: its id is its words hashed in its window, made unique in the frame (the
// same words twice in a window are two items).
uint32_t text_id(const ImGuiWindow* window, const std::string& label) {
    ImGuiID seed = window ? window->ID : 0;
    for (;;) {
        const ImGuiID id = ImHashStr(label.c_str(), label.size(), seed);
        const bool taken = std::any_of(g_tree.building.begin(), g_tree.building.end(),
                                       [id](const Item& item) { return item.id == id; });
        if (!taken && id != 0) return id;
        seed = id + 1;
    }
}

// The part of `r` its window and the screen show. `widget`: it has an ImGui id (not text).
void place(Item& item, const ImGuiContext& g, const ImRect& r, bool widget) {
    ImRect visible = r;
    if (const ImGuiWindow* window = g.CurrentWindow) {
        // A row that spans a table's columns (a Selectable with SpanAllColumns) is added while
        // its first column's clip is current; ImGui draws it within the table's background clip.
        const ImGuiTable* table = g.CurrentTable;
        const bool spans_row = table && table->InnerWindow == window &&
                               r.Min.x <= table->WorkRect.Min.x + 1.0f &&
                               r.Max.x >= table->WorkRect.Max.x - 1.0f;
        // Outside a table, the window's own clip: after a table, ClipRect can still be narrower
        // than what the items that follow are drawn with (an upgrade quote's lines under its
        // amounts were reported cut while fully drawn).
        const ImRect& clip = spans_row                               ? table->BgClipRect
                             : table && table->InnerWindow == window ? window->ClipRect
                                                                     : window->InnerClipRect;
        visible.ClipWithFull(clip);
    }
    visible.ClipWithFull(ImRect(ImVec2(0, 0), g.IO.DisplaySize));
    // Float noise at a window's edge is not a cut; nor, for a widget, the half item spacing a
    // Selectable adds around itself (a card at its window's edge always overhangs by that).
    const ImVec2 slack = widget ? ImVec2(ImMax(0.5f, g.Style.ItemSpacing.x * 0.5f),
                                         ImMax(0.5f, g.Style.ItemSpacing.y * 0.5f))
                                : ImVec2(0.5f, 0.5f);
    item.clipped_sideways = visible.Min.x > r.Min.x + slack.x || visible.Max.x < r.Max.x - slack.x;
    item.clipped = item.clipped_sideways || visible.Min.y > r.Min.y + slack.y ||
                   visible.Max.y < r.Max.y - slack.y;
    const bool none = visible.Min.x >= visible.Max.x || visible.Min.y >= visible.Max.y;
    item.x = visible.Min.x;
    item.y = visible.Min.y;
    item.w = none ? 0.0f : visible.GetWidth();
    item.h = none ? 0.0f : visible.GetHeight();
}

// A data table (one with a header row) makes its items cells; layout tables are not tables.
void place_in_table(Item& item, const ImGuiContext& g) {
    const ImGuiTable* table = g.CurrentTable;
    if (!table || table->InnerWindow != g.CurrentWindow) return;
    const bool header_row = (table->RowFlags & ImGuiTableRowFlags_Headers) != 0;
    if (!header_row && !table->IsUsingHeaders) return;
    item.table = table->ID;
    item.row = table->CurrentRow;
    item.column = table->CurrentColumn;
}

Item& add_item(ImGuiContext& g, ImGuiID id, std::string label, ItemRole role) {
    Item item;
    item.id = id != 0 ? id : text_id(g.CurrentWindow, label);
    item.label = std::move(label);
    item.role = role;
    place(item, g, g.LastItemData.Rect, id != 0);
    place_in_table(item, g);
    item.enabled = !(g.LastItemData.InFlags & ImGuiItemFlags_Disabled);
    g_tree.building.push_back(std::move(item));
    return g_tree.building.back();
}

Item* last_item() {
    return g_tree.building.empty() ? nullptr : &g_tree.building.back();
}

// The page asked for this item's focus: ImGui's keyboard focus with its ring, scrolled into view.
// Done as the item is added, before ImGui's clipping test, so an item out of view is not skipped
// (ImGui keeps the focused item alive) and an activation queued for it lands.
void apply_focus_request(ImGuiContext& g, ImGuiWindow* window, ImGuiID id, const ImRect& bb) {
    if (g_tree.focus_request != id) return;
    g_tree.focus_request = 0;
    ImGui::SetFocusID(id, window);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    ImGui::ScrollToRectEx(window, bb,
                          ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
    g_tree.redraw = true;
}

// An announced label whose widget was skipped (item_tree_state.h): forgotten once an item of
// another window arrives.
void drop_announcement_of_other_window(const ImGuiWindow* window) {
    if (g_tree.has_next_role && g_tree.next_window != window) g_tree.has_next_role = false;
}

}  // namespace

// The roles' names, in ItemRole's order: the page reads them as the items' roles.
constexpr const char* kRoleNames[] = {"button",   "input",  "checkbox", "radio",       "tab",
                                      "link",     "text",   "combo",    "selectable",  "heading",
                                      "listitem", "status", "alert",    "columnheader"};
static_assert(std::size(kRoleNames) == static_cast<std::size_t>(ItemRole::column_header) + 1,
              "one name per ItemRole");

const char* to_string(ItemRole role) {
    const auto index = static_cast<std::size_t>(role);
    return index < std::size(kRoleNames) ? kRoleNames[index] : "text";
}

const char* to_string(Autofill autofill) {
    switch (autofill) {
        case Autofill::username:
            return "username";
        case Autofill::current_password:
            return "current-password";
        case Autofill::none:
            break;
    }
    return "";
}

void item_tree_install() {
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void item_tree_begin_frame() {
    g_tree.building.clear();
    g_tree.has_next_role = false;
}

void item_tree_end_frame() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiID focus = g.NavDisableHighlight ? 0 : g.NavId;
    for (Item& item : g_tree.building) item.focused = focus != 0 && item.id == focus;
    g_tree.published.swap(g_tree.building);
    g_tree.hash = semantic_hash(g_tree.published);
    const uint64_t layout = layout_hash(g_tree.published);
    g_tree.settled = layout == g_tree.layout;
    g_tree.layout = layout;
    // Requests arrive between frames and are for items of the frame that follows: what that frame
    // did not draw is gone.
    g_tree.typed.clear();
    g_tree.submitted_field = 0;
    g_tree.focus_request = 0;
}

void item_tree_next(ItemRole role, std::string label) {
    g_tree.next_role = role;
    g_tree.next_label = std::move(label);
    g_tree.has_next_role = true;
    g_tree.next_window = ImGui::GetCurrentContext()->CurrentWindow;
}

void item_tree_report_last_item(const std::string& label, ItemRole role) {
    add_item(*ImGui::GetCurrentContext(), 0, readable(label), role);
}

void item_tree_mark_last_checked() {
    if (Item* item = last_item()) item->checked = true;
}

void item_tree_set_last_role(ItemRole role, int level) {
    Item* item = last_item();
    // Only text takes another role: a widget (a link in a heading) keeps its own.
    const bool text = item && (item->role == ItemRole::text || item->role == ItemRole::status ||
                               item->role == ItemRole::alert || item->role == ItemRole::heading ||
                               item->role == ItemRole::list_item);
    if (text) {
        item->role = role;
        item->level = level;
    }
}

int item_tree_last_index() {
    return static_cast<int>(g_tree.building.size()) - 1;
}

void item_tree_mark_invalid(int field_index) {
    Item* message = last_item();
    if (!message || field_index < 0 || field_index >= item_tree_last_index()) return;
    message->role = ItemRole::alert;
    Item& field = g_tree.building[static_cast<std::size_t>(field_index)];
    field.invalid = true;
    field.described_by = message->id;
}

void item_tree_mark_last_autofill(Autofill autofill, const std::string& value) {
    if (Item* item = last_item(); item && item->role == ItemRole::input) {
        item->autofill = autofill;
        item->value = value;
    }
}

void item_tree_mark_last_multiline() {
    if (Item* item = last_item()) item->multiline = true;
}

const std::vector<Item>& item_tree_items() {
    return g_tree.published;
}

uint64_t item_tree_semantic_hash() {
    return g_tree.hash;
}

bool item_tree_settled() {
    return g_tree.settled;
}

void item_tree_request_focus(uint32_t id) {
    g_tree.focus_request = id;
}

bool item_tree_take_redraw() {
    return std::exchange(g_tree.redraw, false);
}

void item_tree_set_field_text(uint32_t id, std::string text) {
    for (auto& typed : g_tree.typed) {
        if (typed.first == id) {
            typed.second = std::move(text);
            return;
        }
    }
    g_tree.typed.emplace_back(id, std::move(text));
}

void item_tree_submit_field(uint32_t id) {
    g_tree.submitted_field = id;
}

bool item_tree_take_field_text(uint32_t id, std::string& value) {
    const auto typed = std::find_if(g_tree.typed.begin(), g_tree.typed.end(),
                                    [id](const auto& entry) { return entry.first == id; });
    if (id == 0 || typed == g_tree.typed.end()) return false;
    const bool changed = value != typed->second;
    value = std::move(typed->second);
    g_tree.typed.erase(typed);
    return changed;
}

bool item_tree_take_field_submit(uint32_t id) {
    if (id == 0 || g_tree.submitted_field != id) return false;
    g_tree.submitted_field = 0;
    return true;
}

}  // namespace portal::ui

// [SECTION] Dear ImGui test-engine hooks (declared in imgui_internal.h).

// Every item with an id passes here before ImGui's clipping test: an item our widgets announced
// (item_tree_next with a label) is reported here, so it is in the tree even when scrolled out of
// view; table headers too (ImGui gives them no ItemInfo).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData* item_data) {
    using namespace portal::ui;
    ImGuiWindow* window = ctx->CurrentWindow;
    if (!item_data || !window || window->ID == id) return;
    apply_focus_request(*ctx, window, id, bb);
    drop_announcement_of_other_window(window);
    if (g_tree.has_next_role && !g_tree.next_label.empty()) {
        g_tree.has_next_role = false;
        add_item(*ctx, id, visible_label(g_tree.next_label.c_str()), g_tree.next_role);
        return;
    }
    const ImGuiTable* table = ctx->CurrentTable;
    if (!g_tree.has_next_role && table && (table->RowFlags & ImGuiTableRowFlags_Headers) &&
        table->CurrentColumn >= 0) {
        add_item(*ctx, id, readable(ImGui::TableGetColumnName(table->CurrentColumn)),
                 ItemRole::column_header);
    }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
    using namespace portal::ui;
    // Only the item just added carries a valid rectangle in LastItemData.
    if (ctx->LastItemData.ID != id) return;
    // Windows, child windows and scrollbars report themselves too; they are not widgets.
    const ImGuiWindow* window = ctx->CurrentWindow;
    if (window && window->ID == id) return;
    drop_announcement_of_other_window(window);
    if (Item* item = last_item(); item && item->id == id) {
        // Reported at ItemAdd: only its state is new.
        item->checked = item->checked || (flags & ImGuiItemStatusFlags_Checked);
        item->expanded = (flags & ImGuiItemStatusFlags_Opened) != 0;
        return;
    }
    const bool announced = g_tree.has_next_role;
    g_tree.has_next_role = false;
    const ItemRole role = announced ? g_tree.next_role : role_from_flags(flags);
    std::string text = visible_label(label);
    if (text.empty() && role != ItemRole::input) return;
    Item& item = add_item(*ctx, id, std::move(text), role);
    item.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
    item.expanded = (flags & ImGuiItemStatusFlags_Opened) != 0;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}
