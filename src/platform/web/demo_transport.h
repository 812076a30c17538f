// The transport behind config.json's "demo": the backend core running inside the page. Chosen at
// link time: the static demo (target portal-demo, shipped in dist/) links
// demo_transport_in_page.cpp, which carries the backend and its data; the page the stub serves
// (portal-app) links demo_transport_absent.cpp, so it downloads neither.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api/transport.h"

namespace portal::platform {

struct DemoStart {
    std::unique_ptr<api::Transport> transport;  // null when the demo cannot run in this page
    std::string problem;                        // why not, for the page's error message
};

// Starts the in-page backend over the demo's data, restoring the browser's saved copy; `wake` is
// called after each answer is handled.
DemoStart start_demo_transport(std::function<void()> wake);

// Forgets everything the visitor did in the demo (the browser's saved copy).
void forget_saved_demo();

}  // namespace portal::platform
