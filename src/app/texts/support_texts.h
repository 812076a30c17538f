// Texts of the «Soporte» tab, a ticket and a new ticket (RULES.md §6–§8), Spanish ("usted") and
// English.
#pragma once

#include "app/strings.h"
#include "app/texts/text_table.h"
#include "domain/support_plan.h"

namespace portal::app {

PORTAL_TEXT_ENUM(SupportText, subtitle,
                 your_plan,         // "Su plan de soporte: {}"
                 plan_answer_time,  // "Respondemos sus tickets en {} ..."
                 business_hours,    // what business hours are
                 channels_heading,  // "Cómo pedir ayuda"
                 tickets_heading,   // "Sus tickets"
                 no_tickets,
                 new_ticket,          // «Nuevo ticket»
                 see_ticket,          // "Ver ticket «{}»" (what a row's «Ver» is read as)
                 see,                 // "Ver"
                 about_service,       // "Servicio: {}"
                 due_answer,          // "Respuesta esperada antes del {} a las {}"
                 due_resolution,      // "Resolución esperada antes del {} a las {}"
                 overdue_answer,      // "Respuesta demorada: se esperaba antes del {} a las {}"
                 overdue_resolution,  // "Resolución demorada: se esperaba antes del {} a las {}"
                 waiting_on_you,      // a staff question waits for the client's answer
                 ticket_heading,      // "Ticket n.º {}: {}"
                 opened_on,           // "Abierto el {} a las {}"
                 from_you,            // "Usted, el {} a las {}"
                 from_staff,          // "Soporte, el {} a las {}"
                 reply_label, send_reply, sending, close_ticket,
                 closed_note,  // writing again reopens a closed ticket
                 back_to_support, department_label, subject_label, message_label,
                 error_report_label,  // the checkbox: something that should work does not
                 error_report_hint,   // answered within 2 hours, at any hour
                 send_ticket,
                 help_with_service,  // «Pedir ayuda con este servicio»
                 manuals_heading,    // the support manuals, linked from «Soporte»
                 text_required, subject_too_long, message_too_long, why_too_many_open,
                 why_too_many_messages, why_not_found);
PORTAL_TEXTS_FOR(domain::TicketStatus);
PORTAL_TEXTS_FOR(domain::TicketDepartment);
PORTAL_TEXTS_FOR(domain::SupportPlan);
PORTAL_TEXTS_FOR(domain::SupportChannel);
// How soon a channel answers; plan_time is filled in with the plan's time (plan_time_words).
PORTAL_TEXTS_FOR(domain::ChannelResponse);
// "2 horas hábiles", "15 minutos hábiles", "8 horas hábiles".
const char* plan_time_words(Language language, domain::SupportPlan plan);

}  // namespace portal::app
