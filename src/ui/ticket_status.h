// The colour of a ticket's status badge, the same in the list and on the ticket.
#pragma once

#include "domain/support_clock.h"
#include "imgui.h"

namespace portal::ui {

ImU32 ticket_status_color(domain::TicketStatus status);  // support_screen.cpp

}  // namespace portal::ui
