// The colour of each status the portal shows as a badge, the same on every screen that shows it:
// green when all is well, amber when something waits or is degraded, red when it is stopped,
// grey when it is over, blue for what is on the company's side.
#pragma once

#include "domain/server_status.h"
#include "domain/service.h"
#include "domain/support_clock.h"
#include "imgui.h"

namespace portal::ui {

ImU32 badge_color(domain::ServiceStatus status);
ImU32 badge_color(domain::TicketStatus status);
ImU32 badge_color(domain::ComponentState state);

}  // namespace portal::ui
