// The item tree: every widget drawn in the last frame, with its label, role and rectangle.
//
// Dear ImGui reports items through its test-engine hooks (IMGUI_ENABLE_TEST_ENGINE, DESIGN.md);
// this file implements those hooks and keeps the list of the last complete frame. End-to-end tests
// click widgets by label through it (window.portal.items()), and it is the base of an
// accessibility mirror. Text the client must read (titles, errors, statuses) is reported by our own
// widgets (ui/widgets.h), because plain ImGui::Text has no item id.
#pragma once

#include <string>
#include <vector>

namespace portal::ui {

enum class ItemRole { button, input, checkbox, radio, tab, link, text, combo, selectable };

struct Item {
    std::string label;
    ItemRole role = ItemRole::text;
    float x = 0, y = 0, w = 0, h = 0;  // ImGui coordinates (CSS pixels of the canvas)
    bool enabled = true;
    bool checked = false;
};

const char* to_string(ItemRole role);

// Called once at start-up, after ImGui::CreateContext.
void item_tree_install();
// Call around each frame: begin clears the list being built, end publishes it.
void item_tree_begin_frame();
void item_tree_end_frame();
// The role (and, when not empty, the label) the next ImGui widget is reported with: a Selectable
// drawn as a tab, or an input whose visible label is drawn beside it ("##email").
void item_tree_next(ItemRole role, std::string label = {});
// Reports the last drawn item (e.g. a text line) with the given label and role.
void item_tree_report_last_item(const std::string& label, ItemRole role);
// Marks the item just reported as checked (a selected tab, a chosen option).
void item_tree_mark_last_checked();
// The last complete frame's items as a JSON array: [{label, role, x, y, w, h, enabled, checked}].
std::string item_tree_json();
const std::vector<Item>& item_tree_items();

}  // namespace portal::ui
