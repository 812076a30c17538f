#include "app/ticket_attachments.h"

#include <functional>
#include <string_view>
#include <utility>

#include "app/code_words.h"
#include "app/display.h"
#include "app/texts/fill_in.h"
#include "app/tickets_flow.h"
#include "domain/ticket_attachment.h"

namespace portal::app {
namespace {

// "PNG, JPEG, GIF, WebP, PDF y texto": the kinds the backend takes, from their one list.
std::string accepted_kinds(Language language) {
    const auto kinds = domain::enum_values<domain::AttachmentType>();
    std::string words;
    for (size_t i = 0; i < kinds.size(); ++i) {
        if (i > 0) words += i + 1 == kinds.size() ? tr(language, AttachmentText::and_word) : ", ";
        words += tr(language, kinds[i]);
    }
    return words;
}

std::string size_words(int64_t bytes, Language language) {
    return format_size(static_cast<uint64_t>(bytes < 0 ? 0 : bytes), language);
}

// The server's refusals that the client can do something about, each in words; nullopt for a
// failure the problem box explains (no answer, a server error: a retry may help).
std::optional<AttachmentText> refusal_of(const api::ApiFailure& failure) {
    if (failure.kind != api::ApiFailure::Kind::rejected) return std::nullopt;
    // The HTTP layer refuses an oversized body before the backend names it.
    if (failure.status == 413) return AttachmentText::too_large;
    if (failure.status == 400 && failure.error.field == "name") return AttachmentText::bad_name;
    return refusal_in_words(failure, AttachmentText::ticket_gone);
}

const api::TicketAttachmentView* listed(const api::TicketDetail& ticket, int64_t attachment_id) {
    for (const api::TicketAttachmentView& file : ticket.attachments) {
        if (file.id == attachment_id) return &file;
    }
    return nullptr;
}

}  // namespace

std::string accepted_files_line(int64_t max_bytes, Language language) {
    return fill_in(tr(language, AttachmentText::accepted_files),
                   {accepted_kinds(language), size_words(max_bytes, language)});
}

std::string attachment_details(const api::TicketAttachmentView& file, Language language) {
    const std::string size = size_words(file.size_bytes, language);
    const auto when = local_time(file.uploaded_at, language);
    if (!when) return size;
    return fill_in(tr(language, AttachmentText::file_details), {size, when->date, when->time});
}

std::string attachment_refusal_line(const AttachmentState& state, Language language) {
    if (!state.refusal) return {};
    const std::string name = state.file ? state.file->name : std::string();
    const char* pattern = tr(language, *state.refusal);
    switch (*state.refusal) {
        case AttachmentText::too_large: {
            const int64_t size = state.file ? state.file->size_bytes : 0;
            return fill_in(
                pattern, {name, size_words(size, language), size_words(state.max_bytes, language)});
        }
        case AttachmentText::type_refused:
            return fill_in(pattern, {name, accepted_kinds(language)});
        case AttachmentText::bad_name:
            return fill_in(pattern, {name, std::to_string(domain::kAttachmentNameChars)});
        case AttachmentText::too_many:
            return fill_in(pattern, {std::to_string(domain::kAttachmentsPerTicket)});
        default:
            return fill_in(pattern, {name});
    }
}

void TicketAttachments::forget(int64_t ticket_id) {
    state_ = {};
    state_.ticket_id = ticket_id;
    state_.max_bytes = max_bytes_;
    attempt_.forget();
}

void TicketAttachments::enter(int64_t ticket_id) {
    if (state_.ticket_id != ticket_id) {
        forget(ticket_id);
        return;
    }
    // Back on the same ticket: what was said about the last file is old news, unless it is still
    // on its way (its answer lands here) or a retry may still send it.
    state_.attached.clear();
    state_.refusal.reset();
    if (!state_.sending.loading() && !state_.sending.failed()) state_.file.reset();
    for (auto at = state_.downloads.begin(); at != state_.downloads.end();) {
        at = at->second.phase == AttachmentDownload::Phase::running ? std::next(at)
                                                                    : state_.downloads.erase(at);
    }
}

void TicketAttachments::choose(const api::TicketDetail* ticket, FlowContext& ctx) {
    if (!ticket || ticket->ticket.id != state_.ticket_id || state_.sending.loading()) return;
    if (ticket->ticket.status == domain::TicketStatus::closed) return;
    state_.choosing = true;
    ctx.browser.choose_file(domain::attachment_accept(), max_bytes_);
}

std::optional<AttachmentText> TicketAttachments::check(const ChosenFile& file,
                                                       const api::TicketDetail& ticket) const {
    if (ticket.ticket.status == domain::TicketStatus::closed) return AttachmentText::closed;
    if (file.size_bytes > max_bytes_) return AttachmentText::too_large;
    if (!file.bytes) return AttachmentText::unreadable;
    if (static_cast<int64_t>(file.bytes->size()) > max_bytes_) return AttachmentText::too_large;
    if (domain::attachment_name_problem(file.name)) return AttachmentText::bad_name;
    domain::AttachmentSniffer sniffer;
    sniffer.feed(*file.bytes);
    if (!sniffer.result()) {
        return file.bytes->empty() ? AttachmentText::empty : AttachmentText::type_refused;
    }
    if (ticket.attachments.size() >= domain::kAttachmentsPerTicket) return AttachmentText::too_many;
    return std::nullopt;
}

void TicketAttachments::take(const ChosenFile& file, const api::TicketDetail* ticket,
                             FlowContext& ctx, std::function<void()> reload) {
    // Only a pick this ticket asked for, and one file at a time.
    if (!state_.choosing || !ticket || ticket->ticket.id != state_.ticket_id) return;
    if (state_.sending.loading()) return;
    state_.choosing = false;
    state_.attached.clear();
    state_.sending = {};
    state_.file = file;
    if (file.bytes) {
        // The size is the bytes'; the browser's word for it is only what decided to read them.
        state_.file->size_bytes = static_cast<int64_t>(file.bytes->size());
    }
    state_.refusal = check(*state_.file, *ticket);
    if (state_.refusal) {
        state_.file->bytes.reset();  // nothing of it is sent; only its name and size are told
        return;
    }
    send(ctx, std::move(reload));
}

void TicketAttachments::retry(const api::TicketDetail* ticket, FlowContext& ctx,
                              std::function<void()> reload) {
    if (!ticket || ticket->ticket.id != state_.ticket_id) return;
    if (!state_.file || !state_.file->bytes || !state_.sending.failed()) return;
    send(ctx, std::move(reload));
}

void TicketAttachments::send(FlowContext& ctx, std::function<void()> reload) {
    const ChosenFile& file = *state_.file;
    const int64_t ticket_id = state_.ticket_id;
    // The same file to the same ticket is the same attempt, whatever was clicked in between.
    const std::string key = attempt_.key_for(
        std::to_string(ticket_id) + "\n" + file.name + "\n" + std::to_string(file.bytes->size()) +
            "\n" + std::to_string(std::hash<std::string>{}(*file.bytes)),
        ctx);
    state_.sending.start();
    ctx.api.attach_to_ticket(
        ticket_id, file.name, *file.bytes, key,
        ctx.guard<api::TicketAttachmentView>(attempt_.settling<api::TicketAttachmentView>(
            [this, ticket_id,
             reload = std::move(reload)](api::ApiResult<api::TicketAttachmentView> answer) {
                if (state_.ticket_id != ticket_id) return;  // another ticket is on screen now
                if (!answer.ok()) {
                    state_.refusal = refusal_of(answer.failure);
                    if (state_.refusal) {
                        state_.sending = {};
                        if (state_.file) state_.file->bytes.reset();
                    } else {
                        state_.sending.fail(describe(answer.failure));
                    }
                    return;
                }
                state_.attached = answer.value->name;
                state_.sending.settle(answer);
                state_.file.reset();
                reload();
            })));
}

void TicketAttachments::download(int64_t attachment_id, const api::TicketDetail* ticket,
                                 FlowContext& ctx) {
    if (!ticket || ticket->ticket.id != state_.ticket_id) return;
    const api::TicketAttachmentView* file = listed(*ticket, attachment_id);
    if (!file) return;
    const auto running = state_.downloads.find(attachment_id);
    if (running != state_.downloads.end() &&
        running->second.phase == AttachmentDownload::Phase::running) {
        return;  // a second press fetches nothing more
    }
    state_.downloads[attachment_id] = AttachmentDownload{};
    // The answer is raw bytes, not a DTO for ctx.guard: the session is checked by hand.
    auto alive = ctx.session;
    auto lost = ctx.session_lost;
    BrowserEffects* browser = &ctx.browser;
    const int64_t ticket_id = state_.ticket_id;
    ctx.api.ticket_attachment(
        ticket_id, attachment_id,
        [this, alive, lost, browser, ticket_id, attachment_id, name = file->name,
         media_type = file->media_type, expected = file->size_bytes](api::HttpResponse response) {
            if (alive.expired() || state_.ticket_id != ticket_id) return;
            const auto found = state_.downloads.find(attachment_id);
            if (found == state_.downloads.end()) return;
            AttachmentDownload& d = found->second;
            using Kind = DownloadOutcome::Kind;
            const DownloadOutcome outcome =
                judge_download(response, static_cast<uint64_t>(expected), false);
            if (outcome.problem.signed_out) return lost(outcome.problem);
            if (outcome.kind != Kind::whole) {
                d.phase = AttachmentDownload::Phase::failed;
                d.problem = outcome.problem;
                if (outcome.kind == Kind::cut) d.why = AttachmentText::download_incomplete;
                if (outcome.kind == Kind::not_there) {
                    d.why = AttachmentText::download_gone;
                    d.problem.retryable = false;  // asking again will not bring it back
                }
                return;
            }
            d.phase = AttachmentDownload::Phase::saved;
            browser->save_file(name, response.body, media_type);
        });
}

}  // namespace portal::app
