// The static-host demo's Transport: the backend core itself, running inside the page over an
// in-memory store that is saved in localStorage after every change (DESIGN.md, "the one idea").
// A thin shell around backend::InProcessExchange (server-stub/core), which does the mapping of
// requests and answers and is tested natively against the stub (tests/api_scenarios): this file
// only adds the page's data, localStorage and "later" (the next browser tick).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api/transport.h"
#include "core/demo_backend.h"
#include "core/in_process_exchange.h"

namespace portal::platform {

class InProcessTransport final : public api::Transport {
  public:
    // Builds the backend from the fixtures and manuals embedded in the page, restoring the
    // browser's saved copy when there is one. `wake` is called after each answer is handled.
    explicit InProcessTransport(std::function<void()> wake);

    void send(api::HttpRequest request, std::function<void(api::HttpResponse)> done) override;

    // Forgets everything the visitor did: the saved copy is deleted (the page then reloads).
    static void forget_saved_demo();
    // Empty when the demo started; otherwise what went wrong (shown on the page).
    const std::string& start_problem() const { return start_problem_; }

  private:
    std::unique_ptr<backend::DemoBackend> backend_;
    std::function<void()> wake_;
    std::string start_problem_;
    std::unique_ptr<backend::InProcessExchange> exchange_;
};

}  // namespace portal::platform
