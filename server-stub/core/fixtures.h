// Demo data (server-stub/fixtures/*.json, described in server-stub/fixtures/README.md) loaded
// into any Store: the stub's fresh SQLite database, the page's in-memory demo, the tests.
//
// Dates in the files are relative to the day they are loaded, so the demo never goes stale:
// "today", "-180d", "+30d" (or an absolute "2026-03-01"). A missing period_end is one cycle of
// the service's plan; a missing next_due_on is the day after period_end. What a service has paid
// for its period is never written: it follows from its paid invoices (RULES.md §3).
#pragma once

#include <string_view>

#include "core/password_hasher.h"
#include "core/store.h"
#include "domain/date.h"
#include "domain/outcome.h"

namespace portal::backend {

struct FixtureCounts {
    int clients = 0;
    int plans = 0;
    int services = 0;
    int downloads = 0;
    int invoices = 0;
};

// catalog: {"downloads":[...], "plans":[...], "status":{"components":[...],"incidents":[...]}};
// clients: {"clients":[...]}; each service's "server" is one of the status page's components.
// Everything is written in one transaction: a bad file leaves the store untouched.
domain::Outcome<FixtureCounts> load_fixtures(std::string_view catalog_json,
                                             std::string_view clients_json, Store& store,
                                             PasswordHasher& hasher, domain::Date today);

// "today", "-180d", "+30d" or "YYYY-MM-DD".
std::optional<domain::Date> parse_fixture_date(std::string_view text, domain::Date today);

}  // namespace portal::backend
