#include "app/cancellation_flow.h"

namespace portal::app {

void CancellationFlow::enter(const Route& route, FlowContext&) {
    state_.service_id = route.service_id;
}

void CancellationFlow::handle(const CancellationIntent&, FlowContext&) {}

}  // namespace portal::app
