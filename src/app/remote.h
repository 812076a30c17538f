// The state of data that comes from the backend: never asked, on its way, here, or failed.
// Every screen draws all four, so a list always has a loading state, an empty state and an error
// with a way forward.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "api/api_client.h"
#include "app/problem.h"

namespace portal::app {

// A number no data received before in this page's life has had (Remote::revision).
inline std::uint64_t next_revision() {
    static std::uint64_t last = 0;
    return ++last;
}

template <class T>
struct Remote {
    enum class Status { idle, loading, loaded, failed };
    Status status = Status::idle;
    std::optional<T> data;  // kept while reloading, so the screen does not flash empty
    Problem problem;
    // Changes whenever `data` is replaced, to a number no data had before: a reload replaces the
    // data in place, so this, not its address, is what a screen keys a measure of it on.
    std::uint64_t revision = 0;

    bool loading() const { return status == Status::loading; }
    bool failed() const { return status == Status::failed; }
    // What a screen lays out around: the data, or the failure to get it (shown as a problem).
    bool known() const { return data.has_value() || failed(); }
    void start() { status = Status::loading; }
    void succeed(T value) {
        data = std::move(value);
        revision = next_revision();
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
