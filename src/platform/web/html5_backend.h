// Dear ImGui platform backend for the browser, written on <emscripten/html5.h> instead of GLFW.
//
// Why not GLFW: Emscripten 3.1.6's glfwSetWindowSize is broken for a canvas that follows its CSS
// size (DESIGN.md), and GLFW reports mouse positions in backing-store pixels. Here the ImGui
// display size is the canvas's CSS size, the framebuffer scale is devicePixelRatio, and mouse
// positions are CSS pixels, so item rectangles, clicks and drawing agree at any viewport and any
// pixel ratio.
//
// Implemented: mouse (buttons, position, wheel, leave), touch as a single pointer, keyboard (named
//              keys, modifiers, typed characters from KeyboardEvent.key), paste (through the
//              browser's paste event: clipboard reads are asynchronous), copy
//              (navigator.clipboard), mouse cursor shape, canvas sizing with devicePixelRatio,
//              focus loss, on-screen keyboards and IMEs (below).
// Missing:     gamepads; an email keyboard layout for the email field (the backend cannot tell
//              which field is the email one).
//
// On-screen keyboards and IMEs: a canvas never opens a phone's keyboard and no IME types into it,
// so the backend adds one hidden <input id="portal-text-entry"> to the page. It is focused at the
// end of a tap or click that lands on a text field (inside the touchend/mouseup handler: phones
// open the keyboard only from a user gesture) and after any frame in which a field became active;
// it is blurred after the first frame in which no field is active. ImGui's SetPlatformImeDataFn
// places it at the caret (the IME's candidate window opens there) and the password field makes it
// type="password". Each keystroke reaches ImGui by exactly one path: a physical key's character
// from its keydown (whose default is prevented, so the element never receives it), and anything
// an IME, on-screen keyboard, dictation or autofill types from the element's value, taken and
// emptied on input and compositionend. Backspace/Enter that on-screen keyboards send as
// beforeinput become ImGui keys. Decisions: src/app/text_entry.h (tested natively).
#pragma once

#include <functional>

namespace portal::platform {

struct Html5BackendOptions {
    const char* canvas_selector = "#canvas";
    // Called whenever something happened that needs a new frame (input, resize, paste).
    std::function<void()> wake;
    // The same for input that acts (a button pressed or released, a key, a touch begun or
    // ended): its frames are drawn at once, not at the next animation frame.
    std::function<void()> wake_soon;
    // Called when devicePixelRatio changed and the font atlas must be rebuilt at the new scale.
    std::function<void(float pixel_ratio)> pixel_ratio_changed;
};

bool html5_backend_init(Html5BackendOptions options);
void html5_backend_shutdown();
// Sizes the canvas from its CSS size and feeds ImGui's display size, scale and delta time.
void html5_backend_new_frame(double now_ms);
float html5_backend_pixel_ratio();

}  // namespace portal::platform
