// The page the stub serves (portal-app) carries no backend and no demo data: a config.json saying
// "demo" there is a deployment mistake, shown as such.
#include "platform/web/demo_transport.h"

namespace portal::platform {

DemoStart start_demo_transport(std::function<void()>) {
    return {nullptr,
            "esta página no incluye la demostración: config.json debe indicar la dirección de la "
            "API, o sirva la demostración (dist/). / This page is built without the demo: "
            "config.json must give the API's address, or serve the demo (dist/)."};
}

void forget_saved_demo() {}

}  // namespace portal::platform
