// The real manuals (assets/manuals) as the backend's ManualSource list, for the targets that
// link the backend core.
#pragma once

#include "core/manual_library.h"
#include "fuzz_support.h"

namespace portal::fuzz {

// Every *.md under `root` but README.md, sorted by path (as portal-stub reads them).
inline std::vector<backend::ManualSource> read_manuals(const std::filesystem::path& root) {
    namespace fs = std::filesystem;
    std::vector<backend::ManualSource> sources;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
        if (entry.path().filename() == "README.md") continue;
        sources.push_back(
            {fs::relative(entry.path(), root).generic_string(), read_file(entry.path())});
    }
    std::sort(sources.begin(), sources.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    if (sources.empty()) {
        std::fprintf(stderr, "fuzz: no manuals in %s\n", root.c_str());
        std::abort();
    }
    return sources;
}

}  // namespace portal::fuzz
