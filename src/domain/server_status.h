// The server-status page (RULES.md §7, SLA 2: "status published on the server-status page"; the
// manual's «Estado del Servicio»): the parts of the company's platform — the servers services run
// on, and the services every client shares (control panels, DNS, mail) — each in a state, and
// the incidents the company reports on them, each with its start, its updates and its end.
//
// Decisions of this project (the manual is silent): a component is in the worst state of its
// ongoing incidents (operational when none is ongoing); an incident is ongoing from its start
// until its end, both read on the backend's clock; an ended incident stays on the page for
// kResolvedShownDays after its end; a service is on its server while the server holds it, which
// is until it is cancelled or terminated (RULES.md §4: then it is deleted from the server).
#pragma once

#include <cstdint>
#include <optional>

#include "domain/enum_names.h"
#include "domain/service.h"

namespace portal::domain {

// What a component does for the clients on it right now.
PORTAL_NAMED_ENUM(ComponentState, operational, degraded, partial_outage, major_outage, maintenance);

// How much a state keeps clients from their services: operational 0, maintenance 1 (planned and
// announced), degraded 2, partial_outage 3, major_outage 4.
int severity(ComponentState state);
// The state that keeps clients away more of the two.
ComponentState worse(ComponentState a, ComponentState b);

inline constexpr int kResolvedShownDays = 7;

// An incident's start and end (unix seconds); no end while the company has not announced one.
struct IncidentSpan {
    int64_t started_at = 0;
    std::optional<int64_t> ended_at;
};

// Where an incident is at `now`: not yet started, ongoing, ended within kResolvedShownDays
// (recent), or ended before (past).
enum class IncidentPhase { upcoming, ongoing, recent, past };
IncidentPhase phase_at(const IncidentSpan& span, int64_t now);
// Whether the status page lists it at `now` (ongoing or recent).
bool shown_at(const IncidentSpan& span, int64_t now);

// Whether a service in this status is on its server (an incident there affects it).
bool on_its_server(ServiceStatus status);

}  // namespace portal::domain
