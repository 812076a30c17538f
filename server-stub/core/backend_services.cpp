// [SECTION] Handlers: services, their credentials, access link, auto-renew, activation estimate.
#include <algorithm>
#include <map>

#include "core/access_links.h"
#include "core/backend.h"
#include "core/responses.h"
#include "core/views.h"
#include "domain/activation_estimate.h"
#include "domain/cancellation_policy.h"

namespace portal::backend {

namespace {

// A cancellation whose effective day is over has removed its service (RULES.md §4).
void apply_cancellations(std::vector<domain::Service>& services,
                         const std::vector<CancellationRecord>& cancellations, domain::Date today) {
    for (const auto& cancellation : cancellations) {
        if (cancellation_status(cancellation, today) != "effective") continue;
        for (auto& service : services) {
            if (service.id == cancellation.service_id &&
                service.status != domain::ServiceStatus::terminated) {
                service.status = domain::ServiceStatus::cancelled;
                service.auto_renew = false;
            }
        }
    }
}

}  // namespace

std::vector<domain::Service> Backend::client_services(int64_t client_id, domain::Date today) {
    auto services = store_.services_of(client_id);
    apply_cancellations(services, store_.cancellations_of(client_id), today);
    return services;
}

std::optional<domain::Service> Backend::find_service(Call& call) {
    auto id = parse_id(call.params.at("id"));
    if (!id) return std::nullopt;
    return service_on(call, *id);
}

std::optional<domain::Service> Backend::service_on(const Call& call, int64_t id) {
    auto service = store_.service_of(call.client_id, id);
    if (!service) return std::nullopt;
    std::vector<domain::Service> one{*service};
    apply_cancellations(one, store_.cancellations_of(call.client_id), call.today);
    return one.front();
}

Response Backend::list_services(Call& call) {
    std::optional<domain::ServiceStatus> wanted;
    if (auto refusal = read_enum_filter(call.request, "status", wanted)) return *refusal;
    api::ServiceList list;
    std::map<std::string, std::optional<domain::Plan>> plans;
    const auto invoices = store_.invoices_of(call.client_id);
    const auto orders = store_.upgrade_orders_of(call.client_id);
    const auto cancellations = store_.cancellations_of(call.client_id);
    for (const auto& service : client_services(call.client_id, call.today)) {
        if (wanted && service.status != *wanted) continue;
        auto plan = plans.find(service.plan_id);
        if (plan == plans.end())
            plan = plans.emplace(service.plan_id, store_.plan(service.plan_id)).first;
        list.services.push_back(service_answer(service, plan->second ? &*plan->second : nullptr,
                                               invoices, orders, cancellations, call));
    }
    return json_answer(200, list);
}

Response Backend::get_service(Call& call) {
    auto service = find_service(call);
    if (!service) return not_found("service");
    auto plan = store_.plan(service->plan_id);
    return json_answer(
        200, service_answer(*service, plan ? &*plan : nullptr, store_.invoices_of(call.client_id),
                            store_.upgrade_orders_of(call.client_id),
                            store_.cancellations_of(call.client_id), call));
}

Response Backend::get_credentials(Call& call) {
    auto service = find_service(call);
    if (!service) return not_found("service");
    api::ServiceCredentials answer;
    answer.service_id = service->id;
    // A removed service's accounts no longer exist on the server (RULES.md §4).
    if (service->status != domain::ServiceStatus::cancelled &&
        service->status != domain::ServiceStatus::terminated) {
        for (const auto& credential : store_.credentials_of(service->id)) {
            answer.credentials.push_back(
                {credential.label, credential.host, credential.username, credential.password});
        }
    }
    return json_answer(200, answer);
}

Response Backend::get_access(Call& call) {
    auto service = find_service(call);
    if (auto answer = unless_active(service, "only an active service has a control panel"))
        return *answer;
    AccessLink link = access_link(*service, config_.panel_base_url);
    return json_answer(200, api::ServiceAccess{service->id, link.url, link.label_key});
}

Response Backend::get_auto_renew(Call& call) {
    auto service = find_service(call);
    if (!service) return not_found("service");
    return json_answer(200, api::AutoRenewView{service->id, service->auto_renew});
}

Response Backend::put_auto_renew(Call& call) {
    api::AutoRenewBody body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    const bool enabled = body.enabled;
    return commit(call, [&] {
        auto service = find_service(call);
        if (!service) return not_found("service");
        if (service->auto_renew != enabled) {
            // Both directions need a service that is still running and renewing.
            bool allowed = service->status == domain::ServiceStatus::active ||
                           service->status == domain::ServiceStatus::suspended;
            if (!enabled) allowed = allowed && domain::can_turn_off_auto_renew(*service);
            if (!allowed) {
                return refused({"auto_renew_not_changeable",
                                "renewal can only change on an active or suspended service"});
            }
            // A scheduled cancellation means "not renewed": withdrawing it is the way back.
            if (enabled && scheduled_cancellation(call.client_id, service->id, call.today)) {
                return refused({"cancellation_scheduled",
                                "the service has a scheduled cancellation; withdraw it first"});
            }
            service->auto_renew = enabled;
            store_.update_service(*service);
        }
        return json_answer(200, api::AutoRenewView{service->id, service->auto_renew});
    });
}

Response Backend::get_activation_estimate(Call& call) {
    auto service = find_service(call);
    if (!service) return not_found("service");
    // The service's own platform; ?platform= asks about the other one (RULES.md §5 differs).
    std::optional<domain::AppPlatform> platform = service->platform;
    auto query = call.request.query.find("platform");
    if (query != call.request.query.end()) {
        platform = domain::parse_enum<domain::AppPlatform>(query->second);
        if (!platform) {
            return error_response(400, api::kInvalidValue, "platform: android or ios", "platform");
        }
    }
    if (service->status != domain::ServiceStatus::pending) {
        return refused(
            {"service_not_pending", "only a pending service has an activation estimate"});
    }
    auto estimate = domain::estimate_activation(config_.calendar, service->type,
                                                service->requirements_met_on, platform);
    return json_answer(200, activation_estimate_view(*service, estimate));
}

}  // namespace portal::backend
