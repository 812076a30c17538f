// A font atlas rasterised when the page is built, loaded at start-up instead of rasterising.
//
// Rasterising the sign-in screen's faces with stb_truetype took 60–80 ms of the first frame in
// the browser (most of it compiling the rasteriser's code on its first call), against 7 ms
// natively. The build runs that same code once (src/platform/web/font_baker.cpp, under Node) and
// stores its result: the texture and every glyph's metrics. Loading it is a copy.
//
// The stored atlas is only valid for the exact fonts and settings it was made from: it carries a
// fingerprint of the atlas's configuration (sizes, ranges, offsets, flags, ImGui's version), and
// a configuration that differs is refused, so the caller rasterises as before.
//
// The atlas shipped in the page keeps 16 levels of coverage (4 bits a pixel) rather than 256: it
// draws the first frame only, before the full set is loaded (fonts.h), and at 16 levels a glyph's
// edges still read as smooth, for 12 kB less to download. The full set, rasterised in the page's
// worker and never downloaded, keeps all 256.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "imgui.h"

namespace portal::ui {

// How many levels of coverage a baked texture keeps: its bits a pixel.
enum class Coverage : unsigned char { levels_16 = 4, levels_256 = 8 };

// The bytes of a built atlas (after ImFontAtlas::Build), to be loaded by build_from_baked_atlas.
std::vector<unsigned char> save_baked_atlas(const ImFontAtlas& atlas,
                                            Coverage coverage = Coverage::levels_16);

// The coverage a texture pixel of `alpha` has once baked and loaded back (the nearest level).
unsigned char baked_alpha(unsigned char alpha, Coverage coverage = Coverage::levels_16);

// Builds `atlas` (its fonts added, with the settings used when baking; their font data is not
// read) from `baked` instead of rasterising. Returns false, leaving the atlas to be built the
// usual way, when the bytes are malformed or were baked from another configuration.
bool build_from_baked_atlas(ImFontAtlas& atlas, std::span<const unsigned char> baked);

}  // namespace portal::ui
