// Reading the stub's data folders from disk: the fixtures (JSON) and the manuals (Markdown).
// The core takes both as data; only the native stub touches the file system.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/manual_library.h"

namespace portal::stub {

std::optional<std::string> read_text_file(const std::filesystem::path& path);

// Every *.md under `root` (recursively), with '/'-separated paths relative to it. A missing
// folder gives no pages.
std::vector<backend::ManualSource> read_manual_sources(const std::filesystem::path& root);

}  // namespace portal::stub
