#include "app/display.h"

#include <cstdio>

namespace portal::app {

std::string format_date(const domain::Date& date, Language language) {
    char out[16];
    if (language == Language::es) {
        std::snprintf(out, sizeof out, "%02d/%02d/%04d", date.day, date.month, date.year);
    } else {
        std::snprintf(out, sizeof out, "%04d-%02d-%02d", date.year, date.month, date.day);
    }
    return out;
}

std::string format_money(const domain::Money& money, Language language) {
    const bool es = language == Language::es;
    return money.currency + " " + domain::format_amount(money, es ? ',' : '.', es ? '.' : ',');
}

std::string plan_price(const api::PlanSummary& plan, Language language) {
    const bool es = language == Language::es;
    const char* per = "";
    switch (plan.cycle) {
        case domain::BillingCycle::monthly:
            per = es ? " / mes" : " / month";
            break;
        case domain::BillingCycle::quarterly:
            per = es ? " / trimestre" : " / quarter";
            break;
        case domain::BillingCycle::semiannual:
            per = es ? " / semestre" : " / half-year";
            break;
        case domain::BillingCycle::yearly:
            per = es ? " / año" : " / year";
            break;
    }
    return format_money(plan.price, language) + per;
}

}  // namespace portal::app
