// The item tree's state, shared by item_tree.cpp (the hooks) and item_tree_json.cpp (what is
// published). Not for screens: they use item_tree.h.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ui/item_tree.h"

namespace portal::ui {

struct Tree {
    std::vector<Item> building;
    std::vector<Item> published;
    uint64_t hash = 0;    // published's semantic_hash
    uint64_t layout = 0;  // published's layout_hash
    bool settled = true;  // the last frame's layout_hash was the one before's
    ItemRole next_role = ItemRole::button;
    std::string next_label;
    bool has_next_role = false;
    // The window the announcement was made in: only an item of that window takes it. A widget
    // ImGui skips (its child window out of view) adds no item, and its label must not go to the
    // next item added elsewhere.
    const void* next_window = nullptr;
    // Requests from the page (item_tree.h, "Requests from the page").
    uint32_t focus_request = 0;
    bool redraw = false;
    // Several real fields can change before a frame (a password manager fills two at once).
    std::vector<std::pair<uint32_t, std::string>> typed;
    uint32_t submitted_field = 0;
};
extern Tree g_tree;

uint64_t semantic_hash(const std::vector<Item>& items);
// A hash of every published field, places included.
uint64_t layout_hash(const std::vector<Item>& items);

}  // namespace portal::ui
