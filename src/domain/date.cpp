#include "domain/date.h"

#include <cstdio>

namespace portal::domain {
namespace {

// Floor division: company_today() must work for instants before 1970 and before the offset.
int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = floor_div(y, 400);
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int parse_digits(std::string_view text, size_t from, size_t count, bool& ok) {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') {
            ok = false;
            return 0;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

bool Date::is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int Date::days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool Date::is_valid() const {
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<Date> Date::parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    bool ok = true;
    const Date date{parse_digits(text, 0, 4, ok), parse_digits(text, 5, 2, ok),
                    parse_digits(text, 8, 2, ok)};
    if (!ok || !date.is_valid()) return std::nullopt;
    return date;
}

std::string Date::iso() const {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

int64_t Date::days_since_epoch() const {
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Date Date::from_days(int64_t days) {
    days += 719468;
    const int64_t era = floor_div(days, 146097);
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::add_days(int days) const {
    return from_days(days_since_epoch() + days);
}

Date Date::add_months(int months) const {
    const int64_t zero_based = static_cast<int64_t>(year) * 12 + (month - 1) + months;
    const int new_year = static_cast<int>(floor_div(zero_based, 12));
    const int new_month = static_cast<int>(zero_based - static_cast<int64_t>(new_year) * 12) + 1;
    const int last = days_in_month(new_year, new_month);
    return Date{new_year, new_month, day < last ? day : last};
}

int Date::weekday() const {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return static_cast<int>(((days_since_epoch() % 7) + 7 + 3) % 7);
}

Date company_today(int64_t unix_seconds) {
    return Date::from_days(floor_div(unix_seconds + kCompanyUtcOffsetSeconds, 86400));
}

int days_between(Date a, Date b) {
    return static_cast<int>(b.days_since_epoch() - a.days_since_epoch());
}

}  // namespace portal::domain
