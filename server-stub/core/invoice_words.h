// What an invoice says in words, written when it is read, in the reader's language (language.h).
// A stored invoice keeps the plan it bills by id, never a sentence, so the same invoice reads in
// Spanish to a client who reads Spanish and in English to one who reads English.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "domain/invoice.h"
#include "domain/service.h"

namespace portal::backend {

// How an answer names plans: by their name in its language, from the catalog.
struct PlanNames {
    std::string language;
    std::function<std::optional<domain::Plan>(std::string_view plan_id)> find;
};

// A plan's name in the answer's language; a plan gone from the catalog by its id.
std::string plan_name(const PlanNames& names, std::string_view plan_id);

// What the invoice bills, e.g. «Radio 128 kbps, 1 mes», «Renovación: Hosting Plus, 1 año»,
// «Cambio de plan: Radio 128 kbps → Radio 320 kbps». `from_plan_id` is the plan a change leaves
// (empty when unknown or not a change).
std::string invoice_description(const domain::Invoice& invoice, const PlanNames& names,
                                std::string_view from_plan_id);

// The negative line of a plan change: what was paid for the period it replaces (RULES.md §3).
std::string_view credit_line_description(std::string_view language);

}  // namespace portal::backend
