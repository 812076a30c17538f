#include "options.h"

#include <cstdlib>

#include "core/clock.h"

namespace portal::stub {

const char* const kUsage = R"(portal-stub: the client portal's REST API and page server

  --port N          port to listen on (default 8080; 0 picks a free one)
  --bind ADDR       address to bind (default 127.0.0.1)
  --db PATH         SQLite database; created from the fixtures when absent
                    (without --db the data lives in memory and is lost on exit)
  --static DIR      serve the built page from DIR (index.html, .js, .wasm, .data)
  --manuals DIR     Markdown manuals (default: the repository's assets/manuals)
  --fixtures DIR    demo data and non_working_days.txt, the decreed non-working
                    days (default: the repository's server-stub/fixtures)
  --token-ttl SECS  session lifetime (default 28800 = 8 h)
  --threads N       worker threads (default 8)
  --init-db         create/migrate the database (and load fixtures if new), then exit
  --fast-hash       Argon2id at its minimum cost (tests only; never for real passwords)
  --now YYYY-MM-DDTHH:MM
                    a fixed clock at that time in GMT-3 (demos and tests; default:
                    the real time, which keeps running)
  --quiet           no per-request log lines
)";

namespace {

// Walks the arguments; the first problem stops it and is kept in `error`.
class Reader {
  public:
    Reader(int argc, const char* const* argv) : argc_(argc), argv_(argv) {}

    bool more() const { return ok() && next_ < argc_; }
    bool ok() const { return error.empty(); }
    std::string take() { return argv_[next_++]; }

    std::string value(const std::string& option) {
        if (next_ >= argc_) {
            error = option + " needs a value";
            return {};
        }
        return take();
    }

    int64_t number(const std::string& option, int64_t min, int64_t max) {
        const std::string text = value(option);
        if (!ok()) return min;
        char* end = nullptr;
        const long long n = std::strtoll(text.c_str(), &end, 10);
        if (text.empty() || *end != '\0' || n < min || n > max) {
            error = option + ": expected a number from " + std::to_string(min) + " to " +
                    std::to_string(max) + ", not \"" + text + "\"";
            return min;
        }
        return n;
    }

    std::string error;

  private:
    int argc_;
    const char* const* argv_;
    int next_ = 1;
};

}  // namespace

CommandLine parse_command_line(int argc, const char* const* argv, const Options& defaults) {
    CommandLine line;
    Options& o = line.options;
    o = defaults;
    Reader in(argc, argv);
    while (in.more()) {
        const std::string arg = in.take();
        if (arg == "--port") {
            o.port = static_cast<int>(in.number(arg, 0, 65535));
        } else if (arg == "--bind") {
            o.bind = in.value(arg);
        } else if (arg == "--db") {
            o.db = in.value(arg);
        } else if (arg == "--static") {
            o.static_dir = in.value(arg);
        } else if (arg == "--manuals") {
            o.manuals_dir = in.value(arg);
        } else if (arg == "--fixtures") {
            o.fixtures_dir = in.value(arg);
        } else if (arg == "--token-ttl") {
            o.token_ttl = in.number(arg, 1, 365LL * 86400);
        } else if (arg == "--threads") {
            o.threads = static_cast<int>(in.number(arg, 1, 256));
        } else if (arg == "--init-db") {
            o.init_db_only = true;
        } else if (arg == "--fast-hash") {
            o.fast_hash = true;
        } else if (arg == "--now") {
            const std::string text = in.value(arg);
            o.now = backend::parse_company_time(text);
            if (in.ok() && !o.now) {
                in.error = arg + ": expected YYYY-MM-DDTHH:MM (GMT-3), not \"" + text + "\"";
            }
        } else if (arg == "--quiet") {
            o.quiet = true;
        } else if (arg == "--help" || arg == "-h") {
            line.next = CommandLine::Next::show_help;
            return line;
        } else {
            in.error = "unknown option " + arg;
        }
    }
    if (!in.ok()) {
        line.next = CommandLine::Next::refuse;
        line.error = in.error;
    }
    return line;
}

}  // namespace portal::stub
