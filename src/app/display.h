// How dates, amounts and prices are written for the client, per language.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/dto.h"
#include "app/strings.h"

namespace portal::app {

// es: 25/11/2026; en: 2026-11-25 (unambiguous for every English reader).
std::string format_date(const domain::Date& date, Language language);
// A day as a client types it, in format_date's form of either language (spaces around it
// ignored); nullopt for anything else or a day the calendar lacks.
std::optional<domain::Date> parse_typed_date(std::string_view text);
// es: "USD 1.234,50"; en: "USD 1,234.50".
std::string format_money(const domain::Money& money, Language language);
// "12,3 MB" / "12.3 MB" (1 KB = 1024 bytes); below 1 KB, bytes.
std::string format_size(uint64_t bytes, Language language);
// "USD 150,00 / año" — a plan's price for its cycle.
std::string plan_price(const api::PlanSummary& plan, Language language);

// A cancellation is scheduled (through its effective_on, the last day of service): the service's
// screens say when and offer to withdraw it.
bool cancellation_scheduled(const api::ServiceView& service);
// "Baja programada para el 23/12/2026".
std::string scheduled_cancellation_line(const api::ServiceView& service, Language language);

}  // namespace portal::app
