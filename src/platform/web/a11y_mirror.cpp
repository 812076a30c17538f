// See a11y_mirror.h. The DOM side is web/a11y.js (window.portalA11y).
#include "platform/web/a11y_mirror.h"

#include <emscripten.h>

#include <cstdint>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/item_tree.h"

namespace portal::platform {
namespace {

struct Mirror {
    void (*wake)() = nullptr;
    uint64_t shown_hash = 0;  // the item tree the DOM shows
    bool scheduled = false;   // a task to show the tree is on its way
};
Mirror* g_mirror = nullptr;

// clang-format off
EM_JS(void, js_a11y_install, (), {
    if (window.portalA11y) window.portalA11y.install(Module);
});
EM_JS(void, js_a11y_update, (const char* json), {
    if (window.portalA11y) window.portalA11y.update(UTF8ToString(json));
});
EM_JS(int, js_a11y_has_focus, (), {
    return window.portalA11y && window.portalA11y.hasFocus() ? 1 : 0;
});
EM_JS(void, js_a11y_tab, (unsigned from_id, int backwards), {
    if (window.portalA11y) window.portalA11y.tab(from_id >>> 0, backwards !== 0);
});
EM_JS(void, js_a11y_focus_field, (unsigned id), {
    if (window.portalA11y) window.portalA11y.focusField(id >>> 0);
});
// clang-format on

const ui::Item* find_item(uint32_t id) {
    for (const ui::Item& item : ui::item_tree_items()) {
        if (item.id == id) return &item;
    }
    return nullptr;
}

// Brings the DOM to the last frame's tree, if it is not there yet.
void show_tree() {
    const uint64_t hash = ui::item_tree_semantic_hash();
    if (hash == g_mirror->shown_hash) return;
    g_mirror->shown_hash = hash;
    js_a11y_update(ui::item_tree_json().c_str());
}

void show_tree_task(void*) {
    g_mirror->scheduled = false;
    show_tree();
}

void wake() {
    if (g_mirror && g_mirror->wake) g_mirror->wake();
}

// A drawn field that a real browser field stands for: the browser field is the one typed into.
void hand_field_to_browser() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId == 0 || g.ActiveId != g.InputTextState.ID) return;
    const ui::Item* item = find_item(g.ActiveId);
    if (!item || item->autofill == ui::Autofill::none) return;
    ImGui::ClearActiveID();
    show_tree();  // the real field may be new in this frame
    js_a11y_focus_field(item->id);
}

}  // namespace

// From web/a11y.js: an element got the keyboard's focus.
extern "C" EMSCRIPTEN_KEEPALIVE void portal_a11y_focus(uint32_t id) {
    const ui::Item* item = find_item(id);
    if (!item) return;
    ui::item_tree_request_focus(id);
    // A (drawn) text field is edited as soon as it has the focus, as a browser's own field is.
    if (item->role == ui::ItemRole::input && item->autofill == ui::Autofill::none) {
        ImGui::ActivateItemByID(id);
        ImGui::GetCurrentContext()->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    }
    wake();
}

// From window.portal.reveal (web/boot.js): scrolls an item into view (giving it ImGui's focus).
extern "C" EMSCRIPTEN_KEEPALIVE void portal_a11y_reveal(uint32_t id) {
    ui::item_tree_request_focus(id);
    wake();
}

// From web/a11y.js: an element was activated (click, Enter, Space).
extern "C" EMSCRIPTEN_KEEPALIVE void portal_a11y_activate(uint32_t id) {
    const ui::Item* item = find_item(id);
    if (!item || !item->enabled) return;
    ui::item_tree_request_focus(id);  // keeps an item out of view alive for its activation
    ImGui::ActivateItemByID(id);
    if (item->role == ui::ItemRole::input) {
        ImGui::GetCurrentContext()->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    }
    wake();
}

// From web/a11y.js: the text of a real field changed (typed, pasted, filled by a password
// manager), or Enter was pressed in it.
extern "C" EMSCRIPTEN_KEEPALIVE void portal_a11y_field_text(uint32_t id, const char* text) {
    ui::item_tree_set_field_text(id, text ? text : "");
    wake();
}
extern "C" EMSCRIPTEN_KEEPALIVE void portal_a11y_field_submit(uint32_t id) {
    ui::item_tree_submit_field(id);
    wake();
}

void a11y_mirror_install(void (*wake_page)()) {
    g_mirror = new Mirror{};
    g_mirror->wake = wake_page;
    js_a11y_install();
}

void a11y_mirror_after_frame() {
    if (!g_mirror) return;
    // The DOM follows in a task of its own, after the browser has shown the frame: the frame
    // reaches the screen without waiting for the DOM, and a burst of frames (a scroll, a typed
    // word) updates the DOM once, to the last of them.
    if (!g_mirror->scheduled && ui::item_tree_semantic_hash() != g_mirror->shown_hash) {
        g_mirror->scheduled = true;
        emscripten_async_call(show_tree_task, nullptr, 0);
    }
    hand_field_to_browser();
    if (ui::item_tree_take_redraw()) wake();  // the scroll to a focused item shows next frame
}

bool a11y_mirror_has_focus() {
    return g_mirror && js_a11y_has_focus() != 0;
}

void a11y_mirror_tab(bool backwards) {
    if (g_mirror) show_tree();  // the element after this widget may be new in the last frame
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiID from = g.ActiveId != 0 ? g.ActiveId : g.NavId;
    js_a11y_tab(from, backwards ? 1 : 0);
}

}  // namespace portal::platform
