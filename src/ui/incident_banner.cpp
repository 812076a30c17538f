#include "ui/incident_banner.h"

#include "app/texts/status_texts.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/widgets.h"

namespace portal::ui {

app::Intent draw_incident_banner(std::string_view what, app::Language language) {
    app::Intent intent;
    // Amber, not red: the company is on it, and the client has nothing to do but read.
    notice(with_icon(icon::kServer, what), {}, color::kWarning);
    if (link(app::tr(language, app::StatusText::see_status))) {
        intent = app::Navigate{app::Route{app::Route::Page::status}};
    }
    ImGui::Spacing();
    return intent;
}

}  // namespace portal::ui
