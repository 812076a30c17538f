#include "platform/web/frame_pacer.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

namespace portal::platform {

void FramePacer::wake(int frames) {
    if (frames > frames_left_) frames_left_ = frames;
    if (!scheduled_) {
        scheduled_ = true;
        emscripten_request_animation_frame(&FramePacer::on_animation_frame, this);
    }
}

void FramePacer::wake_soon(int frames) {
    if (frames > frames_left_) frames_left_ = frames;
    if (!soon_) {
        soon_ = true;
        emscripten_async_call(&FramePacer::on_soon, this, 0);
    }
}

void FramePacer::on_soon(void* self) {
    auto* pacer = static_cast<FramePacer*>(self);
    pacer->soon_ = false;
    pacer->draw_now(emscripten_get_now());
    pacer->follow_with_animation_frames();
}

void FramePacer::follow_with_animation_frames() {
    if (frames_left_ > 0 && !scheduled_) {
        scheduled_ = true;
        emscripten_request_animation_frame(&FramePacer::on_animation_frame, this);
    }
}

void FramePacer::draw_now(double now_ms) {
    if (frames_left_ > 0) --frames_left_;
    ++frames_drawn_;
    draw_(now_ms);
}

int FramePacer::on_animation_frame(double now_ms, void* self) {
    auto* pacer = static_cast<FramePacer*>(self);
    pacer->scheduled_ = false;
    pacer->draw_now(now_ms);  // may call wake() again
    pacer->follow_with_animation_frames();
    return EM_FALSE;  // one-shot: we re-arm only when needed
}

}  // namespace portal::platform
