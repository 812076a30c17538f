// The manual's procedures that reach the company as a ticket (RULES.md §6, §9–§12): what each
// asks for beside the ticket's subject and message, and what lets it go ahead.
//
// A form is checked in two steps, as the API answers them: first each field the procedure needs,
// present and well formed (a 400 naming the first one that is not); then the rules, every unmet
// one named at once (a 409 listing them), so the client can fix them all before trying again.
//
// Decisions where RULES.md is silent:
// - a backup can be asked for a day in the last 30 (the hosting keeps a month of copies), never
//   for a day still to come; the recovery itself may cost extra (the form says so);
// - option 1 of a migration (the company migrates) needs the webmail warning accepted: old emails
//   are not migrated (§11); option 2 needs nothing more than the domain and the current provider;
// - a change of holder is asked by the current holder (contacts never may, account.h) and needs,
//   besides §10's conditions, a holder other than the asking one;
// - a remote-support session (remote_support.h, where its slots are decided) needs the
//   requirements accepted, a RustDesk ID and a slot; it goes ahead when the client's plan
//   includes remote support and the slot is one of the free ones at that moment.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/enum_names.h"
#include "domain/remote_support.h"
#include "domain/service.h"
#include "domain/support_clock.h"
#include "domain/support_plan.h"

namespace portal::domain {

inline constexpr int kBackupDays = 30;
// Limits in characters, which the backend's typed-text rules apply (with what else a typed text
// must not carry); the form only asks that the fields be there.
inline constexpr std::size_t kProcedureTextChars = 4000;  // a voice-over's texts
inline constexpr std::size_t kProviderChars = 120;
// A ticket's own words, which the form also checks as the client types.
inline constexpr std::size_t kTicketSubjectChars = 120;
inline constexpr std::size_t kTicketMessageChars = 4000;

// What a client filled in beside the subject and the message; each procedure reads its own.
struct ProcedureForm {
    std::optional<int64_t> service_id;
    std::optional<int> option;              // migration: 1 the company migrates, 2 the client
    std::string domain;                     // migration: the site's domain
    std::string current_provider;           // migration: who hosts it today
    bool webmail_warning_accepted = false;  // migration, option 1: old emails are not moved
    std::string new_holder_email;           // change_of_holder: the account that takes it
    std::optional<Date> date_wanted;        // backup_recovery: the day of the copy
    std::string texts;                      // voice_over: what is to be recorded
    bool requirements_accepted = false;     // remote_support: the three requirements, one tick
    std::string rustdesk_id;                // remote_support: as typed
    std::string slot;                       // remote_support: the slot's start, RFC 3339
};

// What the company knows when the form arrives.
struct ProcedureFacts {
    Date today;
    // The status of the client's service the form names (one of theirs: checked before), or
    // nullopt when it names none.
    std::optional<ServiceStatus> service_status;
    bool client_owes_overdue = false;
    // change_of_holder: the account registered with new_holder_email, if any.
    bool new_holder_registered = false;
    bool new_holder_is_client = false;
    bool new_holder_owes_overdue = false;
    // remote_support: the client's plan and the slots free when the form arrives.
    SupportPlan support_plan = SupportPlan::standard;
    std::vector<RemoteSlot> free_slots;
};

// A rule of a procedure that a form does not meet, as the API names it in `error.conditions`.
PORTAL_NAMED_ENUM(ProcedureCondition, new_holder_not_registered, new_holder_is_you,
                  new_holder_invoices_overdue, your_invoices_overdue, service_not_active,
                  backup_too_old, plan_excludes_remote_support, slot_not_free);

// The department a procedure goes to: what only an administrator can do (a change of holder) to
// billing, everything else to support; nullopt for a question, whose department the client picks.
std::optional<TicketDepartment> procedure_department(TicketKind kind);

// A field the procedure needs and did not get, or got in a form it cannot read.
struct FormProblem {
    std::string field;
    std::string message;  // English, for developers
};

// Whether a procedure is about one of the client's services (and needs `service_id`).
bool needs_service(TicketKind kind);

// The first field of the form the procedure cannot go ahead without; nullopt when all are there.
std::optional<FormProblem> form_problem(TicketKind kind, const ProcedureForm& form, Date today);

// Every rule the procedure does not meet; empty when it may go ahead. Assumes form_problem found
// nothing.
std::vector<ProcedureCondition> unmet_conditions(TicketKind kind, const ProcedureForm& form,
                                                 const ProcedureFacts& facts);

}  // namespace portal::domain
