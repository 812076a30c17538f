// Build-time tool, run under Node by the web build: rasterises the sign-in screen's faces at pixel
// ratio 1 with the page's own font code (ui/fonts.cpp, the same font files, here in its file
// system) and writes them as a baked atlas (ui/baked_fonts.h), which the page then loads instead
// of rasterising. Before writing, it checks its own output: loaded back through the page's loading
// path, the atlas must hold exactly the glyphs and metrics that rasterising produced, and its
// pixels at the baked coverage levels, or the build fails. It checks the same of the full set as
// the page's worker bakes it (font_worker.h), at a phone's pixel ratio and every coverage level.
//   node portal-font-baker.js <output file>
#include <emscripten/emscripten.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "imgui.h"
#include "platform/web/font_files_on_disk.h"
#include "ui/baked_fonts.h"
#include "ui/fonts.h"

namespace {

// clang-format off
EM_JS(int, write_host_file, (const char* path, const unsigned char* data, int size), {
    try {
        require("fs").writeFileSync(UTF8ToString(path), HEAPU8.subarray(data, data + size));
        return 1;
    } catch (e) {
        console.error(e.message);
        return 0;
    }
});
// clang-format on

// What a built atlas gives the page: every glyph and metric, and the texture.
struct AtlasContents {
    std::vector<float> numbers;  // metrics and glyph coordinates, in a fixed order
    std::vector<unsigned int> codepoints;
    std::vector<unsigned char> pixels;
    bool operator==(const AtlasContents&) const = default;
};

AtlasContents contents(const ImFontAtlas& atlas) {
    AtlasContents c;
    c.numbers = {static_cast<float>(atlas.TexWidth), static_cast<float>(atlas.TexHeight),
                 atlas.TexUvWhitePixel.x, atlas.TexUvWhitePixel.y};
    for (const ImVec4& line : atlas.TexUvLines)
        c.numbers.insert(c.numbers.end(), {line.x, line.y, line.z, line.w});
    for (const ImFont* font : atlas.Fonts) {
        c.numbers.insert(c.numbers.end(),
                         {font->FontSize, font->Ascent, font->Descent, font->FallbackAdvanceX,
                          font->EllipsisWidth, static_cast<float>(font->Glyphs.Size)});
        for (const ImFontGlyph& g : font->Glyphs) {
            c.codepoints.push_back(g.Codepoint);
            c.numbers.insert(c.numbers.end(), {g.X0, g.Y0, g.X1, g.Y1, g.U0, g.V0, g.U1, g.V1,
                                               g.AdvanceX, g.Visible ? 1.0f : 0.0f});
        }
        c.numbers.insert(c.numbers.end(), font->IndexAdvanceX.begin(), font->IndexAdvanceX.end());
    }
    const std::size_t size = static_cast<std::size_t>(atlas.TexWidth) * atlas.TexHeight;
    if (atlas.TexPixelsAlpha8) c.pixels.assign(atlas.TexPixelsAlpha8, atlas.TexPixelsAlpha8 + size);
    return c;
}

int fail(const char* why) {
    std::fprintf(stderr, "portal-font-baker: %s\n", why);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return fail("usage: node portal-font-baker.js <output file>");
    ImGui::CreateContext();
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;

    if (!portal::ui::load_fonts(1.0f, portal::ui::FontSet::first_screen))
        return fail("the font files are missing from the embedded file system");
    if (portal::ui::fonts_from_baked_atlas())
        return fail("a baked atlas is already embedded: the baker must rasterise");
    const AtlasContents rasterised = contents(atlas);
    const std::vector<unsigned char> baked = portal::ui::save_baked_atlas(atlas);
    if (baked.empty()) return fail("the atlas could not be saved");

    // Load it back the way the page does: from the baked file, through load_fonts.
    const std::string path =
        portal::platform::font_file_path(portal::ui::baked_first_screen_name());
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file || std::fwrite(baked.data(), 1, baked.size(), file) != baked.size())
        return fail("could not write the baked atlas into the file system");
    std::fclose(file);
    if (!portal::ui::load_fonts(1.0f, portal::ui::FontSet::first_screen))
        return fail("loading the baked atlas back failed");
    if (!portal::ui::fonts_from_baked_atlas())
        return fail("load_fonts rasterised instead of loading the baked atlas");
    const AtlasContents loaded = contents(atlas);
    if (loaded.numbers != rasterised.numbers || loaded.codepoints != rasterised.codepoints)
        return fail("the baked atlas's glyphs or metrics differ from the rasterised ones");
    std::vector<unsigned char> expected = rasterised.pixels;
    for (unsigned char& alpha : expected) alpha = portal::ui::baked_alpha(alpha);
    if (loaded.pixels != expected)
        return fail("the baked atlas's texture differs from the rasterised one at its levels");

    const int width = atlas.TexWidth;
    const int height = atlas.TexHeight;

    // The full set, as the page's worker bakes it and the page loads it.
    constexpr float kPhonePixelRatio = 1.75f;
    const std::vector<unsigned char> full =
        portal::ui::bake_fonts(kPhonePixelRatio, portal::ui::FontSet::all);
    if (full.empty()) return fail("the full font set could not be baked");
    const AtlasContents full_rasterised = contents(atlas);
    if (!portal::ui::load_baked_fonts(kPhonePixelRatio, portal::ui::FontSet::all, full))
        return fail("loading the baked full set back failed");
    if (contents(atlas) != full_rasterised)
        return fail("the baked full set differs from the rasterised one");

    if (!write_host_file(argv[1], baked.data(), static_cast<int>(baked.size())))
        return fail("could not write the output file");
    std::printf("portal-font-baker: %s, %d x %d texture, %zu glyphs, %zu bytes\n", argv[1], width,
                height, rasterised.codepoints.size(), baked.size());
    return 0;
}
