// The REST contract's server-status page (GET /status; domain/server_status.h), with its
// `fields` like every DTO of dto.h. Instants travel as RFC 3339 text in the company's zone
// ("2026-12-04T21:30:00-03:00"), as the tickets' do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/record_fields.h"
#include "domain/server_status.h"

namespace portal::api {

// What the company said about an incident, and when.
struct IncidentUpdate {
    std::string at;
    std::string text;  // in the answer's language
};
PORTAL_FIELDS(IncidentUpdate, at, text);

struct Incident {
    int64_t id = 0;
    std::string title;  // in the answer's language
    std::string started_at;
    // Null while the incident is ongoing on the backend's clock.
    std::optional<std::string> ended_at;
    std::vector<IncidentUpdate> updates;  // newest first
};
PORTAL_FIELDS(Incident, id, title, started_at, ended_at, updates);

// A server or a shared service, in the worst state of its ongoing incidents.
struct StatusComponent {
    std::string id;
    std::string name;  // in the answer's language
    domain::ComponentState state = domain::ComponentState::operational;
    bool affects_you = false;            // one of the caller's services runs on it
    std::vector<int64_t> your_services;  // those services' ids
    // Ongoing first, then ended ones of the last days; the latest first in each.
    std::vector<Incident> incidents;
};
PORTAL_FIELDS(StatusComponent, id, name, state, affects_you, your_services, incidents);

// GET /status: every component, in the page's order.
struct ServerStatus {
    std::vector<StatusComponent> components;
};
PORTAL_FIELDS(ServerStatus, components);

}  // namespace portal::api
