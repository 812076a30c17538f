#include "http_adapter.h"

#include <cctype>

namespace portal::stub {

backend::Request to_backend_request(const httplib::Request& request) {
    backend::Request out;
    // HEAD is a GET whose body httplib does not send (sizes of downloads, for instance).
    out.method = request.method == "HEAD" ? "GET" : request.method;
    out.path = request.path;
    for (const auto& [key, value] : request.params) out.query.emplace(key, value);  // first wins
    for (const auto& [name, value] : request.headers) {
        std::string lower = name;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.headers[lower] = value;
    }
    out.body = request.body;
    return out;
}

void write_response(const backend::Response& from, httplib::Response& to) {
    to.status = from.status;
    std::string content_type = "application/octet-stream";
    for (const auto& [name, value] : from.headers) {
        if (name == "Content-Type") {
            content_type = value;
        } else if (name != "Content-Length") {  // httplib computes it from the body
            to.set_header(name, value);
        }
    }
    if (from.status != 204 && from.status != 304) to.set_content(from.body, content_type);
}

void add_security_headers(httplib::Response& response) {
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
                        "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
}

}  // namespace portal::stub
