#include "domain/support_clock.h"

#include <cstdio>

#include "domain/date.h"

namespace portal::domain {

namespace {

constexpr int64_t kDay = 86400;

int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// Reads exactly `width` digits at `pos`.
std::optional<int> digits(std::string_view text, size_t pos, size_t width) {
    if (pos + width > text.size()) return std::nullopt;
    int value = 0;
    for (size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

TicketStatus status_after(std::optional<MessageKind> event) {
    if (!event) return TicketStatus::closed;
    switch (*event) {
        case MessageKind::client:
            return TicketStatus::open;
        case MessageKind::staff_answer:
            return TicketStatus::answered;
        case MessageKind::staff_question:
            return TicketStatus::waiting_on_client;
    }
    return TicketStatus::open;
}

int answer_minutes(SupportPlan plan) {
    switch (plan) {
        case SupportPlan::standard:
            return 8 * 60;
        case SupportPlan::professional:
            return 2 * 60;
        case SupportPlan::full:
            return 15;
    }
    return 8 * 60;
}

int64_t add_business_minutes(const Calendar& calendar, int64_t from, int minutes) {
    const int64_t local = from + kCompanyUtcOffsetSeconds;
    int64_t day = floor_div(local, kDay);
    int64_t second = local - day * kDay;  // of the local day
    int64_t left = int64_t{minutes} * 60;
    // A business day comes within a few weeks whatever the calendar; the bound only guards
    // against a calendar that never opens.
    for (int guard = 0; guard < 3660; ++guard) {
        const int64_t opens = int64_t{kBusinessOpensMinute} * 60;
        const int64_t closes = int64_t{kBusinessClosesMinute} * 60;
        if (calendar.is_business_day(Date::from_days(day)) && second < closes) {
            if (second < opens) second = opens;
            if (left <= closes - second) {
                return day * kDay + second + left - kCompanyUtcOffsetSeconds;
            }
            left -= closes - second;
        }
        ++day;
        second = 0;
    }
    return from;
}

std::optional<TicketDue> ticket_due(const Calendar& calendar, SupportPlan plan, TicketKind kind,
                                    TicketStatus status,
                                    const std::vector<TicketMessageTime>& messages) {
    // The first client message after the last staff message: what is still unanswered.
    std::optional<int64_t> waiting_since;
    std::optional<int64_t> last_answer;
    for (const auto& message : messages) {
        if (message.kind == MessageKind::client) {
            if (!waiting_since) waiting_since = message.at;
        } else {
            waiting_since.reset();
            if (message.kind == MessageKind::staff_answer) last_answer = message.at;
        }
    }
    if (status == TicketStatus::open && waiting_since) {
        if (kind == TicketKind::error_report) {
            return TicketDue{*waiting_since + kErrorReportSeconds, DueFor::answer};
        }
        return TicketDue{add_business_minutes(calendar, *waiting_since, answer_minutes(plan)),
                         DueFor::answer};
    }
    if (status == TicketStatus::answered && last_answer) {
        return TicketDue{add_business_minutes(calendar, *last_answer, kResolutionBusinessMinutes),
                         DueFor::resolution};
    }
    return std::nullopt;
}

std::string company_rfc3339(int64_t unix_seconds) {
    const int64_t local = unix_seconds + kCompanyUtcOffsetSeconds;
    const int64_t day = floor_div(local, kDay);
    const int64_t second = local - day * kDay;
    char time[32];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02d-03:00", static_cast<int>(second / 3600),
                  static_cast<int>(second / 60 % 60), static_cast<int>(second % 60));
    return Date::from_days(day).iso() + time;
}

std::optional<int64_t> parse_rfc3339(std::string_view text) {
    if (text.size() < 20 || (text[10] != 'T' && text[10] != 't') || text[13] != ':' ||
        text[16] != ':') {
        return std::nullopt;
    }
    auto date = Date::parse_iso(text.substr(0, 10));
    auto hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
    if (!date || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59) {
        return std::nullopt;
    }
    size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {  // fractions of a second are dropped
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
    int64_t offset = 0;
    const std::string_view zone = text.substr(pos);
    if (zone == "Z" || zone == "z") {
        offset = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        auto oh = digits(zone, 1, 2), om = digits(zone, 4, 2);
        if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
        offset = (zone[0] == '-' ? -1 : 1) * (int64_t{*oh} * 3600 + int64_t{*om} * 60);
    } else {
        return std::nullopt;
    }
    return date->days_since_epoch() * kDay + int64_t{*hour} * 3600 + int64_t{*minute} * 60 +
           *second - offset;
}

}  // namespace portal::domain
