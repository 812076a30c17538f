#include "sodium_random.h"

#include <sodium.h>

#include <stdexcept>

namespace portal::stub {

SodiumRandomSource::SodiumRandomSource() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

void SodiumRandomSource::fill(uint8_t* bytes, size_t size) {
    randombytes_buf(bytes, size);
}

}  // namespace portal::stub
