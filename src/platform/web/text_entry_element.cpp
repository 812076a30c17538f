// See text_entry_element.h and html5_backend.h (on-screen keyboards and IMEs).
#include "platform/web/text_entry_element.h"

#include <emscripten.h>

#include "app/text_entry.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/item_tree.h"

namespace portal::platform {
namespace {

struct TextEntry {
    void (*wake)() = nullptr;
    bool wants_text = false;     // a field was being edited at the last frame (IME data)
    bool composing = false;      // an IME composition is open in the element
    bool release_field = false;  // the element was closed from outside: end the field's editing
    unsigned named_field = 0;    // the field the element is named after (aria-label)
};
TextEntry* g_entry = nullptr;

// clang-format off
// The hidden text-entry element: what phones open their keyboard for and IMEs type into. Its text
// is taken (and the element emptied) on input outside a composition and on compositionend; the
// decisions are in C++ (app/text_entry.h).
EM_JS(void, js_text_entry_install, (const char* selector), {
    const canvas = document.querySelector(UTF8ToString(selector));
    const el = document.createElement("input");
    el.type = "text";
    el.id = "portal-text-entry";
    el.tabIndex = -1;
    el.setAttribute("autocapitalize", "off");
    el.setAttribute("autocorrect", "off");
    el.setAttribute("autocomplete", "off");
    el.setAttribute("spellcheck", "false");
    el.setAttribute("enterkeyhint", "done");
    el.setAttribute("aria-label", "Texto del campo / Field text");
    const s = el.style;
    s.position = "fixed";
    s.left = "0px";
    s.top = "0px";
    s.width = "1px";
    s.height = "16px";
    s.margin = "0";
    s.padding = "0";
    s.border = "0";
    s.outline = "none";
    s.opacity = "0";
    s.color = "transparent";
    s.background = "transparent";
    s.caretColor = "transparent";
    s.fontSize = "16px";
    s.lineHeight = "16px";
    s.pointerEvents = "none";
    s.overflow = "hidden";
    s.zIndex = "0";
    document.body.appendChild(el);
    const entry = { el: el, canvas: canvas, composing: false, ourBlur: false };
    Module.portalTextEntry = entry;

    function withString(text, fn) {
        const bytes = lengthBytesUTF8(text) + 1;
        const ptr = _malloc(bytes);
        stringToUTF8(text, ptr, bytes);
        const result = fn(ptr);
        _free(ptr);
        return result;
    }
    function take() {
        const text = el.value;
        if (!text) return;
        el.value = "";
        withString(text, _portal_text_entry_text);
    }
    el.addEventListener("compositionstart", function() {
        entry.composing = true;
        _portal_text_entry_composing(1);
    });
    el.addEventListener("compositionend", function() {
        entry.composing = false;
        _portal_text_entry_composing(0);
        take();
    });
    el.addEventListener("beforeinput", function(event) {
        if (withString(event.inputType || "", _portal_text_entry_before_input)) {
            event.preventDefault();
        }
    });
    el.addEventListener("input", function(event) {
        if (entry.composing || event.isComposing) return;
        take();
    });
    el.addEventListener("blur", function(event) {
        if (entry.ourBlur || !document.hasFocus() || event.relatedTarget === canvas) return;
        _portal_text_entry_closed();
    });
});

EM_JS(void, js_text_entry_focus, (int reopen), {
    const entry = Module.portalTextEntry;
    if (!entry) return;
    if (reopen && document.activeElement === entry.el && !entry.composing) {
        entry.ourBlur = true;
        entry.el.blur();
        entry.ourBlur = false;
    }
    if (document.activeElement !== entry.el) entry.el.focus({ preventScroll: true });
});

EM_JS(void, js_text_entry_blur, (), {
    const entry = Module.portalTextEntry;
    if (!entry || document.activeElement !== entry.el) return;
    entry.ourBlur = true;
    entry.el.blur();
    entry.ourBlur = false;
    if (entry.canvas) entry.canvas.focus({ preventScroll: true });
});

EM_JS(int, js_text_entry_state, (), {
    const entry = Module.portalTextEntry;
    if (!entry) return 0;
    return (document.activeElement === entry.el ? 1 : 0) | (document.hasFocus() ? 2 : 0);
});

EM_JS(void, js_text_entry_geometry, (double* out), {
    const entry = Module.portalTextEntry;
    const rect = entry && entry.canvas ? entry.canvas.getBoundingClientRect() : { left: 0, top: 0 };
    HEAPF64[out >> 3] = rect.left;
    HEAPF64[(out >> 3) + 1] = rect.top;
    HEAPF64[(out >> 3) + 2] = window.innerWidth;
    HEAPF64[(out >> 3) + 3] = window.innerHeight;
});

EM_JS(void, js_text_entry_place, (double left, double top, double height, int password, int email), {
    const entry = Module.portalTextEntry;
    if (!entry) return;
    const s = entry.el.style;
    s.left = left + "px";
    s.top = top + "px";
    s.height = height + "px";
    const type = password ? "password" : "text";
    if (entry.el.type !== type) entry.el.type = type;
    const mode = email ? "email" : "text";
    if (entry.el.inputMode !== mode) entry.el.inputMode = mode;
});

// A screen reader says which field is being edited: the element takes its name.
EM_JS(void, js_text_entry_name, (const char* name), {
    const entry = Module.portalTextEntry;
    if (entry) entry.el.setAttribute("aria-label", UTF8ToString(name));
});

// clang-format on

// Names the element after the field being edited (its label in the item tree).
void name_after_field(ImGuiID field) {
    if (field == g_entry->named_field) return;
    for (const ui::Item& item : ui::item_tree_items()) {
        if (item.id != field) continue;
        g_entry->named_field = field;
        js_text_entry_name(item.label.c_str());
        return;
    }
}

// io.SetPlatformImeDataFn: ImGui says (when it changes) whether a field is being edited and where
// its caret is. The hidden element goes there, so an IME's candidate window opens at the caret.
void set_platform_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    if (!g_entry) return;
    g_entry->wants_text = data->WantVisible;
    if (!data->WantVisible) return;
    double geometry[4] = {0, 0, 0, 0};
    js_text_entry_geometry(geometry);
    const app::CaretBox box =
        app::caret_box(static_cast<float>(geometry[0]), static_cast<float>(geometry[1]),
                       data->InputPos.x, data->InputPos.y, data->InputLineHeight,
                       static_cast<float>(geometry[2]), static_cast<float>(geometry[3]));
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool editing = g.InputTextState.ID != 0 && g.InputTextState.ID == g.ActiveId;
    const ImGuiInputTextFlags flags = editing ? g.InputTextState.Flags : 0;
    if (editing) name_after_field(g.InputTextState.ID);
    const bool password = (flags & ImGuiInputTextFlags_Password) != 0;
    // Only email fields take no blanks (ui/widgets.h, FieldKind::email): a phone shows its
    // keyboard with @ for them.
    const bool email = (flags & ImGuiInputTextFlags_CharsNoBlank) != 0;
    js_text_entry_place(box.left, box.top, box.height, password ? 1 : 0, email ? 1 : 0);
}

// After every frame (a context hook, so the frame loop needs no call): the element holds the focus
// exactly while a field is being edited.
void after_frame(ImGuiContext* ctx, ImGuiContextHook*) {
    if (!g_entry) return;
    const int state = js_text_entry_state();
    const bool pending = ctx->InputEventsQueue.Size > 0;
    switch (
        app::focus_after_frame((state & 1) != 0, g_entry->wants_text, pending, (state & 2) != 0)) {
        case app::FocusAction::focus:
            js_text_entry_focus(0);
            break;
        case app::FocusAction::blur:
            js_text_entry_blur();
            break;
        case app::FocusAction::keep:
            break;
    }
}

}  // namespace

// From the hidden text-entry element (js_text_entry_install).
extern "C" EMSCRIPTEN_KEEPALIVE void portal_text_entry_text(const char* text) {
    if (!g_entry || !text) return;
    ImGui::GetIO().AddInputCharactersUTF8(text);
    g_entry->wake();
}

extern "C" EMSCRIPTEN_KEEPALIVE void portal_text_entry_composing(int composing) {
    if (g_entry) g_entry->composing = composing != 0;
}

// Returns whether the browser must leave the element unchanged.
extern "C" EMSCRIPTEN_KEEPALIVE int portal_text_entry_before_input(const char* input_type) {
    if (!g_entry || !input_type) return 0;
    const app::BeforeInputAction action = app::before_input_action(input_type);
    ImGuiIO& io = ImGui::GetIO();
    // The keys an on-screen keyboard sends as edits (Ctrl: a whole word).
    struct Press {
        app::EditKey edit;
        ImGuiKey key;
        bool ctrl;
    };
    constexpr Press kPresses[] = {
        {app::EditKey::backspace, ImGuiKey_Backspace, false},
        {app::EditKey::delete_forward, ImGuiKey_Delete, false},
        {app::EditKey::word_backspace, ImGuiKey_Backspace, true},
        {app::EditKey::word_delete, ImGuiKey_Delete, true},
        {app::EditKey::enter, ImGuiKey_Enter, false},
    };
    for (const Press& press : kPresses) {
        if (press.edit != action.key) continue;
        if (press.ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(press.key, true);
        io.AddKeyEvent(press.key, false);
        if (press.ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    }
    if (action.key != app::EditKey::none) g_entry->wake();
    return action.prevent_default ? 1 : 0;
}

// The element lost the focus to something else than the page's own canvas (iOS's "Done", the
// keyboard closed): the field stops being edited, as a native field would.
extern "C" EMSCRIPTEN_KEEPALIVE void portal_text_entry_closed() {
    if (!g_entry || !g_entry->wants_text) return;
    g_entry->release_field = true;
    g_entry->wake();
}

// The end of a click or tap on the canvas, inside its event handler: the only moment a phone opens
// its keyboard for a focus().
void text_entry_gesture_end(bool touch) {
    if (!g_entry) return;
    const bool pending = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    if (app::focus_on_pointer_up(g_entry->wants_text, pending) == app::FocusAction::focus) {
        // A tap on the field being edited reopens a keyboard the client closed (Android's back).
        js_text_entry_focus(touch && g_entry->wants_text ? 1 : 0);
    }
}

void text_entry_install(const char* canvas_selector, void (*wake)()) {
    g_entry = new TextEntry{};
    g_entry->wake = wake;
    ImGui::GetIO().SetPlatformImeDataFn = set_platform_ime_data;
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_EndFramePost;
    hook.Callback = after_frame;
    ImGui::AddContextHook(ImGui::GetCurrentContext(), &hook);
    js_text_entry_install(canvas_selector);
}

void text_entry_shutdown() {
    delete g_entry;
    g_entry = nullptr;
}

bool text_entry_composing() {
    return g_entry && g_entry->composing;
}

void text_entry_new_frame() {
    if (!g_entry || !g_entry->release_field) return;
    g_entry->release_field = false;
    // Only the field being edited lets go. The element also closes when a click elsewhere on the
    // canvas takes the focus, and that click may already have made its own widget active (a
    // radio between its press and its release): clearing that would lose the click.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID) ImGui::ClearActiveID();
}

}  // namespace portal::platform
