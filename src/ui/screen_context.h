// What every screen's drawing functions share: the state drawn, the client's language, and the
// one intent the frame produces.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "app/display.h"
#include "app/intent.h"
#include "app/route.h"
#include "app/strings.h"
#include "ui/way_back.h"
#include "ui/widgets.h"

namespace portal::ui {

// Keeps the first non-empty intent of a frame (one click can only mean one thing).
inline void keep(app::Intent& kept, app::Intent next) {
    if (app::is_empty(kept)) kept = std::move(next);
}

// `Words`: the screen's text enum; `Sent`: the intents its buttons send.
template <class State, class Words, class Sent = app::Intent>
struct ScreenContext {
    const State& state;
    app::Language lang;
    app::Intent intent;

    const char* t(Words which) const { return app::tr(lang, which); }
    const char* t(app::Text which) const { return app::tr(lang, which); }
    std::string date(const domain::Date& d) const { return app::format_date(d, lang); }
    std::string money(const domain::Money& m) const { return app::format_money(m, lang); }
    void send(Sent next) { keep(intent, app::Intent(std::move(next))); }
    void go_to(app::Route route) { keep(intent, app::Navigate{std::move(route)}); }
    // The «‹ label» link atop a page, back to the screen above it.
    void link_back_to(Words label, app::Route route) {
        if (link_back(t(label))) go_to(std::move(route));
    }
    // The button under a wizard that leaves it for the service's screen (Escape too).
    void back_to_service(Words label, int64_t service_id) {
        if (button(t(label)) || escape_goes_back()) {
            go_to(app::Route{app::Route::Page::service, service_id});
        }
    }
};

// A flow's page: its title and the line under it that says what the page is for, then the body.
// The frame's intent is the one the page's buttons sent.
template <class Context, class Flow, class Words>
app::Intent draw_flow_page(const Flow& flow, app::Language lang, const char* id, app::Text title,
                           Words subtitle, void (*body)(Context&, const Flow&)) {
    Context s{flow.state(), lang, {}};
    begin_page(id, s.t(title), s.t(subtitle));
    body(s, flow);
    end_page();
    return std::move(s.intent);
}

// A wizard's page about one service: its title, the lines that say which service it is (once
// the service is loaded), then the body. The frame's intent is the one the page's buttons sent.
template <class Context, class Flow, class Words, class Service>
app::Intent draw_service_wizard(Flow& flow, app::Language lang, const char* id, Words title,
                                void (*heading)(const Context&, const Service&),
                                void (*body)(Context&, Flow&)) {
    Context s{flow.state(), lang, {}};
    begin_page(id, s.t(title));
    if (const auto& service = s.state.service.data) heading(s, *service);
    ImGui::Spacing();
    body(s, flow);
    end_page();
    return s.intent;
}

}  // namespace portal::ui
