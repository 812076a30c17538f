// The load step every screen uses for data from the backend, and the stale-answer guard under it.
//
// A flow's Visit stands for one stay on its screen. Every request is tied to the visit it was
// made in; a new visit (the client arrives again, reloads, or signs out) drops every answer still
// on its way, so a slow answer never overwrites a newer one or lands on another screen's data.
#pragma once

#include <cstdint>
#include <utility>

#include "app/flow_context.h"
#include "app/remote.h"

namespace portal::app {

class Visit {
  public:
    // A new stay: answers to earlier requests are dropped.
    void renew() { ++generation_; }

    // Wraps an answer handler: FlowContext::guard (dead session, 401), then answers of an
    // earlier visit are dropped.
    template <class T, class F>
    api::Callback<T> guard(const FlowContext& ctx, F on_answer) const {
        return ctx.guard<T>(drop_stale<T>(std::move(on_answer)));
    }
    // Only the visit check, for a handler that must see every answer of the session first.
    template <class T, class F>
    api::Callback<T> drop_stale(F on_answer) const {
        return [this, generation = generation_,
                on_answer = std::move(on_answer)](api::ApiResult<T> answer) mutable {
            if (generation != generation_) return;
            on_answer(std::move(answer));
        };
    }

    // The load step: marks `remote` loading (its data stays on screen meanwhile) and returns the
    // handler that fills it with the value or the Problem; then `then(answer)` runs for what
    // depends on it (the answer's value has moved into `remote`).
    template <class T, class Then>
    api::Callback<T> load(Remote<T>& remote, const FlowContext& ctx, Then then) const {
        remote.start();
        return guard<T>(ctx, [&remote, then = std::move(then)](api::ApiResult<T> answer) mutable {
            remote.settle(answer);
            then(answer);
        });
    }
    template <class T>
    api::Callback<T> load(Remote<T>& remote, const FlowContext& ctx) const {
        return load(remote, ctx, [](const api::ApiResult<T>&) {});
    }

  private:
    uint64_t generation_ = 0;
};

}  // namespace portal::app
