#include "core/attempt_budget.h"

#include <algorithm>

namespace portal::backend {

int64_t AttemptBudget::take(const std::string& address, int64_t now) {
    std::lock_guard lock(mutex_);
    auto it = windows_.find(address);
    if (it != windows_.end() && it->second.start + window_seconds_ <= now) {
        windows_.erase(it);
        it = windows_.end();
    }
    if (it == windows_.end()) {
        make_room(now);
        it = windows_.emplace(address, Window{now, 0}).first;
    }
    Window& window = it->second;
    if (window.used >= per_window_)
        return std::max<int64_t>(1, window.start + window_seconds_ - now);
    ++window.used;
    return 0;
}

void AttemptBudget::give_back(const std::string& address) {
    std::lock_guard lock(mutex_);
    auto it = windows_.find(address);
    if (it != windows_.end() && it->second.used > 0) --it->second.used;
}

void AttemptBudget::make_room(int64_t now) {
    if (windows_.size() < max_addresses_) return;
    std::erase_if(windows_,
                  [&](const auto& entry) { return entry.second.start + window_seconds_ <= now; });
    while (!windows_.empty() && windows_.size() >= max_addresses_) {
        auto oldest = std::min_element(
            windows_.begin(), windows_.end(),
            [](const auto& a, const auto& b) { return a.second.start < b.second.start; });
        windows_.erase(oldest);
    }
}

}  // namespace portal::backend
