// Reading the stub's data folders from disk: the fixtures (JSON) and the manuals (Markdown).
// The core takes both as data; only the native stub touches the file system.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/manual_library.h"
#include "domain/calendar.h"
#include "domain/outcome.h"

namespace portal::stub {

std::optional<std::string> read_text_file(const std::filesystem::path& path);

// Every article under `root` (recursively; backend::is_manual_page_file), with '/'-separated
// paths relative to it. A missing folder gives no pages.
std::vector<backend::ManualSource> read_manual_sources(const std::filesystem::path& root);

// The calendar with the decreed non-working days of `fixtures_dir`/non_working_days.txt. A bad
// line is an error naming the file and the line; a missing file is "missing_data_file".
domain::Outcome<domain::Calendar> read_calendar(const std::filesystem::path& fixtures_dir);

}  // namespace portal::stub
