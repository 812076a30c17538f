#include "core/invoice_words.h"

#include "core/language.h"
#include "domain/billing_cycle.h"

namespace portal::backend {

namespace {

// One cycle's length: «1 mes», «3 meses», «1 año» / "1 month", "3 months", "1 year".
std::string cycle_words(domain::BillingCycle cycle, std::string_view language) {
    const int months = domain::months(cycle);
    const bool english = language == "en";
    if (months == 12) return english ? "1 year" : "1 año";
    const std::string count = std::to_string(months);
    if (months == 1) return count + (english ? " month" : " mes");
    return count + (english ? " months" : " meses");
}

Words kind_words(domain::InvoiceKind kind) {
    if (kind == domain::InvoiceKind::renewal) return {"Renovación: ", "Renewal: "};
    if (kind == domain::InvoiceKind::plan_change) return {"Cambio de plan: ", "Plan change: "};
    return {"", ""};
}

}  // namespace

std::string plan_name(const PlanNames& names, std::string_view plan_id) {
    const auto plan = names.find(plan_id);
    return plan ? in_language(names.language, plan->name, plan->name_en) : std::string(plan_id);
}

std::string invoice_description(const domain::Invoice& invoice, const PlanNames& names,
                                std::string_view from_plan_id) {
    std::string text(kind_words(invoice.kind).in(names.language));
    if (invoice.kind == domain::InvoiceKind::plan_change && !from_plan_id.empty()) {
        text += plan_name(names, from_plan_id) + " → ";
    }
    const auto plan = names.find(invoice.plan_id);
    if (!plan) return text + invoice.plan_id;
    text += in_language(names.language, plan->name, plan->name_en);
    // «·», not a comma: plan names carry commas of their own ("Corporate Mail, 5 mailboxes").
    text += " · ";
    text += cycle_words(plan->cycle, names.language);
    return text;
}

std::string_view credit_line_description(std::string_view language) {
    return Words{"Pagado del período actual", "Paid for the current period"}.in(language);
}

}  // namespace portal::backend
