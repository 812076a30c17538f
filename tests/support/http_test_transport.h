// A native HTTP Transport for tests (cpp-httplib's client), standing in for the page's
// FetchTransport: it talks to a running portal-stub. The request itself runs synchronously in
// send(), but everything the caller sees — progress, then the answer — is delivered later from
// the TaskQueue the test pumps, never inside send(), as the Transport contract requires.
//
// Like a fetch: the path is sent as ApiClient wrote it (already percent-encoded; only bytes a
// browser's URL parser would escape are escaped), a missing answer is `unreachable` or `timeout`,
// and `content_type` is the media type without its parameters.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "api/transport.h"
#include "task_queue.h"

namespace portal::testing {

class HttpTestTransport final : public api::Transport {
  public:
    // `api_base` is the path prefix of the API on that server ("/api/v1").
    HttpTestTransport(std::string host, int port, TaskQueue& later,
                      std::string api_base = "/api/v1");

    void send(api::HttpRequest request, std::function<void(api::HttpResponse)> done) override;

    // Polls GET {api_base}/health until the server answers 200, at most `attempts` times.
    bool wait_until_ready(int attempts = 100);

  private:
    std::unique_ptr<httplib::Client> client_;
    TaskQueue& later_;
    std::string api_base_;
};

}  // namespace portal::testing
