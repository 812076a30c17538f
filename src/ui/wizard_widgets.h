// Widgets of the two wizards (upgrade, cancellation): a scrolling page with a readable column,
// cards, the quote's amount rows, tinted notices, checkbox, radio, a red button and a multi-line
// field. Like widgets.h, everything reports itself to the item tree with its label and role.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "imgui.h"
#include "ui/widgets.h"

namespace portal::ui::wizard {

// A page that scrolls on its own, with a centred column at most `max_width` wide (a phone gets
// the whole width). Every begin_page needs its end_page.
void begin_page(const char* id, float max_width = 760.0f);
void end_page();

// A white card with a border around one block; grows with its content.
void begin_card(const char* id);
void end_card();

// The quote: label on the left, amount on the right, one row each. `strong` for the total.
bool begin_amounts(const char* id);
void amount_row(std::string_view label, std::string_view amount, bool strong = false);
void end_amounts();

// A tinted box with a headline (in `color`) and an optional second paragraph.
void notice(std::string_view headline, std::string_view detail, ImU32 color);

// "• text", wrapped.
void bullet(std::string_view value);

// Return true when clicked; the screen then sends the intent with the new value.
bool checkbox(const char* label, bool checked, bool enabled = true);
bool radio(const char* label, bool selected, bool enabled = true);

// A destructive action: red, and never fires while disabled.
bool danger_button(const char* label, bool enabled, float width = 0.0f);

// A labelled multi-line text field (edited in place), with an error under it when there is one.
void multiline_field(const char* label, std::string& value, const char* error, float height);

// Two buttons on one line when they fit, else one under the other (a phone).
bool fits_on_line(float width_needed);

}  // namespace portal::ui::wizard
