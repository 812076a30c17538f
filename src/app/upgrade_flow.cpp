#include "app/upgrade_flow.h"

namespace portal::app {

void UpgradeFlow::enter(const Route& route, FlowContext&) {
    state_.service_id = route.service_id;
}

void UpgradeFlow::handle(const UpgradeIntent&, FlowContext&) {}

}  // namespace portal::app
