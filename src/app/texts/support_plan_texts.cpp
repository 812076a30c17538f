#include "app/texts/support_plan_texts.h"

namespace portal::app {

// How long the plan gives the company to answer, in words (support_plan_texts.json).
extern const TextTable<domain::SupportPlan> kPlanTimes;

const char* plan_time_words(Language language, domain::SupportPlan plan) {
    return kPlanTimes.tr(language, plan);
}

}  // namespace portal::app
