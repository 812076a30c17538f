#include "domain/calendar.h"

#include <algorithm>
#include <utility>

#include "domain/trim.h"

namespace portal::domain {
namespace {

struct DayOfYear {
    int month;
    int day;
    const char* name;
};

constexpr DayOfYear kFixed[] = {
    {1, 1, "Año Nuevo"},
    {3, 24, "Día Nacional de la Memoria por la Verdad y la Justicia"},
    {4, 2, "Día del Veterano y de los Caídos en la Guerra de Malvinas"},
    {5, 1, "Día del Trabajador"},
    {5, 25, "Día de la Revolución de Mayo"},
    {6, 20, "Paso a la Inmortalidad del General Manuel Belgrano"},
    {7, 9, "Día de la Independencia"},
    {12, 8, "Inmaculada Concepción de María"},
    {12, 25, "Navidad"},
};

constexpr DayOfYear kMovable[] = {
    {6, 17, "Paso a la Inmortalidad del General Martín Miguel de Güemes"},
    {8, 17, "Paso a la Inmortalidad del General José de San Martín"},
    {10, 12, "Día del Respeto a la Diversidad Cultural"},
    {11, 20, "Día de la Soberanía Nacional"},
};

struct FromEaster {
    int days;
    const char* name;
};

constexpr FromEaster kFromEaster[] = {
    {-48, "Carnaval"},
    {-47, "Carnaval"},
    {-2, "Viernes Santo"},
};

// Hands each holiday the law sets in `year` to `visit(date, name, kind)` until it returns false:
// the one reading of the three tables above, for the list and for the check of one day (which
// runs for every day an estimate counts, so it must not build the list).
template <class Visit>
void each_national_holiday(int year, Visit&& visit) {
    for (const auto& fixed : kFixed) {
        if (!visit(Date{year, fixed.month, fixed.day}, fixed.name, HolidayKind::fixed)) return;
    }
    const Date easter = easter_sunday(year);
    for (const auto& each : kFromEaster) {
        if (!visit(easter.add_days(each.days), each.name, HolidayKind::easter)) return;
    }
    for (const auto& movable : kMovable) {
        if (!visit(move_by_law(Date{year, movable.month, movable.day}), movable.name,
                   HolidayKind::movable)) {
            return;
        }
    }
}

bool by_date(const Holiday& a, const Holiday& b) {
    return a.date < b.date;
}

bool is_weekend(Date date) {
    return date.weekday() >= 5;
}

}  // namespace

Date easter_sunday(int year) {
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date{year, month, day};
}

Date move_by_law(Date date) {
    switch (date.weekday()) {
        case 1:  // Tuesday
        case 2:  // Wednesday
            return date.add_days(-date.weekday());
        case 3:  // Thursday
        case 4:  // Friday
            return date.add_days(7 - date.weekday());
        default:
            return date;
    }
}

std::vector<Holiday> national_holidays(int year) {
    std::vector<Holiday> list;
    each_national_holiday(year, [&](Date date, const char* name, HolidayKind kind) {
        list.push_back({date, name, kind});
        return true;
    });
    std::stable_sort(list.begin(), list.end(), by_date);
    return list;
}

Outcome<std::vector<Holiday>> parse_non_working_days(std::string_view text) {
    using Result = Outcome<std::vector<Holiday>>;
    std::vector<Holiday> days;
    int number = 0;
    while (!text.empty()) {
        const size_t end = text.find('\n');
        const std::string_view raw = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        ++number;
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        const std::string where = "line " + std::to_string(number) + ": ";
        const auto date = Date::parse_iso(line.substr(0, 10));
        const std::string_view name = line.size() > 10 ? trim(line.substr(10)) : "";
        if (!date || (line.size() > 10 && line[10] != ' ' && line[10] != '\t')) {
            return Result::failure(
                "invalid_non_working_day",
                where + "expected a date YYYY-MM-DD and a name, not \"" + std::string(line) + "\"");
        }
        if (name.empty()) {
            return Result::failure("invalid_non_working_day",
                                   where + date->iso() + " needs a name after the date");
        }
        if (is_weekend(*date)) {
            return Result::failure("invalid_non_working_day",
                                   where + date->iso() + " is a Saturday or Sunday already");
        }
        for (const auto& earlier : days) {
            if (earlier.date == *date) {
                return Result::failure("invalid_non_working_day",
                                       where + date->iso() + " is listed twice");
            }
        }
        days.push_back({*date, std::string(name), HolidayKind::non_working});
    }
    return days;
}

Calendar::Calendar(std::vector<Holiday> non_working_days)
    : non_working_days_(std::move(non_working_days)) {}

std::vector<Holiday> Calendar::holidays(int year) const {
    std::vector<Holiday> list = national_holidays(year);
    for (const auto& day : non_working_days_) {
        if (day.date.year == year) list.push_back(day);
    }
    std::stable_sort(list.begin(), list.end(), by_date);
    return list;
}

bool Calendar::is_holiday(Date date) const {
    bool found = false;
    each_national_holiday(date.year, [&](Date holiday, const char*, HolidayKind) {
        found = holiday == date;
        return !found;
    });
    if (found) return true;
    return std::any_of(non_working_days_.begin(), non_working_days_.end(),
                       [&](const Holiday& day) { return day.date == date; });
}

bool Calendar::is_business_day(Date date) const {
    return !is_weekend(date) && !is_holiday(date);
}

Date Calendar::add_business_days(Date from, int days) const {
    const int step = days < 0 ? -1 : 1;
    Date result = from;
    for (int remaining = days < 0 ? -days : days; remaining > 0;) {
        result = result.add_days(step);
        if (is_business_day(result)) --remaining;
    }
    return result;
}

std::vector<Holiday> Calendar::weekday_holidays_between(Date from, Date through) const {
    std::vector<Holiday> found;
    for (int year = from.year; year <= through.year; ++year) {
        for (const auto& holiday : holidays(year)) {
            if (from < holiday.date && holiday.date <= through && !is_weekend(holiday.date)) {
                found.push_back(holiday);
            }
        }
    }
    return found;
}

}  // namespace portal::domain
