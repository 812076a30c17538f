// RandomSource from libsodium (randombytes_buf: getrandom(2) on Linux), for session tokens.
#pragma once

#include "core/clock.h"

namespace portal::stub {

class SodiumRandomSource final : public backend::RandomSource {
  public:
    SodiumRandomSource();
    void fill(uint8_t* bytes, size_t size) override;
};

}  // namespace portal::stub
