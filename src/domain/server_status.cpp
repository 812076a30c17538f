#include "domain/server_status.h"

#include "domain/enum_map.h"

namespace portal::domain {

int severity(ComponentState state) {
    using State = ComponentState;
    static constexpr EnumMap<State, int> kSeverity{{State::operational, 0},
                                                   {State::maintenance, 1},
                                                   {State::degraded, 2},
                                                   {State::partial_outage, 3},
                                                   {State::major_outage, 4}};
    return kSeverity[state];
}

ComponentState worse(ComponentState a, ComponentState b) {
    return severity(b) > severity(a) ? b : a;
}

IncidentPhase phase_at(const IncidentSpan& span, int64_t now) {
    if (now < span.started_at) return IncidentPhase::upcoming;
    if (!span.ended_at || now < *span.ended_at) return IncidentPhase::ongoing;
    constexpr int64_t kShownSeconds = int64_t{kResolvedShownDays} * 86400;
    return now - *span.ended_at < kShownSeconds ? IncidentPhase::recent : IncidentPhase::past;
}

bool shown_at(const IncidentSpan& span, int64_t now) {
    const IncidentPhase phase = phase_at(span, now);
    return phase == IncidentPhase::ongoing || phase == IncidentPhase::recent;
}

bool on_its_server(ServiceStatus status) {
    return status != ServiceStatus::cancelled && status != ServiceStatus::terminated;
}

}  // namespace portal::domain
