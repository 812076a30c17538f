#include "static_files.h"

#include <sodium.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "domain/trim.h"

namespace portal::stub {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, separator)) parts.emplace_back(domain::trim(part));
    return parts;
}

// 128-bit BLAKE2b of the content, as 32 hex digits.
std::string content_hash(const std::string& data) {
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()),
                       data.size(), nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

// The gzip representation's tag: the file's, with "-gz" inside the quotes.
std::string gzip_etag(const std::string& etag) {
    return etag.substr(0, etag.size() - 1) + "-gz\"";
}

// If-None-Match (RFC 9110 §13.1.2, weak comparison): "*" or a list of tags.
bool none_match_hits(const std::string& header, const StaticFile& file) {
    for (std::string tag : split(header, ',')) {
        if (tag == "*") return true;
        if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
        if (tag == file.etag || (!file.gzip.empty() && tag == gzip_etag(file.etag))) return true;
    }
    return false;
}

}  // namespace

StaticFiles::StaticFiles(fs::path root) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
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

bool StaticFiles::has_content_hash(const std::string& file_name) {
    const auto parts = split(file_name, '.');
    // name.HASH.ext: the hash is neither the first part nor the extension.
    for (size_t i = 1; i + 1 < parts.size(); ++i) {
        const std::string& part = parts[i];
        if (part.size() >= 8 && std::all_of(part.begin(), part.end(), [](char c) {
                return std::isxdigit(static_cast<unsigned char>(c)) != 0;
            })) {
            return true;
        }
    }
    return false;
}

bool StaticFiles::accepts_gzip(const std::string& accept_encoding) {
    std::optional<bool> by_name;
    std::optional<bool> by_star;
    for (const std::string& item : split(accept_encoding, ',')) {
        const auto fields = split(item, ';');
        if (fields.empty()) continue;
        const std::string coding = lower(fields[0]);
        double q = 1.0;
        for (size_t i = 1; i < fields.size(); ++i) {
            const std::string field = lower(fields[i]);
            if (field.rfind("q=", 0) != 0) continue;
            try {
                q = std::stod(field.substr(2));
            } catch (const std::exception&) {
                q = 0.0;  // unreadable weight: not accepted
            }
        }
        if (coding == "gzip" || coding == "x-gzip") by_name = q > 0.0;
        if (coding == "*") by_star = q > 0.0;
    }
    if (by_name) return *by_name;
    return by_star.value_or(false);
}

std::string StaticFiles::gzip(const std::string& data) {
    z_stream stream{};
    // windowBits 15 + 16: a gzip header and trailer rather than zlib's.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
        throw std::runtime_error("zlib could not start");
    }
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("zlib could not compress");
    return out;
}

std::optional<fs::path> StaticFiles::resolve(const std::string& url_path) const {
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
    return candidate;
}

std::shared_ptr<const StaticFile> StaticFiles::get(const std::string& url_path) const {
    const auto path = resolve(url_path);
    if (!path) return nullptr;
    std::error_code error;
    const auto modified = fs::last_write_time(*path, error);
    if (error) return nullptr;
    const auto size = fs::file_size(*path, error);
    if (error) return nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = cache_.find(*path);
        if (it != cache_.end() && it->second.modified == modified && it->second.size == size) {
            return it->second.file;
        }
    }
    // Read, hash and compress outside the lock; two first requests may both do it, once each.
    std::ifstream in(*path, std::ios::binary);
    if (!in) return nullptr;
    std::ostringstream body;
    body << in.rdbuf();
    auto file = std::make_shared<StaticFile>();
    file->content_type = content_type_for(*path);
    file->body = body.str();
    file->etag = "\"" + content_hash(file->body) + "\"";
    std::string packed = gzip(file->body);
    if (packed.size() < file->body.size()) file->gzip = std::move(packed);
    file->cache_control = has_content_hash(path->filename().string())
                              ? "public, max-age=31536000, immutable"
                              : "no-cache";
    std::lock_guard<std::mutex> lock(mutex_);
    cache_[*path] = Cached{modified, size, file};
    return file;
}

std::optional<StaticFile> StaticFiles::find(const std::string& url_path) const {
    auto file = get(url_path);
    if (!file) return std::nullopt;
    return *file;
}

StaticAnswer StaticFiles::answer(const StaticRequest& request) const {
    StaticAnswer out;
    if (request.method != "GET" && request.method != "HEAD") return out;
    auto file = get(request.path);
    if (!file) return out;
    const bool gzipped = !file->gzip.empty() && accepts_gzip(request.accept_encoding);
    const std::string etag = gzipped ? gzip_etag(file->etag) : file->etag;
    out.headers = {{"ETag", etag},
                   {"Cache-Control", file->cache_control},
                   {"Vary", "Accept-Encoding"},
                   {"Accept-Ranges", "none"}};
    out.content_type = file->content_type;
    if (!request.if_none_match.empty() && none_match_hits(request.if_none_match, *file)) {
        out.status = 304;
        return out;
    }
    out.status = 200;
    if (gzipped) out.headers.emplace_back("Content-Encoding", "gzip");
    const std::string& body = gzipped ? file->gzip : file->body;
    out.length = body.size();
    out.body = &body;
    out.file = std::move(file);
    return out;
}

}  // namespace portal::stub
