#include "domain/remote_support.h"

#include <algorithm>

#include "domain/support_clock.h"

namespace portal::domain {

namespace {

constexpr int64_t kDay = 86400;

int64_t local_day_of(int64_t unix_seconds) {
    const int64_t local = unix_seconds + kCompanyUtcOffsetSeconds;
    return local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
}

}  // namespace

std::vector<RemoteSlot> free_remote_slots(const Calendar& calendar, int64_t now,
                                          const std::vector<int64_t>& booked) {
    const int64_t earliest = add_business_minutes(calendar, now, kRemoteNoticeBusinessMinutes);
    const int64_t length = int64_t{kRemoteSlotMinutes} * 60;
    std::vector<RemoteSlot> slots;
    int days = 0;
    int64_t day = local_day_of(earliest);
    // A business day comes within a few weeks whatever the calendar; the bound only guards
    // against a calendar that never opens.
    for (int guard = 0; guard < 3660 && days < kRemoteBookingDays; ++guard, ++day) {
        if (!calendar.is_business_day(Date::from_days(day))) continue;
        const int64_t opens =
            day * kDay + int64_t{kBusinessOpensMinute} * 60 - kCompanyUtcOffsetSeconds;
        const int64_t closes =
            day * kDay + int64_t{kBusinessClosesMinute} * 60 - kCompanyUtcOffsetSeconds;
        bool offered = false;
        for (int64_t start = opens; start + length <= closes; start += length) {
            if (start < earliest) continue;
            offered = true;
            if (std::find(booked.begin(), booked.end(), start) != booked.end()) continue;
            slots.push_back({start, start + length});
        }
        if (offered) ++days;
    }
    return slots;
}

std::optional<std::string> normalised_rustdesk_id(std::string_view typed) {
    if (typed.size() > kRustdeskIdTypedChars) return std::nullopt;
    std::string digits;
    for (const char c : typed) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c != ' ') {
            return std::nullopt;
        }
    }
    if (digits.size() < 9 || digits.size() > 10) return std::nullopt;
    return digits;
}

}  // namespace portal::domain
