// The portal's look: a light theme with the company's blue, generous spacing for touch. Every
// colour the portal draws is named here. Text colours keep a contrast of at least 4.5:1 (WCAG AA)
// on white, on the window's background, on the open tab and on their own tinted boxes and badges.
#pragma once

#include "imgui.h"

namespace portal::ui {

namespace color {
// Text.
inline constexpr ImU32 kText = IM_COL32(0x1D, 0x24, 0x2E, 0xFF);
inline constexpr ImU32 kMuted = IM_COL32(0x5B, 0x66, 0x75, 0xFF);
inline constexpr ImU32 kPrimary = IM_COL32(0x1F, 0x5F, 0xBF, 0xFF);  // also links
inline constexpr ImU32 kDanger = IM_COL32(0xB4, 0x23, 0x18, 0xFF);
inline constexpr ImU32 kSuccess = IM_COL32(0x1A, 0x73, 0x36, 0xFF);
inline constexpr ImU32 kWarning = IM_COL32(0x8F, 0x55, 0x00, 0xFF);
inline constexpr ImU32 kOnColour = IM_COL32_WHITE;  // text on a primary or danger button
// Buttons in the primary and danger colours, under the pointer and pressed.
inline constexpr ImU32 kPrimaryHovered = IM_COL32(0x2A, 0x6F, 0xD6, 0xFF);
inline constexpr ImU32 kPrimaryActive = IM_COL32(0x17, 0x4A, 0x96, 0xFF);
inline constexpr ImU32 kDangerHovered = IM_COL32(0xCC, 0x33, 0x26, 0xFF);
inline constexpr ImU32 kDangerActive = IM_COL32(0x8E, 0x1A, 0x11, 0xFF);
// Backgrounds.
inline constexpr ImU32 kSelected = IM_COL32(0xDC, 0xE7, 0xF8, 0xFF);  // the open tab
inline constexpr ImU32 kCardBorder = IM_COL32(0xD5, 0xDC, 0xE6, 0xFF);
inline constexpr ImU32 kCodeBackground = IM_COL32(0xEC, 0xEF, 0xF3, 0xFF);
inline constexpr ImU32 kMatchBackground = IM_COL32(0xFF, 0xE8, 0x8A, 0xFF);  // a search match
inline constexpr ImU32 kTableHeader = IM_COL32(0xE9, 0xEF, 0xF8, 0xFF);
}  // namespace color

// `colour` made see-through: the fill and edge of a tinted box, a badge's background.
constexpr ImU32 with_alpha(ImU32 colour, unsigned alpha) {
    return (colour & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

void apply_theme();

// [SECTION] Phones
// The one width breakpoint: below kPhoneWidth CSS px the portal lays itself out for a phone
// (a one-row top bar with a menu, cards instead of tables, one column, touch targets of at least
// kTouchTarget px). Screens ask phone_layout(); none has its own breakpoint.
inline constexpr float kPhoneWidth = 600.0f;
inline constexpr float kTouchTarget = 44.0f;

// A frame's vertical padding on a desktop. A phone pads buttons and fields more, to a touch
// target's height; checkbox and radio marks keep the desktop frame's height everywhere.
inline constexpr float kFramePaddingY = 8.0f;
float desktop_frame_height();

// Whether this frame is laid out for a phone.
bool phone_layout();
// Sets this frame's spacing for the viewport's width (taller buttons and fields on a phone, less
// padding around the page). Called once a frame, before anything is drawn.
void apply_layout();

}  // namespace portal::ui
