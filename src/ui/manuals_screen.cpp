#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {

app::Intent draw_manuals(app::PortalApp& app) {
    (void)app;
    return {};
}

}  // namespace portal::ui
