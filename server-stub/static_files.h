// Serves the built page (index.html, .js, .wasm, fonts) from one folder. Only paths that stay
// inside the folder are answered: ".." segments, hidden files and anything resolving outside (a
// symlink out) are refused with 404, the same as a missing file.
//
// Each file is read, hashed (its ETag) and gzipped (zlib level 9) once, the first time it is asked
// for, and again only when its size or modification time changes (a rebuild while the stub runs):
// requests never compress. Answers (see `answer`):
//   - gzip when the client accepts it (Accept-Encoding) and it makes the file smaller, with
//     `Vary: Accept-Encoding`;
//   - an ETag per file and encoding; If-None-Match with a matching tag gets 304 and no body;
//   - Cache-Control `no-cache` (the browser revalidates with the ETag) for every file, except names
//     carrying a content hash ("app.3f2a9c1b.wasm"), which never change: a year, immutable;
//   - Range is not supported (Accept-Ranges: none): the whole file, 200.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace portal::stub {

struct StaticFile {
    std::string content_type;
    std::string body;  // the file as it is on disk
    std::string gzip;  // gzip of body; empty when gzip would not make it smaller
    std::string etag;  // strong validator of body, quoted: "\"<32 hex>\""
    std::string cache_control;
};

// What a static-file request asks (the headers that matter here).
struct StaticRequest {
    std::string method = "GET";  // GET or HEAD
    std::string path;            // percent-decoded, e.g. "/portal-app.wasm"
    std::string accept_encoding;
    std::string if_none_match;
};

struct StaticAnswer {
    int status = 404;                                          // 200, 304 or 404
    std::vector<std::pair<std::string, std::string>> headers;  // without Content-Length
    std::string content_type;
    // The bytes to send (nullptr for 304 and 404; a HEAD answer sends only `length`); shared with
    // the cache, never copied.
    std::shared_ptr<const StaticFile> file;
    const std::string* body = nullptr;  // points into *file (body or gzip)
    size_t length = 0;                  // of the representation, also for HEAD
};

class StaticFiles {
  public:
    explicit StaticFiles(std::filesystem::path root);

    // `url_path` is the request path, already percent-decoded ("/", "/portal.wasm"). The returned
    // entry is shared with the cache.
    std::shared_ptr<const StaticFile> get(const std::string& url_path) const;
    // The same, copied (kept for callers that want a plain value).
    std::optional<StaticFile> find(const std::string& url_path) const;

    StaticAnswer answer(const StaticRequest& request) const;

    static std::string content_type_for(const std::filesystem::path& file);
    // True when the file name carries a content hash: a dot-separated part of 8 or more hex
    // digits before the extension ("portal-app.3f2a9c1b.wasm").
    static bool has_content_hash(const std::string& file_name);
    // Whether an Accept-Encoding header value accepts gzip (q > 0, by name or by "*").
    static bool accepts_gzip(const std::string& accept_encoding);
    // gzip (RFC 1952) of `data` at zlib level 9.
    static std::string gzip(const std::string& data);

  private:
    struct Cached {
        std::filesystem::file_time_type modified;
        std::uintmax_t size = 0;
        std::shared_ptr<const StaticFile> file;
    };
    std::optional<std::filesystem::path> resolve(const std::string& url_path) const;

    std::filesystem::path root_;  // canonical
    mutable std::mutex mutex_;
    mutable std::map<std::filesystem::path, Cached> cache_;
};

}  // namespace portal::stub
