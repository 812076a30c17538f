#include "api/api_client.h"

namespace portal::api {

ApiFailure classify_failure(const HttpResponse& response) {
    ApiFailure failure;
    switch (response.failure) {
        case TransportFailure::unreachable:
            failure.kind = ApiFailure::Kind::unreachable;
            return failure;
        case TransportFailure::timeout:
            failure.kind = ApiFailure::Kind::timeout;
            return failure;
        case TransportFailure::none:
            break;
    }
    failure.status = response.status;
    // An error must carry the contract's JSON error body; anything else (an HTML page from a
    // proxy, an empty 502) is an answer we cannot trust.
    auto error = decode<ApiError>(response.body);
    if (error.ok() && !error.value().code.empty()) {
        failure.kind = ApiFailure::Kind::rejected;
        failure.error = std::move(error).value();
    } else {
        failure.kind = ApiFailure::Kind::malformed_answer;
    }
    return failure;
}

HttpRequest contract_request(std::string method, std::string path, std::string body,
                             const std::string& token, std::string idempotency_key) {
    HttpRequest request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.body = std::move(body);
    request.headers.emplace_back("Accept", "application/json");
    if (!request.body.empty()) request.headers.emplace_back("Content-Type", "application/json");
    if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + token);
    if (!idempotency_key.empty()) request.headers.emplace_back("Idempotency-Key", idempotency_key);
    return request;
}

HttpRequest ApiClient::request(std::string method, std::string path, std::string body,
                               std::string idempotency_key) const {
    HttpRequest out = contract_request(std::move(method), std::move(path), std::move(body), token_,
                                       std::move(idempotency_key));
    out.headers.emplace_back("Accept-Language", language_);
    return out;
}

namespace {

std::string service_path(int64_t id, const char* tail = "") {
    return "/services/" + std::to_string(id) + tail;
}

std::string cancellation_path(int64_t request_id) {
    return "/cancellation-requests/" + std::to_string(request_id);
}

std::string upgrade_order_path(int64_t order_id) {
    return "/upgrade-orders/" + std::to_string(order_id);
}

std::string invoice_path(int64_t invoice_id, const char* tail = "") {
    return "/invoices/" + std::to_string(invoice_id) + tail;
}

}  // namespace

std::string encode_query_value(std::string_view text) {
    static constexpr std::string_view kUnreserved =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (kUnreserved.find(c) != std::string_view::npos) {
            out += c;
            continue;
        }
        const auto u = static_cast<unsigned char>(c);
        out += {'%', kHex[u >> 4], kHex[u & 15]};
    }
    return out;
}

void ApiClient::login(const LoginRequest& credentials, Callback<Session> done) {
    write("POST", "/session", credentials, {}, std::move(done));
}

void ApiClient::logout(Callback<NoContent> done) {
    exchange<NoContent>(request("DELETE", "/session", {}, {}), std::move(done));
}

void ApiClient::update_profile(const ProfileChanges& changes, std::string key,
                               Callback<Profile> done) {
    write("PATCH", "/me", changes, std::move(key), std::move(done));
}

void ApiClient::services(Callback<ServiceList> done) {
    read("/services", std::move(done));
}

void ApiClient::service(int64_t id, Callback<ServiceView> done) {
    read(service_path(id), std::move(done));
}

void ApiClient::service_credentials(int64_t id, Callback<ServiceCredentials> done) {
    read(service_path(id, "/credentials"), std::move(done));
}

void ApiClient::service_access(int64_t id, Callback<ServiceAccess> done) {
    read(service_path(id, "/access"), std::move(done));
}

void ApiClient::service_downloads(int64_t id, Callback<DownloadList> done) {
    read(service_path(id, "/downloads"), std::move(done));
}

void ApiClient::activation_estimate(int64_t id, Callback<ActivationEstimateView> done) {
    read(service_path(id, "/activation-estimate"), std::move(done));
}

void ApiClient::upgrade_options(int64_t id, Callback<UpgradeOptions> done) {
    read(service_path(id, "/upgrade-options"), std::move(done));
}

void ApiClient::order_upgrade(int64_t id, const UpgradeOrderRequest& body, std::string key,
                              Callback<UpgradeOrderResult> done) {
    write("POST", service_path(id, "/upgrade-orders"), body, std::move(key), std::move(done));
}

void ApiClient::request_upgrade(int64_t id, const UpgradeRequestBody& body, std::string key,
                                Callback<TicketDetail> done) {
    write("POST", service_path(id, "/upgrade-requests"), body, std::move(key), std::move(done));
}

void ApiClient::request_cancellation(int64_t id, const CancellationRequestBody& body,
                                     std::string key, Callback<CancellationRequestView> done) {
    write("POST", service_path(id, "/cancellation-requests"), body, std::move(key),
          std::move(done));
}

void ApiClient::cancellation_request(int64_t request_id, Callback<CancellationRequestView> done) {
    read(cancellation_path(request_id), std::move(done));
}

void ApiClient::withdraw_cancellation(int64_t request_id, std::string key,
                                      Callback<CancellationRequestView> done) {
    exchange<CancellationRequestView>(
        request("DELETE", cancellation_path(request_id), {}, std::move(key)), std::move(done));
}

void ApiClient::auto_renew(int64_t id, Callback<AutoRenewView> done) {
    read(service_path(id, "/auto-renew"), std::move(done));
}

void ApiClient::set_auto_renew(int64_t id, const AutoRenewBody& body, std::string key,
                               Callback<AutoRenewView> done) {
    write("PUT", service_path(id, "/auto-renew"), body, std::move(key), std::move(done));
}

void ApiClient::upgrade_order(int64_t order_id, Callback<UpgradeOrder> done) {
    read(upgrade_order_path(order_id), std::move(done));
}

void ApiClient::withdraw_upgrade_order(int64_t order_id, std::string key,
                                       Callback<UpgradeOrder> done) {
    exchange<UpgradeOrder>(request("DELETE", upgrade_order_path(order_id), {}, std::move(key)),
                           std::move(done));
}

void ApiClient::invoices(Callback<InvoiceList> done) {
    read("/invoices", std::move(done));
}

void ApiClient::invoices(domain::InvoiceStatus status, Callback<InvoiceList> done) {
    read("/invoices?status=" + std::string(domain::to_string(status)), std::move(done));
}

void ApiClient::invoice(int64_t invoice_id, Callback<InvoiceView> done) {
    read(invoice_path(invoice_id), std::move(done));
}

void ApiClient::pay_invoice(int64_t invoice_id, const PaymentRequest& body, std::string key,
                            Callback<PaymentResult> done) {
    write("POST", invoice_path(invoice_id, "/payments"), body, std::move(key), std::move(done));
}

void ApiClient::profile(Callback<Profile> done) {
    read("/me", std::move(done));
}

void ApiClient::change_email(const EmailChange& body, std::string key, Callback<Profile> done) {
    write("POST", "/me/email", body, std::move(key), std::move(done));
}

void ApiClient::change_password(const PasswordChange& body, std::string key,
                                Callback<NoContent> done) {
    write("POST", "/me/password", body, std::move(key), std::move(done));
}

void ApiClient::contacts(Callback<ContactList> done) {
    read("/contacts", std::move(done));
}

void ApiClient::invite_contact(const ContactBody& body, std::string key, Callback<Contact> done) {
    write("POST", "/contacts", body, std::move(key), std::move(done));
}

void ApiClient::remove_contact(int64_t contact_id, std::string key, Callback<NoContent> done) {
    exchange<NoContent>(
        request("DELETE", "/contacts/" + std::to_string(contact_id), {}, std::move(key)),
        std::move(done));
}

void ApiClient::accept_invitation(std::string_view token, const InvitationAcceptance& body,
                                  Callback<Contact> done) {
    write("POST", "/invitations/" + encode_query_value(token), body, {}, std::move(done));
}

void ApiClient::alerts(Callback<AlertSettings> done) {
    read("/me/alerts", std::move(done));
}

void ApiClient::set_alerts(const AlertSettings& body, std::string key,
                           Callback<AlertSettings> done) {
    write("PUT", "/me/alerts", body, std::move(key), std::move(done));
}

void ApiClient::notifications(Callback<NotificationList> done) {
    read("/me/notifications", std::move(done));
}

void ApiClient::server_status(Callback<ServerStatus> done) {
    read("/status", std::move(done));
}

void ApiClient::tickets(Callback<TicketList> done) {
    read("/tickets", std::move(done));
}

void ApiClient::ticket(int64_t ticket_id, Callback<TicketDetail> done) {
    read("/tickets/" + std::to_string(ticket_id), std::move(done));
}

void ApiClient::open_ticket(const NewTicket& body, std::string key, Callback<TicketDetail> done) {
    write("POST", "/tickets", body, std::move(key), std::move(done));
}

void ApiClient::remote_slots(Callback<RemoteSlotList> done) {
    read("/support/remote-slots", std::move(done));
}

void ApiClient::reply_to_ticket(int64_t ticket_id, const TicketReply& body, std::string key,
                                Callback<TicketDetail> done) {
    write("POST", "/tickets/" + std::to_string(ticket_id) + "/replies", body, std::move(key),
          std::move(done));
}

void ApiClient::close_ticket(int64_t ticket_id, std::string key, Callback<TicketDetail> done) {
    exchange<TicketDetail>(
        request("POST", "/tickets/" + std::to_string(ticket_id) + "/close", {}, std::move(key)),
        std::move(done));
}

void ApiClient::manuals(Callback<ManualCatalog> done) {
    read("/manuals", std::move(done));
}

void ApiClient::manual(std::string_view slug, Callback<ManualPageView> done) {
    read("/manuals/" + encode_query_value(slug), std::move(done));
}

void ApiClient::search_manuals(std::string_view text, int limit,
                               Callback<ManualSearchResults> done) {
    std::string path = "/manuals?q=" + encode_query_value(text);
    if (limit > 0) path += "&limit=" + std::to_string(limit);
    read(std::move(path), std::move(done));
}

void ApiClient::attach_to_ticket(int64_t ticket_id, std::string_view name, std::string bytes,
                                 std::string key, Callback<TicketAttachmentView> done) {
    HttpRequest post = request(
        "POST",
        "/tickets/" + std::to_string(ticket_id) + "/attachments?name=" + encode_query_value(name),
        std::move(bytes), std::move(key));
    // The body is the file itself, not JSON.
    for (auto& [header, value] : post.headers) {
        if (header == "Content-Type") value = "application/octet-stream";
    }
    post.timeout_ms = 2 * 60 * 1000;  // 5 MB on a slow upload link
    exchange<TicketAttachmentView>(std::move(post), std::move(done));
}

void ApiClient::ticket_attachment(int64_t ticket_id, int64_t attachment_id,
                                  std::function<void(HttpResponse)> done) {
    HttpRequest get = request(
        "GET",
        "/tickets/" + std::to_string(ticket_id) + "/attachments/" + std::to_string(attachment_id),
        {}, {});
    get.headers.front() = {"Accept", "*/*"};
    get.timeout_ms = 2 * 60 * 1000;
    transport_.send(std::move(get), std::move(done));
}

void ApiClient::download_file(int64_t download_id,
                              std::function<void(uint64_t received, uint64_t total)> progress,
                              std::function<void(HttpResponse)> done) {
    HttpRequest get = request("GET", "/downloads/" + std::to_string(download_id) + "/file", {}, {});
    get.headers.front() = {"Accept", "application/octet-stream"};
    get.timeout_ms = 10 * 60 * 1000;  // big files on slow links; progress shows it is alive
    get.on_progress = std::move(progress);
    transport_.send(std::move(get), std::move(done));
}

}  // namespace portal::api
