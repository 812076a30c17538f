// One function per screen: each draws the app's state and returns what the client asked for.
// Each lives in its own file (<name>_screen.cpp).
#pragma once

#include "app/intent.h"
#include "app/portal_app.h"

namespace portal::ui {

// Each screen stays a function of its own in the page's wasm, never inlined into the frame: the
// browser compiles a wasm function on its first call, on the main thread, so with every screen
// inlined into the frame the first (sign-in) frame compiled them all (BENCHMARKS.md).
#define PORTAL_SCREEN [[gnu::noinline]]

// The whole page for this frame: top bar and the current screen.
app::Intent draw_portal(app::PortalApp& app);

PORTAL_SCREEN app::Intent draw_top_bar(const app::PortalState& state);
PORTAL_SCREEN app::Intent draw_login(app::LoginForm& form, app::Language language);
PORTAL_SCREEN app::Intent draw_services(const app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_service(const app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_manuals(app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_upgrade(app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_cancellation(app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_invoices(app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_account(app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_invitation(app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_support(app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_ticket(app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_new_ticket(app::PortalApp& app);
PORTAL_SCREEN app::Intent draw_status(app::PortalApp& app);

}  // namespace portal::ui
