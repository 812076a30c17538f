// Every screen has a URL path; paths round-trip and anything else is refused.
#include <gtest/gtest.h>

#include "app/route.h"

namespace portal::app {
namespace {

using Page = Route::Page;

Route ticket_route(int64_t id) {
    Route route{Page::ticket};
    route.ticket_id = id;
    return route;
}

TEST(Routes, EveryScreenRoundTrips) {
    const Route routes[] = {
        {Page::login, 0, "", ""},
        {Page::services, 0, "", ""},
        {Page::service, 12, "", ""},
        {Page::upgrade, 12, "", ""},
        {Page::cancellation, 7, "", ""},
        {Page::manuals, 0, "", ""},
        {Page::manuals, 0, "", "cancelación del servicio"},
        {Page::manual, 0, "cancelacion", ""},
        {Page::invoices, 0, "", ""},
        {Page::account, 0, "", ""},
        {Page::invitation, 0, "Ab-9_xZ", ""},
        {Page::support, 0, "", ""},
        {Page::new_ticket, 0, "", ""},
        {Page::new_ticket, 12, "", ""},
        ticket_route(31),
        {Page::status, 0, "", ""},
    };
    for (const Route& route : routes) {
        const std::string path = route_path(route);
        const auto back = parse_route(path);
        ASSERT_TRUE(back) << path;
        EXPECT_EQ(*back, route) << path;
    }
}

TEST(Routes, PathsAreSpanishAndReadable) {
    EXPECT_EQ(route_path({Page::upgrade, 12, "", ""}), "/servicios/12/upgrade");
    EXPECT_EQ(route_path({Page::manual, 0, "cancelacion", ""}), "/manuales/cancelacion");
    EXPECT_EQ(route_path({Page::manuals, 0, "", "baja ya"}), "/manuales?q=baja%20ya");
    EXPECT_EQ(route_path({Page::invoices, 0, "", ""}), "/facturas");
    EXPECT_EQ(route_path({Page::account, 0, "", ""}), "/cuenta");
    EXPECT_EQ(route_path({Page::invitation, 0, "Ab-9_xZ", ""}), "/invitacion/Ab-9_xZ");
    EXPECT_EQ(route_path({Page::support, 0, "", ""}), "/soporte");
    EXPECT_EQ(route_path(ticket_route(31)), "/soporte/tickets/31");
    EXPECT_EQ(route_path({Page::new_ticket, 12, "", ""}), "/servicios/12/ayuda");
    EXPECT_EQ(route_path({Page::new_ticket, 0, "", ""}), "/soporte/nuevo");
    EXPECT_EQ(route_path({Page::status, 0, "", ""}), "/estado");
}

TEST(Routes, TheHomeIsTheServiceList) {
    EXPECT_EQ(parse_route("")->page, Page::services);
    EXPECT_EQ(parse_route("/")->page, Page::services);
}

TEST(Routes, AnythingElseIsRefused) {
    const char* bad[] = {"/servicios/0",
                         "/servicios/-3",
                         "/servicios/abc",
                         "/servicios/12/x",
                         "/servicios/1/2/3",
                         "/manuales/Cancel",
                         "/manuales/a b",
                         "/desconocido",
                         "/manuales?q=%4",
                         "/manuales?q=%zz",
                         "/servicios/99999999999999999999",
                         "/invitacion",
                         "/invitacion/a.b",
                         "/invitacion/a%20b",
                         "/cuenta/1",

                         "/soporte/tickets/0",
                         "/soporte/tickets",
                         "/soporte/x"};
    for (const char* path : bad) EXPECT_FALSE(parse_route(path)) << path;
    EXPECT_FALSE(parse_route("/estado/hs-02"));
}

TEST(Routes, OnlySignInAndAnInvitationAreOpenWithoutASession) {
    EXPECT_FALSE(needs_session({Page::login, 0, "", ""}));
    EXPECT_FALSE(needs_session({Page::invitation, 0, "token", ""}));
    EXPECT_TRUE(needs_session({Page::account, 0, "", ""}));
    EXPECT_TRUE(needs_session({Page::manual, 0, "tickets", ""}));
    EXPECT_TRUE(needs_session({Page::services, 0, "", ""}));
}

}  // namespace
}  // namespace portal::app
