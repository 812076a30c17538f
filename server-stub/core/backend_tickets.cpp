// [SECTION] Handlers: support tickets (RULES.md §6–§8). A client opens a ticket, reads its
// messages and writes again; the staff's answers come from the company's side (the fixtures, here).
// Each open ticket says when the company owes its answer (domain/support_clock.h).
#include <algorithm>
#include <map>

#include "core/backend.h"
#include "core/responses.h"
#include "core/text_rules.h"
#include "domain/support_procedure.h"

namespace portal::backend {

namespace {

std::vector<domain::TicketMessageTime> message_times(
    const std::vector<TicketMessageRecord>& messages) {
    std::vector<domain::TicketMessageTime> times;
    for (const auto& message : messages) times.push_back({message.kind, message.sent_at});
    return times;
}

std::string ticket_location(int64_t id) {
    return "/api/v1/tickets/" + std::to_string(id);
}

}  // namespace

api::TicketSummary Backend::ticket_summary(const Call& call, const TicketRecord& ticket,
                                           const std::vector<TicketMessageRecord>& messages,
                                           domain::SupportPlan plan,
                                           const std::string& service_name) {
    api::TicketSummary summary;
    summary.id = ticket.id;
    summary.department = ticket.department;
    summary.kind = ticket.kind;
    summary.service_id = ticket.service_id;
    summary.service_name = service_name;
    summary.subject = ticket.subject;
    summary.status = ticket.status;
    summary.opened_at = domain::company_rfc3339(ticket.opened_at);
    summary.updated_at = domain::company_rfc3339(ticket.updated_at);
    auto due = domain::ticket_due(config_.calendar, plan, ticket.kind, ticket.status,
                                  message_times(messages));
    if (due) {
        summary.due_at = domain::company_rfc3339(due->at);
        summary.due_for = due->what;
        summary.overdue = due->at < call.now;
    }
    if (ticket.remote_slot) summary.remote_slot = domain::company_rfc3339(*ticket.remote_slot);
    return summary;
}

api::TicketDetail Backend::ticket_detail(const Call& call, const TicketRecord& ticket) {
    auto client = store_.client_by_id(call.client_id);
    const auto plan = client ? client->support_plan : domain::SupportPlan::standard;
    std::string service_name;
    if (ticket.service_id) {
        if (auto service = store_.service_of(call.client_id, *ticket.service_id)) {
            service_name = service->name;
        }
    }
    const auto messages = store_.ticket_messages_of(call.client_id, ticket.id);
    api::TicketDetail detail;
    detail.ticket = ticket_summary(call, ticket, messages, plan, service_name);
    for (const auto& message : messages) {
        detail.messages.push_back({message.id, domain::author_of(message.kind), message.text,
                                   domain::company_rfc3339(message.sent_at)});
    }
    for (const auto& attachment : store_.ticket_attachments_of(call.client_id, ticket.id)) {
        detail.attachments.push_back(attachment_view(attachment));
    }
    return detail;
}

Response Backend::list_tickets(Call& call) {
    auto client = store_.client_by_id(call.client_id);
    if (!client) return not_found("client");
    std::map<int64_t, std::string> names;
    for (const auto& service : store_.services_of(call.client_id)) names[service.id] = service.name;
    auto tickets = store_.tickets_of(call.client_id);
    // What still needs the client's or the company's attention first, then the latest activity.
    std::stable_sort(tickets.begin(), tickets.end(), [](const auto& a, const auto& b) {
        const bool a_closed = a.status == domain::TicketStatus::closed;
        const bool b_closed = b.status == domain::TicketStatus::closed;
        if (a_closed != b_closed) return b_closed;
        return a.updated_at != b.updated_at ? b.updated_at < a.updated_at : b.id < a.id;
    });
    api::TicketList list;
    for (const auto& ticket : tickets) {
        const std::string name = ticket.service_id ? names[*ticket.service_id] : std::string();
        list.tickets.push_back(ticket_summary(call, ticket,
                                              store_.ticket_messages_of(call.client_id, ticket.id),
                                              client->support_plan, name));
    }
    return json_answer(200, list);
}

Response Backend::get_ticket(Call& call) {
    auto id = parse_id(call.params.at("id"));
    if (!id) return not_found("ticket");
    auto ticket = store_.ticket_of(call.client_id, *id);
    if (!ticket) return not_found("ticket");
    return json_answer(200, ticket_detail(call, *ticket));
}

Response Backend::create_ticket(Call& call) {
    api::NewTicket request;
    if (auto refusal = read_body(call.request, request)) return *refusal;
    if (auto refusal = refuse_ticket_texts(request)) return *refusal;
    return commit(call, [&]() -> Response { return open_ticket(call, request); });
}

std::optional<Response> Backend::refuse_ticket_texts(api::NewTicket& request) {
    if (auto refusal = refuse_typed_text(request.subject, "subject", 1, domain::kTicketSubjectChars,
                                         TextLines::one)) {
        return refusal;
    }
    return refuse_typed_text(request.message, "message", 1, domain::kTicketMessageChars,
                             TextLines::many);
}

Response Backend::open_ticket(Call& call, api::NewTicket& request) {
    if (request.service_id && !store_.service_of(call.client_id, *request.service_id)) {
        return error_response(400, api::kInvalidValue,
                              "service_id: none of your services has this id", "service_id");
    }
    if (auto refusal = refuse_procedure(call, request)) return *refusal;
    if (at_limit(store_.tickets_of(call.client_id), config_.max_open_tickets_per_client,
                 [](const auto& t) { return t.status != domain::TicketStatus::closed; })) {
        return refused({"too_many_open_tickets",
                        "too many tickets are still open; write in one of them or close "
                        "those already solved"});
    }
    TicketRecord ticket;
    ticket.client_id = call.client_id;
    ticket.service_id = request.service_id;
    ticket.department = request.department;
    ticket.kind = request.kind.value_or(domain::TicketKind::general);
    ticket.subject = request.subject;
    ticket.status = domain::status_after(domain::MessageKind::client);
    ticket.opened_at = ticket.updated_at = call.now;
    if (ticket.kind == domain::TicketKind::remote_support) {  // refuse_procedure read both
        ticket.remote_slot = domain::parse_rfc3339(request.slot.value_or(""));
        ticket.rustdesk_id =
            domain::normalised_rustdesk_id(request.rustdesk_id.value_or("")).value_or("");
    }
    ticket.id = store_.insert_ticket(ticket);
    store_.insert_ticket_message({0, call.client_id, ticket.id, domain::MessageKind::client,
                                  request.message + procedure_details(call, request), call.now});
    Response response = json_answer(201, ticket_detail(call, ticket));
    response.headers["Location"] = ticket_location(ticket.id);
    return response;
}

Response Backend::reply_to_ticket(Call& call) {
    auto id = parse_id(call.params.at("id"));
    if (!id) return not_found("ticket");
    api::TicketReply body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    std::string message = body.message;
    if (auto refusal = refuse_typed_text(message, "message", 1, domain::kTicketMessageChars,
                                         TextLines::many)) {
        return *refusal;
    }
    return commit(call, [&]() -> Response {
        auto ticket = store_.ticket_of(call.client_id, *id);
        if (!ticket) return not_found("ticket");
        if (store_.ticket_messages_of(call.client_id, ticket->id).size() >=
            config_.max_messages_per_ticket) {
            return refused(
                {"too_many_messages", "this ticket has too many messages; open a new one"});
        }
        // Writing again reopens a closed ticket: the client still needs an answer.
        ticket->status = domain::status_after(domain::MessageKind::client);
        ticket->updated_at = call.now;
        store_.update_ticket(*ticket);
        store_.insert_ticket_message(
            {0, call.client_id, ticket->id, domain::MessageKind::client, message, call.now});
        return json_answer(201, ticket_detail(call, *ticket));
    });
}

Response Backend::close_ticket(Call& call) {
    return commit_to_owned<TicketRecord>(call, "ticket", &Store::ticket_of,
                                         [&](TicketRecord& ticket) -> Response {
                                             // Closing a closed ticket changes nothing: the client
                                             // sees it closed either way.
                                             if (ticket.status != domain::TicketStatus::closed) {
                                                 ticket.status = domain::status_after(std::nullopt);
                                                 ticket.updated_at = call.now;
                                                 store_.update_ticket(ticket);
                                             }
                                             return json_answer(200, ticket_detail(call, ticket));
                                         });
}

}  // namespace portal::backend
