// «Soporte»'s forms as the flow tests drive them: «Nuevo ticket» opened from a service (whose
// answer is a 404, so nothing about it is shown) or from the tab (with two services to choose
// from), Ana signed in.
#pragma once

#include <gtest/gtest.h>

#include "app/tickets_flow.h"
#include "signed_in_portal.h"

namespace portal::testing {

class SupportFormTest : public SignedInPortal {
  protected:
    // «Pedir ayuda con este servicio» on service 11.
    void open_form() {
        app.dispatch(app::Navigate{app::Route{app::Route::Page::new_ticket, 11}});
        ASSERT_EQ(net.next().path, "/services/11");
        net.reply(404, error_body("not_found"));
    }
    // «Nuevo ticket» from «Soporte»: about no service yet, so the client's services are offered.
    void open_blank_form() {
        app.dispatch(app::Navigate{app::Route{app::Route::Page::new_ticket}});
        ASSERT_EQ(net.next().path, "/services");
        api::ServiceList services;
        services.services.resize(2);
        services.services[0].id = 11;
        services.services[0].name = "Hosting";
        services.services[1].id = 12;
        services.services[1].name = "Radio";
        net.reply(200, api::encode(services));
    }
    const app::SupportState& state() { return app.tickets().state(); }
    app::NewTicketForm& form() { return app.tickets_form().form(); }
};

}  // namespace portal::testing
