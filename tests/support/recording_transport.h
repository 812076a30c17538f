// A Transport that passes everything to another one and keeps a copy of each exchange (request
// and answer), for tests that compare what two backends answered to the same visit.
#pragma once

#include <utility>
#include <vector>

#include "api/transport.h"

namespace portal::testing {

class RecordingTransport final : public api::Transport {
  public:
    struct Exchange {
        api::HttpRequest request;  // without on_progress
        api::HttpResponse response;
        bool answered = false;
    };

    explicit RecordingTransport(api::Transport& inner) : inner_(inner) {}

    void send(api::HttpRequest request, std::function<void(api::HttpResponse)> done) override {
        const size_t index = log_.size();
        Exchange entry;
        entry.request = request;
        entry.request.on_progress = nullptr;
        log_.push_back(std::move(entry));
        inner_.send(std::move(request),
                    [this, index, done = std::move(done)](api::HttpResponse response) {
                        log_[index].response = response;
                        log_[index].answered = true;
                        done(std::move(response));
                    });
    }

    const std::vector<Exchange>& log() const { return log_; }

  private:
    api::Transport& inner_;
    std::vector<Exchange> log_;
};

}  // namespace portal::testing
