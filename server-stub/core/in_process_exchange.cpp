#include "core/in_process_exchange.h"

#include <map>
#include <string_view>
#include <utility>

namespace portal::backend {

namespace {

constexpr std::string_view kApi = "/api/v1";

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// %XX decoded (a lone or malformed '%' stays as it is); in a query '+' is a space.
std::string percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (plus_is_space && text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
                   hex_digit(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// "a=1&b=2": pairs split at the first '='; empty pieces and empty names are skipped and the
// first value of a repeated name wins.
void parse_query(std::string_view query, std::map<std::string, std::string>& out) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        if (!pair.empty()) {
            const auto eq = pair.find('=');
            std::string name = percent_decode(pair.substr(0, eq), true);
            std::string value =
                eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1), true);
            if (!name.empty()) out.emplace(std::move(name), std::move(value));
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
}

}  // namespace

void split_target(std::string_view target, std::string& path,
                  std::map<std::string, std::string>& query) {
    const auto mark = target.find('?');
    path = percent_decode(target.substr(0, mark), false);
    if (mark != std::string_view::npos) parse_query(target.substr(mark + 1), query);
}

Request to_backend_request(const api::HttpRequest& request) {
    Request out;
    // HEAD is a GET without the body in the answer (the stub does the same).
    out.method = request.method == "HEAD" ? "GET" : request.method;
    split_target(std::string(kApi) + request.path, out.path, out.query);
    for (const auto& [name, value] : request.headers) {
        std::string lower = name;
        for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        out.headers[lower] = value;
    }
    out.body = request.body;
    return out;
}

api::HttpResponse to_http_response(const Response& answer) {
    api::HttpResponse out;
    out.status = answer.status;
    // No body in a 204 or 304, whatever the handler wrote (HTTP sends none).
    // A streamed body (a download) is produced whole here: the page holds it as one blob anyway.
    if (answer.status != 204 && answer.status != 304) {
        out.body = answer.streamed ? answer.streamed(0, answer.streamed_length) : answer.body;
    }
    const auto type = answer.headers.find("Content-Type");
    if (!out.body.empty()) {
        // A fetch reports the media type only: "application/json; charset=utf-8" -> the first.
        // A body without a type goes out as application/octet-stream (the stub's default).
        const std::string value =
            type != answer.headers.end() ? type->second : "application/octet-stream";
        out.content_type = value.substr(0, value.find(';'));
        while (!out.content_type.empty() && out.content_type.back() == ' ') {
            out.content_type.pop_back();
        }
    }
    return out;
}

InProcessExchange::InProcessExchange(Handler handler, Later later,
                                     std::function<void()> after_change)
    : handler_(std::move(handler)),
      later_(std::move(later)),
      after_change_(std::move(after_change)) {}

void InProcessExchange::send(api::HttpRequest request,
                             std::function<void(api::HttpResponse)> done) {
    api::HttpResponse response;
    if (!handler_) {
        response.failure = api::TransportFailure::unreachable;
    } else {
        const Response answer = handler_(to_backend_request(request));
        response = to_http_response(answer);
        if (request.method == "HEAD") response.body.clear();
        const bool accepted_change = request.method != "GET" && request.method != "HEAD" &&
                                     answer.status >= 200 && answer.status < 300;
        if (accepted_change && after_change_) after_change_();
    }
    // Never answer inside send(): callers expect the network's asynchrony.
    later_([progress = std::move(request.on_progress), done = std::move(done),
            response = std::move(response)]() mutable {
        if (progress && response.failure == api::TransportFailure::none) {
            progress(response.body.size(), response.body.size());
        }
        done(std::move(response));
    });
}

}  // namespace portal::backend
