// [SECTION] Handlers: files attached to support tickets. The client sends one file as the raw
// body of POST /tickets/{id}/attachments?name=..., the one route whose body may pass the JSON
// limit (portal-stub spools it to disk as it arrives: SpooledBody). Its kind is read from its
// bytes (domain/ticket_attachment.h); its bytes are kept by the AttachmentFiles port and given
// back, as a download, to the ticket's owner only.
#include <algorithm>
#include <string_view>

#include "core/backend.h"
#include "core/responses.h"
#include "core/sha256.h"

namespace portal::backend {

namespace {

constexpr std::string_view kTickets = "/api/v1/tickets/";
constexpr std::string_view kAttachments = "/attachments";
constexpr int64_t kPieceBytes = 64 * 1024;  // what reading a spooled file holds at once

int64_t body_size(const Request& request) {
    return request.spooled_body ? request.spooled_body->size
                                : static_cast<int64_t>(request.body.size());
}

// The body's kind, read piece by piece (a spooled file is never held whole).
std::optional<domain::AttachmentType> sniff(const Request& request) {
    domain::AttachmentSniffer sniffer;
    if (!request.spooled_body) {
        sniffer.feed(request.body);
        return sniffer.result();
    }
    const SpooledBody& body = *request.spooled_body;
    for (int64_t at = 0; at < body.size; at += kPieceBytes) {
        const std::string piece = body.read(at, std::min(kPieceBytes, body.size - at));
        if (piece.empty()) return std::nullopt;
        sniffer.feed(piece);
    }
    return sniffer.result();
}

// Content-Disposition for a download named `name`: an ASCII fallback (anything else, quotes and
// backslashes become '_') and the exact name in UTF-8 (RFC 6266 §4.3, RFC 8187).
std::string disposition(std::string_view name) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string fallback, exact;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = byte > 0x20 && byte < 0x7F && c != '"' && c != '\\' && c != '%';
        fallback += plain || c == ' ' ? c : '_';
        const bool attr_char = (byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') ||
                               (byte >= 'a' && byte <= 'z') ||
                               std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos;
        if (attr_char) {
            exact += c;
        } else {
            exact += '%';
            exact += kHex[byte >> 4];
            exact += kHex[byte & 15];
        }
    }
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + exact;
}

std::string attachment_location(int64_t ticket_id, int64_t attachment_id) {
    return std::string(kTickets) + std::to_string(ticket_id) + std::string(kAttachments) + "/" +
           std::to_string(attachment_id);
}

}  // namespace

bool Backend::takes_file(const Request& request) {
    const std::string_view path = request.path;
    if (request.method != "POST" || !path.starts_with(kTickets) || !path.ends_with(kAttachments))
        return false;
    const std::string_view id =
        path.substr(kTickets.size(), path.size() - kTickets.size() - kAttachments.size());
    return !id.empty() && id.size() <= 18 &&
           std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Response Backend::attachment_too_large() const {
    return error_response(
        413, "attachment_too_large",
        "a file may have at most " + std::to_string(config_.max_attachment_bytes) + " bytes");
}

api::TicketAttachmentView Backend::attachment_view(const AttachmentRecord& attachment) {
    return {attachment.id, attachment.name, std::string(domain::media_type(attachment.type)),
            attachment.size_bytes, domain::company_rfc3339(attachment.uploaded_at)};
}

std::optional<Response> Backend::refuse_attachment(const Call& call, const TicketRecord& ticket,
                                                   int64_t size) {
    if (ticket.status == domain::TicketStatus::closed) {
        return refused({"ticket_closed", "the ticket is closed; write in it again to reopen it"});
    }
    if (store_.ticket_attachments_of(call.client_id, ticket.id).size() >=
        config_.max_attachments_per_ticket) {
        return refused({"too_many_attachments",
                        "a ticket holds at most " +
                            std::to_string(config_.max_attachments_per_ticket) + " files"});
    }
    int64_t kept = 0;
    for (const auto& attachment : store_.attachments_of(call.client_id)) {
        kept += attachment.size_bytes;
    }
    if (kept + size > config_.max_attachment_bytes_per_client) {
        return refused({"attachment_quota_exceeded",
                        "your files add up to more than " +
                            std::to_string(config_.max_attachment_bytes_per_client) + " bytes"});
    }
    return std::nullopt;
}

Response Backend::attach_to_ticket(Call& call) {
    const Request& request = call.request;
    // The size first, as portal-stub's reader judges it before anything else.
    const int64_t size = body_size(request);
    if (size > config_.max_attachment_bytes) return attachment_too_large();
    auto ticket_id = parse_id(call.params.at("id"));
    if (!ticket_id || !store_.ticket_of(call.client_id, *ticket_id)) return not_found("ticket");
    const auto name_value = request.query.find("name");
    const std::string name = name_value == request.query.end() ? "" : name_value->second;
    if (auto problem = domain::attachment_name_problem(name)) {
        return error_response(400, api::kInvalidValue, "name: " + *problem, "name");
    }
    const auto type = sniff(request);
    if (!type) {
        return error_response(415, "attachment_type_refused",
                              size == 0 ? "the file is empty"
                                        : "only images (PNG, JPEG, GIF, WebP), PDF and plain "
                                          "UTF-8 text are taken");
    }
    return commit(call, [&]() -> Response {
        auto ticket = store_.ticket_of(call.client_id, *ticket_id);
        if (!ticket) return not_found("ticket");
        if (auto refusal = refuse_attachment(call, *ticket, size)) return *refusal;
        AttachmentRecord attachment;
        attachment.client_id = call.client_id;
        attachment.ticket_id = ticket->id;
        attachment.name = name;
        attachment.type = *type;
        attachment.size_bytes = size;
        attachment.sha256 =
            request.spooled_body ? request.spooled_body->sha256_hex : sha256_hex(request.body);
        attachment.uploaded_at = call.now;
        attachment.id = store_.insert_attachment(attachment);
        // Last, so that nothing after it can roll the row back and leave bytes nobody names.
        if (!files_->keep(attachment.id, request)) {
            return error_response(503, "attachment_not_kept",
                                  "the file could not be kept now; try again later");
        }
        Response response = json_answer(201, attachment_view(attachment));
        response.headers["Location"] = attachment_location(ticket->id, attachment.id);
        return response;
    });
}

Response Backend::get_ticket_attachment(Call& call) {
    auto ticket_id = parse_id(call.params.at("id"));
    if (!ticket_id || !store_.ticket_of(call.client_id, *ticket_id)) return not_found("ticket");
    auto attachment_id = parse_id(call.params.at("attachment_id"));
    auto attachment =
        attachment_id ? store_.attachment_of(call.client_id, *attachment_id) : std::nullopt;
    if (!attachment || attachment->ticket_id != *ticket_id) return not_found("attachment");
    auto bytes = files_->open(attachment->id, attachment->size_bytes);
    if (!bytes) {
        return error_response(503, "attachment_unavailable",
                              "the file cannot be read now; try again later");
    }
    Response response;
    response.headers["Content-Type"] = domain::content_type(attachment->type);
    response.headers["Content-Disposition"] = disposition(attachment->name);
    // Never shown as another type, nor run as a page of the portal's origin.
    response.headers["X-Content-Type-Options"] = "nosniff";
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox";
    response.headers["Cache-Control"] = "private, no-store";
    response.headers["ETag"] = "\"" + attachment->sha256 + "\"";
    response.streamed = std::move(*bytes);
    response.streamed_length = attachment->size_bytes;
    return response;
}

}  // namespace portal::backend
