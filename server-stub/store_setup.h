// Where portal-stub keeps its data: SQLite (--db, created from the fixtures when new) or memory
// (always loaded from the fixtures).
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/password_hasher.h"
#include "core/store.h"
#include "options.h"

namespace portal::stub {

// The store the options name, with the demo data in it when it starts empty; nullptr (after
// saying why on stderr) when the database or the fixtures cannot be read.
std::unique_ptr<backend::Store> open_store(const Options& options, backend::PasswordHasher& hasher,
                                           const backend::Clock& clock);

// The demo accounts' emails, from the fixtures themselves (so this list cannot drift from them).
void print_demo_logins(const std::string& fixtures_dir);

}  // namespace portal::stub
