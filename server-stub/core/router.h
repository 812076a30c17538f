// Maps (method, path) to a handler. Patterns are literal segments and `{name}` parameters:
// "/api/v1/services/{id}/downloads". The table is also published (routes()) so a test can
// compare it with api/openapi.yaml.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/http.h"

namespace portal::backend {

using PathParams = std::map<std::string, std::string>;

struct RouteInfo {
    std::string method;
    std::string pattern;
};

class Router {
  public:
    using Handler = std::function<Response(const Request&, const PathParams&)>;

    void add(std::string method, std::string pattern, Handler handler);

    struct Match {
        enum class Kind { found, unknown_path, wrong_method } kind = Kind::unknown_path;
        const Handler* handler = nullptr;
        PathParams params;
        std::vector<std::string> allowed;  // for wrong_method: the methods the path accepts
    };
    Match match(std::string_view method, std::string_view path) const;

    std::vector<RouteInfo> routes() const;

  private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
    };
    std::vector<Route> routes_;
};

}  // namespace portal::backend
