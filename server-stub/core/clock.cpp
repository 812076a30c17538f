#include "core/clock.h"

#include <chrono>
#include <random>

#include "domain/date.h"

namespace portal::backend {

int64_t SystemClock::now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<int64_t> parse_company_time(std::string_view text) {
    if (text.size() != 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
    const auto date = domain::Date::parse_iso(text.substr(0, 10));
    int hour = 0, minute = 0;
    for (size_t i : {11, 12, 14, 15}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    hour = (text[11] - '0') * 10 + (text[12] - '0');
    minute = (text[14] - '0') * 10 + (text[15] - '0');
    if (!date || hour > 23 || minute > 59) return std::nullopt;
    return date->days_since_epoch() * 86400 + hour * 3600 + minute * 60 -
           domain::kCompanyUtcOffsetSeconds;
}

void SystemRandomSource::fill(uint8_t* bytes, size_t size) {
    std::random_device device;
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(device() & 0xFF);
}

}  // namespace portal::backend
