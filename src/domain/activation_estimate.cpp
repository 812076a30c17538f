#include "domain/activation_estimate.h"

namespace portal::domain {
namespace {

struct Delay {
    int min;
    int max;
    DelayUnit unit;
    std::string_view requirement;
};

struct ProductDelay {
    ServiceType product;
    Delay delay;
};

constexpr auto kMinutes = DelayUnit::minutes;
constexpr auto kHours = DelayUnit::hours;
constexpr auto kBusiness = DelayUnit::business_days;

// RULES.md §5 table, one row per product; decisions for the silent cells are in the header.
// An iPhone audio app has its own figure (§5: 40 business days).
constexpr ProductDelay kDelays[] = {
    {ServiceType::hosting, {0, 2, kMinutes, "payment_credited"}},
    {ServiceType::web_builder, {0, 2, kMinutes, "payment_credited"}},
    {ServiceType::audio_streaming, {0, 2, kMinutes, "payment_credited"}},
    {ServiceType::domain, {0, 2, kMinutes, "payment_credited"}},
    {ServiceType::corporate_mail, {0, 2, kMinutes, "payment_credited"}},
    {ServiceType::reseller, {24, 48, kHours, "payment_credited"}},
    {ServiceType::simplenews, {2, 2, kBusiness, "domain_delegated"}},
    {ServiceType::portal_noticioso, {3, 3, kBusiness, "domain_delegated"}},
    {ServiceType::noticioso_plus, {4, 4, kBusiness, "domain_delegated"}},
    {ServiceType::video_streaming, {1, 1, kBusiness, "payment_credited"}},
    {ServiceType::audio_app, {15, 40, kBusiness, "requirements_ready"}},
    {ServiceType::video_app, {40, 50, kBusiness, "requirements_ready"}},
    {ServiceType::voice_over, {5, 7, kBusiness, "texts_confirmed"}},
    {ServiceType::web_design, {10, 15, kBusiness, "information_received"}},
};
constexpr Delay kIosAudioApp{40, 40, kBusiness, "requirements_ready"};

Delay delay_for(ServiceType product, std::optional<AppPlatform> platform) {
    if (product == ServiceType::audio_app && platform == AppPlatform::ios) return kIosAudioApp;
    for (const auto& row : kDelays) {
        if (row.product == product) return row.delay;
    }
    return {0, 0, kMinutes, "none"};
}

Date after(const Calendar& calendar, Date start, int amount, DelayUnit unit) {
    switch (unit) {
        case DelayUnit::minutes:
            return start;  // two minutes never cross into another day in a useful way
        case DelayUnit::hours:
            return start.add_days(amount / 24);
        case DelayUnit::business_days:
            return calendar.add_business_days(start, amount);
        case DelayUnit::calendar_days:
            return start.add_days(amount);
    }
    return start;
}

}  // namespace

ActivationEstimate estimate_activation(const Calendar& calendar, ServiceType product,
                                       std::optional<Date> requirements_met_on,
                                       std::optional<AppPlatform> platform) {
    const Delay delay = delay_for(product, platform);
    ActivationEstimate estimate;
    estimate.product = product;
    estimate.min = delay.min;
    estimate.max = delay.max;
    estimate.unit = delay.unit;
    estimate.requirement_code = std::string(delay.requirement);
    if (requirements_met_on) {
        estimate.earliest = after(calendar, *requirements_met_on, delay.min, delay.unit);
        estimate.latest = after(calendar, *requirements_met_on, delay.max, delay.unit);
        if (delay.unit == DelayUnit::business_days) {
            estimate.skipped_holidays =
                calendar.weekday_holidays_between(*requirements_met_on, *estimate.latest);
        }
    }
    return estimate;
}

}  // namespace portal::domain
