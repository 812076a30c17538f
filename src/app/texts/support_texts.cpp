#include "app/texts/support_texts.h"

namespace portal::app {

// How long the plan gives the company to answer, in words (support_texts.json).
extern const TextTable<domain::SupportPlan> kPlanTimes;

// What each kind of ticket is for (support_texts.json).
extern const TextTable<domain::TicketKind> kKindHints;

const char* kind_hint(Language language, domain::TicketKind kind) {
    return kKindHints.tr(language, kind);
}

const char* plan_time_words(Language language, domain::SupportPlan plan) {
    return kPlanTimes.tr(language, plan);
}

}  // namespace portal::app
