// The banner that tells a client an ongoing incident affects their services (on «Mis servicios»)
// or the service on screen, with the way to the server-status page. Drawn only when the app has
// something to say (app::incident_banner is not empty).
#pragma once

#include <string_view>

#include "app/intent.h"
#include "app/strings.h"

namespace portal::ui {

// `what` is app::incident_banner's sentence; the intent is the link's (to the status page).
app::Intent draw_incident_banner(std::string_view what, app::Language language);

}  // namespace portal::ui
