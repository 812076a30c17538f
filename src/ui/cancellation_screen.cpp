#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {

app::Intent draw_cancellation(app::PortalApp& app) {
    (void)app;
    return {};
}

}  // namespace portal::ui
