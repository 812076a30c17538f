// Support tickets and when the company owes their answer (RULES.md §6–§8).
//
// A ticket's status follows its last event: a client message makes it `open` (also a closed one:
// writing again reopens it), a staff answer `answered`, a staff question `waiting_on_client`,
// and closing it `closed`.
//
// The clock, in the company's business hours (10 to 17 h GMT−3, Monday to Friday, the calendar's
// holidays and decreed non-working days skipped; RULES.md §5, §7 SLA 1):
// - an `open` ticket owes an answer within the client's support plan's time (§8: Standard 8
//   business hours, Professional 2, Full 15 minutes), counted from the first client message
//   not yet answered;
// - an `error_report` (SLA 3, §7: 24 h) owes it 2 hours after that message, at any hour;
// - an `answered` ticket owes its resolution within 48 business hours of the last answer (§6);
// - a ticket waiting on the client, or closed, owes nothing.
// Decisions where RULES.md is silent: Full's 15 minutes are business minutes too (its table
// sets no other hours); a time outside business hours counts from the next opening (a message
// at 18 h on Friday is due from Monday 10 h, when Monday is a business day).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.h"
#include "domain/enum_names.h"

namespace portal::domain {

PORTAL_NAMED_ENUM(SupportPlan, standard, professional, full);
PORTAL_NAMED_ENUM(TicketStatus, open, answered, waiting_on_client, closed);
PORTAL_NAMED_ENUM(TicketDepartment, support, billing, sales);
// What a ticket is about: a question (general) or one of the manual's procedures
// (support_procedure.h says what each asks for).
PORTAL_NAMED_ENUM(TicketKind, general, error_report, upgrade_request, migration, change_of_holder,
                  backup_recovery, feature_request, voice_over, remote_support);
// Who wrote a message and what it asks for: the client, a staff answer, a staff question.
PORTAL_NAMED_ENUM(MessageKind, client, staff_answer, staff_question);
// Who wrote a message, as the client sees it.
PORTAL_NAMED_ENUM(MessageAuthor, client, staff);
inline MessageAuthor author_of(MessageKind kind) {
    return kind == MessageKind::client ? MessageAuthor::client : MessageAuthor::staff;
}
// What the company owes an open ticket: its answer or, once answered, its resolution.
PORTAL_NAMED_ENUM(DueFor, answer, resolution);

// The ticket's status after `event`: a message of that kind (nullopt: the ticket is closed).
TicketStatus status_after(std::optional<MessageKind> event);

// The plan's time to a first answer, in business minutes.
int answer_minutes(SupportPlan plan);
inline constexpr int kResolutionBusinessMinutes = 48 * 60;
inline constexpr int64_t kErrorReportSeconds = 2 * 3600;
inline constexpr int kBusinessOpensMinute = 10 * 60;
inline constexpr int kBusinessClosesMinute = 17 * 60;

// `minutes` of business time after `from` (unix seconds): the instant they run out.
int64_t add_business_minutes(const Calendar& calendar, int64_t from, int minutes);

struct TicketMessageTime {
    MessageKind kind = MessageKind::client;
    int64_t at = 0;  // unix seconds
};

struct TicketDue {
    int64_t at = 0;  // unix seconds
    DueFor what = DueFor::answer;
    bool operator==(const TicketDue&) const = default;
};

// When the company owes something on this ticket; nullopt when nothing is owed. `messages`
// oldest first.
std::optional<TicketDue> ticket_due(const Calendar& calendar, SupportPlan plan, TicketKind kind,
                                    TicketStatus status,
                                    const std::vector<TicketMessageTime>& messages);

// "2026-12-04T12:00:00-03:00": an instant in the company's zone, as the API writes it.
std::string company_rfc3339(int64_t unix_seconds);
// An RFC 3339 date-time with seconds and an offset (Z or ±HH:MM) → unix seconds.
std::optional<int64_t> parse_rfc3339(std::string_view text);

}  // namespace portal::domain
