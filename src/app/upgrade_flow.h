// The upgrade/downgrade wizard (RULES.md §3): options, the quote explained, confirm, the order.
#pragma once

#include <variant>

#include "app/flow_context.h"
#include "app/remote.h"
#include "app/route.h"

namespace portal::app {

struct UpgradeState {
    int64_t service_id = 0;
};

struct ReloadUpgradeOptions {};
using UpgradeIntent = std::variant<ReloadUpgradeOptions>;

class UpgradeFlow {
  public:
    // Called when the client arrives on one of this flow's routes (a click, a link, back/forward).
    void enter(const Route& route, FlowContext& ctx);
    void handle(const UpgradeIntent& intent, FlowContext& ctx);
    // Sign-out: forget everything of the previous client.
    void reset() { state_ = {}; }
    const UpgradeState& state() const { return state_; }

  private:
    UpgradeState state_;
};

}  // namespace portal::app
