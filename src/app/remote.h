// The state of data that comes from the backend: never asked, on its way, here, or failed.
// Every screen draws all four, so a list always has a loading state, an empty state and an error
// with a way forward.
#pragma once

#include <optional>
#include <utility>

#include "api/api_client.h"
#include "app/problem.h"

namespace portal::app {

template <class T>
struct Remote {
    enum class Status { idle, loading, loaded, failed };
    Status status = Status::idle;
    std::optional<T> data;  // kept while reloading, so the screen does not flash empty
    Problem problem;

    bool loading() const { return status == Status::loading; }
    bool failed() const { return status == Status::failed; }
    // What a screen lays out around: the data, or the failure to get it (shown as a problem).
    bool known() const { return data.has_value() || failed(); }
    void start() { status = Status::loading; }
    void succeed(T value) {
        data = std::move(value);
        status = Status::loaded;
    }
    void fail(Problem why) {
        problem = why;
        status = Status::failed;
    }
    // Takes an answer: its value (moved out of `answer`), or the Problem it describes.
    void settle(api::ApiResult<T>& answer) {
        if (answer.ok()) {
            succeed(std::move(*answer.value));
        } else {
            fail(describe(answer.failure));
        }
    }
};

}  // namespace portal::app
