// Serves the built page (index.html, .js, .wasm, .data, fonts) from one folder. Only paths that
// stay inside the folder are answered: ".." segments, hidden files and anything resolving
// outside (a symlink out) are refused with 404, the same as a missing file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace portal::stub {

struct StaticFile {
    std::string content_type;
    std::string body;
};

class StaticFiles {
  public:
    explicit StaticFiles(std::filesystem::path root);

    // `url_path` is the request path, already percent-decoded ("/", "/portal.wasm").
    std::optional<StaticFile> find(const std::string& url_path) const;

    static std::string content_type_for(const std::filesystem::path& file);

  private:
    std::filesystem::path root_;  // canonical
};

}  // namespace portal::stub
