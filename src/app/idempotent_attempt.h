// One mutation's Idempotency-Key, held per intent. The same intent (a double click, a retry of
// the same attempt) reuses the key, so the server acts once; a different intent gets a new key.
// A definitive answer (done, or refused) settles the intent and drops the key; no answer, a
// timeout or a server failure may not have reached the server, so the key stays for a retry.
#pragma once

#include <string>
#include <utility>

#include "app/flow_context.h"

namespace portal::app {

class IdempotentAttempt {
  public:
    // The key to send `intent` with (everything that makes it this request, e.g. its body).
    const std::string& key_for(std::string intent, const FlowContext& ctx) {
        if (key_.empty() || intent_ != intent) {
            intent_ = std::move(intent);
            key_ = ctx.new_idempotency_key();
        }
        return key_;
    }

    // Wraps the answer's handler so the attempt settles (or keeps its key) before it runs.
    template <class T, class F>
    api::Callback<T> settling(F on_answer) {
        return [this, on_answer = std::move(on_answer)](api::ApiResult<T> answer) mutable {
            if (answer.ok() || !describe(answer.failure).retryable) forget();
            on_answer(std::move(answer));
        };
    }

    // Another service, or sign-out: nothing of the earlier intent may be replayed.
    void forget() {
        intent_.clear();
        key_.clear();
    }

  private:
    std::string intent_;
    std::string key_;
};

}  // namespace portal::app
