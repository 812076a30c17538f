// What the support screens under «Soporte» share: the page with its link back to the tab, and
// the controls that send (a ticket, a reply) with what stopped the last sending.
#pragma once

#include "api/dto.h"
#include "app/texts/support_texts.h"
#include "app/tickets_flow.h"
#include "ui/screen_context.h"

namespace portal::ui {

using SupportScreen = ScreenContext<app::SupportState, app::SupportText, app::SupportIntent>;

// A page under the support screen: its title, then the link back there.
void begin_support_page(SupportScreen& s, const char* id, const char* page_title);

// What stopped the last send (a refusal, with every rule it did not meet; a failure, whose retry
// sends again), then the button that sends, «Enviando…» while `attempt` is on its way.
void send_controls(SupportScreen& s, const app::Remote<api::TicketDetail>& attempt,
                   app::SupportText label, const app::SupportIntent& send);

}  // namespace portal::ui
