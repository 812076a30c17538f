#include "static_files.h"

#include <fstream>
#include <map>
#include <sstream>

namespace portal::stub {

namespace fs = std::filesystem;

StaticFiles::StaticFiles(fs::path root) {
    std::error_code error;
    root_ = fs::weakly_canonical(root, error);
    if (error) root_ = fs::absolute(root);
}

std::string StaticFiles::content_type_for(const fs::path& file) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".data", "application/octet-stream"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
        {".png", "image/png"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".ttf", "font/ttf"},
        {".otf", "font/otf"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".md", "text/markdown; charset=utf-8"},
    };
    auto it = types.find(file.extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

std::optional<StaticFile> StaticFiles::find(const std::string& url_path) const {
    if (url_path.empty() || url_path.front() != '/') return std::nullopt;
    if (url_path.find('\0') != std::string::npos || url_path.find('\\') != std::string::npos) {
        return std::nullopt;
    }
    // Every segment must be a plain name: no "..", no ".", no hidden files.
    std::string relative = url_path.substr(1);
    std::stringstream segments(relative);
    std::string segment;
    while (std::getline(segments, segment, '/')) {
        if (!segment.empty() && segment.front() == '.') return std::nullopt;
    }
    if (relative.empty() || relative.back() == '/') relative += "index.html";

    std::error_code error;
    fs::path candidate = fs::weakly_canonical(root_ / relative, error);
    if (error) return std::nullopt;
    // Still inside the root after resolving symlinks?
    auto [root_end, unused] = std::mismatch(root_.begin(), root_.end(), candidate.begin());
    (void)unused;
    if (root_end != root_.end()) return std::nullopt;

    if (!fs::is_regular_file(candidate, error)) return std::nullopt;
    std::ifstream in(candidate, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream body;
    body << in.rdbuf();
    return StaticFile{content_type_for(candidate), body.str()};
}

}  // namespace portal::stub
