#include "app/texts/activation_texts.h"

#include "app/display.h"
#include "app/texts/fill_in.h"

namespace portal::app {

namespace {

std::string how_long(const api::ActivationEstimateView& e, Language lang) {
    const std::string min = std::to_string(e.min);
    const std::string max = std::to_string(e.max);
    switch (e.unit) {
        case domain::DelayUnit::minutes:
            return fill_in(tr(lang, ActivationText::instant), {max});
        case domain::DelayUnit::hours:
            return fill_in(tr(lang, ActivationText::hours_range), {min, max});
        case domain::DelayUnit::business_days:
            if (e.min == e.max && e.max == 1) return tr(lang, ActivationText::business_one);
            if (e.min == e.max) return fill_in(tr(lang, ActivationText::business_days), {max});
            return fill_in(tr(lang, ActivationText::business_range), {min, max});
        case domain::DelayUnit::calendar_days:
            if (e.min == e.max) return fill_in(tr(lang, ActivationText::calendar_days), {max});
            return fill_in(tr(lang, ActivationText::calendar_range), {min, max});
    }
    return {};
}

// Empty for "none" (or a requirement this page does not know yet).
const char* counted_from(const std::string& requirement, Language lang) {
    if (requirement == "payment_credited") return tr(lang, ActivationText::req_payment);
    if (requirement == "domain_delegated") return tr(lang, ActivationText::req_domain);
    if (requirement == "requirements_ready") return tr(lang, ActivationText::req_requirements);
    if (requirement == "texts_confirmed") return tr(lang, ActivationText::req_texts);
    if (requirement == "information_received") return tr(lang, ActivationText::req_information);
    return "";
}

// "8/12" in Spanish, "Dec 8" in English: the year is the estimate's.
std::string day_and_month(domain::Date date, Language lang) {
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (lang == Language::en)
        return std::string(kMonths[date.month - 1]) + " " + std::to_string(date.day);
    return std::to_string(date.day) + "/" + std::to_string(date.month);
}

// «se saltea el feriado del 8/12»; empty when the count skipped no holiday.
std::string skipped_clause(const api::ActivationEstimateView& e, Language lang) {
    if (e.skipped_holidays.empty()) return {};
    bool any_holiday = false, any_non_working = false;
    std::string days;
    for (size_t i = 0; i < e.skipped_holidays.size(); ++i) {
        const domain::Holiday& holiday = e.skipped_holidays[i];
        (holiday.kind == domain::HolidayKind::non_working ? any_non_working : any_holiday) = true;
        if (i > 0)
            days += i + 1 == e.skipped_holidays.size() ? tr(lang, ActivationText::and_) : ", ";
        days += day_and_month(holiday.date, lang);
    }
    ActivationText text = ActivationText::skips_mixed;
    if (e.skipped_holidays.size() == 1) {
        text = any_holiday ? ActivationText::skips_holiday : ActivationText::skips_non_working;
    } else if (!any_non_working) {
        text = ActivationText::skips_holidays;
    }
    return fill_in(tr(lang, text), {days});
}

// "Fecha estimada: 10/12/2026." → "Fecha estimada: 10/12/2026 (se saltea el feriado del 8/12)."
std::string with_skipped(std::string sentence, const api::ActivationEstimateView& e,
                         Language lang) {
    const std::string clause = skipped_clause(e, lang);
    if (clause.empty()) return sentence;
    const bool dot = !sentence.empty() && sentence.back() == '.';
    if (dot) sentence.pop_back();
    return sentence + " (" + clause + ")" + (dot ? "." : "");
}

}  // namespace

std::string describe_activation(const api::ActivationEstimateView& estimate, Language language) {
    std::string out =
        fill_in(tr(language, ActivationText::sentence),
                {how_long(estimate, language), counted_from(estimate.requirement, language)});
    // "Activation: instant … ." with no requirement must not keep a space before the dot.
    const auto stray = out.find(" .");
    if (stray != std::string::npos) out.erase(stray, 1);
    if (estimate.earliest && estimate.latest) {
        out += ' ';
        if (*estimate.earliest == *estimate.latest) {
            out += with_skipped(fill_in(tr(language, ActivationText::expected_on),
                                        {format_date(*estimate.earliest, language)}),
                                estimate, language);
        } else {
            out += with_skipped(fill_in(tr(language, ActivationText::expected_between),
                                        {format_date(*estimate.earliest, language),
                                         format_date(*estimate.latest, language)}),
                                estimate, language);
        }
    } else if (!estimate.requirements_met_on && estimate.requirement != "none" &&
               *counted_from(estimate.requirement, language) != '\0') {
        out += ' ';
        out += tr(language, ActivationText::not_started);
    }
    return out;
}

std::string describe_activation_short(const api::ActivationEstimateView& estimate,
                                      Language language) {
    if (estimate.earliest && estimate.latest) {
        if (*estimate.earliest == *estimate.latest) {
            return with_skipped(fill_in(tr(language, ActivationText::short_on),
                                        {format_date(*estimate.earliest, language)}),
                                estimate, language);
        }
        return with_skipped(fill_in(tr(language, ActivationText::short_between),
                                    {format_date(*estimate.earliest, language),
                                     format_date(*estimate.latest, language)}),
                            estimate, language);
    }
    return fill_in(tr(language, ActivationText::short_in), {how_long(estimate, language)});
}

api::ActivationEstimateView activation_of(domain::ServiceType product, int64_t service_id) {
    // No date is counted, so the calendar's decreed days do not matter here.
    const domain::ActivationEstimate rule =
        domain::estimate_activation(domain::Calendar{}, product, std::nullopt);
    return api::ActivationEstimateView{.service_id = service_id,
                                       .product = rule.product,
                                       .min = rule.min,
                                       .max = rule.max,
                                       .unit = rule.unit,
                                       .requirement = rule.requirement_code,
                                       .requirements_met_on = std::nullopt,
                                       .earliest = std::nullopt,
                                       .latest = std::nullopt,
                                       .skipped_holidays = {}};
}

}  // namespace portal::app
