// The server-status page (RULES.md §7, SLA 2; domain/server_status.h) and what sends a client
// there: a banner on «Mis servicios» and on a service's screen while an ongoing incident affects
// their services. One answer (GET /status) feeds the page and both banners; the backend's clock
// has decided what is ongoing (an incident without `ended_at`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "api/dto.h"
#include "app/flow_context.h"
#include "app/remote.h"
#include "app/texts/status_texts.h"
#include "app/visit.h"

namespace portal::app {

// An incident as the page lists it, with the component it is on.
struct ListedIncident {
    const api::StatusComponent* component = nullptr;
    const api::Incident* incident = nullptr;
};
// The page's two lists of incidents: those ongoing (the client's first, then the latest
// started), and those resolved (the latest ended first).
struct IncidentLists {
    std::vector<ListedIncident> ongoing, resolved;
};
IncidentLists incident_lists(const api::ServerStatus& status);
bool ongoing(const api::Incident& incident);

// The titles of the ongoing incidents on the components that run the client's services
// (`service_id` 0), or that one service: what its banner says; empty when none.
std::vector<std::string> incidents_affecting(const api::ServerStatus& status,
                                             int64_t service_id = 0);
// What a banner says: "Hay un incidente en curso que afecta a sus servicios: …" (`service_id` 0)
// or "… a este servicio: …"; empty when no ongoing incident affects it.
std::string incident_banner(const api::ServerStatus& status, Language language,
                            int64_t service_id = 0);
// The names of these services, from the client's list ("Hosting anagarcia.example, Radio Ana
// FM"); an id the list lacks (not loaded yet) is left out.
std::string service_names(const std::vector<int64_t>& ids,
                          const std::optional<api::ServiceList>& services);
// "Comenzó el 10/03/2026 a las 21:30" and the like, in the company's zone; pattern is a StatusText
// with a date and a time to fill in. Empty when the instant cannot be read.
std::string when(StatusText pattern, const std::string& rfc3339, Language language);

struct StatusState {
    Remote<api::ServerStatus> status;
};

struct ReloadStatus {};
using StatusIntent = std::variant<ReloadStatus>;

class StatusFlow {
  public:
    // The status page: asked again on every arrival.
    void enter(FlowContext& ctx) { load(ctx); }
    // «Mis servicios»: asked again on every arrival, for its banner (a failure shows none).
    void refresh(FlowContext& ctx) {
        if (!state_.status.loading()) load(ctx);
    }
    // A service's screen: the answer «Mis servicios» just had, or a new one.
    void ensure(FlowContext& ctx) {
        if (!state_.status.data && !state_.status.loading()) load(ctx);
    }
    void handle(const StatusIntent& intent, FlowContext& ctx);
    const StatusState& state() const { return state_; }
    // Sign-out, or the page's language changed away from the screens that show it: forgotten,
    // asked again (in the new language) on the next arrival.
    void reset() {
        state_ = {};
        visit_.renew();
    }

  private:
    void load(FlowContext& ctx);

    StatusState state_;
    Visit visit_;
};

}  // namespace portal::app
