// The REST contract's support tickets (GET/POST /tickets, /tickets/{id}, its replies and its
// closing), with their `fields` like every DTO of dto.h. Instants travel as RFC 3339 text in the
// company's zone ("2026-12-04T12:00:00-03:00"; domain::parse_rfc3339 reads them back).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/field_presence.h"
#include "domain/date.h"
#include "domain/record_fields.h"
#include "domain/support_clock.h"

namespace portal::api {

// One ticket as the list and the detail show it.
struct TicketSummary {
    int64_t id = 0;
    domain::TicketDepartment department = domain::TicketDepartment::support;
    domain::TicketKind kind = domain::TicketKind::general;
    std::optional<int64_t> service_id;  // the service it is about, or null
    std::string service_name;           // null when it is about none
    std::string subject;
    domain::TicketStatus status = domain::TicketStatus::open;
    std::string opened_at;
    std::string updated_at;
    // When the company owes its answer (or, answered, its resolution); null when nothing is owed.
    std::optional<std::string> due_at;
    std::optional<domain::DueFor> due_for;
    bool overdue = false;  // due_at has passed
    // remote_support: the start of the booked one-hour slot; null for other kinds.
    std::optional<std::string> remote_slot;
};
PORTAL_FIELDS(TicketSummary, id, department, kind, service_id, service_name, subject, status,
              opened_at, updated_at, due_at, due_for, overdue, remote_slot);
PORTAL_PRESENCE(TicketSummary, null_if_empty, service_name);

// GET /tickets: open ones first, then by their last activity, newest first.
struct TicketList {
    std::vector<TicketSummary> tickets;
};
PORTAL_FIELDS(TicketList, tickets);

struct TicketMessageView {
    int64_t id = 0;
    domain::MessageAuthor author = domain::MessageAuthor::client;
    std::string text;
    std::string sent_at;
};
PORTAL_FIELDS(TicketMessageView, id, author, text, sent_at);

// A file attached to a ticket (POST /tickets/{id}/attachments); its bytes are
// GET /tickets/{id}/attachments/{attachment_id}.
struct TicketAttachmentView {
    int64_t id = 0;
    std::string name;
    std::string media_type;  // read from the bytes: image/png, image/jpeg, image/gif,
                             // image/webp, application/pdf or text/plain
    int64_t size_bytes = 0;
    std::string uploaded_at;
};
PORTAL_FIELDS(TicketAttachmentView, id, name, media_type, size_bytes, uploaded_at);

// GET /tickets/{id}: the ticket, its messages and its attachments, oldest first.
struct TicketDetail {
    TicketSummary ticket;
    std::vector<TicketMessageView> messages;
    std::vector<TicketAttachmentView> attachments;
};
PORTAL_FIELDS(TicketDetail, ticket, messages, attachments);

// POST /tickets: a question, or one of the manual's procedures (`kind`) with the fields it asks
// for (domain/support_procedure.h), each left out when the procedure does not use it. Its member
// `domain` hides the namespace inside the struct, hence the full names of the domain's types.
struct NewTicket {
    ::portal::domain::TicketDepartment department = ::portal::domain::TicketDepartment::support;
    std::optional<int64_t> service_id;
    std::string subject;
    std::string message;
    std::optional<::portal::domain::TicketKind> kind;  // general when left out
    std::optional<int64_t> option = std::nullopt;
    std::optional<std::string> domain = std::nullopt;
    std::optional<std::string> current_provider = std::nullopt;
    std::optional<bool> webmail_warning_accepted = std::nullopt;
    std::optional<std::string> new_holder_email = std::nullopt;
    std::optional<::portal::domain::Date> date_wanted = std::nullopt;
    std::optional<std::string> texts = std::nullopt;
    // remote_support: the three requirements accepted (one tick), the RustDesk ID as typed, the
    // chosen slot's start (one of GET /support/remote-slots).
    std::optional<bool> requirements_accepted = std::nullopt;
    std::optional<std::string> rustdesk_id = std::nullopt;
    std::optional<std::string> slot = std::nullopt;
};
PORTAL_FIELDS(NewTicket, department, service_id, subject, message, kind, option, domain,
              current_provider, webmail_warning_accepted, new_holder_email, date_wanted, texts,
              requirements_accepted, rustdesk_id, slot);
PORTAL_PRESENCE(NewTicket, omitted_if_empty, service_id, kind, option, domain, current_provider,
                webmail_warning_accepted, new_holder_email, date_wanted, texts,
                requirements_accepted, rustdesk_id, slot);

// POST /tickets/{id}/replies
struct TicketReply {
    std::string message;
};
PORTAL_FIELDS(TicketReply, message);

}  // namespace portal::api
