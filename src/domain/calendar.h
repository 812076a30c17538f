// Argentina's national holidays and the business days they leave (RULES.md §5: the company is in
// Argentina, GMT−3; manual products count business days).
//
// Rules (Law 27.399 and its amendments):
// - fixed holidays: 1 Jan, 24 Mar, 2 Apr, 1 May, 25 May, 20 Jun, 9 Jul, 8 Dec, 25 Dec;
// - from Easter Sunday: Carnival Monday and Tuesday (48 and 47 days before), Holy Friday;
// - movable holidays (17 Jun, 17 Aug, 12 Oct, 20 Nov) move by article 6: a Tuesday or Wednesday
//   to the Monday before, a Thursday or Friday to the Monday after; any other day stays;
// - the non-working days decreed each year ("días no laborables con fines turísticos") come from
//   a file the company edits (parse_non_working_days).
//
// Decisions where RULES.md is silent:
// - Holy Thursday is an optional non-working day for employers, not a holiday: counted as a
//   business day.
// - A Saturday or Sunday holiday changes nothing for business days but is still listed.
// - add_business_days from a non-business day counts from the next business day: Saturday + 1 =
//   Monday (when Monday is no holiday). add_business_days(0) returns the same date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/enum_names.h"
#include "domain/outcome.h"
#include "domain/record_fields.h"

namespace portal::domain {

// fixed: same date every year; easter: counted from Easter Sunday; movable: moved to a Monday by
// the law's rule; non_working: decreed for one year (the data file).
PORTAL_NAMED_ENUM(HolidayKind, fixed, easter, movable, non_working);

struct Holiday {
    Date date;
    std::string name;  // the official Spanish name
    HolidayKind kind = HolidayKind::fixed;
};
PORTAL_FIELDS(Holiday, date, name, kind);

// Gregorian Easter Sunday (the anonymous Gregorian computus).
Date easter_sunday(int year);

// Law 27.399 art. 6: Tuesday/Wednesday → the Monday before; Thursday/Friday → the Monday after.
Date move_by_law(Date date);

// The year's holidays set by law (fixed, from Easter, movable), by date.
std::vector<Holiday> national_holidays(int year);

// The decreed non-working days file: one day a line, "YYYY-MM-DD name"; blank lines and lines
// starting with '#' are ignored. A bad line is refused with its number ("line 4: ...").
Outcome<std::vector<Holiday>> parse_non_working_days(std::string_view text);

class Calendar {
  public:
    Calendar() = default;
    // `non_working_days` as parse_non_working_days reads them (kind non_working).
    explicit Calendar(std::vector<Holiday> non_working_days);

    // Every holiday and decreed non-working day of `year`, by date.
    std::vector<Holiday> holidays(int year) const;
    bool is_business_day(Date date) const;
    // Moves |days| business days forward (or backward when negative). Friday 4 Dec 2026 + 2 =
    // Thursday 10 Dec (Monday 7 is a non-working day, Tuesday 8 a holiday).
    Date add_business_days(Date from, int days) const;
    // The holidays falling on a weekday after `from` and up to `through` (both by date): the
    // days an estimate skipped besides weekends.
    std::vector<Holiday> weekday_holidays_between(Date from, Date through) const;

  private:
    bool is_holiday(Date date) const;
    std::vector<Holiday> non_working_days_;
};

}  // namespace portal::domain
