// The hidden text-entry element of the page (html5_backend.h, "On-screen keyboards and IMEs"):
// what phones open their keyboard for and IMEs type into. The decisions are in app/text_entry.h.
#pragma once

namespace portal::platform {

// Adds the element after `canvas_selector`'s canvas and hooks it to ImGui (the caret's place, the
// focus after each frame). `wake` asks for a new frame.
void text_entry_install(const char* canvas_selector, void (*wake)());
void text_entry_shutdown();
// Before each frame: ends a field's editing when the element was closed from outside.
void text_entry_new_frame();
// Whether an IME composition is open in the element (its keys are the IME's).
bool text_entry_composing();
// The end of a click or tap on the canvas, inside its event handler: the only moment a phone
// opens its keyboard for a focus(). `touch`: it was a tap.
void text_entry_gesture_end(bool touch);

}  // namespace portal::platform
