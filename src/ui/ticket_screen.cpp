// One support ticket: its messages, oldest first, the client's and the staff's, with their
// times; when its answer is due; its attached files, each with «Descargar»; a reply box,
// «Cerrar ticket» and «Adjuntar archivo». Draws app::TicketsFlow's state; checks and decisions are
// there (the files': app/ticket_attachments.h).
#include <string>

#include "app/texts/fill_in.h"
#include "app/texts/support_texts.h"
#include "app/ticket_attachments.h"
#include "app/tickets_flow.h"
#include "imgui.h"
#include "ui/badge_colors.h"
#include "ui/icons.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/support_page.h"
#include "ui/widgets.h"

namespace portal::ui {

namespace {

using app::AttachmentText;
using app::fill_in;
using app::SupportText;
using Screen = SupportScreen;

std::string when(const Screen& s, SupportText pattern, const std::string& instant) {
    const auto local = app::local_time(instant, s.lang);
    return local ? fill_in(s.t(pattern), {local->date, local->time}) : std::string();
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

// [SECTION] Attached files

// What became of a file's «Descargar»: on its way, saved, or why not with the way forward.
void draw_download_state(Screen& s, const app::AttachmentState& files,
                         const api::TicketAttachmentView& file) {
    const auto found = files.downloads.find(file.id);
    if (found == files.downloads.end()) return;
    const app::AttachmentDownload& download = found->second;
    using Phase = app::AttachmentDownload::Phase;
    if (download.phase == Phase::saved) {
        text_wrapped(with_icon(icon::kCheck, app::tr(s.lang, AttachmentText::downloaded)),
                     color::kSuccess);
    } else if (download.phase == Phase::failed) {
        const char* what =
            download.why ? app::tr(s.lang, *download.why) : s.t(download.problem.what);
        text_wrapped(with_icon(icon::kWarning, what), color::kDanger);
        if (download.problem.retryable) text_wrapped(s.t(download.problem.next_step));
    }
}

void draw_file(Screen& s, const app::AttachmentState& files,
               const api::TicketAttachmentView& file) {
    text_wrapped(with_icon(icon::kPaperclip, file.name));
    text_wrapped(app::attachment_details(file, s.lang), color::kMuted);
    const auto found = files.downloads.find(file.id);
    const bool running = found != files.downloads.end() &&
                         found->second.phase == app::AttachmentDownload::Phase::running;
    const char* word =
        app::tr(s.lang, running ? AttachmentText::downloading : AttachmentText::download);
    if (row_button(with_icon(icon::kDownload, word),
                   fill_in(app::tr(s.lang, AttachmentText::download_named), {file.name}), "get",
                   !running)) {
        s.send(app::DownloadAttachment{file.id});
    }
    draw_download_state(s, files, file);
}

// The ticket's files, oldest first; nothing when it has none («Adjuntar archivo» says what it
// takes).
void draw_files(Screen& s, const app::AttachmentState& files, const api::TicketDetail& detail) {
    if (detail.attachments.empty()) return;
    heading(app::tr(s.lang, AttachmentText::heading));
    for (const api::TicketAttachmentView& file : detail.attachments) {
        ImGui::PushID(static_cast<int>(file.id));
        begin_card("file");
        draw_file(s, files, file);
        end_card();
        ImGui::PopID();
        ImGui::Spacing();
    }
    ImGui::Spacing();
}

// «Adjuntar archivo» with what it takes, and what became of the last file: sent, refused with
// the way forward, or failed with «Reintentar».
void draw_attach(Screen& s, const app::AttachmentState& files) {
    const bool busy = files.sending.loading();
    if (!files.attached.empty()) {
        text_wrapped(with_icon(icon::kCheck, fill_in(app::tr(s.lang, AttachmentText::attached),
                                                     {files.attached})),
                     color::kSuccess);
    }
    if (files.refusal) {
        warning_notice(app::attachment_refusal_line(files, s.lang));
    } else if (files.sending.failed() && problem_box(files.sending.problem, s.lang)) {
        s.send(app::RetryAttachment{});
    }
    const AttachmentText label = busy ? AttachmentText::sending_file : AttachmentText::attach_file;
    if (button(with_icon(icon::kPaperclip, app::tr(s.lang, label)).c_str(), !busy)) {
        s.send(app::ChooseAttachment{});
    }
    text_wrapped(app::accepted_files_line(files.max_bytes, s.lang), color::kMuted);
}

// [SECTION] Reply

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
        ImGui::Spacing();
        draw_attach(s, flow.attachments());
    }
}

void draw_ticket_body(Screen& s, app::TicketsFlow& flow, const api::TicketDetail& detail) {
    const api::TicketSummary& ticket = detail.ticket;
    title(fill_in(s.t(SupportText::ticket_heading), {std::to_string(ticket.id), ticket.subject}));
    const std::string status = app::tr(s.lang, ticket.status);
    badge(status, badge_color(ticket.status));
    const std::string about =
        std::string(app::tr(s.lang, ticket.department)) +
        (ticket.service_name.empty()
             ? std::string()
             : " · " + fill_in(s.t(SupportText::about_service), {ticket.service_name}));
    // Beside the badge when it fits, else under it (a phone), wrapped.
    same_line_if_fits(ImGui::CalcTextSize(about.c_str()).x);
    text_wrapped(about, color::kMuted);
    text_wrapped(when(s, SupportText::opened_on, ticket.opened_at), color::kMuted);
    if (ticket.remote_slot) text_wrapped(when(s, SupportText::booked_slot, *ticket.remote_slot));
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
    draw_files(s, flow.attachments(), detail);
    draw_reply(s, flow, detail);
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

}  // namespace portal::ui
