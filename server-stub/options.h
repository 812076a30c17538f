// portal-stub's command line: what it may be told, and the checks that refuse a bad value before
// anything starts (a port out of range, a missing value, an unknown option).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace portal::stub {

struct Options {
    int port = 8080;
    std::string bind = "127.0.0.1";
    std::string db;  // empty: in-memory store
    std::string static_dir;
    std::string manuals_dir;
    std::string fixtures_dir;
    int64_t token_ttl = 8 * 3600;
    int threads = 8;
    bool init_db_only = false;
    bool quiet = false;
    bool fast_hash = false;
    std::optional<int64_t> now;  // --now: a fixed clock (unix seconds); unset: the real time
};

// `portal-stub --help`.
extern const char* const kUsage;

struct CommandLine {
    enum class Next { run, show_help, refuse };
    Next next = Next::run;
    Options options;
    std::string error;  // for refuse: what is wrong, naming the option
};

// The defaults for --manuals and --fixtures come from the build (the repository's folders).
CommandLine parse_command_line(int argc, const char* const* argv, const Options& defaults);

}  // namespace portal::stub
