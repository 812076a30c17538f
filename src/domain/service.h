// A client's service ("Mis servicios", RULES.md §1) and the plans it can be on (§2, §3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/billing_cycle.h"
#include "domain/date.h"
#include "domain/enum_names.h"
#include "domain/money.h"
#include "domain/record_fields.h"

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

template <>
struct EnumNames<ServiceType> {
    static constexpr std::array<std::pair<ServiceType, std::string_view>, 14> table{{
        {ServiceType::hosting, "hosting"},
        {ServiceType::web_builder, "web_builder"},
        {ServiceType::audio_streaming, "audio_streaming"},
        {ServiceType::video_streaming, "video_streaming"},
        {ServiceType::corporate_mail, "corporate_mail"},
        {ServiceType::domain, "domain"},
        {ServiceType::reseller, "reseller"},
        {ServiceType::simplenews, "simplenews"},
        {ServiceType::portal_noticioso, "portal_noticioso"},
        {ServiceType::noticioso_plus, "noticioso_plus"},
        {ServiceType::audio_app, "audio_app"},
        {ServiceType::video_app, "video_app"},
        {ServiceType::voice_over, "voice_over"},
        {ServiceType::web_design, "web_design"},
    }};
};

template <>
struct EnumNames<ServiceStatus> {
    static constexpr std::array<std::pair<ServiceStatus, std::string_view>, 5> table{{
        {ServiceStatus::active, "active"},
        {ServiceStatus::pending, "pending"},
        {ServiceStatus::suspended, "suspended"},
        {ServiceStatus::cancelled, "cancelled"},
        {ServiceStatus::terminated, "terminated"},
    }};
};

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

template <class V, FieldsOf<Plan> S>
void fields(V& v, S& r) {
    v("id", r.id), v("name", r.name), v("product", r.product), v("price", r.price);
    v("cycle", r.cycle), v("rank", r.rank), v("automatic_upgrade", r.automatic_upgrade);
}

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

template <class V, FieldsOf<Service> S>
void fields(V& v, S& r) {
    v("id", r.id), v("client_id", r.client_id), v("name", r.name), v("type", r.type);
    v("status", r.status), v("domain", r.domain), v("plan_id", r.plan_id);
    v("period_start", r.period_start), v("period_end", r.period_end);
    v("paid_for_period", r.paid_for_period), v("next_due_on", r.next_due_on);
    v("auto_renew", r.auto_renew), v("requirements_met_on", r.requirements_met_on);
}

}  // namespace portal::domain
