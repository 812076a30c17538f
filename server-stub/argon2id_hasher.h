// Passwords stored as Argon2id hashes (libsodium's crypto_pwhash_str), native only.
// Limits are configurable: the stub uses libsodium's "interactive" limits; tests may use the
// minimum ones to stay fast. The stored string carries its own parameters, so a hash made with
// any limits verifies with any hasher.
// Each run takes its memory (64 MiB with the interactive limits) and a core for its whole time:
// at most `parallel_runs` (by default one per core) run at once, the others wait their turn,
// so a burst of sign-ins neither multiplies the memory nor takes every core.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>

#include "core/password_hasher.h"

namespace portal::stub {

struct Argon2idLimits {
    uint64_t ops;
    size_t mem_bytes;

    static Argon2idLimits interactive();  // crypto_pwhash_OPSLIMIT/MEMLIMIT_INTERACTIVE
    static Argon2idLimits minimum();      // the smallest libsodium allows (tests)
};

// How many hashes may run at once: every core but one, which stays free for the cheap requests
// (a flood of sign-ins must not starve /health or a services list); at least one.
inline unsigned default_parallel_hashes() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 1 ? cores - 1 : 1;
}

class Argon2idHasher final : public backend::PasswordHasher {
  public:
    explicit Argon2idHasher(Argon2idLimits limits = Argon2idLimits::interactive(),
                            unsigned parallel_runs = default_parallel_hashes());

    std::string hash(std::string_view password) override;
    bool verify(std::string_view stored_hash, std::string_view password) override;

  private:
    // A counting semaphore: a run waits while `running_` is at the limit.
    class Turn;

    Argon2idLimits limits_;
    unsigned parallel_runs_;
    std::mutex mutex_;
    std::condition_variable turn_free_;
    unsigned running_ = 0;
};

}  // namespace portal::stub
