#include "ui/item_tree.h"

#include <cstddef>
#include <cstdio>
#include <iterator>
#include <string_view>

#include "imgui.h"
#include "imgui_internal.h"

namespace portal::ui {
namespace {

struct Tree {
    std::vector<Item> building;
    std::vector<Item> published;
    ItemRole next_role = ItemRole::button;
    std::string next_label;
    bool has_next_role = false;
};
Tree g_tree;

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

void add_item(ImGuiContext& g, const std::string& label, ItemRole role, bool checked) {
    const ImRect& r = g.LastItemData.Rect;
    Item item;
    item.label = label;
    item.role = role;
    item.x = r.Min.x;
    item.y = r.Min.y;
    item.w = r.GetWidth();
    item.h = r.GetHeight();
    item.enabled = !(g.LastItemData.InFlags & ImGuiItemFlags_Disabled);
    item.checked = checked;
    g_tree.building.push_back(std::move(item));
}

void append_json_string(std::string& out, const std::string& text) {
    out += '"';
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

}  // namespace

// The roles' names, in ItemRole's order: the page reads them as the items' roles.
constexpr const char* kRoleNames[] = {"button", "input", "checkbox", "radio",     "tab",
                                      "link",   "text",  "combo",    "selectable"};
static_assert(std::size(kRoleNames) == static_cast<std::size_t>(ItemRole::selectable) + 1,
              "one name per ItemRole");

const char* to_string(ItemRole role) {
    const auto index = static_cast<std::size_t>(role);
    return index < std::size(kRoleNames) ? kRoleNames[index] : "text";
}

void item_tree_install() {
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void item_tree_begin_frame() {
    g_tree.building.clear();
    g_tree.has_next_role = false;
}

void item_tree_end_frame() {
    g_tree.published.swap(g_tree.building);
}

void item_tree_next(ItemRole role, std::string label) {
    g_tree.next_role = role;
    g_tree.next_label = std::move(label);
    g_tree.has_next_role = true;
}

void item_tree_report_last_item(const std::string& label, ItemRole role) {
    add_item(*ImGui::GetCurrentContext(), readable(label), role, false);
}

void item_tree_mark_last_checked() {
    if (!g_tree.building.empty()) g_tree.building.back().checked = true;
}

const std::vector<Item>& item_tree_items() {
    return g_tree.published;
}

std::string item_tree_json() {
    std::string out = "[";
    char numbers[160];
    for (const Item& item : g_tree.published) {
        if (out.size() > 1) out += ',';
        out += "{\"label\":";
        append_json_string(out, item.label);
        std::snprintf(numbers, sizeof numbers,
                      ",\"role\":\"%s\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"enabled\":%s,"
                      "\"checked\":%s}",
                      to_string(item.role), item.x, item.y, item.w, item.h,
                      item.enabled ? "true" : "false", item.checked ? "true" : "false");
        out += numbers;
    }
    out += ']';
    return out;
}

}  // namespace portal::ui

// [SECTION] Dear ImGui test-engine hooks (declared in imgui_internal.h).

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
    using namespace portal::ui;
    // Only the item just added carries a valid rectangle in LastItemData.
    if (ctx->LastItemData.ID != id) return;
    // Windows, child windows and scrollbars report themselves too; they are not widgets.
    const ImGuiWindow* window = ctx->CurrentWindow;
    if (window && window->ID == id) return;
    const bool announced = g_tree.has_next_role;
    g_tree.has_next_role = false;
    const ItemRole role = announced ? g_tree.next_role : role_from_flags(flags);
    const std::string text = announced && !g_tree.next_label.empty() ? readable(g_tree.next_label)
                                                                     : visible_label(label);
    if (text.empty() && role != ItemRole::input) return;
    add_item(*ctx, text, role, (flags & ImGuiItemStatusFlags_Checked) != 0);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}
