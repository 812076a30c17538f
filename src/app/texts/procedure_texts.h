// Texts of the manual's procedures as «Nuevo ticket» offers them (RULES.md §7, §9–§12): each
// kind's name and what it is for, and what each unmet rule means with the way forward; the days'
// names that head the remote-support slots. Spanish ("usted") and English.
#pragma once

#include "app/strings.h"
#include "app/texts/text_table.h"
#include "domain/support_procedure.h"

namespace portal::app {

PORTAL_TEXTS_FOR(domain::TicketKind);
// What each rule a procedure did not meet means, with the way forward.
PORTAL_TEXTS_FOR(domain::ProcedureCondition);
// A day's name, in Date::weekday()'s order (Monday first).
PORTAL_TEXT_ENUM(WeekdayText, monday, tuesday, wednesday, thursday, friday, saturday, sunday);
// What a question or procedure is for, in one line under its name on «Nuevo ticket».
const char* kind_hint(Language language, domain::TicketKind kind);

}  // namespace portal::app
