// cpp-httplib <-> the backend's plain Request/Response, plus the headers every answer carries.
#pragma once

#include <httplib.h>

#include "core/http.h"
#include "static_files.h"

namespace portal::stub {

backend::Request to_backend_request(const httplib::Request& request);
void write_response(const backend::Response& from, httplib::Response& to);

// Answers a GET or HEAD for a file of the page from `files` (gzip, ETag, 304: see static_files.h),
// or 404 in JSON. The body is streamed from the cache without a copy, and httplib neither
// compresses it again nor slices it for a Range header (the whole file is sent).
void serve_static(const StaticFiles& files, const httplib::Request& request,
                  httplib::Response& response);

// X-Content-Type-Options, Referrer-Policy and a Content-Security-Policy fit for the wasm page.
void add_security_headers(httplib::Response& response);

}  // namespace portal::stub
