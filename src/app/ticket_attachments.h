// Files attached to the ticket on screen (POST/GET /tickets/{id}/attachments): «Adjuntar
// archivo» asks the browser for a file, which is checked here before anything is sent (its size
// against the backend's limit, its name, its kind read from its bytes: domain/ticket_attachment.h,
// the rules the backend applies), then sent once per attempt (IdempotentAttempt: a retry of the
// same file never attaches it twice); once kept, the ticket is read again so the file shows in
// its list. «Descargar» fetches a file's bytes and hands them to the browser's save.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "api/dto.h"
#include "app/browser_effects.h"
#include "app/flow_context.h"
#include "app/idempotent_attempt.h"
#include "app/problem.h"
#include "app/remote.h"
#include "app/texts/attachment_texts.h"
#include "domain/ticket_attachment.h"

namespace portal::app {

// One file's «Descargar».
struct AttachmentDownload {
    enum class Phase { running, saved, failed };
    Phase phase = Phase::running;
    Problem problem;  // when failed: what to do next (a download can always be tried again)
    // When failed for a reason of this screen's own (cut off, gone); else the problem's text.
    std::optional<AttachmentText> why;
};

struct AttachmentState {
    int64_t ticket_id = 0;  // the ticket the rest is about
    int64_t max_bytes = 0;  // the largest file the backend takes
    // The picker was opened from this ticket: what the client picks is attached to it.
    bool choosing = false;
    // The last file picked, kept while it is on its way and after a failure that a retry may
    // send again (with the same key).
    std::optional<ChosenFile> file;
    Remote<api::TicketAttachmentView> sending;
    // Why the last file was not sent (the page's check) or not kept (the server's refusal);
    // attachment_refusal_line says it in words.
    std::optional<AttachmentText> refusal;
    std::string attached;  // the name of the last file kept, for "Archivo «…» adjuntado."
    std::map<int64_t, AttachmentDownload> downloads;  // by attachment id
};

// What the client is told about state.refusal, with the file's name, its size and the limits
// filled in; empty when there is no refusal.
std::string attachment_refusal_line(const AttachmentState& state, Language language);
// "Se aceptan archivos PNG, JPEG, GIF, WebP, PDF y texto, de hasta 5,0 MB cada uno."
std::string accepted_files_line(int64_t max_bytes, Language language);
// "240,0 KB · subido el 04/12/2026 a las 10:00".
std::string attachment_details(const api::TicketAttachmentView& file, Language language);

struct ChooseAttachment {};  // «Adjuntar archivo»
struct RetryAttachment {};   // «Reintentar» after a failure that may not have reached the server
struct DownloadAttachment {  // «Descargar»
    int64_t attachment_id = 0;
};

class TicketAttachments {
  public:
    // `max_bytes`: the largest file the backend takes (domain::kAttachmentMaxBytes, or the static
    // demo's kDemoAttachmentMaxBytes).
    explicit TicketAttachments(int64_t max_bytes) : max_bytes_(max_bytes) { forget(0); }
    const AttachmentState& state() const { return state_; }

    // The client arrives on ticket `ticket_id`: another ticket than the last one starts afresh.
    void enter(int64_t ticket_id);
    // Sign-out: nothing of the last file stays.
    void reset() { forget(0); }

    // `ticket` is the ticket on screen (null while it loads); `reload` reads it again.
    void choose(const api::TicketDetail* ticket, FlowContext& ctx);
    void take(const ChosenFile& file, const api::TicketDetail* ticket, FlowContext& ctx,
              std::function<void()> reload);
    void retry(const api::TicketDetail* ticket, FlowContext& ctx, std::function<void()> reload);
    void download(int64_t attachment_id, const api::TicketDetail* ticket, FlowContext& ctx);

  private:
    void forget(int64_t ticket_id);
    // Why `file` cannot go to `ticket`, as the backend would say it; nullopt when it can.
    std::optional<AttachmentText> check(const ChosenFile& file,
                                        const api::TicketDetail& ticket) const;
    void send(FlowContext& ctx, std::function<void()> reload);

    int64_t max_bytes_;
    AttachmentState state_;
    IdempotentAttempt attempt_;  // per file sent to a ticket
};

}  // namespace portal::app
