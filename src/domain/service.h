// A client's service ("Mis servicios", RULES.md §1) and the plans it can be on (§2, §3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/billing_cycle.h"
#include "domain/date.h"
#include "domain/money.h"

namespace portal::domain {

// The products of the manual (§1, §5). Strings are exactly the enumerator names.
enum class ServiceType {
    hosting,
    web_builder,
    audio_streaming,
    video_streaming,
    corporate_mail,
    domain,
    reseller,
    simplenews,
    portal_noticioso,
    noticioso_plus,
    audio_app,
    video_app,
    voice_over,
    web_design
};

enum class ServiceStatus { active, pending, suspended, cancelled, terminated };

std::string_view to_string(ServiceType type);
std::optional<ServiceType> parse_service_type(std::string_view text);
std::string_view to_string(ServiceStatus status);
std::optional<ServiceStatus> parse_service_status(std::string_view text);

struct Plan {
    std::string id;
    std::string name;
    ServiceType product = ServiceType::hosting;
    Money price;  // for one whole cycle
    BillingCycle cycle = BillingCycle::monthly;
    int rank = 0;  // orders the plans of one product: higher = better
    // False when "the systems judge the package cannot be upgraded automatically" (§3): the
    // client must ask the account executive or open a ticket instead.
    bool automatic_upgrade = true;
};

struct Service {
    int64_t id = 0;
    int64_t client_id = 0;
    std::string name;
    ServiceType type = ServiceType::hosting;
    ServiceStatus status = ServiceStatus::pending;
    std::string domain;
    std::string plan_id;
    Date period_start;  // current billing period, both ends inclusive
    Date period_end;
    Money paid_for_period;  // what the client paid for the current period (§3 "already paid")
    Date next_due_on;
    bool auto_renew = true;
    std::optional<Date> requirements_met_on;  // starts the activation clock (§5)
};

}  // namespace portal::domain
