// What the client asked for in the last frame. Screens return intents; PortalApp carries them out.
// Keeping them as plain values lets tests drive the app exactly as the UI does. Each flow owns the
// variant of its own intents (service_flow.h, ...); this is the union the page deals with.
#pragma once

#include <variant>

#include "app/account_flow.h"
#include "app/browser_effects.h"
#include "app/cancellation_flow.h"
#include "app/invoices_flow.h"
#include "app/manuals_flow.h"
#include "app/route.h"
#include "app/service_flow.h"
#include "app/status_flow.h"
#include "app/strings.h"
#include "app/tickets_flow.h"
#include "app/upgrade_flow.h"

namespace portal::app {

struct SubmitLogin {};
struct SignOut {};
struct ReloadServices {};
// The static-host demo's "Restablecer demo" (after the client confirmed it).
struct ResetDemo {};
struct ChooseLanguage {
    Language language;
};
// Go to a screen: a click in the portal, or the browser's URL hash changing (back, forward, a
// pasted link). `from_browser` says the URL already shows it.
struct Navigate {
    Route route;
    bool from_browser = false;
};

using Intent =
    std::variant<std::monostate, SubmitLogin, SignOut, ReloadServices, ChooseLanguage, ResetDemo,
                 Navigate, ServiceIntent, ManualsIntent, UpgradeIntent, CancellationIntent,
                 InvoicesIntent, SupportIntent, AccountIntent, StatusIntent, FileChosen>;

inline bool is_empty(const Intent& intent) {
    return std::holds_alternative<std::monostate>(intent);
}

}  // namespace portal::app
