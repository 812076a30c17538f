#include "app/status_flow.h"

#include <algorithm>

#include "app/overloaded.h"
#include "app/texts/fill_in.h"
#include "app/tickets_flow.h"

namespace portal::app {
namespace {

bool runs(const api::StatusComponent& component, int64_t service_id) {
    if (service_id == 0) return component.affects_you;
    const auto& ids = component.your_services;
    return std::find(ids.begin(), ids.end(), service_id) != ids.end();
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

}  // namespace

bool ongoing(const api::Incident& incident) {
    return !incident.ended_at.has_value();
}

IncidentLists incident_lists(const api::ServerStatus& status) {
    IncidentLists lists;
    for (const api::StatusComponent& component : status.components) {
        for (const api::Incident& incident : component.incidents) {
            (ongoing(incident) ? lists.ongoing : lists.resolved).push_back({&component, &incident});
        }
    }
    // RFC 3339 in one zone (the company's) orders as text.
    std::stable_sort(lists.ongoing.begin(), lists.ongoing.end(),
                     [](const ListedIncident& a, const ListedIncident& b) {
                         if (a.component->affects_you != b.component->affects_you) {
                             return a.component->affects_you;
                         }
                         return b.incident->started_at < a.incident->started_at;
                     });
    std::stable_sort(lists.resolved.begin(), lists.resolved.end(),
                     [](const ListedIncident& a, const ListedIncident& b) {
                         return *b.incident->ended_at < *a.incident->ended_at;
                     });
    return lists;
}

std::vector<std::string> incidents_affecting(const api::ServerStatus& status, int64_t service_id) {
    std::vector<std::string> titles;
    for (const ListedIncident& listed : incident_lists(status).ongoing) {
        if (runs(*listed.component, service_id)) titles.push_back(listed.incident->title);
    }
    return titles;
}

std::string incident_banner(const api::ServerStatus& status, Language language,
                            int64_t service_id) {
    const auto titles = incidents_affecting(status, service_id);
    if (titles.empty()) return {};
    const StatusText pattern =
        service_id == 0 ? StatusText::banner_services : StatusText::banner_service;
    return fill_in(tr(language, pattern), {joined(titles, "; ")});
}

std::string service_names(const std::vector<int64_t>& ids,
                          const std::optional<api::ServiceList>& services) {
    std::vector<std::string> names;
    if (!services) return {};
    for (const int64_t id : ids) {
        for (const api::ServiceView& service : services->services) {
            if (service.id == id) names.push_back(service.name);
        }
    }
    return joined(names, ", ");
}

std::string when(StatusText pattern, const std::string& rfc3339, Language language) {
    const auto local = local_time(rfc3339, language);
    return local ? fill_in(tr(language, pattern), {local->date, local->time}) : std::string();
}

void StatusFlow::handle(const StatusIntent& intent, FlowContext& ctx) {
    std::visit(Overloaded{[&](const ReloadStatus&) { load(ctx); }}, intent);
}

void StatusFlow::load(FlowContext& ctx) {
    visit_.renew();
    ctx.api.server_status(visit_.load(state_.status, ctx));
}

}  // namespace portal::app
