// What the canvas shows: a fingerprint of the draw data of the last frame sent to WebGL.
//
// Why: the page draws a frame for every event that can change something (a key, the mouse, an
// answer), and two or three more while ImGui settles hover and layout; most of those draw exactly
// what the canvas already shows. Every frame drawn into a WebGL canvas is a new image the browser
// composites, and without a GPU (software WebGL, as on many office machines and every headless
// browser) that is the costliest part of a frame, on the GPU process and in the main thread's
// commit. A frame with the same draw data is not sent: the canvas keeps showing the last image.
#pragma once

#include <cstdint>

struct ImDrawData;
struct ImVec4;

namespace portal::platform {

class ShownFrame {
  public:
    // True when this frame draws what is shown (the same lists, commands, vertices and indices,
    // the same size, scale and background); otherwise it becomes what is shown.
    bool same_as(const ImDrawData& frame, const ImVec4& background);
    // The canvas no longer shows it (a new font atlas under the same vertices): draw the next one.
    void forget() { known_ = false; }

  private:
    // A 64-bit hash rather than a copy: no memory held, one pass; two different frames share
    // one with a chance of 1 in 2^64.
    uint64_t fingerprint_ = 0;
    bool known_ = false;
};

}  // namespace portal::platform
