// What every flow (a screen's state machine) gets from the portal: the API, the browser's
// effects, the language, and the session's lifetime so late answers are dropped.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "api/api_client.h"
#include "app/browser_effects.h"
#include "app/problem.h"
#include "app/route.h"
#include "app/strings.h"

namespace portal::app {

struct FlowContext {
    FlowContext(api::ApiClient& api_, BrowserEffects& browser_) : api(api_), browser(browser_) {}

    api::ApiClient& api;
    BrowserEffects& browser;
    Language language = Language::es;
    // Expires when the client signs out (or the session dies): answers that arrive later
    // belong to a session that no longer exists and must not touch the screen.
    std::weak_ptr<const void> session;
    std::function<void(const Route&)> navigate;
    // Any answer saying the session is gone (401) ends it, back to sign-in with an explanation.
    std::function<void(const Problem&)> session_lost;
    // A fresh key for a mutation; a retry of the same attempt reuses its key so it acts once.
    std::function<std::string()> new_idempotency_key;

    // Wraps an answer handler: drops answers of a dead session and sends a 401 to session_lost.
    template <class T, class F>
    api::Callback<T> guard(F on_answer) const {
        return [alive = session, lost = session_lost,
                on_answer = std::move(on_answer)](api::ApiResult<T> result) mutable {
            if (alive.expired()) return;
            if (!result.ok()) {
                const Problem problem = describe(result.failure);
                if (problem.signed_out) {
                    lost(problem);
                    return;
                }
            }
            on_answer(std::move(result));
        };
    }
};

}  // namespace portal::app
