// A Transport for native tests of the app layer: it records every request and lets the test
// answer each one when it chooses, exactly as the network would, later and in any order.
#pragma once

#include <deque>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>

#include "api/transport.h"

namespace portal::testing {

class FakeTransport final : public api::Transport {
  public:
    struct Pending {
        api::HttpRequest request;
        std::function<void(api::HttpResponse)> done;
    };

    void send(api::HttpRequest request, std::function<void(api::HttpResponse)> done) override {
        pending_.push_back({std::move(request), std::move(done)});
    }

    size_t pending() const { return pending_.size(); }
    // Whether a request with this method and path waits for an answer, in any position.
    bool waiting(const std::string& method, const std::string& path) const {
        for (const Pending& p : pending_) {
            if (p.request.method == method && p.request.path == path) return true;
        }
        return false;
    }
    // The waiting request with this method and path, the oldest first; nullptr when none.
    const api::HttpRequest* find(const std::string& method, const std::string& path) const {
        for (const Pending& p : pending_) {
            if (p.request.method == method && p.request.path == path) return &p.request;
        }
        return nullptr;
    }
    // Answers every waiting request with no HTTP answer (the server went away).
    void fail_all(api::TransportFailure failure) {
        while (!pending_.empty()) fail(failure);
    }
    const api::HttpRequest& next() const {
        if (pending_.empty()) throw std::logic_error("no request is waiting for an answer");
        return pending_.front().request;
    }

    // Answers the oldest request with an HTTP answer.
    void reply(int status, std::string body) {
        api::HttpResponse response;
        response.status = status;
        response.body = std::move(body);
        response.content_type = "application/json";
        answer(std::move(response));
    }
    // Answers the oldest request with no HTTP answer at all.
    void fail(api::TransportFailure failure) {
        api::HttpResponse response;
        response.failure = failure;
        answer(std::move(response));
    }

  private:
    void answer(api::HttpResponse response) {
        if (pending_.empty()) throw std::logic_error("no request is waiting for an answer");
        Pending first = std::move(pending_.front());
        pending_.pop_front();
        first.done(std::move(response));
    }

    std::deque<Pending> pending_;
};

}  // namespace portal::testing
