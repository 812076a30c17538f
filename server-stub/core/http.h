// The backend's own request/answer types: plain data, no HTTP library. portal-stub copies
// cpp-httplib's request into a Request; the page's in-process transport builds one directly.
#pragma once

#include <map>
#include <string>

namespace portal::backend {

struct Request {
    std::string method;                          // "GET", "POST", ... (upper case)
    std::string path;                            // "/api/v1/services/12", without the query string
    std::map<std::string, std::string> query;    // decoded ?key=value pairs
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
};

struct Response {
    int status = 200;
    std::map<std::string, std::string> headers;  // names as sent ("Content-Type")
    std::string body;
};

}  // namespace portal::backend
