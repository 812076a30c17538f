// Reading a portal-stub's resident memory, for the memory figures of RELIABILITY.md.
//
// In the sanitizer build the stub measured is the AddressSanitizer one, started with its
// quarantine off: freed memory is then reused as in a release build, and what AddressSanitizer
// adds (shadow memory, redzones around each block) only raises what is measured. A bound that
// holds there holds for the release stub, which the release tree's run measures directly.
#pragma once

#include <sys/types.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace portal::reliability {

// A field of /proc/<pid>/status in KiB ("VmRSS", "VmHWM"), or -1.
inline long status_kib(pid_t pid, const std::string& field) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
    }
    return -1;
}

// Call before starting the stubs to be measured (they inherit the environment).
inline void measure_stubs_without_quarantine() {
#if defined(__SANITIZE_ADDRESS__)
    const char* given = std::getenv("ASAN_OPTIONS");
    std::string options = given ? given : "";
    if (options.find("quarantine_size_mb") == std::string::npos) {
        if (!options.empty()) options += ':';
        options += "quarantine_size_mb=0";
        setenv("ASAN_OPTIONS", options.c_str(), 1);
    }
#endif
}

}  // namespace portal::reliability
