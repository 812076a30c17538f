// Font Awesome 4.7 code points (Debian's fonts-font-awesome), merged into the text fonts.
// Only the glyphs listed in kIconRanges are baked into the atlas, to keep it small.
#pragma once

#include "imgui.h"

namespace portal::ui::icon {

inline constexpr const char* kUser = "\xef\x80\x87";      // U+F007
inline constexpr const char* kLock = "\xef\x80\xa3";      // U+F023
inline constexpr const char* kSignOut = "\xef\x82\x8b";   // U+F08B
inline constexpr const char* kRefresh = "\xef\x80\xa1";   // U+F021
inline constexpr const char* kWarning = "\xef\x81\xb1";   // U+F071
inline constexpr const char* kEnvelope = "\xef\x83\xa0";  // U+F0E0
inline constexpr const char* kGlobe = "\xef\x82\xac";     // U+F0AC
inline constexpr const char* kServer = "\xef\x88\xb3";    // U+F233
inline constexpr const char* kSpinner = "\xef\x84\x90";   // U+F110
inline constexpr const char* kInbox = "\xef\x80\x9c";     // U+F01C

// Pairs of [first, last] code points, zero-terminated, as ImGui's AddFont wants them.
inline constexpr ImWchar kIconRanges[] = {
    0xF007, 0xF007, 0xF01C, 0xF01C, 0xF021, 0xF023, 0xF071, 0xF071, 0xF08B, 0xF08B,
    0xF0AC, 0xF0AC, 0xF0E0, 0xF0E0, 0xF110, 0xF110, 0xF233, 0xF233, 0,
};

}  // namespace portal::ui::icon
