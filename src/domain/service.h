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
PORTAL_NAMED_ENUM(ServiceType, hosting, web_builder, audio_streaming, video_streaming,
                  corporate_mail, domain, reseller, simplenews, portal_noticioso, noticioso_plus,
                  audio_app, video_app, voice_over, web_design);

// The phone system an app service (audio_app, video_app) is built for.
PORTAL_NAMED_ENUM(AppPlatform, android, ios);

PORTAL_NAMED_ENUM(ServiceStatus, active, pending, suspended, cancelled, terminated);

struct Plan {
    std::string id;
    std::string name;     // in Spanish, the company's language
    std::string name_en;  // the same name in English
    ServiceType product = ServiceType::hosting;
    Money price;  // for one whole cycle
    BillingCycle cycle = BillingCycle::monthly;
    int rank = 0;  // orders the plans of one product: higher = better
    // False when "the systems judge the package cannot be upgraded automatically" (§3): the
    // client must ask the account executive or open a ticket instead.
    bool automatic_upgrade = true;
};

PORTAL_FIELDS(Plan, id, name, name_en, product, price, cycle, rank, automatic_upgrade);

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
    Date next_due_on;
    bool auto_renew = true;
    std::optional<Date> requirements_met_on;  // starts the activation clock (§5)
    std::optional<AppPlatform> platform;      // app services only
    std::string server;  // the server it runs on ("hs-02"), a component of the status page
};

PORTAL_FIELDS(Service, id, client_id, name, type, status, domain, plan_id, period_start, period_end,
              next_due_on, auto_renew, requirements_met_on, platform, server);

}  // namespace portal::domain
