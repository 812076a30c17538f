// Texts of the support plans and what each includes (RULES.md §8): the plans' names, how soon
// each answers, the channels and how soon each channel answers. Spanish ("usted") and English.
#pragma once

#include "app/strings.h"
#include "app/texts/text_table.h"
#include "domain/support_plan.h"

namespace portal::app {

// The ways in to the channels that take an address, and asking for those the plan lacks.
PORTAL_TEXT_ENUM(ChannelText,
                 call,                // "Llamar al {}"
                 write_whatsapp,      // "Escribir por WhatsApp al {}"
                 write_telegram,      // "Escribir por Telegram a {}"
                 ask,                 // the plan lacks phone or WhatsApp: ask for it (RULES.md §8)
                 ask_subject,         // that ticket's subject, written for the client
                 phone_or_whatsapp);  // on a service: where phone and WhatsApp support are
PORTAL_TEXTS_FOR(domain::SupportPlan);
PORTAL_TEXTS_FOR(domain::SupportChannel);
// How soon a channel answers; plan_time is filled in with the plan's time (plan_time_words).
PORTAL_TEXTS_FOR(domain::ChannelResponse);
// "2 horas hábiles", "15 minutos hábiles", "8 horas hábiles".
const char* plan_time_words(Language language, domain::SupportPlan plan);

}  // namespace portal::app
