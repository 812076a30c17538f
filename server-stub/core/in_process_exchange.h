// The backend core reached without a network, as an api::Transport: the static-host demo's way
// to the API (DESIGN.md, "the one idea"), and the native tests' way to the very same code.
//
// An api::HttpRequest (what ApiClient builds) becomes the Request that portal-stub's server
// builds from the wire (path below /api/v1 and percent-decoded, query decoded, header names
// in lower case); the handler answers it; the answer goes back as what a browser's fetch reports
// (status, body, the media type without parameters). Platform-free: the caller says how to run
// something "later" on its own thread (the page: emscripten_async_call; tests: a queue they pump)
// and what to do after a change (the page saves the demo in localStorage).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "api/transport.h"
#include "core/http.h"

namespace portal::backend {

// The Request portal-stub would hand Backend::handle for this api request.
Request to_backend_request(const api::HttpRequest& request);
// A request target ("/api/v1/manuals?q=dns%20zone") as both transports read it: the path
// percent-decoded (a lone or malformed '%' stays as it is), the query's pairs decoded with '+' as
// a space, empty names skipped, the first value of a repeated name kept. portal-stub's reader
// uses it too, so both hand the backend the same text.
void split_target(std::string_view target, std::string& path,
                  std::map<std::string, std::string>& query);
// What a fetch of this answer reports to the page.
api::HttpResponse to_http_response(const Response& answer);

class InProcessExchange final : public api::Transport {
  public:
    using Handler = std::function<Response(const Request&)>;
    // Runs the task later, on the calling thread, never inside the call itself.
    using Later = std::function<void(std::function<void()> task)>;

    // An empty `handler` answers every request as unreachable (the demo could not start).
    // `after_change` runs after each mutation the backend accepted (2xx), before its answer.
    InProcessExchange(Handler handler, Later later, std::function<void()> after_change = {});

    // The backend answers at once (requests are handled in the order sent); progress and the
    // answer are delivered later through `later`, exactly like the network's.
    void send(api::HttpRequest request, std::function<void(api::HttpResponse)> done) override;

  private:
    Handler handler_;
    Later later_;
    std::function<void()> after_change_;
};

}  // namespace portal::backend
