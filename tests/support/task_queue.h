// "Later", for native tests of transports: tasks posted while a test runs wait in a queue until
// the test pumps it — the browser's next tick, made explicit. Single-threaded.
#pragma once

#include <deque>
#include <functional>
#include <utility>

namespace portal::testing {

class TaskQueue {
  public:
    void post(std::function<void()> task) { tasks_.push_back(std::move(task)); }
    // Runs tasks until none is left, including those the tasks themselves post; returns how many.
    int run_until_idle() {
        int ran = 0;
        while (!tasks_.empty()) {
            auto task = std::move(tasks_.front());
            tasks_.pop_front();
            task();
            ++ran;
        }
        return ran;
    }
    size_t waiting() const { return tasks_.size(); }

  private:
    std::deque<std::function<void()>> tasks_;
};

}  // namespace portal::testing
