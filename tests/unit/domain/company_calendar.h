// The company's business calendar of 2026 as the support tests read it, and instants written as
// the company writes them.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "domain/calendar.h"
#include "domain/support_clock.h"

namespace portal::domain::test_support {

// The 2026 decreed non-working days as the data file lists them: Monday 7 Dec is one, and
// Tuesday 8 Dec is a national holiday, so Friday 4 Dec is followed by Wednesday 9 Dec.
inline Calendar calendar_2026() {
    auto days = parse_non_working_days(
        "2026-03-23 Día no laborable con fines turísticos\n"
        "2026-07-10 Día no laborable con fines turísticos\n"
        "2026-12-07 Día no laborable con fines turísticos\n");
    EXPECT_TRUE(days.ok());
    return Calendar(days.ok() ? days.value() : std::vector<Holiday>{});
}

// "2026-12-04 16:00" in the company's zone (GMT−3) → unix seconds.
inline int64_t at(const std::string& local) {
    auto parsed = parse_rfc3339(local.substr(0, 10) + "T" + local.substr(11) + ":00-03:00");
    EXPECT_TRUE(parsed.has_value()) << local;
    return parsed.value_or(0);
}

}  // namespace portal::domain::test_support
