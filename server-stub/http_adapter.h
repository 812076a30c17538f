// cpp-httplib <-> the backend's plain Request/Response, plus the headers every answer carries.
#pragma once

#include <httplib.h>

#include "core/http.h"

namespace portal::stub {

backend::Request to_backend_request(const httplib::Request& request);
void write_response(const backend::Response& from, httplib::Response& to);

// X-Content-Type-Options, Referrer-Policy and a Content-Security-Policy fit for the wasm page.
void add_security_headers(httplib::Response& response);

}  // namespace portal::stub
