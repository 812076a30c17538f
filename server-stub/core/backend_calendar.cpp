// [SECTION] Handlers: the calendar business days are counted on (RULES.md §5).
#include <cstdlib>

#include "core/backend.h"
#include "core/responses.h"

namespace portal::backend {

namespace {

constexpr int kFirstYear = 1900;  // the computus and the law's rule give sensible dates from here
constexpr int kLastYear = 2200;

}  // namespace

Response Backend::list_holidays(Call& call) {
    auto query = call.request.query.find("year");
    const std::string text = query == call.request.query.end() ? "" : query->second;
    char* end = nullptr;
    const long year = std::strtol(text.c_str(), &end, 10);
    if (text.size() != 4 || *end != '\0' || year < kFirstYear || year > kLastYear) {
        return error_response(
            400, api::kInvalidValue,
            "year: a year from " + std::to_string(kFirstYear) + " to " + std::to_string(kLastYear),
            "year");
    }
    api::HolidayList list;
    list.year = static_cast<int>(year);
    list.holidays = config_.calendar.holidays(list.year);
    return json_answer(200, list);
}

}  // namespace portal::backend
