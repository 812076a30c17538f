// «Estado de servidores» (RULES.md §7, SLA 2): the ongoing incidents first (those on the client's
// servers first), each with its updates, the newest first; every server and shared service with
// its state, in words and colour, and the client's services on it; then the incidents resolved in
// the last days. Draws app::StatusFlow's state; the lists and their order come from app.
#include <string>

#include "app/status_flow.h"
#include "app/texts/fill_in.h"
#include "app/texts/status_texts.h"
#include "domain/enum_map.h"
#include "imgui.h"
#include "ui/badge_colors.h"
#include "ui/icons.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

using app::fill_in;
using app::StatusText;
using Screen = ScreenContext<app::StatusState, StatusText, app::StatusIntent>;

// A component's name and, beside it when it fits, its state: the words in the colour.
void name_and_state(const api::StatusComponent& component, app::Language lang, ImU32 name_color) {
    text_wrapped(component.name, name_color);
    badge_beside(app::tr(lang, component.state), badge_color(component.state));
}

void draw_incident(Screen& s, const app::ListedIncident& listed,
                   const std::optional<api::ServiceList>& list) {
    const api::Incident& incident = *listed.incident;
    const api::StatusComponent& component = *listed.component;
    const bool open = app::ongoing(incident);
    ImGui::PushID(static_cast<int>(incident.id));
    begin_card("incident");
    heading(incident.title);
    if (open) {
        name_and_state(component, s.lang, color::kMuted);
    } else {
        text_wrapped(component.name, color::kMuted);
    }
    if (open && component.affects_you) {
        const std::string names = app::service_names(component.your_services, list);
        if (!names.empty()) {
            text_wrapped(fill_in(s.t(StatusText::affects_your_services), {names}), color::kWarning);
        }
    }
    text_wrapped(app::when(StatusText::started_on, incident.started_at, s.lang), color::kMuted);
    if (incident.ended_at) {
        text_wrapped(
            with_icon(icon::kCheck, app::when(StatusText::ended_on, *incident.ended_at, s.lang)),
            color::kSuccess);
    }
    if (!incident.updates.empty()) {
        ImGui::Spacing();
        text(s.t(StatusText::updates_heading));
    }
    for (const api::IncidentUpdate& update : incident.updates) {
        ImGui::Separator();
        text(app::when(StatusText::update_at, update.at, s.lang), color::kMuted);
        text_wrapped(update.text);
    }
    end_card();
    ImGui::PopID();
    ImGui::Spacing();
}

void draw_components(Screen& s, const api::ServerStatus& status,
                     const std::optional<api::ServiceList>& list) {
    heading(s.t(StatusText::components_heading));
    begin_card("components");
    bool first = true;
    for (const api::StatusComponent& component : status.components) {
        ImGui::PushID(component.id.c_str());
        if (!first) ImGui::Separator();
        first = false;
        name_and_state(component, s.lang, color::kText);
        const std::string names = app::service_names(component.your_services, list);
        if (component.affects_you && !names.empty()) {
            text_wrapped(fill_in(s.t(StatusText::your_services_here), {names}), color::kMuted);
        }
        ImGui::PopID();
    }
    end_card();
    ImGui::Spacing();
}

void draw_status(Screen& s, const api::ServerStatus& status,
                 const std::optional<api::ServiceList>& list) {
    const app::IncidentLists lists = app::incident_lists(status);
    if (lists.ongoing.empty()) {
        notice(with_icon(icon::kCheck, s.t(StatusText::all_operational)), {}, color::kSuccess);
        ImGui::Spacing();
    } else {
        heading(s.t(StatusText::ongoing_heading));
        for (const auto& listed : lists.ongoing) draw_incident(s, listed, list);
    }
    draw_components(s, status, list);
    heading(s.t(StatusText::resolved_heading));
    if (lists.resolved.empty()) empty_line(s.t(StatusText::no_resolved));
    for (const auto& listed : lists.resolved) draw_incident(s, listed, list);
}

}  // namespace

app::Intent draw_status(app::PortalApp& app) {
    const app::StatusState& state = app.status().state();
    Screen s{state, app.state().language, {}};
    begin_page("status", s.t(StatusText::title), s.t(StatusText::subtitle));
    if (state.status.failed() && problem_box(state.status.problem, s.lang)) {
        s.send(app::ReloadStatus{});
    }
    if (state.status.data) {
        draw_status(s, *state.status.data, app.state().services.data);
    } else if (state.status.loading()) {
        loading_line(s.lang);
    }
    end_page();
    return std::move(s.intent);
}

}  // namespace portal::ui
