// Texts of the server-status page and of the banners that send a client there (RULES.md §7,
// SLA 2; domain/server_status.h), Spanish ("usted") and English. What the company says about an
// incident (its title and updates) comes from the API in the client's language.
#pragma once

#include "app/strings.h"
#include "app/texts/text_table.h"
#include "domain/server_status.h"

namespace portal::app {

PORTAL_TEXT_ENUM(StatusText,
                 title,  // «Estado de servidores»: the page's title and the links to it
                 subtitle, all_operational, ongoing_heading, components_heading, resolved_heading,
                 no_resolved,
                 affects_your_services,  // "Afecta a sus servicios: {}"
                 your_services_here,     // "Sus servicios aquí: {}"
                 started_on,             // "Comenzó el {} a las {}"
                 ended_on,               // "Resuelto el {} a las {}"
                 update_at,              // "{} a las {}" (when an update was posted)
                 updates_heading,        // "Novedades"
                 banner_services,  // "Hay un incidente en curso que afecta a sus servicios: {}"
                 banner_service,   // "Hay un incidente en curso que afecta a este servicio: {}"
                 see_status,       // «Ver estado de servidores»
                 support_hint);    // on «Soporte»: look there before opening a ticket
PORTAL_TEXTS_FOR(domain::ComponentState);

}  // namespace portal::app
