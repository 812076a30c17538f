#include "core/router.h"

#include <algorithm>

namespace portal::backend {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> segments;
    if (path.empty() || path.front() != '/') return segments;
    size_t start = 1;
    while (true) {
        size_t slash = path.find('/', start);
        segments.push_back(path.substr(
            start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return segments;
}

bool is_parameter(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// A parameter matches one non-empty segment; literals match exactly.
bool matches(const std::vector<std::string>& pattern, const std::vector<std::string_view>& path,
             PathParams* params) {
    if (pattern.size() != path.size()) return false;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (is_parameter(pattern[i])) {
            if (path[i].empty()) return false;
            if (params) (*params)[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
        } else if (pattern[i] != path[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
    std::vector<std::string> segments;
    for (auto segment : split_path(pattern)) segments.emplace_back(segment);
    routes_.push_back(
        {std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
    Match result;
    auto segments = split_path(path);
    for (const auto& route : routes_) {
        PathParams params;
        if (!matches(route.segments, segments, &params)) continue;
        if (route.method == method) {
            result.kind = Match::Kind::found;
            result.handler = &route.handler;
            result.params = std::move(params);
            return result;
        }
        if (std::find(result.allowed.begin(), result.allowed.end(), route.method) ==
            result.allowed.end()) {
            result.allowed.push_back(route.method);
        }
    }
    if (!result.allowed.empty()) result.kind = Match::Kind::wrong_method;
    return result;
}

std::vector<RouteInfo> Router::routes() const {
    std::vector<RouteInfo> table;
    for (const auto& route : routes_) table.push_back({route.method, route.pattern});
    return table;
}

}  // namespace portal::backend
