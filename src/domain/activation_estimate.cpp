#include "domain/activation_estimate.h"

namespace portal::domain {
namespace {

struct Delay {
    int min;
    int max;
    DelayUnit unit;
    std::string_view requirement;
};

// RULES.md §5 table; decisions for the silent cells are in the header.
Delay delay_for(ServiceType product, std::string_view platform) {
    constexpr auto kMinutes = DelayUnit::minutes;
    constexpr auto kBusiness = DelayUnit::business_days;
    switch (product) {
        case ServiceType::hosting:
        case ServiceType::web_builder:
        case ServiceType::audio_streaming:
        case ServiceType::domain:
        case ServiceType::corporate_mail:
            return {0, 2, kMinutes, "payment_credited"};
        case ServiceType::reseller:
            return {24, 48, DelayUnit::hours, "payment_credited"};
        case ServiceType::simplenews:
            return {2, 2, kBusiness, "domain_delegated"};
        case ServiceType::portal_noticioso:
            return {3, 3, kBusiness, "domain_delegated"};
        case ServiceType::noticioso_plus:
            return {4, 4, kBusiness, "domain_delegated"};
        case ServiceType::video_streaming:
            return {1, 1, kBusiness, "payment_credited"};
        case ServiceType::audio_app:
            if (platform == "ios") return {40, 40, kBusiness, "requirements_ready"};
            return {15, 40, kBusiness, "requirements_ready"};
        case ServiceType::video_app:
            return {40, 50, kBusiness, "requirements_ready"};
        case ServiceType::voice_over:
            return {5, 7, kBusiness, "texts_confirmed"};
        case ServiceType::web_design:
            return {10, 15, kBusiness, "information_received"};
    }
    return {0, 0, kMinutes, "none"};
}

Date after(Date start, int amount, DelayUnit unit) {
    switch (unit) {
        case DelayUnit::minutes:
            return start;  // two minutes never cross into another day in a useful way
        case DelayUnit::hours:
            return start.add_days(amount / 24);
        case DelayUnit::business_days:
            return start.add_business_days(amount);
        case DelayUnit::calendar_days:
            return start.add_days(amount);
    }
    return start;
}

}  // namespace

ActivationEstimate estimate_activation(ServiceType product, std::optional<Date> requirements_met_on,
                                       std::string_view platform) {
    const Delay delay = delay_for(product, platform);
    ActivationEstimate estimate;
    estimate.product = product;
    estimate.min = delay.min;
    estimate.max = delay.max;
    estimate.unit = delay.unit;
    estimate.requirement_code = std::string(delay.requirement);
    if (requirements_met_on) {
        estimate.earliest = after(*requirements_met_on, delay.min, delay.unit);
        estimate.latest = after(*requirements_met_on, delay.max, delay.unit);
    }
    return estimate;
}

}  // namespace portal::domain
