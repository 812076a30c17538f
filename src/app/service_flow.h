// A service's screen: its details, access to its panel, credentials, manual link, downloads
// (RULES.md §1, §2).
#pragma once

#include <variant>

#include "app/flow_context.h"
#include "app/remote.h"
#include "app/route.h"

namespace portal::app {

struct ServiceState {
    int64_t service_id = 0;
};

struct ReloadService {};
using ServiceIntent = std::variant<ReloadService>;

class ServiceFlow {
  public:
    // Called when the client arrives on one of this flow's routes (a click, a link, back/forward).
    void enter(const Route& route, FlowContext& ctx);
    void handle(const ServiceIntent& intent, FlowContext& ctx);
    // Sign-out: forget everything of the previous client.
    void reset() { state_ = {}; }
    const ServiceState& state() const { return state_; }

  private:
    ServiceState state_;
};

}  // namespace portal::app
