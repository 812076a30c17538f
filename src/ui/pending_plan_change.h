// A service's open plan change (RULES.md §3) on its screen: an upgrade waiting for its invoice's
// payment, or a downgrade scheduled for the end of the paid period, each with «Retirar» (asked
// first). Draws app::ServiceState; returns the intent its buttons sent.
#pragma once

#include "app/intent.h"
#include "app/service_flow.h"
#include "app/strings.h"

namespace portal::ui {

app::Intent draw_pending_plan_change(const app::ServiceState& state, app::Language language);

}  // namespace portal::ui
