// The cancellation wizard (RULES.md §4): kind, conditions, reason, confirmation with email and
// password.
#pragma once

#include <variant>

#include "app/flow_context.h"
#include "app/remote.h"
#include "app/route.h"

namespace portal::app {

struct CancellationState {
    int64_t service_id = 0;
};

struct ReloadCancellation {};
using CancellationIntent = std::variant<ReloadCancellation>;

class CancellationFlow {
  public:
    // Called when the client arrives on one of this flow's routes (a click, a link, back/forward).
    void enter(const Route& route, FlowContext& ctx);
    void handle(const CancellationIntent& intent, FlowContext& ctx);
    // Sign-out: forget everything of the previous client.
    void reset() { state_ = {}; }
    const CancellationState& state() const { return state_; }

  private:
    CancellationState state_;
};

}  // namespace portal::app
