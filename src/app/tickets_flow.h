// The «Soporte» tab (RULES.md §6–§8): the client's support plan with the channels it includes,
// the tickets (those not closed first) each with when the company owes its answer, a ticket's
// messages with a reply box and «Cerrar ticket», and «Nuevo ticket» (also from a service:
// «Pedir ayuda con este servicio», a ticket linked to it). Sending a ticket, a reply or the
// closing acts once per attempt (IdempotentAttempt), however often it is clicked. A ticket's
// files: ticket_attachments.h.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "api/dto.h"
#include "app/flow_context.h"
#include "app/idempotent_attempt.h"
#include "app/remote.h"
#include "app/route.h"
#include "app/support_contacts.h"
#include "app/texts/support_texts.h"
#include "app/ticket_attachments.h"
#include "app/visit.h"
#include "domain/support_procedure.h"

namespace portal::app {

// What a ticket's due time says, in the client's words and the company's zone (GMT−3): "Respuesta
// esperada antes del 09/12/2026 a las 11:00", overdue as such, a question waiting on the client;
// empty when nothing is owed (closed).
std::string due_line(const api::TicketSummary& ticket, Language language);
// An API instant as the client reads it: {date, "HH:MM"} in the company's zone.
struct LocalTime {
    std::string date;
    std::string time;
};
std::optional<LocalTime> local_time(const std::string& rfc3339, Language language);

// The manuals «Soporte» links to, by slug, in the order shown: how to ask, what the plan gives,
// and the procedures that go through support (RULES.md §6–§9, §11). Their titles come from the
// catalog, in the reader's language.
// What each support plan includes: also the way forward when a plan lacks a channel.
inline constexpr std::string_view kSupportPlansManual = "planes-de-soporte";
inline constexpr std::string_view kSupportManualSlugs[] = {
    "tickets",        "tiempos-de-respuesta", kSupportPlansManual,    "sla",
    "soporte-remoto", "migracion-de-hosting", "estado-de-servidores",
};
// The catalog's pages of kSupportManualSlugs, in that order; a slug the catalog lacks is left out.
std::vector<api::ManualPageRef> support_manuals(const api::ManualCatalog& catalog);

// What «Nuevo ticket» offers, in the order shown: a question, then the manual's procedures that go
// through support (RULES.md §7, §10–§12). An upgrade request starts from the service's upgrade
// screen, which knows the plans, so it is not offered here.
inline constexpr domain::TicketKind kOfferedKinds[] = {
    domain::TicketKind::general,         domain::TicketKind::error_report,
    domain::TicketKind::migration,       domain::TicketKind::change_of_holder,
    domain::TicketKind::backup_recovery, domain::TicketKind::feature_request,
    domain::TicketKind::voice_over,      domain::TicketKind::remote_support,
};

// A new ticket as the client fills it in: the question or procedure, its own fields (each read
// only by the procedure that asks for it, domain/support_procedure.h), the subject and message.
struct NewTicketForm {
    domain::TicketKind kind = domain::TicketKind::general;
    domain::TicketDepartment department = domain::TicketDepartment::support;  // a question's
    int64_t chosen_service_id = 0;  // when the procedure needs a service and the route named none
    int migration_option = 1;       // 1: the company migrates (recommended), 2: the client
    std::string site_domain;
    std::string current_provider;
    bool webmail_warning_accepted = false;
    std::string new_holder_email;
    std::string date_wanted;  // as typed: format_date's form in either language
    std::string texts;
    bool requirements_accepted = false;  // remote support's three requirements, one tick
    std::string rustdesk_id;             // as typed
    std::string slot;                    // the chosen free slot's start, as the API wrote it
    std::string subject;                 // a procedure's name when left empty
    std::string message;
    std::optional<SupportText> subject_error;
    std::optional<SupportText> message_error;
    // The procedure's field (the API's name) the last check found missing or malformed, and what
    // to do about it.
    std::string problem_field;
    std::optional<SupportText> problem;
};

// What the client is told about a procedure's field that is missing or malformed.
std::optional<SupportText> field_problem_text(std::string_view field);

struct SupportState {
    Remote<api::Profile> profile;  // the support plan
    SupportContacts contacts;      // the operator's, for the channels that take an address
    Remote<api::TicketList> tickets;
    Remote<api::ManualCatalog> manuals;  // for the links to the support manuals
    // The support manuals found in it, in the order shown: looked up once, when it arrives, and
    // not on every frame (a catalog may hold thousands of pages).
    std::vector<api::ManualPageRef> support_manuals;
    // The ticket on screen, and the answer to sending a reply or closing it.
    int64_t ticket_id = 0;
    Remote<api::TicketDetail> ticket;
    Remote<api::TicketDetail> change;
    std::string reply;  // edited in place by the screen
    std::optional<SupportText> reply_error;
    // A new ticket, about this service when service_id is not 0.
    int64_t service_id = 0;
    Remote<api::ServiceView> service;
    Remote<api::ServiceList> services;         // to choose one when the procedure needs it
    Remote<api::RemoteSlotList> remote_slots;  // when remote support is chosen
    NewTicketForm form;                        // edited in place by the screen
    Remote<api::TicketDetail> sent;
    std::optional<SupportText> refusal;  // why the server refused the last sending
    // The procedure's rules the last sending did not meet, each said with its way forward.
    std::vector<domain::ProcedureCondition> conditions;
};

// The free remote-support slots grouped by day, as the form offers them: "martes 09/12/2026",
// then "11:00", "12:00"… each with the start the API wrote, to send back as it is.
struct SlotChoice {
    std::string starts_at;
    std::string label;
};
struct SlotDay {
    std::string heading;
    std::vector<SlotChoice> slots;
};
std::vector<SlotDay> slot_days(const api::RemoteSlotList& list, Language language);

// Whether the chosen procedure can be asked for at all: remote support is refused up front when
// the client's plan does not include it, so the form says so instead of collecting fields.
bool plan_refuses_procedure(const SupportState& state);

// Whether the new-ticket form shows a choice of service: the procedure needs one and the client
// did not start from a service.
bool asks_for_service(const SupportState& state);

struct ReloadSupport {};
struct ChooseDepartment {
    domain::TicketDepartment department;
};
struct ChooseKind {
    domain::TicketKind kind;
};
struct ChooseTicketService {
    int64_t service_id = 0;
};
struct ChooseMigrationOption {
    int option = 1;
};
struct AcceptWebmailWarning {
    bool accepted = false;
};
struct AcceptRemoteRequirements {
    bool accepted = false;
};
struct ChooseRemoteSlot {
    std::string starts_at;
};
// Opens a channel's way in (a call, a WhatsApp or Telegram chat).
struct ReachChannel {
    domain::SupportChannel channel;
};
// The manual's way to phone or WhatsApp support when the plan lacks it: a ticket to sales,
// its subject already written.
struct AskForPhoneOrWhatsapp {};
struct SendTicket {};
struct SendReply {};
struct CloseTicket {};
using SupportIntent =
    std::variant<ReloadSupport, ChooseDepartment, ChooseKind, ChooseTicketService,
                 ChooseMigrationOption, AcceptWebmailWarning, AcceptRemoteRequirements,
                 ChooseRemoteSlot, ReachChannel, AskForPhoneOrWhatsapp, SendTicket, SendReply,
                 CloseTicket, ChooseAttachment, RetryAttachment, DownloadAttachment>;

class TicketsFlow {
  public:
    // `max_attachment_bytes`: the largest file the backend takes (ticket_attachments.h).
    explicit TicketsFlow(int64_t max_attachment_bytes = domain::kAttachmentMaxBytes)
        : attachments_(max_attachment_bytes) {}

    // The tab (Page::support), one ticket (Page::ticket) or the new-ticket form (Page::new_ticket).
    void enter(const Route& route, FlowContext& ctx);
    void handle(const SupportIntent& intent, FlowContext& ctx);
    // The file the client picked after «Adjuntar archivo».
    void handle(const FileChosen& chosen, FlowContext& ctx);
    const SupportState& state() const { return state_; }
    // The files of the ticket on screen: the one being sent, the downloads.
    const AttachmentState& attachments() const { return attachments_.state(); }
    // The forms' text, edited in place by the screens.
    NewTicketForm& form() { return state_.form; }
    // The operator's contact addresses (config.json); kept across sign-outs.
    void set_contacts(SupportContacts contacts) { state_.contacts = std::move(contacts); }
    std::string& reply() { return state_.reply; }

    // Sign-out or an expired session: forget everything.
    void reset() {
        SupportContacts contacts = std::move(state_.contacts);
        state_ = {};
        state_.contacts = std::move(contacts);
        visit_.renew();
        ticket_attempt_.forget();
        reply_attempt_.forget();
        close_attempt_.forget();
        attachments_.reset();
    }

  private:
    void load_overview(FlowContext& ctx);
    void load_remote_slots(FlowContext& ctx);
    void reach(domain::SupportChannel channel, FlowContext& ctx);
    std::optional<api::NewTicket> new_ticket_body(Language language);
    void note_refused_fields(const api::ApiFailure& failure);
    void send_ticket(FlowContext& ctx);
    void send_reply(FlowContext& ctx);
    void close(FlowContext& ctx);
    // The ticket whose detail is on screen, or null while it loads.
    const api::TicketDetail* ticket_on_screen() const;
    // Reads the ticket on screen again (its files, after one was kept).
    std::function<void()> reload_ticket(const FlowContext& ctx);
    template <class Done>
    api::Callback<api::TicketDetail> settle(Remote<api::TicketDetail>& remote,
                                            IdempotentAttempt& attempt, const FlowContext& ctx,
                                            Done done);

    SupportState state_;
    Visit visit_;
    IdempotentAttempt ticket_attempt_;  // per ticket typed
    IdempotentAttempt reply_attempt_;   // per reply typed
    IdempotentAttempt close_attempt_;   // per ticket closed
    TicketAttachments attachments_;
};

}  // namespace portal::app
