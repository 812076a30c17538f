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
    // Draws one frame now, outside the animation-frame rhythm: the first frame, at the end of
    // main(), so the sign-in screen does not wait for the next animation frame. Frames asked
    // with wake() still follow.
    void draw_now(double now_ms);
    unsigned long frames_drawn() const { return frames_drawn_; }

  private:
    static int on_animation_frame(double now_ms, void* self);

    std::function<void(double)> draw_;
    int frames_left_ = 0;
    bool scheduled_ = false;
    unsigned long frames_drawn_ = 0;
};

}  // namespace portal::platform
