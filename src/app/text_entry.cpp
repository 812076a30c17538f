// See text_entry.h for the two text paths and why each keystroke takes exactly one.
#include "app/text_entry.h"

#include <algorithm>
#include <array>

namespace portal::app {

bool is_single_character(std::string_view key) {
    if (key.empty()) return false;
    const auto lead = static_cast<unsigned char>(key[0]);
    if (lead < 0x20 || lead == 0x7F) return false;  // control characters type nothing
    const size_t length = lead < 0x80           ? 1
                          : (lead >> 5) == 0x6  ? 2
                          : (lead >> 4) == 0xE  ? 3
                          : (lead >> 3) == 0x1E ? 4
                                                : 0;
    return length != 0 && key.size() == length;
}

KeyDownAction key_down_action(const KeyDown& key) {
    // An IME (or an on-screen keyboard, which reports "Unidentified") owns this key: its text, if
    // any, arrives through the hidden element. Preventing the keydown would break the
    // composition on some browsers, so the browser keeps it; and ImGui must not see it either (a
    // Backspace or Enter inside a composition edits or commits the composition, not the field).
    const bool ime_key = key.composing || key.key_code == 229 || key.key == "Process" ||
                         key.key == "Unidentified" || key.key == "Dead";
    if (ime_key) return {};
    // Ctrl+Alt is how Windows reports AltGr: "@" on a Spanish keyboard is AltGr+2, and it types.
    const bool shortcut = (key.ctrl || key.meta) && !(key.ctrl && key.alt);
    KeyDownAction action;
    action.key_event = true;
    action.insert_text = key.wants_keyboard && !shortcut && is_single_character(key.key);
    // Ctrl/Cmd+C, V, X go to the browser (the paste event carries the text). Otherwise a widget
    // that takes the keyboard owns the key: Backspace must not navigate back, Tab must move
    // between fields and not out of the page.
    action.prevent_default =
        action.insert_text || key.tab || (key.wants_keyboard && !key.clipboard_shortcut);
    return action;
}

BeforeInputAction before_input_action(std::string_view input_type) {
    // The input types that mean each key; the unused places stay empty.
    struct Meaning {
        EditKey key;
        std::array<std::string_view, 3> input_types;
    };
    static constexpr Meaning kMeanings[] = {
        {EditKey::backspace, {"deleteContentBackward"}},
        {EditKey::delete_forward, {"deleteContentForward"}},
        {EditKey::word_backspace,
         {"deleteWordBackward", "deleteSoftLineBackward", "deleteHardLineBackward"}},
        {EditKey::word_delete,
         {"deleteWordForward", "deleteSoftLineForward", "deleteHardLineForward"}},
        {EditKey::enter, {"insertLineBreak", "insertParagraph"}},
    };
    for (const Meaning& meaning : kMeanings) {
        if (!input_type.empty() && std::find(meaning.input_types.begin(), meaning.input_types.end(),
                                             input_type) != meaning.input_types.end()) {
            return {meaning.key, true};
        }
    }
    // Text the browser puts into the element and the backend then takes from it: typed,
    // dictated, autocorrected, autofilled or composed.
    static constexpr std::string_view kLetThrough[] = {
        "insertText",
        "insertReplacementText",
        "insertCompositionText",
        "insertFromComposition",
        "deleteCompositionText",
        "deleteByComposition",
    };
    for (const auto type : kLetThrough) {
        if (input_type == type) return {EditKey::none, false};
    }
    // Paste (taken from the paste event), drops, cut, undo/redo, formatting and anything new:
    // nothing to do, and the element must stay empty.
    return {EditKey::none, true};
}

FocusAction focus_on_pointer_up(bool wants_text, bool input_pending) {
    return wants_text || input_pending ? FocusAction::focus : FocusAction::keep;
}

FocusAction focus_after_frame(bool focused, bool wants_text, bool input_pending,
                              bool page_focused) {
    if (!page_focused) return FocusAction::keep;
    // A field became active without a tap (a click on a computer, Tab from the previous field).
    if (wants_text && !focused) return FocusAction::focus;
    // The gesture is processed and did not land on a field (or the field was left): close the
    // keyboard. While input is still queued the tap may yet activate a field.
    if (!wants_text && focused && !input_pending) return FocusAction::blur;
    return FocusAction::keep;
}

CaretBox caret_box(float canvas_left, float canvas_top, float caret_x, float caret_y,
                   float line_height, float viewport_width, float viewport_height) {
    CaretBox box;
    box.height = std::max(line_height, 1.0f);
    const float max_left = std::max(viewport_width - 1.0f, 0.0f);
    const float max_top = std::max(viewport_height - box.height, 0.0f);
    box.left = std::clamp(canvas_left + caret_x, 0.0f, max_left);
    box.top = std::clamp(canvas_top + caret_y, 0.0f, max_top);
    return box;
}

}  // namespace portal::app
