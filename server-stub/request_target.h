// The request target ("/api/v1/manuals?q=dns%20zone") split into the decoded path and the query's
// pairs, the way the page's in-process transport reads it (core/in_process_exchange.cpp), so both
// transports hand the backend the same text.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace portal::stub {

// %XX decoded (a lone or malformed '%' stays as it is); in a query '+' is a space.
std::string percent_decode(std::string_view text, bool plus_is_space);

// Fills `path` and `query` ("a=1&b=2": first value of a repeated name wins; empty names skipped).
void split_target(std::string_view target, std::string& path,
                  std::map<std::string, std::string>& query);

}  // namespace portal::stub
