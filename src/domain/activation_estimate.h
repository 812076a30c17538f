// How long a service takes to be activated (RULES.md §5, "Demoras en activarse los servicios"),
// counted from when the product's requirements are met; manual products in business days
// (Monday to Friday, skipping Argentina's holidays: domain/calendar.h).
//
// Decisions where RULES.md is silent:
// - corporate_mail is not in the manual's table: it is provisioned like hosting (instant,
//   0–2 minutes after the payment is credited).
// - reseller has no stated requirement: "payment_credited".
// - noticioso_plus: "domain_delegated", like the other news sites (as RULES.md extends it).
// - audio_app without a known platform: 15–40 business days (Android 15–40, iPhone 40).
// - video_app: only Android (40–50) is stated; the same range is used for any platform.
// - web_design: the manual's usual 10–15 business days (custom work may differ).
// - Dates: minutes → earliest = latest = the requirements date; hours → that date plus
//   1 and 2 calendar days (24–48 h); business days → Calendar::add_business_days, naming the
//   weekday holidays skipped up to the latest date.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.h"
#include "domain/date.h"
#include "domain/enum_names.h"
#include "domain/service.h"

namespace portal::domain {

PORTAL_NAMED_ENUM(DelayUnit, minutes, hours, business_days, calendar_days);

struct ActivationEstimate {
    ServiceType product = ServiceType::hosting;
    int min = 0;
    int max = 0;
    DelayUnit unit = DelayUnit::minutes;
    // "payment_credited", "domain_delegated", "requirements_ready", "texts_confirmed",
    // "information_received" or "none".
    std::string requirement_code;
    std::optional<Date> earliest;  // only when requirements_met_on is known
    std::optional<Date> latest;
    // Holidays on weekdays between the requirements date and `latest`, which the count skipped.
    std::vector<Holiday> skipped_holidays;
};

// platform: used by audio_app (iPhone: 40 days); ignored otherwise.
ActivationEstimate estimate_activation(const Calendar& calendar, ServiceType product,
                                       std::optional<Date> requirements_met_on,
                                       std::optional<AppPlatform> platform = std::nullopt);

}  // namespace portal::domain
