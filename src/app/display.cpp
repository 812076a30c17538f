#include "app/display.h"

#include "app/texts/fill_in.h"

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

std::optional<domain::Date> parse_typed_date(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.size() != 10) return std::nullopt;
    if (text[2] == '/' && text[5] == '/') {
        const std::string iso = std::string(text.substr(6, 4)) + "-" +
                                std::string(text.substr(3, 2)) + "-" +
                                std::string(text.substr(0, 2));
        return domain::Date::parse_iso(iso);
    }
    return domain::Date::parse_iso(text);
}

std::string format_money(const domain::Money& money, Language language) {
    const bool es = language == Language::es;
    return money.currency + " " + domain::format_amount(money, es ? ',' : '.', es ? '.' : ',');
}

std::string format_size(uint64_t bytes, Language language) {
    if (bytes < 1024) return std::to_string(bytes) + " B";
    const char* unit = "KB";
    double value = static_cast<double>(bytes) / 1024.0;
    if (value >= 1024.0) {
        value /= 1024.0;
        unit = "MB";
    }
    if (value >= 1024.0) {
        value /= 1024.0;
        unit = "GB";
    }
    char out[32];
    std::snprintf(out, sizeof out, "%.1f %s", value, unit);
    std::string text = out;
    if (language == Language::es) {
        const auto dot = text.find('.');
        if (dot != std::string::npos) text[dot] = ',';
    }
    return text;
}

std::string plan_price(const api::PlanSummary& plan, Language language) {
    struct Per {
        domain::BillingCycle cycle;
        const char* es;
        const char* en;
    };
    static constexpr Per kPer[] = {
        {domain::BillingCycle::monthly, " / mes", " / month"},
        {domain::BillingCycle::quarterly, " / trimestre", " / quarter"},
        {domain::BillingCycle::semiannual, " / semestre", " / half-year"},
        {domain::BillingCycle::yearly, " / año", " / year"},
    };
    const char* per = "";
    for (const Per& each : kPer) {
        if (each.cycle == plan.cycle) per = language == Language::es ? each.es : each.en;
    }
    return format_money(plan.price, language) + per;
}

bool cancellation_scheduled(const api::ServiceView& service) {
    return service.cancellation && service.cancellation->status == "scheduled";
}

std::string scheduled_cancellation_line(const api::ServiceView& service, Language language) {
    if (!service.cancellation) return {};
    return fill_in(tr(language, Text::cancellation_scheduled_on),
                   {format_date(service.cancellation->effective_on, language)});
}

}  // namespace portal::app
