// What the backend asks the outside world for: the time and randomness. Injected so tests can
// move time (token expiry, lockouts) and the page can use the browser's sources.
#pragma once

#include <cstddef>
#include <cstdint>

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
