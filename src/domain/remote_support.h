// Remote support (RULES.md §9): a technician connects to the client's computer with RustDesk at a
// time slot the client books in a support ticket. Professional and Full plans include it,
// Standard does not (§8, support_plan.h).
//
// Decisions where RULES.md is silent:
// - one technician: one booking per slot, whoever books it first (the store's transaction);
// - slots are one hour, on the hour, within business hours (10 to 17 h GMT−3, Monday to Friday,
//   the calendar's holidays and decreed non-working days skipped): 10, 11, ... 16 h;
// - a slot starts at least 2 business hours after the booking, so the technician can read the
//   ticket first (on Friday at 16 h the first slot is Monday 11 h, when Monday is a business day);
// - slots are offered over the next 10 business days that still have one at that notice;
// - a booked slot is free again once its ticket is closed (the client no longer wants it);
// - the three requirements (Windows fully updated, the booking made from the computer to be
//   helped, someone at that computer at the time) are stated together and accepted with one tick;
// - a RustDesk ID is 9 or 10 digits, as RustDesk shows it; the spaces a client types between
//   the groups are dropped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.h"

namespace portal::domain {

inline constexpr int kRemoteSlotMinutes = 60;
inline constexpr int kRemoteNoticeBusinessMinutes = 2 * 60;
inline constexpr int kRemoteBookingDays = 10;
// Longer than any ID typed with spaces between its digits; longer text is not an ID.
inline constexpr std::size_t kRustdeskIdTypedChars = 24;

// One session a client can book: [starts_at, ends_at) in unix seconds.
struct RemoteSlot {
    int64_t starts_at = 0;
    int64_t ends_at = 0;
    bool operator==(const RemoteSlot&) const = default;
};

// The slots a client can book at `now` (unix seconds), earliest first: every slot of the
// booking window (see above) but those whose start is in `booked`.
std::vector<RemoteSlot> free_remote_slots(const Calendar& calendar, int64_t now,
                                          const std::vector<int64_t>& booked);

// The ID's digits ("123 456 789" → "123456789"), or nullopt when the text is not an ID.
std::optional<std::string> normalised_rustdesk_id(std::string_view typed);

}  // namespace portal::domain
