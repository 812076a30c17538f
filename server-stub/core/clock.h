// What the backend asks the outside world for: the time and randomness. Injected so tests can
// move time (token expiry, lockouts) and the page can use the browser's sources.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace portal::backend {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual int64_t now() const = 0;  // unix seconds
};

// The machine's clock (std::chrono::system_clock).
class SystemClock final : public Clock {
  public:
    int64_t now() const override;
};

// Always the same instant: `portal-stub --now` fixes the day for demos and tests.
class FixedClock final : public Clock {
  public:
    explicit FixedClock(int64_t unix_seconds) : now_(unix_seconds) {}
    int64_t now() const override { return now_; }

  private:
    int64_t now_;
};

// "YYYY-MM-DDTHH:MM" in the company's zone (GMT−3) → unix seconds; nullopt for anything else
// (a day or time that does not exist included).
std::optional<int64_t> parse_company_time(std::string_view text);

class RandomSource {
  public:
    virtual ~RandomSource() = default;
    // Fills `size` bytes with cryptographically strong randomness (session tokens, salts).
    virtual void fill(uint8_t* bytes, size_t size) = 0;
};

// std::random_device: /dev/urandom on Linux, crypto.getRandomValues in the browser.
class SystemRandomSource final : public RandomSource {
  public:
    void fill(uint8_t* bytes, size_t size) override;
};

}  // namespace portal::backend
