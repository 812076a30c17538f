#include "data_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace portal::stub {

namespace fs = std::filesystem;

std::optional<std::string> read_text_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<backend::ManualSource> read_manual_sources(const fs::path& root) {
    std::vector<backend::ManualSource> sources;
    std::error_code error;
    if (!fs::is_directory(root, error)) return sources;
    for (auto it = fs::recursive_directory_iterator(root, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (!it->is_regular_file() || it->path().extension() != ".md") continue;
        if (it->path().filename() == "README.md") continue;  // notes for authors, not a page
        auto text = read_text_file(it->path());
        if (!text) continue;
        sources.push_back({fs::relative(it->path(), root).generic_string(), *text});
    }
    std::sort(sources.begin(), sources.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    return sources;
}

domain::Outcome<domain::Calendar> read_calendar(const std::filesystem::path& fixtures_dir) {
    const std::filesystem::path path = fixtures_dir / "non_working_days.txt";
    auto text = read_text_file(path);
    if (!text) return domain::DomainError{"missing_data_file", "cannot read " + path.string()};
    auto days = domain::parse_non_working_days(*text);
    if (!days.ok()) {
        return domain::DomainError{days.error().code, path.string() + ", " + days.error().message};
    }
    return domain::Calendar(std::move(days).value());
}

}  // namespace portal::stub
