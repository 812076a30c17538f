// [SECTION] Handlers: the server-status page (RULES.md §7, SLA 2; domain/server_status.h). Every
// component in the worst state of its incidents ongoing on the backend's clock, with the incidents
// of the last days, and which of the caller's services each one runs, in the caller's language.
#include <algorithm>
#include <map>

#include "core/backend.h"
#include "core/responses.h"

namespace portal::backend {

namespace {

domain::IncidentSpan span_of(const IncidentRecord& incident) {
    return {incident.started_at, incident.ended_at};
}

// The incident as the page shows it at `now`: its end only once it has come, the updates
// posted by then, the newest first.
api::Incident incident_view(const IncidentRecord& incident,
                            const std::vector<IncidentUpdateRecord>& updates, int64_t now,
                            const std::string& language) {
    api::Incident view;
    view.id = incident.id;
    view.title = in_language(language, incident.title, incident.title_en);
    view.started_at = domain::company_rfc3339(incident.started_at);
    if (domain::phase_at(span_of(incident), now) != domain::IncidentPhase::ongoing) {
        view.ended_at = domain::company_rfc3339(*incident.ended_at);
    }
    for (auto update = updates.rbegin(); update != updates.rend(); ++update) {
        if (update->posted_at > now) continue;
        view.updates.push_back({domain::company_rfc3339(update->posted_at),
                                in_language(language, update->text, update->text_en)});
    }
    return view;
}

}  // namespace

Response Backend::get_status(Call& call) {
    // Which of the caller's services each server holds.
    std::map<std::string, std::vector<int64_t>> on_server;
    for (const auto& service : client_services(call.client_id, call.today)) {
        if (domain::on_its_server(service.status)) on_server[service.server].push_back(service.id);
    }
    constexpr int64_t kShownSeconds = int64_t{domain::kResolvedShownDays} * 86400;
    std::vector<IncidentRecord> incidents = store_.incidents_since(call.now - kShownSeconds);
    std::erase_if(incidents, [&](const IncidentRecord& incident) {
        return !domain::shown_at(span_of(incident), call.now);
    });
    // Ongoing ones first, then by their start, the latest first.
    std::stable_sort(incidents.begin(), incidents.end(), [&](const auto& a, const auto& b) {
        const bool a_on = domain::phase_at(span_of(a), call.now) == domain::IncidentPhase::ongoing;
        const bool b_on = domain::phase_at(span_of(b), call.now) == domain::IncidentPhase::ongoing;
        if (a_on != b_on) return a_on;
        return a.started_at != b.started_at ? b.started_at < a.started_at : b.id < a.id;
    });

    api::ServerStatus status;
    for (const auto& component : store_.status_components()) {
        api::StatusComponent view;
        view.id = component.id;
        view.name = in_language(call.language, component.name, component.name_en);
        if (auto yours = on_server.find(component.id); yours != on_server.end()) {
            view.your_services = yours->second;
        }
        view.affects_you = !view.your_services.empty();
        for (const auto& incident : incidents) {
            if (incident.component_id != component.id) continue;
            if (domain::phase_at(span_of(incident), call.now) == domain::IncidentPhase::ongoing) {
                view.state = domain::worse(view.state, incident.state);
            }
            view.incidents.push_back(incident_view(
                incident, store_.incident_updates_of(incident.id), call.now, call.language));
        }
        status.components.push_back(std::move(view));
    }
    return json_answer(200, status);
}

}  // namespace portal::backend
