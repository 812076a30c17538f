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
// A service's screen (service_screen.cpp).
inline constexpr const char* kCheck = "\xef\x80\x8c";         // U+F00C
inline constexpr const char* kDownload = "\xef\x80\x99";      // U+F019
inline constexpr const char* kBook = "\xef\x80\xad";          // U+F02D
inline constexpr const char* kEye = "\xef\x81\xae";           // U+F06E
inline constexpr const char* kEyeSlash = "\xef\x81\xb0";      // U+F070
inline constexpr const char* kExternalLink = "\xef\x82\x8e";  // U+F08E
inline constexpr const char* kCopy = "\xef\x83\x85";          // U+F0C5
inline constexpr const char* kBars = "\xef\x83\x89";          // U+F0C9
// A ticket's files (ticket_screen.cpp).
inline constexpr const char* kPaperclip = "\xef\x83\x86";  // U+F0C6

// Pairs of [first, last] code points, zero-terminated, as ImGui's AddFont wants them.
inline constexpr ImWchar kIconRanges[] = {
    0xF007, 0xF007, 0xF01C, 0xF01C, 0xF021, 0xF023, 0xF071, 0xF071, 0xF08B, 0xF08B, 0xF0AC, 0xF0AC,
    0xF0E0, 0xF0E0, 0xF110, 0xF110, 0xF233, 0xF233, 0xF00C, 0xF00C, 0xF019, 0xF019, 0xF02D, 0xF02D,
    0xF06E, 0xF06E, 0xF070, 0xF070, 0xF08E, 0xF08E, 0xF0C5, 0xF0C6, 0xF0C9, 0xF0C9, 0,
};

}  // namespace portal::ui::icon
