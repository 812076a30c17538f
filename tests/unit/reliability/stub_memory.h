// Reading a portal-stub's resident memory, for the memory figures of RELIABILITY.md.
//
// In the sanitizer build the stub measured is the AddressSanitizer one, started with both of its
// quarantines off (the global one and each thread's: a piece of a download is produced on a pool
// thread and freed on the network thread, and each thread's quarantine held up to 1 MiB of such
// pieces), without allocation stacks (their depot grows with every new call path) and without
// the stacks that catch a use after return (each thread and handler gets its own). Freed
// memory is then reused as in a release build: 8 parallel downloads measure +3.7 MiB there and
// +3.9 MiB in a release stub; with these on they measured 8 to 33 MiB. What AddressSanitizer still
// adds (shadow memory, redzones) only raises what is measured, so a bound that holds there holds
// for the release stub.
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
inline void measure_stubs_as_a_release_would_run() {
#if defined(__SANITIZE_ADDRESS__)
    // Later options win: these come after whatever the sanitizer run asked for.
    const char* given = std::getenv("ASAN_OPTIONS");
    std::string options = given ? std::string(given) + ":" : "";
    options +=
        "quarantine_size_mb=0:thread_local_quarantine_size_kb=0:malloc_context_size=0:"
        "detect_stack_use_after_return=0";
    setenv("ASAN_OPTIONS", options.c_str(), 1);
#endif
}

}  // namespace portal::reliability
