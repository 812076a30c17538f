// One support ticket (its messages, oldest first, the client's and the staff's, with their
// times; when its answer is due; a reply box and «Cerrar ticket») and the «Nuevo ticket» form
// (department, subject, message, an error report's 2-hour answer; about a service when opened
// from it). Draws app::TicketsFlow's state; checks and decisions are there.
#include <string>

#include "app/texts/fill_in.h"
#include "app/texts/support_texts.h"
#include "app/tickets_flow.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/ticket_status.h"
#include "ui/widgets.h"

namespace portal::ui {

namespace {

using app::fill_in;
using app::SupportText;
using Screen = ScreenContext<app::SupportState, SupportText, app::SupportIntent>;

// A page under the support screen: its title, then the link back there.
void begin_support_page(Screen& s, const char* id, const char* page_title) {
    begin_page(id, page_title);
    s.link_back_to(SupportText::back_to_support, app::Route{app::Route::Page::support});
    ImGui::Spacing();
}

std::string when(const Screen& s, SupportText pattern, const std::string& instant) {
    const auto local = app::local_time(instant, s.lang);
    return local ? fill_in(s.t(pattern), {local->date, local->time}) : std::string();
}

// What stopped the last send (a refusal; a failure, whose retry sends again), then the button
// that sends, «Enviando…» while `attempt` is on its way.
void send_controls(Screen& s, const app::Remote<api::TicketDetail>& attempt, SupportText label,
                   const app::SupportIntent& send) {
    const bool busy = attempt.loading();
    if (s.state.refusal) {
        warning_notice(s.t(*s.state.refusal));
    } else if (attempt.failed() && problem_box(attempt.problem, s.lang)) {
        s.send(send);
    }
    if (primary_button(s.t(busy ? SupportText::sending : label), !busy)) s.send(send);
}

void draw_message(Screen& s, const api::TicketMessageView& message) {
    ImGui::PushID(static_cast<int>(message.id));
    const bool mine = message.author == domain::MessageAuthor::client;
    begin_card("message");
    text(when(s, mine ? SupportText::from_you : SupportText::from_staff, message.sent_at),
         mine ? color::kMuted : color::kPrimary);
    text_wrapped(message.text);
    end_card();
    ImGui::PopID();
}

void draw_reply(Screen& s, app::TicketsFlow& flow, const api::TicketDetail& detail) {
    const bool busy = s.state.change.loading();
    if (detail.ticket.status == domain::TicketStatus::closed) {
        text_wrapped(s.t(SupportText::closed_note), color::kMuted);
    }
    multiline_field(s.t(SupportText::reply_label), flow.reply(),
                    s.state.reply_error ? s.t(*s.state.reply_error) : nullptr, 110.0f);
    send_controls(s, s.state.change, SupportText::send_reply, app::SendReply{});
    if (detail.ticket.status != domain::TicketStatus::closed) {
        same_line_if_fits(button_width(s.t(SupportText::close_ticket)));
        if (button(s.t(SupportText::close_ticket), !busy)) s.send(app::CloseTicket{});
    }
}

void draw_ticket_body(Screen& s, app::TicketsFlow& flow, const api::TicketDetail& detail) {
    const api::TicketSummary& ticket = detail.ticket;
    title(fill_in(s.t(SupportText::ticket_heading), {std::to_string(ticket.id), ticket.subject}));
    const std::string status = app::tr(s.lang, ticket.status);
    badge(status, ticket_status_color(ticket.status));
    const std::string about =
        std::string(app::tr(s.lang, ticket.department)) +
        (ticket.service_name.empty()
             ? std::string()
             : " · " + fill_in(s.t(SupportText::about_service), {ticket.service_name}));
    // Beside the badge when it fits, else under it (a phone), wrapped.
    same_line_if_fits(ImGui::CalcTextSize(about.c_str()).x);
    text_wrapped(about, color::kMuted);
    text_wrapped(when(s, SupportText::opened_on, ticket.opened_at), color::kMuted);
    const std::string due = app::due_line(ticket, s.lang);
    if (!due.empty()) {
        if (ticket.overdue) {
            warning_notice(due);
        } else {
            notice(due, "", color::kPrimary);
        }
    }
    ImGui::Spacing();
    for (const api::TicketMessageView& message : detail.messages) {
        draw_message(s, message);
        ImGui::Spacing();
    }
    draw_reply(s, flow, detail);
}

void draw_form(Screen& s, app::TicketsFlow& flow) {
    app::NewTicketForm& form = flow.form();
    const bool busy = s.state.sent.loading();
    if (s.state.service_id != 0) {
        if (const auto& service = s.state.service.data) {
            text_wrapped(fill_in(s.t(SupportText::about_service), {service->name}));
        } else if (s.state.service.loading()) {
            loading_line(s.lang);
        }
        ImGui::Spacing();
    }
    begin_card("new-ticket");
    text(s.t(SupportText::department_label));
    // The choices under their label, side by side while they fit.
    bool first = true;
    for (const auto department :
         {domain::TicketDepartment::support, domain::TicketDepartment::billing,
          domain::TicketDepartment::sales}) {
        const char* label = app::tr(s.lang, department);
        if (!first) same_line_if_fits(button_width(label) + 24);
        first = false;
        if (radio(label, form.department == department, !busy)) {
            s.send(app::ChooseDepartment{department});
        }
    }
    ImGui::Spacing();
    const float width = ImGui::GetContentRegionAvail().x;
    text_field(s.t(SupportText::subject_label), form.subject, FieldKind::text, std::nullopt, s.lang,
               width);
    if (form.subject_error) text_wrapped(s.t(*form.subject_error), color::kDanger);
    multiline_field(s.t(SupportText::message_label), form.message,
                    form.message_error ? s.t(*form.message_error) : nullptr, 140.0f);
    if (checkbox(s.t(SupportText::error_report_label), form.error_report, !busy)) {
        s.send(app::MarkErrorReport{!form.error_report});
    }
    text_wrapped(s.t(SupportText::error_report_hint), color::kMuted);
    end_card();
    ImGui::Spacing();
    send_controls(s, s.state.sent, SupportText::send_ticket, app::SendTicket{});
}

}  // namespace

app::Intent draw_ticket(app::PortalApp& app) {
    app::TicketsFlow& flow = app.tickets_form();
    Screen s{flow.state(), app.state().language, {}};
    begin_support_page(s, "ticket", s.t(app::Text::support));
    const auto& ticket = s.state.ticket;
    if (ticket.failed()) {
        if (problem_box(ticket.problem, s.lang)) {
            app::Route again{app::Route::Page::ticket};
            again.ticket_id = s.state.ticket_id;
            s.go_to(again);
        }
        ImGui::Spacing();
    }
    if (ticket.data) {
        draw_ticket_body(s, flow, *ticket.data);
    } else if (ticket.loading()) {
        loading_line(s.lang);
    }
    end_page();
    return std::move(s.intent);
}

app::Intent draw_new_ticket(app::PortalApp& app) {
    app::TicketsFlow& flow = app.tickets_form();
    Screen s{flow.state(), app.state().language, {}};
    begin_support_page(s, "new-ticket", s.t(SupportText::new_ticket));
    draw_form(s, flow);
    end_page();
    return std::move(s.intent);
}

}  // namespace portal::ui
