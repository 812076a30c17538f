// Where the client is: every screen has a path, shown in the URL hash (#/servicios/12/upgrade),
// so links can be shared, reload keeps the screen and the browser's back button works.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace portal::app {

struct Route {
    enum class Page {
        login,         // /ingresar
        services,      // /servicios
        service,       // /servicios/{id}
        upgrade,       // /servicios/{id}/upgrade
        cancellation,  // /servicios/{id}/cancelar
        manuals,       // /manuales            (and /manuales?q=texto)
        manual,        // /manuales/{slug}
        invoices,      // /facturas
        account,       // /cuenta
        invitation,    // /invitacion/{token}  (the token in `slug`)
        support,       // /soporte
        ticket,        // /soporte/tickets/{ticket_id}
        new_ticket,    // /soporte/nuevo, or /servicios/{id}/ayuda about that service
        status,        // /estado              (the server-status page)
    };
    Route() = default;
    Route(Page page_, int64_t service_id_ = 0, std::string slug_ = {}, std::string query_ = {})
        : page(page_), service_id(service_id_), slug(std::move(slug_)), query(std::move(query_)) {}

    Page page = Page::services;
    int64_t service_id = 0;
    std::string slug;
    std::string query;  // manual search text, already decoded
    int64_t ticket_id = 0;

    friend bool operator==(const Route&, const Route&) = default;
};

// Parses a path (the URL hash without '#'); nullopt for anything that is not a screen.
std::optional<Route> parse_route(std::string_view path);
// The canonical path of a route; parse_route(route_path(r)) == r.
std::string route_path(const Route& route);
// The screen of a manual's article; nullopt when `slug` cannot name one.
std::optional<Route> manual_route(std::string_view slug);
// Everything but the sign-in screen and an invitation needs a signed-in client.
bool needs_session(const Route& route);

}  // namespace portal::app
