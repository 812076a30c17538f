// portal-stub's command line: every option reaches Options, and a bad one is refused with a
// message naming it before anything starts.
#include "options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace portal::stub {
namespace {

CommandLine parse(std::vector<const char*> args) {
    args.insert(args.begin(), "portal-stub");
    Options defaults;
    defaults.manuals_dir = "/default/manuals";
    defaults.fixtures_dir = "/default/fixtures";
    return parse_command_line(static_cast<int>(args.size()), args.data(), defaults);
}

// Every field in one line, so that a test compares them all at once.
std::string describe(const Options& o) {
    std::string line = "port=" + std::to_string(o.port) + " bind=" + o.bind + " db=" + o.db +
                       " static=" + o.static_dir + " manuals=" + o.manuals_dir +
                       " fixtures=" + o.fixtures_dir + " ttl=" + std::to_string(o.token_ttl) +
                       " threads=" + std::to_string(o.threads);
    if (o.init_db_only) line += " init-db";
    if (o.fast_hash) line += " fast-hash";
    if (o.quiet) line += " quiet";
    if (o.now) line += " now=" + std::to_string(*o.now);
    return line;
}

TEST(StubOptions, NoArgumentsRunWithTheDefaults) {
    const CommandLine line = parse({});
    ASSERT_EQ(line.next, CommandLine::Next::run);
    EXPECT_EQ(describe(line.options),
              "port=8080 bind=127.0.0.1 db= static= manuals=/default/manuals "
              "fixtures=/default/fixtures ttl=28800 threads=8");
}

TEST(StubOptions, EveryOptionReachesOptions) {
    const CommandLine line =
        parse({"--port",      "0",     "--bind",          "0.0.0.0", "--db",       "p.db",
               "--static",    "site",  "--manuals",       "m",       "--fixtures", "f",
               "--token-ttl", "600",   "--threads",       "2",       "--init-db",  "--fast-hash",
               "--quiet",     "--now", "2026-12-11T09:30"});
    ASSERT_EQ(line.next, CommandLine::Next::run) << line.error;
    // 2026-12-11 09:30 in GMT−3 = 12:30 UTC = 1796992200.
    EXPECT_EQ(describe(line.options),
              "port=0 bind=0.0.0.0 db=p.db static=site manuals=m fixtures=f ttl=600 threads=2 "
              "init-db fast-hash quiet now=1796992200");
}

TEST(StubOptions, NowIsATimeInTheCompanysZone) {
    // Midnight in GMT−3 is 03:00 UTC: the company's day begins then.
    const CommandLine midnight = parse({"--now", "2026-03-10T00:00"});
    ASSERT_EQ(midnight.next, CommandLine::Next::run) << midnight.error;
    EXPECT_EQ(midnight.options.now, 1773111600);
    const CommandLine last_minute = parse({"--now", "2026-03-09T23:59"});
    EXPECT_EQ(last_minute.options.now, 1773111600 - 60);
}

TEST(StubOptions, HelpAsksForTheUsage) {
    EXPECT_EQ(parse({"--help"}).next, CommandLine::Next::show_help);
    EXPECT_EQ(parse({"--port", "1", "-h"}).next, CommandLine::Next::show_help);
}

TEST(StubOptions, ABadValueIsRefusedNamingTheOption) {
    struct Case {
        std::vector<const char*> args;
        std::string error;
    };
    const std::vector<Case> cases = {
        {{"--port", "65536"}, "--port: expected a number from 0 to 65535, not \"65536\""},
        {{"--port", "80x"}, "--port: expected a number from 0 to 65535, not \"80x\""},
        {{"--threads", "0"}, "--threads: expected a number from 1 to 256, not \"0\""},
        {{"--token-ttl", ""}, "--token-ttl: expected a number from 1 to 31536000, not \"\""},
        {{"--db"}, "--db needs a value"},
        {{"--now", "2026-02-30T10:00"},
         "--now: expected YYYY-MM-DDTHH:MM (GMT-3), not \"2026-02-30T10:00\""},
        {{"--now", "2026-12-11 09:30"},
         "--now: expected YYYY-MM-DDTHH:MM (GMT-3), not \"2026-12-11 09:30\""},
        {{"--now", "2026-12-11T24:00"},
         "--now: expected YYYY-MM-DDTHH:MM (GMT-3), not \"2026-12-11T24:00\""},
        {{"--now"}, "--now needs a value"},
        {{"--quiet", "--prot", "80"}, "unknown option --prot"},
    };
    for (const Case& c : cases) {
        const CommandLine line = parse(c.args);
        EXPECT_EQ(line.next, CommandLine::Next::refuse) << c.error;
        EXPECT_EQ(line.error, c.error);
    }
}

}  // namespace
}  // namespace portal::stub
