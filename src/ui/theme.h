// The portal's look: a light theme with the company's blue, generous spacing for touch.
#pragma once

namespace portal::ui {
void apply_theme();
}
