// How dates, amounts and prices are written for the client, per language.
#pragma once

#include <string>

#include "api/dto.h"
#include "app/strings.h"

namespace portal::app {

// es: 25/11/2026; en: 2026-11-25 (unambiguous for every English reader).
std::string format_date(const domain::Date& date, Language language);
// es: "USD 1.234,50"; en: "USD 1,234.50".
std::string format_money(const domain::Money& money, Language language);
// "USD 150,00 / año" — a plan's price for its cycle.
std::string plan_price(const api::PlanSummary& plan, Language language);

}  // namespace portal::app
