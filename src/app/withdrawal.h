// A withdrawal the client asks for and then confirms (a scheduled cancellation, an open plan
// change): one state for every such step, so each flow only says what it withdraws and how the
// server's refusals read in its own words.
#pragma once

#include <optional>
#include <utility>

#include "app/problem.h"

namespace portal::app {

template <class Why>
struct Withdrawal {
    bool asking = false;       // the confirmation is on screen
    bool withdrawing = false;  // sent, no answer yet
    std::optional<Problem> problem;
    std::optional<Why> refusal;  // the server's "no", in the flow's words

    void ask() {
        asking = true;
        problem.reset();
        refusal.reset();
    }
    // "No, keep it": only while nothing is on its way.
    void keep() {
        if (!withdrawing) asking = false;
    }
    void start() {
        withdrawing = true;
        problem.reset();
        refusal.reset();
    }
    // A definitive answer closes the confirmation; a problem keeps it open so a retry sends the
    // same attempt again.
    void settle() {
        withdrawing = false;
        asking = false;
    }
    void fail(Problem why) {
        withdrawing = false;
        asking = true;
        problem = std::move(why);
    }
};

}  // namespace portal::app
