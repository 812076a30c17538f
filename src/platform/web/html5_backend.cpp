// See html5_backend.h for what this implements and why.
#include "platform/web/html5_backend.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstring>
#include <string>
#include <string_view>

#include "app/text_entry.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace portal::platform {
namespace {

// All backend state in one place (the shape of Dear ImGui's own backends).
struct Data {
    Html5BackendOptions options;
    double last_frame_ms = 0.0;
    float pixel_ratio = 0.0f;  // unknown until the first frame, which then loads the fonts
    int backing_width = 0;
    int backing_height = 0;
    ImGuiMouseCursor last_cursor = ImGuiMouseCursor_COUNT;
    std::string
        clipboard;  // What we last copied or pasted; ImGui reads the clipboard synchronously.
    // The hidden text-entry element (see html5_backend.h and app/text_entry.h).
    bool wants_text = false;     // a field was being edited at the last frame (IME data)
    bool composing = false;      // an IME composition is open in the element
    bool release_field = false;  // the element was closed from outside: end the field's editing
};
Data* g_data = nullptr;

void wake() {
    if (g_data && g_data->options.wake) g_data->options.wake();
}

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

EM_JS(void, js_write_clipboard, (const char* text), {
    const value = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).catch(function(err) {
            console.warn('portal: the browser refused the clipboard write', err);
        });
    }
});

EM_JS(void, js_set_canvas_cursor, (const char* selector, const char* cursor), {
    const canvas = document.querySelector(UTF8ToString(selector));
    if (canvas) canvas.style.cursor = UTF8ToString(cursor);
});

// Paste arrives as a DOM event carrying the text; forward it to C++.
EM_JS(void, js_install_paste_listener, (), {
    window.addEventListener('paste', function(event) {
        const text = event.clipboardData ? event.clipboardData.getData('text/plain') : "";
        if (!text) return;
        event.preventDefault();
        const bytes = lengthBytesUTF8(text) + 1;
        const ptr = _malloc(bytes);
        stringToUTF8(text, ptr, bytes);
        _portal_platform_paste(ptr);
        _free(ptr);
    });
});
// clang-format on

void set_clipboard_text(void*, const char* text) {
    if (!g_data) return;
    g_data->clipboard = text ? text : "";
    js_write_clipboard(g_data->clipboard.c_str());
}

// ImGui's own Ctrl+V asks synchronously; the real paste comes through the paste event, so answer
// nothing here to avoid inserting stale text twice.
const char* get_clipboard_text(void*) {
    return "";
}

ImGuiKey key_from_dom(const EmscriptenKeyboardEvent& e) {
    const std::string_view key = e.key;
    struct Named {
        const char* name;
        ImGuiKey key;
    };
    static constexpr Named kNamed[] = {
        {"Tab", ImGuiKey_Tab},
        {"ArrowLeft", ImGuiKey_LeftArrow},
        {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow},
        {"ArrowDown", ImGuiKey_DownArrow},
        {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown},
        {"Home", ImGuiKey_Home},
        {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert},
        {"Delete", ImGuiKey_Delete},
        {"Backspace", ImGuiKey_Backspace},
        {" ", ImGuiKey_Space},
        {"Enter", ImGuiKey_Enter},
        {"Escape", ImGuiKey_Escape},
        {"Control", ImGuiKey_LeftCtrl},
        {"Shift", ImGuiKey_LeftShift},
        {"Alt", ImGuiKey_LeftAlt},
        {"Meta", ImGuiKey_LeftSuper},
    };
    for (const auto& named : kNamed) {
        if (key == named.name) return named.key;
    }
    // Letters by physical position ("KeyA"), so shortcuts work on any keyboard layout.
    const std::string_view code = e.code;
    if (code.size() == 4 && code.substr(0, 3) == "Key" && code[3] >= 'A' && code[3] <= 'Z') {
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    }
    if (code.size() == 6 && code.substr(0, 5) == "Digit" && code[5] >= '0' && code[5] <= '9') {
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    }
    return ImGuiKey_None;
}

void update_modifiers(ImGuiIO& io, const EmscriptenKeyboardEvent& e) {
    io.AddKeyEvent(ImGuiMod_Ctrl, e.ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e.shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e.altKey);
    io.AddKeyEvent(ImGuiMod_Super, e.metaKey);
}

// Keys and typed text take one path each (app/text_entry.h): a physical key's character is given
// to ImGui here and its default prevented, so it never reaches the hidden text-entry element; keys
// an IME or on-screen keyboard handles are left alone and their text comes from the element.
EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    update_modifiers(io, *e);
    const ImGuiKey key = key_from_dom(*e);
    app::KeyDown key_down;
    key_down.key = e->key;
    key_down.key_code = static_cast<int>(e->keyCode);
    key_down.ctrl = e->ctrlKey;
    key_down.alt = e->altKey;
    key_down.meta = e->metaKey;
    key_down.composing = g_data && g_data->composing;
    key_down.wants_keyboard = io.WantCaptureKeyboard;
    key_down.clipboard_shortcut =
        (e->ctrlKey || e->metaKey) && (key == ImGuiKey_C || key == ImGuiKey_V || key == ImGuiKey_X);
    key_down.tab = key == ImGuiKey_Tab;
    const app::KeyDownAction action = app::key_down_action(key_down);
    if (!down) {
        if (key != ImGuiKey_None) io.AddKeyEvent(key, false);
        wake();
        return EM_FALSE;
    }
    if (action.key_event && key != ImGuiKey_None) io.AddKeyEvent(key, true);
    if (action.insert_text) io.AddInputCharactersUTF8(e->key);
    wake();
    return action.prevent_default ? EM_TRUE : EM_FALSE;
}

// The end of a click or tap on the canvas, inside its event handler: the only moment a phone opens
// its keyboard for a focus().
void text_entry_gesture_end(bool touch) {
    if (!g_data) return;
    const bool pending = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    if (app::focus_on_pointer_up(g_data->wants_text, pending) == app::FocusAction::focus) {
        // A tap on the field being edited reopens a keyboard the client closed (Android's back).
        js_text_entry_focus(touch && g_data->wants_text ? 1 : 0);
    }
}

// io.SetPlatformImeDataFn: ImGui says (when it changes) whether a field is being edited and where
// its caret is. The hidden element goes there, so an IME's candidate window opens at the caret.
void set_platform_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    if (!g_data) return;
    g_data->wants_text = data->WantVisible;
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
    const bool password = (flags & ImGuiInputTextFlags_Password) != 0;
    // Only email fields take no blanks (ui/widgets.h, FieldKind::email): a phone shows its
    // keyboard with @ for them.
    const bool email = (flags & ImGuiInputTextFlags_CharsNoBlank) != 0;
    js_text_entry_place(box.left, box.top, box.height, password ? 1 : 0, email ? 1 : 0);
}

// After every frame (a context hook, so the frame loop needs no call): the element holds the focus
// exactly while a field is being edited.
void after_frame(ImGuiContext* ctx, ImGuiContextHook*) {
    if (!g_data) return;
    const int state = js_text_entry_state();
    const bool pending = ctx->InputEventsQueue.Size > 0;
    switch (
        app::focus_after_frame((state & 1) != 0, g_data->wants_text, pending, (state & 2) != 0)) {
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

int imgui_button(unsigned short dom_button) {
    switch (dom_button) {
        case 0:
            return ImGuiMouseButton_Left;
        case 1:
            return ImGuiMouseButton_Middle;
        case 2:
            return ImGuiMouseButton_Right;
        default:
            return -1;
    }
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    } else {
        io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    }
    const int button = imgui_button(e->button);
    if (button >= 0 && (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP)) {
        if (type == EMSCRIPTEN_EVENT_MOUSEUP) text_entry_gesture_end(false);
        io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    }
    wake();
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // DOM deltas are pixels (mode 0), lines (1) or pages (2); ImGui counts "notches" of ~5 lines.
    const double per_notch = e->deltaMode == DOM_DELTA_PIXEL  ? 100.0
                             : e->deltaMode == DOM_DELTA_LINE ? 3.0
                                                              : 1.0;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseWheelEvent(static_cast<float>(-e->deltaX / per_notch),
                          static_cast<float>(-e->deltaY / per_notch));
    wake();
    return EM_TRUE;  // The page itself never scrolls: the canvas fills it.
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    if (e->numTouches < 1) return EM_FALSE;
    const EmscriptenTouchPoint& touch = e->touches[0];
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(static_cast<float>(touch.targetX), static_cast<float>(touch.targetY));
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    if (type == EMSCRIPTEN_EVENT_TOUCHEND) text_entry_gesture_end(true);
    if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    }
    wake();
    return EM_TRUE;  // No synthetic mouse events after a touch: they would click twice.
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    wake();
    return EM_FALSE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    wake();
    return EM_FALSE;
}

const char* css_cursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_TextInput:
            return "text";
        case ImGuiMouseCursor_Hand:
            return "pointer";
        case ImGuiMouseCursor_ResizeNS:
            return "ns-resize";
        case ImGuiMouseCursor_ResizeEW:
            return "ew-resize";
        case ImGuiMouseCursor_ResizeAll:
            return "move";
        case ImGuiMouseCursor_NotAllowed:
            return "not-allowed";
        default:
            return "default";
    }
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void portal_platform_paste(const char* text) {
    if (!g_data || !text) return;
    g_data->clipboard = text;
    ImGui::GetIO().AddInputCharactersUTF8(text);
    wake();
}

// From the hidden text-entry element (js_text_entry_install).
extern "C" EMSCRIPTEN_KEEPALIVE void portal_text_entry_text(const char* text) {
    if (!g_data || !text) return;
    ImGui::GetIO().AddInputCharactersUTF8(text);
    wake();
}

extern "C" EMSCRIPTEN_KEEPALIVE void portal_text_entry_composing(int composing) {
    if (g_data) g_data->composing = composing != 0;
}

// Returns whether the browser must leave the element unchanged.
extern "C" EMSCRIPTEN_KEEPALIVE int portal_text_entry_before_input(const char* input_type) {
    if (!g_data || !input_type) return 0;
    const app::BeforeInputAction action = app::before_input_action(input_type);
    ImGuiIO& io = ImGui::GetIO();
    const auto press = [&io](ImGuiKey key, bool ctrl) {
        if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(key, true);
        io.AddKeyEvent(key, false);
        if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    };
    switch (action.key) {
        case app::EditKey::backspace:
            press(ImGuiKey_Backspace, false);
            break;
        case app::EditKey::delete_forward:
            press(ImGuiKey_Delete, false);
            break;
        case app::EditKey::word_backspace:
            press(ImGuiKey_Backspace, true);
            break;
        case app::EditKey::word_delete:
            press(ImGuiKey_Delete, true);
            break;
        case app::EditKey::enter:
            press(ImGuiKey_Enter, false);
            break;
        case app::EditKey::none:
            break;
    }
    if (action.key != app::EditKey::none) wake();
    return action.prevent_default ? 1 : 0;
}

// The element lost the focus to something else than the page's own canvas (iOS's "Done", the
// keyboard closed): the field stops being edited, as a native field would.
extern "C" EMSCRIPTEN_KEEPALIVE void portal_text_entry_closed() {
    if (!g_data || !g_data->wants_text) return;
    g_data->release_field = true;
    wake();
}

bool html5_backend_init(Html5BackendOptions options) {
    g_data = new Data{};
    g_data->options = std::move(options);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "portal_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.SetClipboardTextFn = set_clipboard_text;
    io.GetClipboardTextFn = get_clipboard_text;
    io.SetPlatformImeDataFn = set_platform_ime_data;
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_EndFramePost;
    hook.Callback = after_frame;
    ImGui::AddContextHook(ImGui::GetCurrentContext(), &hook);

    const char* canvas = g_data->options.canvas_selector;
    const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_keydown_callback(window, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(window, nullptr, EM_FALSE, on_key);
    emscripten_set_resize_callback(window, nullptr, EM_FALSE, on_resize);
    emscripten_set_focus_callback(window, nullptr, EM_FALSE, on_focus);
    emscripten_set_blur_callback(window, nullptr, EM_FALSE, on_focus);
    js_install_paste_listener();
    js_text_entry_install(canvas);
    return true;
}

void html5_backend_shutdown() {
    delete g_data;
    g_data = nullptr;
}

float html5_backend_pixel_ratio() {
    return g_data && g_data->pixel_ratio > 0 ? g_data->pixel_ratio : 1.0f;
}

void html5_backend_new_frame(double now_ms) {
    ImGuiIO& io = ImGui::GetIO();
    if (g_data->release_field) {
        g_data->release_field = false;
        ImGui::ClearActiveID();
    }
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size(g_data->options.canvas_selector, &css_width, &css_height);
    const auto ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (ratio != g_data->pixel_ratio) {
        g_data->pixel_ratio = ratio;
        if (g_data->options.pixel_ratio_changed) g_data->options.pixel_ratio_changed(ratio);
    }
    // The backing store follows the CSS size times the pixel ratio: crisp text, and mouse
    // coordinates (CSS pixels) that match ImGui's coordinates.
    const int backing_width = static_cast<int>(std::lround(css_width * ratio));
    const int backing_height = static_cast<int>(std::lround(css_height * ratio));
    if (backing_width != g_data->backing_width || backing_height != g_data->backing_height) {
        emscripten_set_canvas_element_size(g_data->options.canvas_selector, backing_width,
                                           backing_height);
        g_data->backing_width = backing_width;
        g_data->backing_height = backing_height;
    }
    io.DisplaySize = ImVec2(static_cast<float>(css_width), static_cast<float>(css_height));
    io.DisplayFramebufferScale = ImVec2(ratio, ratio);

    // Frames are drawn on demand, so the gap between two can be seconds long. ImGui's clock must
    // still follow real time (a clamped delta would turn two clicks seconds apart into a
    // double-click); it only needs the delta to be positive.
    const double delta_s =
        g_data->last_frame_ms > 0 ? (now_ms - g_data->last_frame_ms) / 1000.0 : 1.0 / 60;
    io.DeltaTime = static_cast<float>(delta_s > 1e-4 ? delta_s : 1e-4);
    g_data->last_frame_ms = now_ms;

    const ImGuiMouseCursor cursor =
        io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (cursor != g_data->last_cursor) {
        g_data->last_cursor = cursor;
        js_set_canvas_cursor(g_data->options.canvas_selector, css_cursor(cursor));
    }
}

}  // namespace portal::platform
