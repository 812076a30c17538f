// The typed client of the REST contract. Screens never call the network: app flows call this,
// and it turns every answer — or its absence — into either the DTO or an ApiFailure that says
// what went wrong in terms the app can explain to the client.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "api/dto.h"
#include "api/json_codec.h"
#include "api/transport.h"

namespace portal::api {

struct ApiFailure {
    enum class Kind {
        unreachable,      // no answer: server down, network off
        timeout,          // no answer in time
        rejected,         // an HTTP error with the contract's error body (see `error`)
        malformed_answer  // an answer that does not follow the contract (bad JSON, HTML, ...)
    };
    Kind kind = Kind::unreachable;
    int status = 0;  // HTTP status when an answer arrived
    ApiError error;  // for `rejected`: code, message, field
};

// An answer with no body (204).
struct NoContent {};

template <class T>
struct ApiResult {
    std::optional<T> value;
    ApiFailure failure;
    bool ok() const { return value.has_value(); }
};

template <class T>
using Callback = std::function<void(ApiResult<T>)>;

// A request as the contract wants it: JSON both ways, the session's bearer token and the
// mutation's Idempotency-Key (each only when there is one).
HttpRequest contract_request(std::string method, std::string path, std::string body,
                             const std::string& token, std::string idempotency_key);

// Percent-encodes a URL query value or path segment (everything but A-Z a-z 0-9 - _ . ~).
std::string encode_query_value(std::string_view text);

// Interprets one transport answer as T (exposed for tests of the contract's edge cases).
ApiFailure classify_failure(const HttpResponse& response);

template <class T>
ApiResult<T> interpret(const HttpResponse& response) {
    ApiResult<T> result;
    if (response.failure == TransportFailure::none && response.status >= 200 &&
        response.status < 300) {
        if constexpr (std::is_same_v<T, NoContent>) {
            result.value = NoContent{};
            return result;
        } else {
            auto decoded = decode<T>(response.body);
            if (decoded.ok()) {
                result.value = std::move(decoded).value();
                return result;
            }
            result.failure.kind = ApiFailure::Kind::malformed_answer;
            result.failure.status = response.status;
            result.failure.error = to_api_error(decoded.error());
            return result;
        }
    }
    result.failure = classify_failure(response);
    return result;
}

class ApiClient {
  public:
    explicit ApiClient(Transport& transport) : transport_(transport) {}

    void set_token(std::string token) { token_ = std::move(token); }
    void clear_token() { token_.clear(); }
    bool has_token() const { return !token_.empty(); }
    // The language every request asks its answer in (Accept-Language: "es" or "en"), so manual
    // articles, plan names and download descriptions come in the language the page shows.
    void set_language(std::string code) { language_ = std::move(code); }

    // One method per route of api/openapi.yaml the portal uses; paths and query encoding live
    // here only. A mutation takes the Idempotency-Key of its attempt, so a retry acts once.
    void login(const LoginRequest& credentials, Callback<Session> done);
    void logout(Callback<NoContent> done);
    void profile(Callback<Profile> done);
    // PATCH /me: the fields given change (the page saves the language the client chose).
    void update_profile(const ProfileChanges& changes, std::string key, Callback<Profile> done);
    void services(Callback<ServiceList> done);
    void service(int64_t id, Callback<ServiceView> done);
    void service_credentials(int64_t id, Callback<ServiceCredentials> done);
    void service_access(int64_t id, Callback<ServiceAccess> done);
    void service_downloads(int64_t id, Callback<DownloadList> done);
    void activation_estimate(int64_t id, Callback<ActivationEstimateView> done);
    void upgrade_options(int64_t id, Callback<UpgradeOptions> done);
    void order_upgrade(int64_t id, const UpgradeOrderRequest& body, std::string key,
                       Callback<UpgradeOrderResult> done);
    void request_upgrade(int64_t id, const UpgradeRequestBody& body, std::string key,
                         Callback<TicketDetail> done);
    void request_cancellation(int64_t id, const CancellationRequestBody& body, std::string key,
                              Callback<CancellationRequestView> done);
    void cancellation_request(int64_t request_id, Callback<CancellationRequestView> done);
    void withdraw_cancellation(int64_t request_id, std::string key,
                               Callback<CancellationRequestView> done);
    void auto_renew(int64_t id, Callback<AutoRenewView> done);
    void set_auto_renew(int64_t id, const AutoRenewBody& body, std::string key,
                        Callback<AutoRenewView> done);
    void upgrade_order(int64_t order_id, Callback<UpgradeOrder> done);
    // Withdraws an unpaid upgrade (its invoice is cancelled) or a scheduled downgrade.
    void withdraw_upgrade_order(int64_t order_id, std::string key, Callback<UpgradeOrder> done);
    void invoices(Callback<InvoiceList> done);
    // Only those of one status; `unpaid` also gives the overdue ones (both are still owed).
    void invoices(domain::InvoiceStatus status, Callback<InvoiceList> done);
    void invoice(int64_t invoice_id, Callback<InvoiceView> done);
    void pay_invoice(int64_t invoice_id, const PaymentRequest& body, std::string key,
                     Callback<PaymentResult> done);
    // The account (RULES.md §10): its details, email and password, contacts, alerts, outbox.
    void change_email(const EmailChange& body, std::string key, Callback<Profile> done);
    void change_password(const PasswordChange& body, std::string key, Callback<NoContent> done);
    void contacts(Callback<ContactList> done);
    void invite_contact(const ContactBody& body, std::string key, Callback<Contact> done);
    void remove_contact(int64_t contact_id, std::string key, Callback<NoContent> done);
    // No session needed: the invitation's token is the proof.
    void accept_invitation(std::string_view token, const InvitationAcceptance& body,
                           Callback<Contact> done);
    void alerts(Callback<AlertSettings> done);
    void set_alerts(const AlertSettings& body, std::string key, Callback<AlertSettings> done);
    void notifications(Callback<NotificationList> done);
    void manuals(Callback<ManualCatalog> done);
    void manual(std::string_view slug, Callback<ManualPageView> done);
    // `limit` results at most; 0 leaves the server's default.
    void search_manuals(std::string_view text, int limit, Callback<ManualSearchResults> done);
    // The server-status page: every component, its incidents, and which of the client's
    // services each one runs (in the client's language).
    void server_status(Callback<ServerStatus> done);
    // Support tickets: open ones first; a new one, a reply and the closing act once per key.
    void tickets(Callback<TicketList> done);
    void ticket(int64_t ticket_id, Callback<TicketDetail> done);
    void open_ticket(const NewTicket& body, std::string key, Callback<TicketDetail> done);
    void reply_to_ticket(int64_t ticket_id, const TicketReply& body, std::string key,
                         Callback<TicketDetail> done);
    void close_ticket(int64_t ticket_id, std::string key, Callback<TicketDetail> done);
    // The remote-support slots free now, and whether the client's plan includes remote support;
    // one is booked by open_ticket with kind remote_support.
    void remote_slots(Callback<RemoteSlotList> done);
    // Attaches a file to a ticket, its bytes as they are (the server reads its type from them);
    // a retry with the same key keeps it once.
    void attach_to_ticket(int64_t ticket_id, std::string_view name, std::string bytes,
                          std::string key, Callback<TicketAttachmentView> done);
    // A file attached to a ticket: its bytes and media type, no JSON decoding (an error is still
    // the contract's JSON: classify_failure reads it).
    void ticket_attachment(int64_t ticket_id, int64_t attachment_id,
                           std::function<void(HttpResponse)> done);
    // A file's bytes: no JSON decoding; progress is reported as bytes arrive.
    void download_file(int64_t download_id,
                       std::function<void(uint64_t received, uint64_t total)> progress,
                       std::function<void(HttpResponse)> done);

  private:
    HttpRequest request(std::string method, std::string path, std::string body,
                        std::string idempotency_key) const;

    // T is deduced from the callback: each route names its answer once, in its signature.
    template <class T>
    void read(std::string path, Callback<T> done) {
        exchange<T>(request("GET", std::move(path), {}, {}), std::move(done));
    }
    template <class T, class Body>
    void write(std::string method, std::string path, const Body& body, std::string key,
               Callback<T> done) {
        exchange<T>(request(std::move(method), std::move(path), encode(body), std::move(key)),
                    std::move(done));
    }
    template <class T>
    void exchange(HttpRequest request, Callback<T> done) {
        transport_.send(std::move(request), [done = std::move(done)](HttpResponse response) {
            done(interpret<T>(response));
        });
    }

    Transport& transport_;
    std::string token_;
    std::string language_ = "es";
};

}  // namespace portal::api
