#include "http_adapter.h"

#include <algorithm>
#include <cctype>

#include "core/responses.h"

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
    out.remote_address = request.remote_addr;
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

void serve_static(const StaticFiles& files, const httplib::Request& request,
                  httplib::Response& response) {
    StaticRequest asked;
    asked.method = request.method;
    asked.path = request.path;
    asked.accept_encoding = request.get_header_value("Accept-Encoding");
    asked.if_none_match = request.get_header_value("If-None-Match");
    StaticAnswer answer = files.answer(asked);
    if (answer.status == 404) {
        write_response(backend::error_response(404, "not_found", "no such file"), response);
        return;
    }
    // httplib would slice the body for a Range header; the whole file is the answer (Accept-Ranges:
    // none). Its Request object is not const underneath (a local in its connection loop).
    const_cast<httplib::Request&>(request).ranges.clear();
    response.status = answer.status;
    for (const auto& [name, value] : answer.headers) response.set_header(name, value);
    if (answer.status != 200) return;  // 304: headers only
    if (answer.length == 0) {
        response.set_content("", answer.content_type);
        return;
    }
    // A content provider with a known length: httplib sends it as is (it compresses only `body`
    // strings and chunked providers) and, for HEAD, only its Content-Length.
    auto file = answer.file;
    const std::string* body = answer.body;
    response.set_content_provider(
        answer.length, answer.content_type,
        [file, body](size_t offset, size_t length, httplib::DataSink& sink) {
            return sink.write(body->data() + offset, std::min(length, body->size() - offset));
        });
}

void add_security_headers(httplib::Response& response) {
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
                        "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
}

}  // namespace portal::stub
