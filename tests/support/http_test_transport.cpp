#include "http_test_transport.h"

#include <chrono>
#include <thread>
#include <utility>
#include <vector>

namespace portal::testing {

namespace {

// What a browser's URL parser escapes in a path or query it is given; everything else (an
// existing %XX, '+', '&', '=') goes out exactly as written.
std::string escape_like_a_browser(const std::string& target) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F || c == '"' || c == '<' || c == '>' || c == '`') {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

// "application/json; charset=utf-8" -> "application/json", as FetchTransport reports it.
std::string media_type(const std::string& header) {
    std::string type = header.substr(0, header.find(';'));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    return type;
}

}  // namespace

HttpTestTransport::HttpTestTransport(std::string host, int port, TaskQueue& later,
                                     std::string api_base)
    : client_(std::make_unique<httplib::Client>(std::move(host), port)),
      later_(later),
      api_base_(std::move(api_base)) {
    client_->set_connection_timeout(2);
    client_->set_keep_alive(true);
    client_->set_url_encode(false);
}

bool HttpTestTransport::wait_until_ready(int attempts) {
    for (int i = 0; i < attempts; ++i) {
        auto answer = client_->Get((api_base_ + "/health").c_str());
        if (answer && answer->status == 200) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

void HttpTestTransport::send(api::HttpRequest request,
                             std::function<void(api::HttpResponse)> done) {
    httplib::Request out;
    out.method = request.method;
    out.path = escape_like_a_browser(api_base_ + request.path);
    for (const auto& [name, value] : request.headers) out.headers.emplace(name, value);
    out.body = request.body;
    // Progress as the bytes arrive, kept to be replayed in order before the answer.
    auto progress = std::make_shared<std::vector<std::pair<uint64_t, uint64_t>>>();
    if (request.on_progress) {
        out.progress = [progress](uint64_t received, uint64_t total) {
            progress->emplace_back(received, total);
            return true;
        };
    }
    const int timeout_ms = request.timeout_ms > 0 ? request.timeout_ms : 15000;
    client_->set_read_timeout(timeout_ms / 1000, (timeout_ms % 1000) * 1000);
    client_->set_write_timeout(timeout_ms / 1000, (timeout_ms % 1000) * 1000);

    const auto started = std::chrono::steady_clock::now();
    auto result = client_->send(out);
    api::HttpResponse response;
    if (!result) {
        // As FetchTransport: no answer within the time allowed is a timeout, anything else
        // (refused, reset) is unreachable.
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::steady_clock::now() - started)
                                 .count();
        response.failure = elapsed + 50 >= timeout_ms ? api::TransportFailure::timeout
                                                      : api::TransportFailure::unreachable;
        progress->clear();
    } else {
        response.status = result->status;
        response.body = std::move(result->body);
        if (result->has_header("Content-Type")) {
            response.content_type = media_type(result->get_header_value("Content-Type"));
        }
    }
    later_.post([on_progress = std::move(request.on_progress), progress, done = std::move(done),
                 response = std::move(response)]() mutable {
        if (on_progress) {
            for (const auto& [received, total] : *progress) on_progress(received, total);
        }
        done(std::move(response));
    });
}

}  // namespace portal::testing
