#include "app/tickets_flow.h"

#include <algorithm>
#include <cstdio>

#include "app/code_words.h"
#include "app/display.h"
#include "app/overloaded.h"
#include "app/texts/fill_in.h"
#include "domain/trim.h"

namespace portal::app {
namespace {

std::string trimmed(std::string_view text) {
    return std::string(domain::trim(text));
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
    return refusal_in_words(failure, SupportText::why_not_found);
}

std::optional<std::string> unless_empty(std::string text) {
    if (text.empty()) return std::nullopt;
    return text;
}

}  // namespace

std::optional<SupportText> field_problem_text(std::string_view field) {
    return words_for(TextsOf<SupportText>::fields, field);
}

std::vector<SlotDay> slot_days(const api::RemoteSlotList& list, Language language) {
    std::vector<SlotDay> days;
    for (const api::RemoteSlotView& slot : list.slots) {
        const auto instant = domain::parse_rfc3339(slot.starts_at);
        const auto local = local_time(slot.starts_at, language);
        if (!instant || !local) continue;  // the API writes none such; a broken one is not offered
        const domain::Date day = domain::company_today(*instant);
        const std::string heading =
            fill_in(tr(language, SupportText::slot_day),
                    {tr(language, static_cast<WeekdayText>(day.weekday())), local->date});
        if (days.empty() || days.back().heading != heading) days.push_back({heading, {}});
        days.back().slots.push_back({slot.starts_at, local->time});
    }
    return days;
}

bool plan_refuses_procedure(const SupportState& state) {
    return state.form.kind == domain::TicketKind::remote_support && state.remote_slots.data &&
           !state.remote_slots.data->included;
}

bool asks_for_service(const SupportState& state) {
    return state.service_id == 0 && domain::needs_service(state.form.kind);
}

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
            attachments_.enter(route.ticket_id);
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
            state_.conditions.clear();
            state_.service_id = route.service_id;
            state_.service = {};
            state_.services = {};
            state_.remote_slots = {};
            if (state_.form.kind == domain::TicketKind::remote_support) load_remote_slots(ctx);
            if (route.service_id != 0) {
                ctx.api.service(route.service_id, visit_.load(state_.service, ctx));
            } else {
                ctx.api.services(visit_.load(state_.services, ctx));
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
    ctx.api.manuals(visit_.load(state_.manuals, ctx, [this](const auto&) {
        state_.support_manuals.clear();
        if (state_.manuals.data) state_.support_manuals = support_manuals(*state_.manuals.data);
    }));
}

void TicketsFlow::reach(domain::SupportChannel channel, FlowContext& ctx) {
    const auto contact = contact_for(state_.contacts, channel);
    if (!contact) return;
    if (channel == domain::SupportChannel::phone) {
        ctx.browser.dial(contact->link);
    } else {
        ctx.browser.open_in_new_tab(contact->link);
    }
}

void TicketsFlow::load_remote_slots(FlowContext& ctx) {
    ctx.api.remote_slots(visit_.load(state_.remote_slots, ctx));
}

void TicketsFlow::handle(const SupportIntent& intent, FlowContext& ctx) {
    std::visit(
        Overloaded{
            [&](const ReloadSupport&) { load_overview(ctx); },
            [&](const ChooseDepartment& value) { state_.form.department = value.department; },
            [&](const ChooseKind& value) {
                state_.form.kind = value.kind;
                state_.form.problem_field.clear();
                state_.form.problem.reset();
                // What was refused was another request.
                state_.refusal.reset();
                state_.conditions.clear();
                // The free slots change by the minute: read again each time they are offered.
                if (value.kind == domain::TicketKind::remote_support) load_remote_slots(ctx);
            },
            [&](const ChooseTicketService& value) {
                state_.form.chosen_service_id = value.service_id;
            },
            [&](const ChooseMigrationOption& value) {
                state_.form.migration_option = value.option;
            },
            [&](const AcceptWebmailWarning& value) {
                state_.form.webmail_warning_accepted = value.accepted;
            },
            [&](const AcceptRemoteRequirements& value) {
                state_.form.requirements_accepted = value.accepted;
            },
            [&](const ChooseRemoteSlot& value) { state_.form.slot = value.starts_at; },
            [&](const ReachChannel& value) { reach(value.channel, ctx); },
            [&](const AskForPhoneOrWhatsapp&) {
                state_.service_id = 0;  // about the plan, not a service
                state_.sent = {};
                state_.form = {};
                state_.form.department = domain::TicketDepartment::sales;
                state_.form.subject = tr(ctx.language, ChannelText::ask_subject);
                ticket_attempt_.forget();
                ctx.navigate(Route{Route::Page::new_ticket});
            },
            [&](const SendTicket&) { send_ticket(ctx); },
            [&](const SendReply&) { send_reply(ctx); },
            [&](const CloseTicket&) { close(ctx); },
            [&](const ChooseAttachment&) { attachments_.choose(ticket_on_screen(), ctx); },
            [&](const RetryAttachment&) {
                attachments_.retry(ticket_on_screen(), ctx, reload_ticket(ctx));
            },
            [&](const DownloadAttachment& value) {
                attachments_.download(value.attachment_id, ticket_on_screen(), ctx);
            },
        },
        intent);
}

void TicketsFlow::handle(const FileChosen& chosen, FlowContext& ctx) {
    attachments_.take(chosen.file, ticket_on_screen(), ctx, reload_ticket(ctx));
}

const api::TicketDetail* TicketsFlow::ticket_on_screen() const {
    const auto& detail = state_.ticket.data;
    return detail && detail->ticket.id == state_.ticket_id ? &*detail : nullptr;
}

std::function<void()> TicketsFlow::reload_ticket(const FlowContext& ctx) {
    return [this, c = ctx, ticket_id = state_.ticket_id] {
        if (state_.ticket_id == ticket_id) c.api.ticket(ticket_id, visit_.load(state_.ticket, c));
    };
}

template <class Done>
api::Callback<api::TicketDetail> TicketsFlow::settle(Remote<api::TicketDetail>& remote,
                                                     IdempotentAttempt& attempt,
                                                     const FlowContext& ctx, Done done) {
    remote.start();
    state_.refusal.reset();
    return visit_.guard<api::TicketDetail>(
        ctx,
        attempt.settling<api::TicketDetail>([this, &remote, c = ctx, done = std::move(done)](
                                                api::ApiResult<api::TicketDetail> answer) mutable {
            if (!answer.ok()) {
                state_.refusal = refusal_of(answer.failure);
                note_refused_fields(answer.failure);
                const auto& unmet = state_.conditions;
                if (std::find(unmet.begin(), unmet.end(),
                              domain::ProcedureCondition::slot_not_free) != unmet.end()) {
                    // Someone booked it first: offer what is free now, with nothing chosen.
                    state_.form.slot.clear();
                    load_remote_slots(c);
                }
            }
            remote.settle(answer);
            if (remote.data && remote.status == Remote<api::TicketDetail>::Status::loaded) {
                done(*remote.data);
            }
        }));
}

void TicketsFlow::note_refused_fields(const api::ApiFailure& failure) {
    state_.conditions.clear();
    if (failure.kind != api::ApiFailure::Kind::rejected) return;
    for (const std::string& name : failure.error.conditions.value_or(std::vector<std::string>{})) {
        if (const auto condition = domain::parse_enum<domain::ProcedureCondition>(name)) {
            state_.conditions.push_back(*condition);
        }
    }
    if (const auto problem = field_problem_text(failure.error.field)) {
        state_.form.problem_field = failure.error.field;
        state_.form.problem = problem;
    }
}

// The body of the form as the API reads it: only the fields its procedure asks for. Fills in the
// form's errors and answers nullopt when something must be fixed before sending.
std::optional<api::NewTicket> TicketsFlow::new_ticket_body(Language language) {
    NewTicketForm& form = state_.form;
    const domain::TicketKind kind = form.kind;
    const bool procedure = kind != domain::TicketKind::general;
    std::string subject = trimmed(form.subject);
    if (subject.empty() && procedure) subject = tr(language, kind);
    const std::string message = trimmed(form.message);
    form.subject_error =
        check_text(subject, domain::kTicketSubjectChars, SupportText::subject_too_long);
    form.message_error =
        check_text(message, domain::kTicketMessageChars, SupportText::message_too_long);
    form.problem_field.clear();
    form.problem.reset();
    api::NewTicket body;
    body.department = domain::procedure_department(kind).value_or(form.department);
    const int64_t service_id = state_.service_id != 0 ? state_.service_id : form.chosen_service_id;
    if (service_id != 0 && (state_.service_id != 0 || domain::needs_service(kind))) {
        body.service_id = service_id;
    }
    body.subject = subject;
    body.message = message;
    if (procedure) body.kind = kind;
    using K = domain::TicketKind;
    if (kind == K::migration) {
        body.option = form.migration_option;
        body.domain = unless_empty(trimmed(form.site_domain));
        body.current_provider = unless_empty(trimmed(form.current_provider));
        if (form.migration_option == 1)
            body.webmail_warning_accepted = form.webmail_warning_accepted;
    }
    if (kind == K::change_of_holder) {
        body.new_holder_email = unless_empty(trimmed(form.new_holder_email));
    }
    if (kind == K::voice_over) body.texts = unless_empty(trimmed(form.texts));
    if (kind == K::remote_support) {
        body.requirements_accepted = form.requirements_accepted;
        body.rustdesk_id = unless_empty(trimmed(form.rustdesk_id));
        body.slot = unless_empty(form.slot);
    }
    if (kind == K::backup_recovery && !trimmed(form.date_wanted).empty()) {
        body.date_wanted = parse_typed_date(form.date_wanted);
        if (!body.date_wanted) {
            form.problem_field = "date_wanted";
            form.problem = SupportText::problem_date;
        }
    }
    if (domain::needs_service(kind) && !body.service_id) {
        form.problem_field = "service_id";
        form.problem = SupportText::problem_service;
    }
    if (form.subject_error || form.message_error || form.problem) return std::nullopt;
    return body;
}

void TicketsFlow::send_ticket(FlowContext& ctx) {
    if (state_.sent.loading() || plan_refuses_procedure(state_)) return;
    state_.conditions.clear();
    const std::optional<api::NewTicket> ready = new_ticket_body(ctx.language);
    if (!ready) return;
    const api::NewTicket& body = *ready;
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
    state_.reply_error =
        check_text(message, domain::kTicketMessageChars, SupportText::message_too_long);
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
