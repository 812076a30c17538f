// The manuals: catalog by book and chapter, one article, search as you type.
#pragma once

#include <variant>

#include "app/flow_context.h"
#include "app/remote.h"
#include "app/route.h"

namespace portal::app {

struct ManualsState {
    int64_t service_id = 0;
};

struct ReloadManuals {};
using ManualsIntent = std::variant<ReloadManuals>;

class ManualsFlow {
  public:
    // Called when the client arrives on one of this flow's routes (a click, a link, back/forward).
    void enter(const Route& route, FlowContext& ctx);
    void handle(const ManualsIntent& intent, FlowContext& ctx);
    // Sign-out: forget everything of the previous client.
    void reset() { state_ = {}; }
    const ManualsState& state() const { return state_; }

  private:
    ManualsState state_;
};

}  // namespace portal::app
