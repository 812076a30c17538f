// A fixed set of threads taking jobs in order: where the backend's synchronous work (SQLite,
// Argon2id) and the producing of streamed bodies run, never on the thread doing socket I/O.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace portal::stub {

class WorkerPool {
  public:
    explicit WorkerPool(int threads);
    ~WorkerPool();  // finishes the queued jobs, then joins
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void post(std::function<void()> job);

  private:
    void run();

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace portal::stub
