// The portal's fonts: Roboto (Debian's fonts-roboto-unhinted) with Font Awesome icons and the few
// symbols Roboto lacks (from DejaVu Sans, fonts-dejavu-core) merged in, rasterised at the screen's
// pixel ratio so text stays crisp on high-density displays.
#pragma once

#include <span>
#include <vector>

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

// Which faces to rasterise. The first screen (sign-in) needs only body, heading and title, and of
// Latin-1 only the Spanish letters: the page draws it with those, then loads them all (every
// Latin-1 letter for names, and bold, italic, bold italic for the screens after it and Markdown)
// once that first frame is on screen (time to the first frame matters most).
enum class FontSet { first_screen, all };

// Rebuilds the atlas for `pixel_ratio` (the GL texture must be recreated by the caller). With
// FontSet::first_screen, bold, italic and bold italic are the body face until `all` is loaded.
// The first screen comes from the atlas baked at build time for pixel ratio 1 when the page has
// one (baked_fonts.h), whatever the screen's ratio; `all` is rasterised at `pixel_ratio`. Returns
// false when a font file is missing from the page (font_files.h).
bool load_fonts(float pixel_ratio, FontSet set = FontSet::all);
// Rasterises `set` at `pixel_ratio` and returns it as a baked atlas (baked_fonts.h) with every
// level of coverage: what the page's worker makes, off its main thread, for load_baked_fonts.
// Empty when a font file is missing.
std::vector<unsigned char> bake_fonts(float pixel_ratio, FontSet set);
// Loads `set` at `pixel_ratio` from what bake_fonts made, without rasterising. False when the
// bytes were baked for another set, ratio or build, or are malformed: the caller then calls
// load_fonts.
bool load_baked_fonts(float pixel_ratio, FontSet set, std::span<const unsigned char> baked);
const Fonts& fonts();
// Whether the fonts loaded last came from a baked atlas (rather than rasterising).
bool fonts_from_baked_atlas();
// The font file (font_files.h) load_fonts takes the first screen's atlas from.
const char* baked_first_screen_name();

}  // namespace portal::ui
