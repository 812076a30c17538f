// The portal's fonts: Roboto (Debian's fonts-roboto-unhinted) with Font Awesome icons merged in,
// rasterised at the screen's pixel ratio so text stays crisp on high-density displays.
#pragma once

#include "imgui.h"

namespace portal::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    // Body-size faces for Markdown emphasis (no icons merged in).
    ImFont* bold = nullptr;
    ImFont* italic = nullptr;
    ImFont* bold_italic = nullptr;
};

// Rebuilds the atlas for `pixel_ratio` (the GL texture must be recreated by the caller).
// Returns false when a font file is missing from the page's file system.
bool load_fonts(float pixel_ratio);
const Fonts& fonts();

}  // namespace portal::ui
