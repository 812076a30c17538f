// The portal's own widgets: thin layers over Dear ImGui that (1) look like the portal and (2)
// report themselves to the item tree with a readable label and role, text included.
#pragma once

#include <optional>
#include <string>

#include "app/problem.h"
#include "app/strings.h"
#include "imgui.h"

namespace portal::ui {

namespace color {
inline constexpr ImU32 kPrimary = IM_COL32(0x1F, 0x5F, 0xBF, 0xFF);
inline constexpr ImU32 kDanger = IM_COL32(0xB4, 0x23, 0x18, 0xFF);
inline constexpr ImU32 kMuted = IM_COL32(0x5B, 0x66, 0x75, 0xFF);
inline constexpr ImU32 kText = IM_COL32(0x1D, 0x24, 0x2E, 0xFF);
inline constexpr ImU32 kSuccess = IM_COL32(0x1E, 0x7B, 0x3A, 0xFF);
inline constexpr ImU32 kWarning = IM_COL32(0x9A, 0x5B, 0x00, 0xFF);
}  // namespace color

// Text the client reads; reported to the item tree as role "text".
void text(std::string_view value, ImU32 color = color::kText);
void text_wrapped(std::string_view value, ImU32 color = color::kText);
void heading(std::string_view value);
void title(std::string_view value);

// A button; returns true when pressed. Disabled buttons are drawn dimmed and never fire.
bool button(const char* label, bool enabled = true);
bool primary_button(const char* label, bool enabled = true, float width = 0.0f);
// A button drawn in given colours with white text; never fires while disabled.
bool coloured_button(const char* label, bool enabled, float width, ImU32 normal, ImU32 hovered,
                     ImU32 active);

// A section tab of the top bar; returns true when pressed.
bool tab(const char* label, bool selected);

// What a text field holds: it decides what is shown (dots for a password) and which keyboard a
// phone opens (one with @ for an email; html5_backend.cpp).
enum class FieldKind { text, email, password };

// A labelled text field: the label above, the field, and an error under it when there is one.
// Returns true when Enter was pressed in the field.
bool text_field(const char* label, std::string& value, FieldKind kind,
                std::optional<app::Text> error, app::Language language, float width);

// A coloured box explaining a Problem and what to do; returns true when "Reintentar" is pressed.
bool problem_box(const app::Problem& problem, app::Language language);

// A small coloured label, e.g. a service's status.
void badge(std::string_view value, ImU32 color);
// The colour of a service's status badge, the same on every screen.
ImU32 status_color(domain::ServiceStatus status);

}  // namespace portal::ui
