// Files compiled into the program as data, by name (written by scripts/compile_files.py).
#pragma once

#include <cstddef>

namespace portal::platform {

struct CompiledFile {
    const char* name;
    const unsigned char* data;
    std::size_t size;
};

extern const CompiledFile kCompiledFiles[];
extern const std::size_t kCompiledFileCount;

}  // namespace portal::platform
