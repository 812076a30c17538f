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
//              focus loss.
// Missing:     IME composition and on-screen keyboards (they need a hidden <input>), gamepads.
#pragma once

#include <functional>

namespace portal::platform {

struct Html5BackendOptions {
    const char* canvas_selector = "#canvas";
    // Called whenever something happened that needs a new frame (input, resize, paste).
    std::function<void()> wake;
    // Called when devicePixelRatio changed and the font atlas must be rebuilt at the new scale.
    std::function<void(float pixel_ratio)> pixel_ratio_changed;
};

bool html5_backend_init(Html5BackendOptions options);
void html5_backend_shutdown();
// Sizes the canvas from its CSS size and feeds ImGui's display size, scale and delta time.
void html5_backend_new_frame(double now_ms);
float html5_backend_pixel_ratio();

}  // namespace portal::platform
