#include "ui/fonts.h"

#include <cstdio>

#include "ui/baked_fonts.h"
#include "ui/font_files.h"
#include "ui/icons.h"

namespace portal::ui {
namespace {

Fonts g_fonts;

// Basic Latin, Latin-1 (á é í ó ú ü ñ ¿ ¡ « »), the punctuation Spanish text uses:
// – — ‘ ’ “ ” • … ‹ › and €, and the minus sign − of amounts and of GMT−3.
constexpr ImWchar kTextRanges[] = {
    0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2022,
    0x2026, 0x2026, 0x2039, 0x203A, 0x20AC, 0x20AC, 0x2212, 0x2212, 0,
};

// What the texts draw and Roboto lacks, taken from DejaVu Sans (its own small file, merged into
// every face): the arrow → of the manuals' paths ("Mis servicios → … → Acciones").
// scripts/check_glyphs.py fails the build when a text needs a character no loaded font has.
constexpr ImWchar kSymbolRanges[] = {
    0x2192,
    0x2192,
    0,
};

// The first screen (sign-in) before the rest is loaded: ASCII, the Spanish letters and signs
// (á é í ó ú ü ñ, capitals, ¡ ¿ « » ª º) and the same punctuation; about half the glyphs, so the
// first frame comes sooner. A subset of kTextRanges (the font files hold only those).
constexpr ImWchar kFirstScreenRanges[] = {
    0x0020, 0x007E, 0x00A1, 0x00A1, 0x00AA, 0x00AB, 0x00BA, 0x00BB, 0x00BF, 0x00BF, 0x00C1,
    0x00C1, 0x00C9, 0x00C9, 0x00CD, 0x00CD, 0x00D1, 0x00D1, 0x00D3, 0x00D3, 0x00DA, 0x00DA,
    0x00DC, 0x00DC, 0x00E1, 0x00E1, 0x00E9, 0x00E9, 0x00ED, 0x00ED, 0x00F1, 0x00F1, 0x00F3,
    0x00F3, 0x00FA, 0x00FA, 0x00FC, 0x00FC, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D,
    0x2022, 0x2022, 0x2026, 0x2026, 0x2039, 0x203A, 0x20AC, 0x20AC, 0,
};

constexpr const char* kRegular = "Roboto-Regular.ttf";
constexpr const char* kMedium = "Roboto-Medium.ttf";
constexpr const char* kBold = "Roboto-Bold.ttf";
constexpr const char* kItalic = "Roboto-Italic.ttf";
constexpr const char* kBoldItalic = "Roboto-BoldItalic.ttf";
constexpr const char* kIcons = "fontawesome-webfont.ttf";
constexpr const char* kSymbols = "DejaVuSans-symbols.ttf";
constexpr const char* kBakedFirstScreen = "first-screen-1x.atlas";

bool g_from_baked_atlas = false;

bool file_exists(const char* name) {
    return font_file(name).found();
}

// The font data given to the atlas when it is loaded from a baked atlas: never read.
const unsigned char kNotRead[1] = {0};

// Adds one face. With `from_file` false the file is not read (a baked atlas supplies the glyphs);
// both ways the configuration is identical, name included, which is what the baked atlas's
// fingerprint checks.
ImFont* add_face(ImFontAtlas& atlas, const char* name, float size, ImFontConfig config,
                 const ImWchar* ranges, bool from_file) {
    std::snprintf(config.Name, sizeof config.Name, "%s, %.0fpx", name, size);
    config.OversampleH = 1;  // rasterised at the real pixel size already: no need to oversample
    config.OversampleV = 1;
    // The bytes stay where font_file keeps them: the atlas neither copies nor frees them.
    config.FontDataOwnedByAtlas = false;
    if (from_file) {
        const FontFile file = font_file(name);
        if (!file.found()) return nullptr;
        return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(file.data),
                                          static_cast<int>(file.size), size, &config, ranges);
    }
    config.FontData = const_cast<unsigned char*>(kNotRead);
    config.FontDataSize = sizeof kNotRead;
    config.SizePixels = size;
    config.GlyphRanges = ranges;
    return atlas.AddFont(&config);
}

// Merges the symbols Roboto lacks into the face added last. The first screen draws none of them
// (and its baked atlas is made without), so only the full set carries them.
void merge_symbols(ImFontAtlas& atlas, float size, FontSet set, bool from_file) {
    if (set != FontSet::all || !file_exists(kSymbols)) return;
    ImFontConfig symbols;
    symbols.MergeMode = true;
    add_face(atlas, kSymbols, size, symbols, kSymbolRanges, from_file);
}

ImFont* add_font(ImFontAtlas& atlas, const char* path, float size, FontSet set, bool from_file) {
    const ImWchar* ranges = set == FontSet::all ? kTextRanges : kFirstScreenRanges;
    ImFont* font = add_face(atlas, path, size, ImFontConfig{}, ranges, from_file);
    ImFontConfig icons;
    icons.MergeMode = true;
    icons.GlyphMinAdvanceX = size;  // icons line up in lists
    icons.GlyphOffset.y = size * 0.05f;
    add_face(atlas, kIcons, size * 0.9f, icons, icon::kIconRanges, from_file);
    merge_symbols(atlas, size, set, from_file);
    return font;
}

// A Markdown emphasis face: text and symbols; falls back to `fallback` when the file is missing.
ImFont* add_text_font(ImFontAtlas& atlas, const char* path, float size, ImFont* fallback,
                      bool from_file) {
    if (!file_exists(path)) return fallback;
    ImFont* font = add_face(atlas, path, size, ImFontConfig{}, kTextRanges, from_file);
    merge_symbols(atlas, size, FontSet::all, from_file);
    return font;
}

void add_fonts(float pixel_ratio, FontSet set, bool from_file) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The texture only as tall as the glyphs need (less to convert and upload), and no software
    // mouse cursors (the browser draws the cursor).
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
    g_fonts.body = add_font(*io.Fonts, kRegular, 16.0f * pixel_ratio, set, from_file);
    g_fonts.heading = add_font(*io.Fonts, kMedium, 20.0f * pixel_ratio, set, from_file);
    g_fonts.title = add_font(*io.Fonts, kMedium, 28.0f * pixel_ratio, set, from_file);
    if (set == FontSet::all) {
        const float size = 16.0f * pixel_ratio;
        g_fonts.bold = add_text_font(*io.Fonts, kBold, size, g_fonts.body, from_file);
        g_fonts.italic = add_text_font(*io.Fonts, kItalic, size, g_fonts.body, from_file);
        g_fonts.bold_italic = add_text_font(*io.Fonts, kBoldItalic, size, g_fonts.bold, from_file);
    } else {
        g_fonts.bold = g_fonts.italic = g_fonts.bold_italic = g_fonts.body;
    }
    io.FontDefault = g_fonts.body;
    // Fonts are rasterised at device pixels; layout stays in CSS pixels.
    io.FontGlobalScale = 1.0f / pixel_ratio;
}

}  // namespace

bool load_fonts(float pixel_ratio, FontSet set) {
    if (!file_exists(kRegular) || !file_exists(kMedium) || !file_exists(kIcons)) return false;
    // The sign-in screen was rasterised at pixel ratio 1 when the page was built. At a higher
    // ratio the first frame uses it too, its glyphs scaled up (softer, same layout): rasterising
    // there took a third of the start-up, and the faces at the screen's own ratio follow a frame
    // later, with the rest of the set.
    if (set == FontSet::first_screen) {
        const FontFile baked = font_file(kBakedFirstScreen);
        if (baked.found() && load_baked_fonts(1.0f, set, {baked.data, baked.size})) return true;
    }
    g_from_baked_atlas = false;
    add_fonts(pixel_ratio, set, true);
    return ImGui::GetIO().Fonts->Build();
}

std::vector<unsigned char> bake_fonts(float pixel_ratio, FontSet set) {
    if (!load_fonts(pixel_ratio, set) || g_from_baked_atlas) return {};
    return save_baked_atlas(*ImGui::GetIO().Fonts, Coverage::levels_256);
}

bool load_baked_fonts(float pixel_ratio, FontSet set, std::span<const unsigned char> baked) {
    add_fonts(pixel_ratio, set, false);
    g_from_baked_atlas = build_from_baked_atlas(*ImGui::GetIO().Fonts, baked);
    return g_from_baked_atlas;
}

bool fonts_from_baked_atlas() {
    return g_from_baked_atlas;
}

const char* baked_first_screen_name() {
    return kBakedFirstScreen;
}

const Fonts& fonts() {
    return g_fonts;
}

}  // namespace portal::ui
