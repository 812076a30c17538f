#include "data_files.h"

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
        if (!it->is_regular_file()) continue;
        std::string path = fs::relative(it->path(), root).generic_string();
        if (!backend::is_manual_page_file(path)) continue;
        auto text = read_text_file(it->path());
        if (!text) continue;
        sources.push_back({std::move(path), *text});
    }
    return sources;  // in any order: the library sorts them
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
