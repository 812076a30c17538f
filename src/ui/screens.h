// One function per screen: each draws the app's state and returns what the client asked for.
// Each lives in its own file (<name>_screen.cpp).
#pragma once

#include "app/intent.h"
#include "app/portal_app.h"

namespace portal::ui {

// The whole page for this frame: top bar and the current screen.
app::Intent draw_portal(app::PortalApp& app);

app::Intent draw_top_bar(const app::PortalState& state);
app::Intent draw_login(app::LoginForm& form, app::Language language);
app::Intent draw_services(const app::PortalApp& app);
app::Intent draw_service(const app::PortalApp& app);
app::Intent draw_manuals(app::PortalApp& app);
app::Intent draw_upgrade(app::PortalApp& app);
app::Intent draw_cancellation(app::PortalApp& app);
app::Intent draw_invoices(app::PortalApp& app);
app::Intent draw_account(app::PortalApp& app);
app::Intent draw_invitation(app::PortalApp& app);
app::Intent draw_support(app::PortalApp& app);
app::Intent draw_ticket(app::PortalApp& app);
app::Intent draw_new_ticket(app::PortalApp& app);
app::Intent draw_status(app::PortalApp& app);

}  // namespace portal::ui
