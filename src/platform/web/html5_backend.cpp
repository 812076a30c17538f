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
#include "platform/web/a11y_mirror.h"
#include "platform/web/text_entry_element.h"

namespace portal::platform {
namespace {

// All backend state in one place (the shape of Dear ImGui's own backends).
struct Data {
    Html5BackendOptions options;
    double last_frame_ms = 0.0;
    float pixel_ratio = 0.0f;  // unknown until the first frame, which then loads the fonts
    // The canvas's backing size: what it had when the page started (web/webgl-drawing.js may have
    // sized it already), then what the frames set. Set again only when it changes: setting it,
    // even to the size it has, makes the browser allocate and clear a new drawing buffer.
    int backing_width = 0;
    int backing_height = 0;
    // The canvas's CSS size, read again only after the window was resized: the canvas fills the
    // viewport (web/style.css), and reading it in every frame forced a style and layout pass over
    // whatever the accessibility mirror had just changed in the DOM.
    double css_width = 0.0;
    double css_height = 0.0;
    bool css_size_known = false;
    ImGuiMouseCursor last_cursor = ImGuiMouseCursor_COUNT;
    std::string
        clipboard;  // What we last copied or pasted; ImGui reads the clipboard synchronously.
};
Data* g_data = nullptr;

void wake() {
    if (g_data && g_data->options.wake) g_data->options.wake();
}

void wake_soon() {
    if (g_data && g_data->options.wake_soon) g_data->options.wake_soon();
}

// clang-format off
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
    if (a11y_mirror_has_focus()) {
        // The browser's keys: Tab moves between the mirror's elements, Enter and Space activate
        // them, a real field types. Escape reaches ImGui too (it closes a popup or takes the
        // screen's way back: ui/way_back.h).
        if (key == ImGuiKey_Escape) io.AddKeyEvent(key, down);
        wake();
        return EM_FALSE;
    }
    if (key == ImGuiKey_Tab && !text_entry_composing()) {
        // Focus order is the mirror's (reading order, across every window of the screen).
        if (down) a11y_mirror_tab(e->shiftKey);
        return EM_TRUE;
    }
    app::KeyDown key_down;
    key_down.key = e->key;
    key_down.key_code = static_cast<int>(e->keyCode);
    key_down.ctrl = e->ctrlKey;
    key_down.alt = e->altKey;
    key_down.meta = e->metaKey;
    key_down.composing = text_entry_composing();
    key_down.wants_keyboard = io.WantCaptureKeyboard;
    key_down.clipboard_shortcut =
        (e->ctrlKey || e->metaKey) && (key == ImGuiKey_C || key == ImGuiKey_V || key == ImGuiKey_X);
    key_down.tab = key == ImGuiKey_Tab;
    const app::KeyDownAction action = app::key_down_action(key_down);
    if (!down) {
        if (key != ImGuiKey_None) io.AddKeyEvent(key, false);
        wake_soon();
        return EM_FALSE;
    }
    if (action.key_event && key != ImGuiKey_None) io.AddKeyEvent(key, true);
    if (action.insert_text) io.AddInputCharactersUTF8(e->key);
    wake_soon();
    return action.prevent_default ? EM_TRUE : EM_FALSE;
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
        wake_soon();
        return EM_FALSE;
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
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        wake();
    } else {
        wake_soon();
    }
    return EM_TRUE;  // No synthetic mouse events after a touch: they would click twice.
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    g_data->css_size_known = false;
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

bool html5_backend_init(Html5BackendOptions options) {
    g_data = new Data{};
    g_data->options = std::move(options);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "portal_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.SetClipboardTextFn = set_clipboard_text;
    io.GetClipboardTextFn = get_clipboard_text;

    const char* canvas = g_data->options.canvas_selector;
    const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_get_canvas_element_size(canvas, &g_data->backing_width, &g_data->backing_height);
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
    text_entry_install(canvas, wake);
    return true;
}

void html5_backend_shutdown() {
    text_entry_shutdown();
    delete g_data;
    g_data = nullptr;
}

float html5_backend_pixel_ratio() {
    return g_data && g_data->pixel_ratio > 0 ? g_data->pixel_ratio : 1.0f;
}

void html5_backend_new_frame(double now_ms) {
    ImGuiIO& io = ImGui::GetIO();
    text_entry_new_frame();
    if (!g_data->css_size_known) {
        emscripten_get_element_css_size(g_data->options.canvas_selector, &g_data->css_width,
                                        &g_data->css_height);
        g_data->css_size_known = true;
    }
    const double css_width = g_data->css_width;
    const double css_height = g_data->css_height;
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
