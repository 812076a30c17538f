#include "http_adapter.h"

#include <algorithm>

#include "core/responses.h"

namespace portal::stub {

namespace {

std::string header(const backend::Request& request, const std::string& name) {
    const auto it = request.headers.find(name);
    return it == request.headers.end() ? "" : it->second;
}

}  // namespace

backend::Request to_backend_request(backend::Request request) {
    if (request.method == "HEAD") request.method = "GET";
    return request;
}

backend::Response serve_static(const StaticFiles& files, const backend::Request& request) {
    StaticRequest asked;
    asked.method = request.method;
    asked.path = request.path;
    asked.accept_encoding = header(request, "accept-encoding");
    asked.if_none_match = header(request, "if-none-match");
    StaticAnswer answer = files.answer(asked);
    if (answer.status == 404) return backend::error_response(404, "not_found", "no such file");
    backend::Response response;
    response.status = answer.status;
    for (const auto& [name, value] : answer.headers) response.headers[name] = value;
    response.headers["Content-Type"] = answer.content_type;
    if (answer.status != 200 || answer.length == 0) return response;  // 304: headers only
    // Pieces of the cached representation, which the producer keeps alive.
    auto file = answer.file;
    const std::string* body = answer.body;
    response.streamed = [file, body](int64_t offset, int64_t length) {
        const auto from =
            static_cast<size_t>(std::clamp<int64_t>(offset, 0, static_cast<int64_t>(body->size())));
        return body->substr(from, static_cast<size_t>(std::max<int64_t>(length, 0)));
    };
    response.streamed_length = static_cast<int64_t>(answer.length);
    return response;
}

void add_security_headers(backend::Response& response) {
    response.headers["X-Content-Type-Options"] = "nosniff";
    response.headers["Referrer-Policy"] = "no-referrer";
    // A stricter policy the answer brings (a client's file: sandboxed) stays.
    response.headers.emplace("Content-Security-Policy",
                             "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
                             "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
}

}  // namespace portal::stub
