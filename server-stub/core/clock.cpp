#include "core/clock.h"

#include <chrono>
#include <random>

namespace portal::backend {

int64_t SystemClock::now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void SystemRandomSource::fill(uint8_t* bytes, size_t size) {
    std::random_device device;
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(device() & 0xFF);
}

}  // namespace portal::backend
