// The «Soporte» tab (RULES.md §6–§8): the client's support plan and each channel it includes with
// how soon it answers, «Nuevo ticket», and the tickets — those not closed first — each with its
// status and when the company owes its answer (overdue in red), and links to the support
// manuals. Draws app::TicketsFlow's state; the order, the channels, the due lines and which
// manuals come from app and domain.
#include <string>
#include <vector>

#include "app/texts/fill_in.h"
#include "app/texts/status_texts.h"
#include "app/texts/support_texts.h"
#include "app/tickets_flow.h"
#include "domain/enum_map.h"
#include "domain/support_plan.h"
#include "imgui.h"
#include "ui/badge_colors.h"
#include "ui/icons.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {

namespace {

using app::fill_in;
using app::SupportText;
using Screen = ScreenContext<app::SupportState, SupportText, app::SupportIntent>;

// The link that opens a channel taking an address (a call, a chat), under its line.
void draw_way_in(Screen& s, domain::SupportChannel channel) {
    const auto contact = app::contact_for(s.state.contacts, channel);
    if (!contact) return;
    ImGui::Indent(bullet_text_indent());
    if (link(fill_in(app::tr(s.lang, contact->words), {contact->shown}))) {
        s.send(app::ReachChannel{channel});
    }
    ImGui::Unindent(bullet_text_indent());
}

void draw_plan(Screen& s, const api::Profile& profile) {
    const domain::SupportPlan plan = profile.support_plan;
    begin_card("plan");
    heading(fill_in(s.t(SupportText::your_plan), {app::tr(s.lang, plan)}));
    text_wrapped(fill_in(s.t(SupportText::plan_answer_time), {app::plan_time_words(s.lang, plan)}));
    text_wrapped(s.t(SupportText::business_hours), color::kMuted);
    ImGui::Spacing();
    text(s.t(SupportText::channels_heading));
    for (const domain::ChannelOffer& offer : domain::channels_of(plan)) {
        const std::string response =
            fill_in(app::tr(s.lang, offer.response), {app::plan_time_words(s.lang, plan)});
        bullet(std::string(app::tr(s.lang, offer.channel)) + ": " + response);
        draw_way_in(s, offer.channel);
    }
    if (app::lacks_phone_or_whatsapp(plan) && link(app::tr(s.lang, app::ChannelText::ask))) {
        s.send(app::AskForPhoneOrWhatsapp{});
    }
    end_card();
}

void draw_ticket_row(Screen& s, const api::TicketSummary& ticket) {
    begin_card("ticket");
    heading(ticket.subject);
    const std::string status = app::tr(s.lang, ticket.status);
    same_line_if_fits(ImGui::CalcTextSize(status.c_str()).x + 24);
    badge(status, badge_color(ticket.status));
    text_wrapped(std::string(app::tr(s.lang, ticket.department)) +
                     (ticket.service_name.empty() ? std::string()
                                                  : " · " + fill_in(s.t(SupportText::about_service),
                                                                    {ticket.service_name})),
                 color::kMuted);
    const std::string due = app::due_line(ticket, s.lang);
    if (!due.empty()) {
        if (ticket.overdue) {
            text_wrapped(with_icon(icon::kWarning, due), color::kDanger);
        } else {
            text_wrapped(due);
        }
    }
    const std::string readable = fill_in(s.t(SupportText::see_ticket), {ticket.subject});
    if (row_button(s.t(SupportText::see), readable, "see")) {
        app::Route route{app::Route::Page::ticket};
        route.ticket_id = ticket.id;
        s.go_to(route);
    }
    end_card();
}

// Before a ticket: whether the servers have an incident already (RULES.md §7, SLA 2).
void draw_status_link(Screen& s) {
    text_wrapped(app::tr(s.lang, app::StatusText::support_hint), color::kMuted);
    if (link(with_icon(icon::kServer, app::tr(s.lang, app::StatusText::see_status)))) {
        s.go_to(app::Route{app::Route::Page::status});
    }
    ImGui::Spacing();
}

// The manuals on asking for help and on the procedures that go through support.
void draw_manual_links(Screen& s, const std::vector<api::ManualPageRef>& pages) {
    if (pages.empty()) return;
    ImGui::Spacing();
    heading(s.t(SupportText::manuals_heading));
    for (const api::ManualPageRef& page : pages) {
        if (link(with_icon(icon::kBook, page.title))) {
            app::Route route{app::Route::Page::manual};
            route.slug = page.slug;
            s.go_to(route);
        }
    }
}

void draw_body(Screen& s, bool status_link) {
    const auto& profile = s.state.profile;
    const auto& tickets = s.state.tickets;
    const auto& manuals = s.state.manuals;
    // The page shows once each of its parts is known (a failure to read one counts as known): the
    // plan arriving above the links would otherwise move them under the pointer.
    if (!profile.known() || !tickets.known() || !manuals.known()) {
        loading_line(s.lang);
        return;
    }
    if (profile.data) {
        draw_plan(s, *profile.data);
        ImGui::Spacing();
    }
    if (status_link) draw_status_link(s);
    heading(s.t(SupportText::tickets_heading));
    const std::string add = with_icon(icon::kEnvelope, s.t(SupportText::new_ticket));
    same_line_if_fits(button_width(add.c_str()));
    if (primary_button(add.c_str())) s.go_to(app::Route{app::Route::Page::new_ticket});
    ImGui::Spacing();
    if (tickets.failed() || profile.failed() || manuals.failed()) {
        const app::Problem& problem = tickets.failed()   ? tickets.problem
                                      : profile.failed() ? profile.problem
                                                         : manuals.problem;
        if (problem_box(problem, s.lang)) s.send(app::ReloadSupport{});
        ImGui::Spacing();
    }
    loaded_list(tickets.data ? &tickets.data->tickets : nullptr, tickets.loading(),
                s.t(SupportText::no_tickets), s.lang,
                [&](const api::TicketSummary& ticket) { draw_ticket_row(s, ticket); });
    if (manuals.data) draw_manual_links(s, s.state.support_manuals);
}

}  // namespace

app::Intent draw_support(app::PortalApp& app) {
    Screen s{app.tickets().state(), app.state().language, {}};
    begin_page("support", s.t(app::Text::support), s.t(SupportText::subtitle));
    // The status page shows which services run where: for those who may see the services.
    draw_body(s, app::may(app.state().session, domain::Permission::services_view));
    end_page();
    return std::move(s.intent);
}

}  // namespace portal::ui
