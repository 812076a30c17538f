// The static demo's build (portal-demo): "demo" runs the backend core in the page.
#include <memory>
#include <utility>

#include "platform/web/demo_transport.h"
#include "platform/web/in_process_transport.h"

namespace portal::platform {

DemoStart start_demo_transport(std::function<void()> wake) {
    auto in_process = std::make_unique<InProcessTransport>(std::move(wake));
    if (!in_process->start_problem().empty()) return {nullptr, in_process->start_problem()};
    return {std::move(in_process), {}};
}

void forget_saved_demo() {
    InProcessTransport::forget_saved_demo();
}

}  // namespace portal::platform
