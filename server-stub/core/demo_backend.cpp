#include "core/demo_backend.h"

#include "core/fixtures.h"

#include <utility>

namespace portal::backend {

namespace {

// The decreed non-working days join the config; a bad file is reported like bad fixtures.
BackendConfig with_calendar(BackendConfig config, std::string_view non_working_days,
                            std::optional<domain::DomainError>& error) {
    auto days = domain::parse_non_working_days(non_working_days);
    if (days.ok()) {
        config.calendar = domain::Calendar(std::move(days).value());
    } else {
        error =
            domain::DomainError{days.error().code, "non_working_days.txt, " + days.error().message};
    }
    return config;
}

}  // namespace

BackendConfig DemoBackend::browser_config() {
    BackendConfig config;
    config.max_attachment_bytes = domain::kDemoAttachmentMaxBytes;
    config.max_attachment_bytes_per_client = 1024 * 1024;
    return config;
}

DemoBackend::DemoBackend(const Sources& sources, std::string_view saved_store, BackendConfig config)
    : fixed_clock_(sources.now ? std::optional<FixedClock>(FixedClock(*sources.now))
                               : std::nullopt),
      clock_(fixed_clock_ ? static_cast<const Clock&>(*fixed_clock_) : system_clock_),
      hasher_(random_),
      manuals_(sources.manuals),
      backend_(store_, clock_, hasher_, random_, manuals_,
               with_calendar(std::move(config), sources.non_working_days, load_error_)) {
    // The files' bytes live in the store, and are saved in the browser with it.
    backend_.use_attachment_files(store_.attachment_files());
    if (load_error_) return;
    if (!saved_store.empty() && store_.load_json(saved_store).ok()) {
        restored_ = true;
        return;
    }
    auto loaded = load_fixtures(sources.catalog_json, sources.clients_json, store_, hasher_,
                                domain::company_today(clock_.now()));
    if (!loaded.ok()) load_error_ = loaded.error();
}

}  // namespace portal::backend
