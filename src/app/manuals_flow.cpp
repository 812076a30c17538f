#include "app/manuals_flow.h"

namespace portal::app {

void ManualsFlow::enter(const Route& route, FlowContext&) {
    state_.service_id = route.service_id;
}

void ManualsFlow::handle(const ManualsIntent&, FlowContext&) {}

}  // namespace portal::app
