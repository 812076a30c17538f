#include "ui/baked_fonts.h"

#include <cmath>
#include <cstring>

#include "imgui_internal.h"

namespace portal::ui {
namespace {

constexpr char kMagic[8] = {'P', 'O', 'R', 'T', 'A', 'T', 'L', '3'};
constexpr int kMaxTextureSide = 8192;

// FNV-1a over everything that decides the atlas's contents, except the font files themselves:
// their names are part of it, and the build bakes again whenever a file changes.
class Fingerprint {
  public:
    void add(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            hash_ ^= bytes[i];
            hash_ *= 1099511628211ULL;
        }
    }
    template <typename T>
    void add(T value) {
        add(&value, sizeof value);
    }
    std::uint64_t value() const { return hash_; }

  private:
    std::uint64_t hash_ = 14695981039346656037ULL;
};

std::uint64_t fingerprint(const ImFontAtlas& atlas) {
    Fingerprint f;
    f.add(static_cast<int>(IMGUI_VERSION_NUM));
    f.add(atlas.Flags);
    f.add(atlas.TexDesiredWidth);
    f.add(atlas.TexGlyphPadding);
    f.add(atlas.Fonts.Size);
    f.add(atlas.ConfigData.Size);
    for (const ImFontConfig& cfg : atlas.ConfigData) {
        f.add(cfg.Name, std::strlen(cfg.Name));
        f.add(std::trunc(cfg.SizePixels));  // ImFontAtlasBuildInit truncates it before building
        f.add(cfg.FontNo);
        f.add(cfg.OversampleH);
        f.add(cfg.OversampleV);
        f.add(cfg.PixelSnapH);
        f.add(cfg.MergeMode);
        f.add(cfg.GlyphExtraSpacing.x);
        f.add(cfg.GlyphOffset.x);
        f.add(cfg.GlyphOffset.y);
        f.add(cfg.GlyphMinAdvanceX);
        f.add(cfg.GlyphMaxAdvanceX);
        f.add(cfg.RasterizerMultiply);
        f.add(cfg.RasterizerDensity);
        f.add(cfg.EllipsisChar);
        int destination = -1;
        for (int i = 0; i < atlas.Fonts.Size; ++i)
            if (atlas.Fonts[i] == cfg.DstFont) destination = i;
        f.add(destination);
        for (const ImWchar* range = cfg.GlyphRanges; range && range[0]; range += 2) {
            f.add(range[0]);
            f.add(range[1]);
        }
        f.add(0);
    }
    return f.value();
}

class Writer {
  public:
    template <typename T>
    void put(T value) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(&value);
        bytes_.insert(bytes_.end(), bytes, bytes + sizeof value);
    }
    void put_bytes(const unsigned char* data, std::size_t size) {
        bytes_.insert(bytes_.end(), data, data + size);
    }
    std::vector<unsigned char> take() { return std::move(bytes_); }

  private:
    std::vector<unsigned char> bytes_;
};

// Reads values in order; any read past the end makes ok() false (and reads zeros).
class Reader {
  public:
    explicit Reader(std::span<const unsigned char> bytes) : bytes_(bytes) {}
    template <typename T>
    T get() {
        T value{};
        if (!ok_ || bytes_.size() - at_ < sizeof value) {
            ok_ = false;
            return value;
        }
        std::memcpy(&value, bytes_.data() + at_, sizeof value);
        at_ += sizeof value;
        return value;
    }
    const unsigned char* take(std::size_t size) {
        if (!ok_ || bytes_.size() - at_ < size) {
            ok_ = false;
            return nullptr;
        }
        const unsigned char* data = bytes_.data() + at_;
        at_ += size;
        return data;
    }
    bool ok() const { return ok_; }
    bool at_end() const { return at_ == bytes_.size(); }

  private:
    std::span<const unsigned char> bytes_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

struct Glyph {
    unsigned int codepoint;
    float x0, y0, x1, y1, u0, v0, u1, v1, advance_x;
};

// Coverage at 16 levels: 4 bits, two pixels a byte (the first in the low half), and the level's
// alpha is level * 17, so 0 and 255 stay exact. At 256 levels a pixel is its byte.
unsigned char level_of(unsigned char alpha) {
    return static_cast<unsigned char>((alpha + 8) / 17);
}

std::size_t packed_size(std::size_t pixels, Coverage coverage) {
    return coverage == Coverage::levels_16 ? (pixels + 1) / 2 : pixels;
}

std::vector<unsigned char> pack_levels(const unsigned char* alpha, std::size_t pixels,
                                       Coverage coverage) {
    if (coverage == Coverage::levels_256) return {alpha, alpha + pixels};
    std::vector<unsigned char> packed(packed_size(pixels, coverage), 0);
    for (std::size_t i = 0; i < pixels; ++i)
        packed[i / 2] |= static_cast<unsigned char>(level_of(alpha[i]) << (i % 2 ? 4 : 0));
    return packed;
}

void unpack_levels(const unsigned char* packed, std::size_t pixels, Coverage coverage,
                   unsigned char* alpha) {
    if (coverage == Coverage::levels_256) {
        std::memcpy(alpha, packed, pixels);
        return;
    }
    for (std::size_t i = 0; i < pixels; ++i)
        alpha[i] = static_cast<unsigned char>(((packed[i / 2] >> (i % 2 ? 4 : 0)) & 15) * 17);
}

struct BakedFont {
    float ascent = 0;
    float descent = 0;
    std::vector<Glyph> glyphs;
};

}  // namespace

std::vector<unsigned char> save_baked_atlas(const ImFontAtlas& atlas, Coverage coverage) {
    if (!atlas.TexReady || atlas.TexPixelsAlpha8 == nullptr) return {};
    for (const ImFontAtlasCustomRect& rect : atlas.CustomRects)
        if (rect.Font != nullptr) return {};  // custom glyphs would be added twice on loading
    Writer out;
    for (char c : kMagic) out.put(c);
    out.put(coverage);
    out.put(fingerprint(atlas));
    out.put(atlas.TexWidth);
    out.put(atlas.TexHeight);
    out.put(atlas.CustomRects.Size);
    for (const ImFontAtlasCustomRect& rect : atlas.CustomRects) {
        out.put(rect.X);
        out.put(rect.Y);
        out.put(rect.Width);
        out.put(rect.Height);
    }
    out.put(atlas.Fonts.Size);
    for (const ImFont* font : atlas.Fonts) {
        out.put(font->Ascent);
        out.put(font->Descent);
        out.put(font->Glyphs.Size);
        for (const ImFontGlyph& g : font->Glyphs) {
            out.put(Glyph{g.Codepoint, g.X0, g.Y0, g.X1, g.Y1, g.U0, g.V0, g.U1, g.V1, g.AdvanceX});
        }
    }
    const std::vector<unsigned char> levels = pack_levels(
        atlas.TexPixelsAlpha8,
        static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight),
        coverage);
    out.put_bytes(levels.data(), levels.size());
    return out.take();
}

unsigned char baked_alpha(unsigned char alpha, Coverage coverage) {
    if (coverage == Coverage::levels_256) return alpha;
    return static_cast<unsigned char>(level_of(alpha) * 17);
}

bool build_from_baked_atlas(ImFontAtlas& atlas, std::span<const unsigned char> baked) {
    if (atlas.ConfigData.empty() || atlas.Locked) return false;
    Reader in(baked);
    for (char c : kMagic)
        if (in.get<char>() != c) return false;
    const auto coverage = in.get<Coverage>();
    if (coverage != Coverage::levels_16 && coverage != Coverage::levels_256) return false;
    if (in.get<std::uint64_t>() != fingerprint(atlas)) return false;
    const int width = in.get<int>();
    const int height = in.get<int>();
    if (width <= 0 || height <= 0 || width > kMaxTextureSide || height > kMaxTextureSide)
        return false;

    // Registers the atlas's own rectangles (white pixel, thick lines), as rasterising would.
    ImFontAtlasBuildInit(&atlas);
    const int rect_count = in.get<int>();
    if (!in.ok() || rect_count != atlas.CustomRects.Size) return false;
    std::vector<ImFontAtlasCustomRect> rects(static_cast<std::size_t>(rect_count));
    for (ImFontAtlasCustomRect& rect : rects) {
        rect.X = in.get<unsigned short>();
        rect.Y = in.get<unsigned short>();
        rect.Width = in.get<unsigned short>();
        rect.Height = in.get<unsigned short>();
    }
    for (int i = 0; i < rect_count; ++i) {
        const ImFontAtlasCustomRect& ours = atlas.CustomRects[i];
        const ImFontAtlasCustomRect& theirs = rects[static_cast<std::size_t>(i)];
        if (ours.Width != theirs.Width || ours.Height != theirs.Height ||
            theirs.X + theirs.Width > width || theirs.Y + theirs.Height > height)
            return false;
    }
    const int font_count = in.get<int>();
    if (!in.ok() || font_count != atlas.Fonts.Size) return false;
    std::vector<BakedFont> fonts(static_cast<std::size_t>(font_count));
    for (BakedFont& font : fonts) {
        font.ascent = in.get<float>();
        font.descent = in.get<float>();
        const int glyphs = in.get<int>();
        if (!in.ok() || glyphs < 0 || glyphs > 0x10000) return false;
        font.glyphs.resize(static_cast<std::size_t>(glyphs));
        for (Glyph& glyph : font.glyphs) {
            glyph = in.get<Glyph>();
            if (glyph.codepoint > IM_UNICODE_CODEPOINT_MAX) return false;
        }
    }
    const std::size_t pixel_count =
        static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    const unsigned char* levels = in.take(packed_size(pixel_count, coverage));
    if (!in.ok() || !in.at_end()) return false;

    // Everything checked: the atlas is built from here on, as ImFontAtlasBuildWithStbTruetype
    // would leave it.
    atlas.TexID = ImTextureID{};
    atlas.ClearTexData();
    atlas.TexWidth = width;
    atlas.TexHeight = height;
    atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(width), 1.0f / static_cast<float>(height));
    atlas.TexUvWhitePixel = ImVec2(0.0f, 0.0f);
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixel_count));
    unpack_levels(levels, pixel_count, coverage, atlas.TexPixelsAlpha8);
    for (int i = 0; i < rect_count; ++i) {
        atlas.CustomRects[i].X = rects[static_cast<std::size_t>(i)].X;
        atlas.CustomRects[i].Y = rects[static_cast<std::size_t>(i)].Y;
    }
    for (ImFontConfig& cfg : atlas.ConfigData) {
        int index = 0;
        while (atlas.Fonts[index] != cfg.DstFont) ++index;  // the fingerprint vouches it exists
        const BakedFont& font = fonts[static_cast<std::size_t>(index)];
        ImFontAtlasBuildSetupFont(&atlas, cfg.DstFont, &cfg, font.ascent, font.descent);
    }
    for (int i = 0; i < font_count; ++i) {
        ImFont* font = atlas.Fonts[i];
        // No configuration: the stored metrics already have its offsets and advances applied.
        for (const Glyph& g : fonts[static_cast<std::size_t>(i)].glyphs) {
            font->AddGlyph(nullptr, static_cast<ImWchar>(g.codepoint), g.x0, g.y0, g.x1, g.y1, g.u0,
                           g.v0, g.u1, g.v1, g.advance_x);
        }
    }
    ImFontAtlasBuildFinish(&atlas);
    return true;
}

}  // namespace portal::ui
