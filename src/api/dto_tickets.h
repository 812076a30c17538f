// The REST contract's support tickets (GET/POST /tickets, /tickets/{id}, its replies and its
// closing), with their `fields` like every DTO of dto.h. Instants travel as RFC 3339 text in the
// company's zone ("2026-12-04T12:00:00-03:00"; domain::parse_rfc3339 reads them back).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/field_presence.h"
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
    bool operator==(const TicketSummary&) const = default;
};
void fields(auto& v, domain::FieldsOf<TicketSummary> auto& x) {
    v("id", x.id);
    v("department", x.department);
    v("kind", x.kind);
    v("service_id", x.service_id);
    v("service_name", x.service_name, Presence::null_if_empty);
    v("subject", x.subject);
    v("status", x.status);
    v("opened_at", x.opened_at);
    v("updated_at", x.updated_at);
    v("due_at", x.due_at);
    v("due_for", x.due_for);
    v("overdue", x.overdue);
}

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

// GET /tickets/{id}: the ticket and its messages, oldest first.
struct TicketDetail {
    TicketSummary ticket;
    std::vector<TicketMessageView> messages;
};
PORTAL_FIELDS(TicketDetail, ticket, messages);

// POST /tickets
struct NewTicket {
    domain::TicketDepartment department = domain::TicketDepartment::support;
    std::optional<int64_t> service_id;
    std::string subject;
    std::string message;
    std::optional<domain::TicketKind> kind;  // general when left out
    bool operator==(const NewTicket&) const = default;
};
void fields(auto& v, domain::FieldsOf<NewTicket> auto& x) {
    v("department", x.department);
    v("service_id", x.service_id, Presence::omitted_if_empty);
    v("subject", x.subject);
    v("message", x.message);
    v("kind", x.kind, Presence::omitted_if_empty);
}

// POST /tickets/{id}/replies
struct TicketReply {
    std::string message;
};
PORTAL_FIELDS(TicketReply, message);

}  // namespace portal::api
