#include "app/service_flow.h"

namespace portal::app {

void ServiceFlow::enter(const Route& route, FlowContext&) {
    state_.service_id = route.service_id;
}

void ServiceFlow::handle(const ServiceIntent&, FlowContext&) {}

}  // namespace portal::app
