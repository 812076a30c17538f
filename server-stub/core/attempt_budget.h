// How many password checks each peer address may spend in a window (by default 20 per 15
// minutes): failed ones, and ones still running. A right password gives its attempt back. So one
// address can neither keep the hashers busy nor guess across many emails, while the lockout
// (password_check.cpp) guards each email. Kept in memory: it starts empty with the process and
// tracks at most `max_addresses` (when more come, finished windows go first, then the oldest).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace portal::backend {

class AttemptBudget {
  public:
    AttemptBudget(int per_window, int64_t window_seconds, size_t max_addresses)
        : per_window_(per_window), window_seconds_(window_seconds), max_addresses_(max_addresses) {}

    // Takes one attempt for `address` at `now`: 0 when taken, otherwise the seconds until the
    // address has one again (its window ends).
    int64_t take(const std::string& address, int64_t now);
    // Returns an attempt taken for `address` that did not fail.
    void give_back(const std::string& address);

  private:
    struct Window {
        int64_t start = 0;
        int used = 0;
    };
    void make_room(int64_t now);  // called with the mutex held

    int per_window_;
    int64_t window_seconds_;
    size_t max_addresses_;
    std::mutex mutex_;
    std::map<std::string, Window> windows_;
};

}  // namespace portal::backend
