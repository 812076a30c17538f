// What portal-stub answers, on top of HttpServer: the API's requests handed to the backend, the
// page's files (gzip, ETag, 304: see static_files.h), and the headers every answer carries.
#pragma once

#include "core/http.h"
#include "static_files.h"

namespace portal::stub {

// The request as the backend takes it: HEAD is a GET whose body the server does not send (nor
// produce, when streamed).
backend::Request to_backend_request(backend::Request request);

// Answers a GET or HEAD for a file of the page from `files`, or 404 in JSON. The body is streamed
// from the cache without a copy; Range is ignored (the whole file is the answer).
backend::Response serve_static(const StaticFiles& files, const backend::Request& request);

// X-Content-Type-Options, Referrer-Policy and a Content-Security-Policy fit for the wasm page.
void add_security_headers(backend::Response& response);

}  // namespace portal::stub
