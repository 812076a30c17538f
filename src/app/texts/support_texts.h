// Texts of the «Soporte» tab, a ticket and a new ticket (RULES.md §6–§8), Spanish ("usted") and
// English.
#pragma once

#include "app/strings.h"
#include "app/texts/procedure_texts.h"
#include "app/texts/support_plan_texts.h"
#include "app/texts/text_table.h"
#include "domain/support_procedure.h"

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
                 back_to_support, department_label, subject_label, message_label, send_ticket,
                 kind_label,      // "¿Qué necesita?": the question or procedure
                 service_label,   // the service a procedure is about
                 no_services,     // nothing to choose from
                 option_label,    // a migration: who does it (RULES.md §11)
                 option_company,  // option 1
                 option_client,   // option 2
                 domain_label, provider_label,
                 webmail_warning,        // option 1's tick: old emails are not migrated
                 webmail_note,           // new mailboxes get the hosting's global password
                 new_holder_label,       // a change of holder (RULES.md §10)
                 holder_rules,           // what a change of holder needs, before it is asked
                 date_label,             // a backup's day, with its written form
                 backup_cost_note,       // a recovery may cost extra
                 texts_label,            // a voice-over's texts
                 voice_over_note,        // ready 5 to 7 days after they are confirmed
                 subject_default,        // an empty subject becomes the procedure's name
                 why_procedure_refused,  // heads the unmet conditions
                 see_invoices,           // the way forward from overdue invoices
                 // Remote support (RULES.md §9).
                 remote_requirements,  // the three requirements, said before anything is asked
                 requirements_tick,    // the one tick accepting them
                 remote_scope,         // only the company's own services are configured
                 rustdesk_steps,       // where the RustDesk ID comes from
                 rustdesk_label, slots_label,
                 slot_day,       // "{weekday} {date}", heading a day's free slots
                 no_free_slots,  // nothing free in the booking window
                 see_plans,      // the way forward when the plan excludes remote support
                 booked_slot,    // "Soporte remoto reservado para el {} a las {}" on the ticket
                 // What to do about a procedure's field that is missing or malformed.
                 problem_service, problem_option, problem_domain, problem_provider, problem_webmail,
                 problem_new_holder, problem_date, problem_texts, problem_requirements,
                 problem_rustdesk_id, problem_slot,
                 help_with_service,  // «Pedir ayuda con este servicio»
                 manuals_heading,    // the support manuals, linked from «Soporte»
                 text_required, subject_too_long, message_too_long, why_too_many_open,
                 why_too_many_messages, why_not_found);
PORTAL_TEXTS_FOR(domain::TicketStatus);
PORTAL_TEXTS_FOR(domain::TicketDepartment);

}  // namespace portal::app
