#include "app/tickets_flow.h"

#include <cstdio>

#include "app/display.h"
#include "app/overloaded.h"
#include "app/texts/fill_in.h"

namespace portal::app {
namespace {

constexpr size_t kSubjectChars = 120;
constexpr size_t kMessageChars = 4000;

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// Characters as people count them (UTF-8 code points), like the server's limits.
size_t characters(const std::string& text) {
    size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::optional<SupportText> check_text(const std::string& text, size_t max, SupportText too_long) {
    if (text.empty()) return SupportText::text_required;
    if (characters(text) > max) return too_long;
    return std::nullopt;
}

std::optional<SupportText> refusal_of(const api::ApiFailure& failure) {
    if (failure.kind != api::ApiFailure::Kind::rejected) return std::nullopt;
    const std::string& code = failure.error.code;
    if (code == "too_many_open_tickets") return SupportText::why_too_many_open;
    if (code == "too_many_messages") return SupportText::why_too_many_messages;
    if (failure.status == 404) return SupportText::why_not_found;
    return std::nullopt;
}

}  // namespace

std::optional<LocalTime> local_time(const std::string& rfc3339, Language language) {
    const auto instant = domain::parse_rfc3339(rfc3339);
    if (!instant) return std::nullopt;
    const int64_t local = *instant + domain::kCompanyUtcOffsetSeconds;
    int64_t days = local / 86400;
    if (local % 86400 < 0) --days;
    const int64_t second = local - days * 86400;
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", static_cast<int>(second / 3600),
                  static_cast<int>(second / 60 % 60));
    return LocalTime{format_date(domain::Date::from_days(days), language), time};
}

std::string due_line(const api::TicketSummary& ticket, Language language) {
    if (ticket.status == domain::TicketStatus::waiting_on_client) {
        return tr(language, SupportText::waiting_on_you);
    }
    if (!ticket.due_at) return {};
    const auto when = local_time(*ticket.due_at, language);
    if (!when) return {};
    const bool resolution = ticket.due_for == domain::DueFor::resolution;
    const SupportText pattern =
        ticket.overdue
            ? (resolution ? SupportText::overdue_resolution : SupportText::overdue_answer)
            : (resolution ? SupportText::due_resolution : SupportText::due_answer);
    return fill_in(tr(language, pattern), {when->date, when->time});
}

void TicketsFlow::enter(const Route& route, FlowContext& ctx) {
    visit_.renew();
    switch (route.page) {
        case Route::Page::ticket:
            if (state_.ticket_id != route.ticket_id) {
                state_.ticket = {};
                state_.reply.clear();
                reply_attempt_.forget();
                close_attempt_.forget();
            }
            state_.ticket_id = route.ticket_id;
            state_.change = {};
            state_.reply_error.reset();
            ctx.api.ticket(route.ticket_id, visit_.load(state_.ticket, ctx));
            break;
        case Route::Page::new_ticket:
            if (state_.service_id != route.service_id || state_.sent.data) {
                state_.form = {};
                ticket_attempt_.forget();
            }
            state_.sent = {};
            state_.refusal.reset();
            state_.service_id = route.service_id;
            state_.service = {};
            if (route.service_id != 0) {
                ctx.api.service(route.service_id, visit_.load(state_.service, ctx));
            }
            break;
        default:
            load_overview(ctx);
            break;
    }
}

std::vector<api::ManualPageRef> support_manuals(const api::ManualCatalog& catalog) {
    std::vector<api::ManualPageRef> pages;
    for (const std::string_view slug : kSupportManualSlugs) {
        for (const api::ManualBook& book : catalog.books) {
            for (const api::ManualChapter& chapter : book.chapters) {
                for (const api::ManualPageRef& page : chapter.pages) {
                    if (page.slug == slug) pages.push_back(page);
                }
            }
        }
    }
    return pages;
}

void TicketsFlow::load_overview(FlowContext& ctx) {
    ctx.api.profile(visit_.load(state_.profile, ctx));
    ctx.api.tickets(visit_.load(state_.tickets, ctx));
    ctx.api.manuals(visit_.load(state_.manuals, ctx));
}

void TicketsFlow::handle(const SupportIntent& intent, FlowContext& ctx) {
    std::visit(
        Overloaded{
            [&](const ReloadSupport&) { load_overview(ctx); },
            [&](const ChooseDepartment& value) { state_.form.department = value.department; },
            [&](const MarkErrorReport& value) { state_.form.error_report = value.error_report; },
            [&](const SendTicket&) { send_ticket(ctx); },
            [&](const SendReply&) { send_reply(ctx); },
            [&](const CloseTicket&) { close(ctx); },
        },
        intent);
}

template <class Done>
api::Callback<api::TicketDetail> TicketsFlow::settle(Remote<api::TicketDetail>& remote,
                                                     IdempotentAttempt& attempt,
                                                     const FlowContext& ctx, Done done) {
    remote.start();
    state_.refusal.reset();
    return visit_.guard<api::TicketDetail>(
        ctx,
        attempt.settling<api::TicketDetail>([this, &remote, done = std::move(done)](
                                                api::ApiResult<api::TicketDetail> answer) mutable {
            if (!answer.ok()) state_.refusal = refusal_of(answer.failure);
            remote.settle(answer);
            if (remote.data && remote.status == Remote<api::TicketDetail>::Status::loaded) {
                done(*remote.data);
            }
        }));
}

void TicketsFlow::send_ticket(FlowContext& ctx) {
    if (state_.sent.loading()) return;
    NewTicketForm& form = state_.form;
    const std::string subject = trimmed(form.subject);
    const std::string message = trimmed(form.message);
    form.subject_error = check_text(subject, kSubjectChars, SupportText::subject_too_long);
    form.message_error = check_text(message, kMessageChars, SupportText::message_too_long);
    if (form.subject_error || form.message_error) return;
    api::NewTicket body;
    body.department = form.department;
    if (state_.service_id != 0) body.service_id = state_.service_id;
    body.subject = subject;
    body.message = message;
    if (form.error_report) body.kind = domain::TicketKind::error_report;
    const std::string key = ticket_attempt_.key_for(api::encode(body), ctx);
    ctx.api.open_ticket(body, key,
                        settle(state_.sent, ticket_attempt_, ctx,
                               [this, c = ctx](const api::TicketDetail& detail) mutable {
                                   state_.ticket_id = detail.ticket.id;
                                   state_.ticket.succeed(detail);
                                   Route route{Route::Page::ticket};
                                   route.ticket_id = detail.ticket.id;
                                   c.navigate(route);
                               }));
}

void TicketsFlow::send_reply(FlowContext& ctx) {
    if (state_.change.loading() || state_.ticket_id == 0) return;
    const std::string message = trimmed(state_.reply);
    state_.reply_error = check_text(message, kMessageChars, SupportText::message_too_long);
    if (state_.reply_error) return;
    const std::string key =
        reply_attempt_.key_for(std::to_string(state_.ticket_id) + "\n" + message, ctx);
    ctx.api.reply_to_ticket(
        state_.ticket_id, api::TicketReply{message}, key,
        settle(state_.change, reply_attempt_, ctx, [this](const api::TicketDetail& detail) {
            state_.ticket.succeed(detail);
            state_.reply.clear();
        }));
}

void TicketsFlow::close(FlowContext& ctx) {
    if (state_.change.loading() || state_.ticket_id == 0) return;
    const std::string key = close_attempt_.key_for(std::to_string(state_.ticket_id), ctx);
    ctx.api.close_ticket(
        state_.ticket_id, key,
        settle(state_.change, close_attempt_, ctx,
               [this](const api::TicketDetail& detail) { state_.ticket.succeed(detail); }));
}

}  // namespace portal::app
