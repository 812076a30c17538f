// The item tree: every widget drawn in the last frame, with its id, label, role, state and the
// visible part of its rectangle.
//
// Dear ImGui reports items through its test-engine hooks (IMGUI_ENABLE_TEST_ENGINE, DESIGN.md);
// this file implements those hooks and keeps the list of the last complete frame. End-to-end tests
// click widgets by label through it (window.portal.items()), and the platform layer builds the
// accessibility mirror from it (a hidden DOM tree with ARIA roles). Text the client must read
// (titles, errors, statuses) is reported by our own widgets (ui/widgets.h), because plain
// ImGui::Text has no item id.
//
// The tree also carries requests the other way, from the page to the widgets: focus an item
// (scrolling it into view), and text typed into a real browser field that stands for a drawn one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace portal::ui {

// What an item is for a screen reader. `status` and `alert` are messages (a notice, an error);
// `column_header` is a table header cell.
enum class ItemRole {
    button,
    input,
    checkbox,
    radio,
    tab,
    link,
    text,
    combo,
    selectable,
    heading,
    list_item,
    status,
    alert,
    column_header,
};

// What a browser's password manager may fill into a field (the HTML autocomplete token).
enum class Autofill { none, username, current_password };

struct Item {
    uint32_t id = 0;  // stable across frames: ImGui's id, or a hash of a text and its window
    std::string label;
    ItemRole role = ItemRole::text;
    float x = 0, y = 0, w = 0, h = 0;  // the visible part, ImGui coordinates (CSS pixels)
    bool clipped = false;              // its window or the screen cuts part (or all) of it
    bool clipped_sideways = false;     // ... on its left or right (a scrolled list cuts top/bottom)
    bool enabled = true;
    bool checked = false;   // a ticked checkbox, a chosen option, the open tab
    bool expanded = false;  // an open combo
    bool invalid = false;   // a field with an error; `described_by` is the error's item
    bool multiline = false;
    bool focused = false;       // it has ImGui's keyboard focus, its ring drawn
    int level = 0;              // headings: 1 the screen's title, 2 a section
    uint32_t described_by = 0;  // the item that explains this one (a field's error)
    uint32_t table = 0;         // a data table's id (one with a header row), 0 outside one
    int row = -1, column = -1;  // its cell in that table
    Autofill autofill = Autofill::none;
    std::string value;  // the text of an autofill field (the page's real field shows it)
};

const char* to_string(ItemRole role);
const char* to_string(Autofill autofill);

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
// Gives the text just reported another role (a message, a heading with its level); a widget
// keeps its own.
void item_tree_set_last_role(ItemRole role, int level = 0);
// The index of the item just reported (-1 before any), for item_tree_mark_invalid.
int item_tree_last_index();
// The field at `field_index` has an error, explained by the item just reported (an alert).
void item_tree_mark_invalid(int field_index);
// The field just reported is one a password manager fills, holding `value`.
void item_tree_mark_last_autofill(Autofill autofill, const std::string& value);
void item_tree_mark_last_multiline();

// The last complete frame's items as a JSON array (see Item; web/boot.js documents it).
std::string item_tree_json();
const std::vector<Item>& item_tree_items();
// A hash of what a screen reader perceives (roles, names, states, order) and of the autofill
// fields' rectangles: the mirror is rebuilt only when it changes.
uint64_t item_tree_semantic_hash();
// Whether the last frame laid out every item where the frame before did. A card or a page grows
// to its content one frame late (ImGui sizes it from the frame before), and nested ones one frame
// each: the page draws until its layout holds still, or it could stop on a frame that cuts a
// control short until the next event.
bool item_tree_settled();

// [SECTION] Requests from the page

// Gives the item ImGui's keyboard focus (with its focus ring) and scrolls it into view, the next
// time it is drawn.
void item_tree_request_focus(uint32_t id);
// True once after a frame that scrolled to a focused item: one more frame shows it in place.
bool item_tree_take_redraw();
// Text typed into the real field standing for field `id`; Enter pressed in it.
void item_tree_set_field_text(uint32_t id, std::string text);
void item_tree_submit_field(uint32_t id);
// For the widgets: applies text typed from outside to `value` (true when it changed it), and
// says once whether Enter was pressed in the real field.
bool item_tree_take_field_text(uint32_t id, std::string& value);
bool item_tree_take_field_submit(uint32_t id);

}  // namespace portal::ui
