// Civil dates (proleptic Gregorian, no time of day). Business days, which depend on holidays,
// are the Calendar's (domain/calendar.h).
// Billing periods, invoice dates and activation estimates are all whole days in the company's
// zone, so a plain {year, month, day} is enough and behaves the same natively and in WebAssembly
// (std::chrono calendar types are not available in Emscripten 3.1.6's libc++).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace portal::domain {

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..days_in_month

    // Strict "YYYY-MM-DD": exactly ten characters, a real calendar day (2026-02-30 is refused).
    static std::optional<Date> parse_iso(std::string_view text);
    std::string iso() const;

    int64_t days_since_epoch() const;  // 1970-01-01 is day 0
    static Date from_days(int64_t days_since_epoch);

    Date add_days(int days) const;
    // Keeps the day of month, clamped to the target month's last day: Jan 31 + 1 month = Feb 28
    // (Feb 29 in leap years).
    Date add_months(int months) const;

    int weekday() const;  // 0 = Monday ... 6 = Sunday

    bool is_valid() const;
    static bool is_leap_year(int year);
    static int days_in_month(int year, int month);

    auto operator<=>(const Date&) const = default;
};

// The company works in GMT−3 all year (fixed offset, no DST; RULES.md §7), so "today" for every
// rule (cancellation effective date, overdue invoices) is the date in that zone, not UTC's.
inline constexpr int64_t kCompanyUtcOffsetSeconds = -3 * 3600;
Date company_today(int64_t unix_seconds);

// b − a in days (positive when b is later).
int days_between(Date a, Date b);

}  // namespace portal::domain
