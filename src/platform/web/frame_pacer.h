// Draws frames only when something can have changed: input, a network answer, a resize, a timer.
// Dear ImGui redraws every frame by default; a portal left in a tab must draw none.
#pragma once

#include <functional>

namespace portal::platform {

class FramePacer {
  public:
    explicit FramePacer(std::function<void(double now_ms)> draw) : draw_(std::move(draw)) {}

    // Asks for `frames` more frames (ImGui needs a couple after an event to settle layout and
    // hover state). Cheap to call many times: at most one animation frame is pending.
    void wake(int frames = 3);
    // The same, the first frame drawn in a task of its own right away rather than at the next
    // animation frame (up to 16.7 ms later): for what a client waits on, a press or a key that
    // acts and the answer it asked for. Several calls before that task runs draw one frame.
    void wake_soon(int frames = 3);
    // Draws one frame now, outside the animation-frame rhythm: the first frame, at the end of
    // main(), so the sign-in screen does not wait for the next animation frame. Frames asked
    // with wake() still follow.
    void draw_now(double now_ms);
    unsigned long frames_drawn() const { return frames_drawn_; }

  private:
    static int on_animation_frame(double now_ms, void* self);
    static void on_soon(void* self);
    void follow_with_animation_frames();

    std::function<void(double)> draw_;
    int frames_left_ = 0;
    bool scheduled_ = false;
    bool soon_ = false;  // a task to draw at once is on its way
    unsigned long frames_drawn_ = 0;
};

}  // namespace portal::platform
