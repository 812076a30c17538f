// The page's Transport: the browser's network through emscripten_fetch, fully asynchronous (no
// frame ever waits on it), with a timeout on every request.
#pragma once

#include <functional>
#include <string>

#include "api/transport.h"

namespace portal::platform {

class FetchTransport final : public api::Transport {
  public:
    // `api_base` is prefixed to every path ("/api/v1" or "https://host/api/v1"); `wake` is called
    // after each answer has been handled, so the page draws a frame showing it.
    FetchTransport(std::string api_base, std::function<void()> wake)
        : api_base_(std::move(api_base)), wake_(std::move(wake)) {}

    void send(api::HttpRequest request, std::function<void(api::HttpResponse)> done) override;

  private:
    std::string api_base_;
    std::function<void()> wake_;
};

}  // namespace portal::platform
