#include "ui/fonts.h"

#include <cstdio>

#include "ui/icons.h"

namespace portal::ui {
namespace {

Fonts g_fonts;

// Basic Latin, Latin-1 (á é í ó ú ü ñ ¿ ¡ « »), and the punctuation Spanish text uses:
// – — ‘ ’ “ ” • … ‹ › and €.
constexpr ImWchar kTextRanges[] = {
    0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2022, 0x2026, 0x2026, 0x2039, 0x203A, 0x20AC, 0x20AC, 0,
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

constexpr const char* kRegular = "/fonts/Roboto-Regular.ttf";
constexpr const char* kMedium = "/fonts/Roboto-Medium.ttf";
constexpr const char* kBold = "/fonts/Roboto-Bold.ttf";
constexpr const char* kItalic = "/fonts/Roboto-Italic.ttf";
constexpr const char* kBoldItalic = "/fonts/Roboto-BoldItalic.ttf";
constexpr const char* kIcons = "/fonts/fontawesome-webfont.ttf";

bool file_exists(const char* path) {
    std::FILE* file = std::fopen(path, "rb");
    if (!file) return false;
    std::fclose(file);
    return true;
}

ImFont* add_font(ImFontAtlas& atlas, const char* path, float size, const ImWchar* ranges) {
    ImFontConfig config;
    config.OversampleH = 1;  // rasterised at the real pixel size already: no need to oversample
    config.OversampleV = 1;
    ImFont* font = atlas.AddFontFromFileTTF(path, size, &config, ranges);
    ImFontConfig icons;
    icons.MergeMode = true;
    icons.OversampleH = 1;
    icons.OversampleV = 1;
    icons.GlyphMinAdvanceX = size;  // icons line up in lists
    icons.GlyphOffset.y = size * 0.05f;
    atlas.AddFontFromFileTTF(kIcons, size * 0.9f, &icons, icon::kIconRanges);
    return font;
}

// A Markdown emphasis face: text only; falls back to `fallback` when the file is missing.
ImFont* add_text_font(ImFontAtlas& atlas, const char* path, float size, ImFont* fallback) {
    if (!file_exists(path)) return fallback;
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    return atlas.AddFontFromFileTTF(path, size, &config, kTextRanges);
}

}  // namespace

bool load_fonts(float pixel_ratio, FontSet set) {
    if (!file_exists(kRegular) || !file_exists(kMedium) || !file_exists(kIcons)) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The texture only as tall as the glyphs need (less to convert and upload), and no software
    // mouse cursors (the browser draws the cursor).
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
    const ImWchar* ranges = set == FontSet::all ? kTextRanges : kFirstScreenRanges;
    g_fonts.body = add_font(*io.Fonts, kRegular, 16.0f * pixel_ratio, ranges);
    g_fonts.heading = add_font(*io.Fonts, kMedium, 20.0f * pixel_ratio, ranges);
    g_fonts.title = add_font(*io.Fonts, kMedium, 28.0f * pixel_ratio, ranges);
    if (set == FontSet::all) {
        g_fonts.bold = add_text_font(*io.Fonts, kBold, 16.0f * pixel_ratio, g_fonts.body);
        g_fonts.italic = add_text_font(*io.Fonts, kItalic, 16.0f * pixel_ratio, g_fonts.body);
        g_fonts.bold_italic =
            add_text_font(*io.Fonts, kBoldItalic, 16.0f * pixel_ratio, g_fonts.bold);
    } else {
        g_fonts.bold = g_fonts.italic = g_fonts.bold_italic = g_fonts.body;
    }
    io.FontDefault = g_fonts.body;
    // Fonts are rasterised at device pixels; layout stays in CSS pixels.
    io.FontGlobalScale = 1.0f / pixel_ratio;
    return io.Fonts->Build();
}

const Fonts& fonts() {
    return g_fonts;
}

}  // namespace portal::ui
