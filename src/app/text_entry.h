// How typing reaches the page's text fields: the decisions of the browser platform layer
// (src/platform/web/html5_backend.cpp), kept free of the browser and of ImGui so they are tested
// natively.
//
// The page draws its fields on a <canvas>, which no phone opens a keyboard for and no IME types
// into. So the platform layer keeps one hidden text-entry element (an <input>) focused while a
// field is being edited. Text then has two possible sources, and each keystroke uses exactly one:
//   - keydown: a physical key whose KeyboardEvent.key is the character ("a", "ñ", "@"). ImGui
//     gets the character there and the keydown's default is prevented, so the browser never puts
//     it into the hidden element and no input event can deliver it a second time.
//   - the hidden element: everything an IME, an on-screen keyboard, dictation or autocorrect
//     types. Their keydowns say "Unidentified"/"Process" (keyCode 229) or come in the middle of a
//     composition; those are left alone, the browser edits the element, and the backend takes the
//     element's committed value (on input outside a composition, and on compositionend), then
//     empties it. Taking the value consumes it, so no order of input/compositionend events can
//     deliver a text twice.
// Deletions and line breaks an on-screen keyboard sends as beforeinput (Backspace on Android)
// become ImGui key presses; the element is kept empty, so the browser has nothing to delete.
#pragma once

#include <string_view>

namespace portal::app {

// A keydown as the browser reports it, plus what the page knows at that moment.
struct KeyDown {
    std::string_view key;  // KeyboardEvent.key
    int key_code = 0;      // KeyboardEvent.keyCode: 229 while an IME processes the key
    bool ctrl = false;
    bool alt = false;
    bool meta = false;
    bool composing = false;           // between compositionstart and compositionend
    bool wants_keyboard = false;      // a widget takes the keyboard (io.WantCaptureKeyboard)
    bool clipboard_shortcut = false;  // Ctrl/Cmd + C, V or X: the browser must see it
    bool tab = false;
};

struct KeyDownAction {
    bool key_event = false;        // ImGui sees the key (Backspace, arrows, Ctrl+A...)
    bool insert_text = false;      // give KeyboardEvent.key to ImGui as typed text
    bool prevent_default = false;  // the browser must not act on the key
};

// Invariant: insert_text implies prevent_default (the keydown path and the element path never
// both carry the same character).
KeyDownAction key_down_action(const KeyDown& key);

// True when the key is one Unicode character (the text the key types), e.g. "a", "ñ", "€".
bool is_single_character(std::string_view key);

// A key press the platform layer gives ImGui for a beforeinput edit of the hidden element.
enum class EditKey {
    none,
    backspace,
    delete_forward,
    word_backspace,  // Ctrl+Backspace
    word_delete,     // Ctrl+Delete
    enter,
};

struct BeforeInputAction {
    EditKey key = EditKey::none;
    bool prevent_default = false;  // the element must stay as it is
};

// What a beforeinput event (InputEvent.inputType) on the hidden element does. Insertions and
// composition edits are left to the browser (their text is taken from the element afterwards);
// deletions and line breaks become keys; paste (already taken from the paste event), drops,
// history and formatting change nothing.
BeforeInputAction before_input_action(std::string_view input_type);

// Whether the hidden element should hold the focus (the keyboard opens while it does).
enum class FocusAction { keep, focus, blur };

// At the end of a pointer/touch gesture on the canvas, inside the event handler: the only moment
// phones open a keyboard for a focus(). `wants_text`: a field was being edited at the last frame;
// `input_pending`: ImGui has not yet processed all queued input (the press may be on a field).
// A tap the last frame already handled and that did not land on a field leaves the keyboard
// closed (no keyboard flashing on every button).
FocusAction focus_on_pointer_up(bool wants_text, bool input_pending);

// After each frame. `focused`: the element has the focus; `page_focused`: the browser window does
// (while it does not, nothing changes: the browser restores the focus on return).
FocusAction focus_after_frame(bool focused, bool wants_text, bool input_pending, bool page_focused);

// Where the hidden element goes: at the field's caret, so an IME's candidate window opens there,
// and always inside the viewport so the browser never scrolls the page to show it.
struct CaretBox {
    float left = 0;
    float top = 0;
    float height = 0;
};
CaretBox caret_box(float canvas_left, float canvas_top, float caret_x, float caret_y,
                   float line_height, float viewport_width, float viewport_height);

}  // namespace portal::app
