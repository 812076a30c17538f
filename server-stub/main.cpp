// portal-stub: the backend library behind a real HTTP server (Boost.Beast + Asio), with a SQLite
// store, Argon2id passwords, and the built page served from --static. See `portal-stub --help`.
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <utility>

#include "argon2id_hasher.h"
#include "core/backend.h"
#include "core/manual_library.h"
#include "data_files.h"
#include "options.h"
#include "serve.h"
#include "sodium_random.h"
#include "static_files.h"
#include "store_setup.h"

int main(int argc, char** argv) {
    using namespace portal;
    stub::Options defaults;
    defaults.manuals_dir = PORTAL_DEFAULT_MANUALS_DIR;
    defaults.fixtures_dir = PORTAL_DEFAULT_FIXTURES_DIR;
    const stub::CommandLine line = stub::parse_command_line(argc, argv, defaults);
    if (line.next == stub::CommandLine::Next::show_help) {
        std::fputs(stub::kUsage, stdout);
        return 0;
    }
    if (line.next == stub::CommandLine::Next::refuse) {
        std::fprintf(stderr, "portal-stub: %s (portal-stub --help lists the options)\n",
                     line.error.c_str());
        return 2;
    }
    const stub::Options& options = line.options;

    // Before any thread starts, so that every thread inherits the blocked stop signals.
    stub::take_stop_signals();

    backend::SystemClock system_clock;
    std::optional<backend::FixedClock> fixed_clock;
    if (options.now) fixed_clock.emplace(*options.now);
    const backend::Clock& clock =
        fixed_clock ? static_cast<const backend::Clock&>(*fixed_clock) : system_clock;
    // A bad file stops the stub; a missing one leaves only the holidays set by law.
    auto calendar = stub::read_calendar(options.fixtures_dir);
    if (!calendar.ok() && calendar.error().code != "missing_data_file") {
        std::fprintf(stderr, "portal-stub: %s\n", calendar.error().message.c_str());
        return 1;
    }
    if (!calendar.ok()) {
        std::fprintf(stderr, "portal-stub: %s: no decreed non-working days\n",
                     calendar.error().message.c_str());
    }
    stub::SodiumRandomSource random;
    stub::Argon2idHasher hasher(options.fast_hash ? stub::Argon2idLimits::minimum()
                                                  : stub::Argon2idLimits::interactive());
    std::unique_ptr<backend::Store> store = stub::open_store(options, hasher, clock);
    if (!store) return 1;
    if (options.init_db_only) {
        std::printf("database ready: %s\n", options.db.c_str());
        return 0;
    }

    backend::ManualLibrary manuals(stub::read_manual_sources(options.manuals_dir));
    backend::BackendConfig config;
    config.token_ttl_seconds = options.token_ttl;
    if (calendar.ok()) config.calendar = std::move(calendar).value();
    backend::Backend api(*store, clock, hasher, random, manuals, config);
    // With a database, attached files live beside it; without one, in memory like the rest.
    std::unique_ptr<stub::AttachmentDirectory> attachments;
    if (!options.db.empty()) {
        try {
            attachments = std::make_unique<stub::AttachmentDirectory>(
                stub::AttachmentDirectory::beside(options.db));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "portal-stub: %s\n", e.what());
            return 1;
        }
        api.use_attachment_files(*attachments);
    }
    std::unique_ptr<stub::StaticFiles> static_files;
    if (!options.static_dir.empty()) {
        static_files = std::make_unique<stub::StaticFiles>(options.static_dir);
    }
    return stub::serve(options, api, static_files.get(), attachments.get());
}
