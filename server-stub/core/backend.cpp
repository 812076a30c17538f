// [SECTION] Backend: route table, dispatch, authentication, idempotency.
// The handlers live in backend_<resource>.cpp.
#include "core/backend.h"

#include <algorithm>
#include <exception>

#include <nlohmann/json.hpp>

#include "core/responses.h"
#include "core/sha256.h"

namespace portal::backend {

namespace {

constexpr const char* kApi = "/api/v1";

bool is_mutation(const std::string& method) {
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::optional<std::string> header(const Request& request, const char* name) {
    auto it = request.headers.find(name);
    if (it == request.headers.end()) return std::nullopt;
    return it->second;
}

// "Bearer <token>" (scheme case-insensitive).
std::optional<std::string> bearer_token(const Request& request) {
    auto value = header(request, "authorization");
    if (!value || value->size() <= 7 || lower_ascii(value->substr(0, 7)) != "bearer ") {
        return std::nullopt;
    }
    std::string token(trim(std::string_view(*value).substr(7)));
    if (token.empty()) return std::nullopt;
    return token;
}

// Printable ASCII, 1 to 200 characters: what clients put there (UUIDs, random strings).
bool valid_idempotency_key(const std::string& key) {
    if (key.empty() || key.size() > 200) return false;
    for (char c : key) {
        if (c < 0x21 || c > 0x7E) return false;
    }
    return true;
}

constexpr const char* kSecretSetting = "fingerprint_secret";

// Every member named "password", at any depth, left out.
void drop_passwords(nlohmann::json& value) {
    if (value.is_object()) {
        value.erase("password");
        for (auto& member : value) drop_passwords(member);
    } else if (value.is_array()) {
        for (auto& item : value) drop_passwords(item);
    }
}

// The body as its fingerprint sees it: the JSON without passwords, in one canonical form (keys
// sorted, no spaces). A body that is not JSON is never answered with success, so only its
// length is kept: what it says could be anything, a password too.
std::string canonical_body(const std::string& body) {
    auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return "not json, " + std::to_string(body.size()) + " bytes";
    drop_passwords(json);
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Response too_many_keys(int64_t seconds_left) {
    Response response = error_response(429, "too_many_idempotency_keys",
                                       "this client keeps too many Idempotency-Key answers; "
                                       "retry later or without a key",
                                       "Idempotency-Key");
    response.headers["Retry-After"] = std::to_string(std::max<int64_t>(1, seconds_left));
    return response;
}

Response unauthorized(std::string code, std::string message) {
    Response response = error_response(401, std::move(code), std::move(message));
    response.headers["WWW-Authenticate"] = "Bearer";
    return response;
}

}  // namespace

Backend::Backend(Store& store, const Clock& clock, PasswordHasher& hasher, RandomSource& random,
                 const ManualLibrary& manuals, BackendConfig config)
    : store_(store),
      clock_(clock),
      hasher_(hasher),
      random_(random),
      manuals_(manuals),
      config_(std::move(config)),
      address_budget_(config_.failed_checks_per_address, config_.address_window_seconds,
                      config_.max_tracked_addresses) {
    secret();  // made at the first start, so it exists before any key is stored
    using Who = Access::Who;
    using P = domain::Permission;
    const Access open{Who::anyone}, signed_in{Who::signed_in}, holder{Who::holder};
    // A contact's routes: each needs one permission of theirs (the holder holds them all).
    const auto needs = [](P permission) { return Access{Who::permitted, permission}; };
    const Access needs_profile = needs(P::profile), needs_services_view = needs(P::services_view),
                 needs_services_manage = needs(P::services_manage),
                 needs_downloads = needs(P::downloads), needs_invoices = needs(P::invoices),
                 needs_tickets = needs(P::tickets);
    // One route a line: method, path (as in api/openapi.yaml), who may call it, its handler.
    // clang-format off
    route("GET", "/health", open, &Backend::health);
    route("POST", "/session", open, &Backend::create_session);
    route("DELETE", "/session", signed_in, &Backend::delete_session);
    route("GET", "/me", signed_in, &Backend::get_me);
    route("PATCH", "/me", needs_profile, &Backend::patch_me);
    route("POST", "/me/email", holder, &Backend::change_email);
    route("POST", "/me/password", holder, &Backend::change_password);
    route("GET", "/me/alerts", needs_profile, &Backend::get_alerts);
    route("PUT", "/me/alerts", needs_profile, &Backend::put_alerts);
    // The outbox holds the contacts' invitation links: the holder's alone.
    route("GET", "/me/notifications", holder, &Backend::list_notifications);
    route("GET", "/contacts", holder, &Backend::list_contacts);
    route("POST", "/contacts", holder, &Backend::create_contact);
    route("GET", "/contacts/{id}", holder, &Backend::get_contact);
    route("PATCH", "/contacts/{id}", holder, &Backend::patch_contact);
    route("DELETE", "/contacts/{id}", holder, &Backend::delete_contact);
    route("POST", "/invitations/{token}", open, &Backend::accept_invitation);
    route("GET", "/services", needs_services_view, &Backend::list_services);
    route("GET", "/services/{id}", needs_services_view, &Backend::get_service);
    route("GET", "/services/{id}/credentials", needs_services_view, &Backend::get_credentials);
    route("GET", "/services/{id}/access", needs_services_view, &Backend::get_access);
    route("GET", "/services/{id}/downloads", needs_downloads, &Backend::list_downloads);
    route("GET", "/downloads/{id}/file", needs_downloads, &Backend::get_download_file);
    route("GET", "/services/{id}/upgrade-options", needs_services_view, &Backend::get_upgrade_options);
    route("POST", "/services/{id}/upgrade-orders", needs_services_manage, &Backend::create_upgrade_order);
    route("POST", "/services/{id}/upgrade-requests", needs_services_manage, &Backend::create_upgrade_request);
    route("GET", "/upgrade-orders/{id}", needs_services_view, &Backend::get_upgrade_order);
    route("DELETE", "/upgrade-orders/{id}", needs_services_manage, &Backend::withdraw_upgrade_order);
    // Cancellations stay with the holder (RULES.md §4).
    route("POST", "/services/{id}/cancellation-requests", holder, &Backend::create_cancellation);
    route("GET", "/cancellation-requests/{id}", needs_services_view, &Backend::get_cancellation);
    route("DELETE", "/cancellation-requests/{id}", holder, &Backend::withdraw_cancellation);
    route("GET", "/services/{id}/auto-renew", needs_services_view, &Backend::get_auto_renew);
    route("PUT", "/services/{id}/auto-renew", needs_services_manage, &Backend::put_auto_renew);
    route("GET", "/services/{id}/activation-estimate", needs_services_view, &Backend::get_activation_estimate);
    route("GET", "/status", needs_services_view, &Backend::get_status);
    route("GET", "/invoices", needs_invoices, &Backend::list_invoices);
    route("GET", "/invoices/{id}", needs_invoices, &Backend::get_invoice);
    route("POST", "/invoices/{id}/payments", needs_invoices, &Backend::pay_invoice);
    route("GET", "/manuals", open, &Backend::list_manuals);
    route("GET", "/manuals/{slug}", open, &Backend::get_manual);
    route("GET", "/calendar/holidays", open, &Backend::list_holidays);
    route("GET", "/tickets", needs_tickets, &Backend::list_tickets);
    route("POST", "/tickets", needs_tickets, &Backend::create_ticket);
    route("GET", "/tickets/{id}", needs_tickets, &Backend::get_ticket);
    route("POST", "/tickets/{id}/replies", needs_tickets, &Backend::reply_to_ticket);
    route("POST", "/tickets/{id}/close", needs_tickets, &Backend::close_ticket);
    route("GET", "/support/remote-slots", needs_tickets, &Backend::list_remote_slots);
    route("POST", "/tickets/{id}/attachments", needs_tickets, &Backend::attach_to_ticket);
    route("GET", "/tickets/{id}/attachments/{attachment_id}", needs_tickets, &Backend::get_ticket_attachment);
    // clang-format on
}

void Backend::route(const char* method, const char* pattern, Access access, Method handler) {
    route_access_.push_back({method, pattern, access});
    router_.add(method, std::string(kApi) + pattern,
                [this, access, handler](const Request& request, const PathParams& params) {
                    return dispatch(request, params, access, handler);
                });
}

bool Backend::checks_password(const Request& request) {
    if (request.method != "POST") return false;
    const std::string_view path = request.path;
    constexpr std::string_view kCancellation = "/cancellation-requests";
    constexpr std::string_view kInvitation = "/api/v1/invitations/";
    return path == "/api/v1/session" || path == "/api/v1/me/email" ||
           path == "/api/v1/me/password" || path.starts_with(kInvitation) ||
           (path.size() > kCancellation.size() && path.ends_with(kCancellation));
}

Response Backend::handle(const Request& request) {
    auto match = router_.match(request.method, request.path);
    if (match.kind == Router::Match::Kind::unknown_path) {
        return error_response(404, "not_found", "no such route: " + request.path);
    }
    if (match.kind == Router::Match::Kind::wrong_method) {
        std::string allow;
        for (const auto& method : match.allowed) allow += (allow.empty() ? "" : ", ") + method;
        Response response = error_response(405, "method_not_allowed",
                                           request.method + " is not allowed on " + request.path);
        response.headers["Allow"] = allow;
        return response;
    }
    // A file's own limit is its route's to check (attach_to_ticket).
    if (request.body.size() > config_.max_body_bytes && !takes_file(request)) {
        return error_response(
            413, "payload_too_large",
            "request bodies are limited to " + std::to_string(config_.max_body_bytes) + " bytes");
    }
    // A read answers from one view of the store, which is also cheaper than a view per query.
    // Not a request that may hash a password: that takes long, and the view holds the store.
    auto answer = [&] {
        if (request.method != "GET" && request.method != "HEAD") {
            return (*match.handler)(request, match.params);
        }
        Response response;
        store_.snapshot([&] { response = (*match.handler)(request, match.params); });
        return response;
    };
#if defined(__cpp_exceptions)
    try {
        return answer();
    } catch (const std::exception&) {
        // Never a stack trace or an HTML page: the details stay in the server's log.
        return error_response(500, "internal_error", "the server could not answer this request");
    }
#else
    return answer();
#endif
}

Response Backend::dispatch(const Request& request, const PathParams& params, Access access,
                           Method handler) {
    Call call{request, params, 0, 0, domain::Date{}, 0, {}};
    call.now = clock_.now();
    call.today = domain::company_today(call.now);
    auto language = request_language(request);
    if (!language) return error_response(400, api::kInvalidValue, "lang: es or en", "lang");
    call.language = std::move(*language);

    if (access.who != Access::Who::anyone) {
        auto token = bearer_token(request);
        if (!token) return unauthorized("unauthenticated", "log in first (Authorization: Bearer)");
        auto session = store_.session(sha256_hex(*token));
        if (!session) return unauthorized("invalid_token", "the session does not exist");
        if (session->expires_at <= call.now) {
            return unauthorized("session_expired", "the session has expired; log in again");
        }
        call.client_id = session->client_id;
        if (session->contact_id != 0) {
            // Read on every request: a permission taken away applies at once.
            auto contact = store_.contact_of(session->client_id, session->contact_id);
            if (!contact) return unauthorized("invalid_token", "the session does not exist");
            call.contact_id = contact->id;
            call.permissions = domain::parse_permissions(contact->permissions)
                                   .value_or(std::vector<domain::Permission>{});
        }
        if (auto refusal = refuse_access(call, access)) return *refusal;
        settle_billing(call.client_id, call.today);

        if (is_mutation(request.method)) {
            if (auto key = header(request, "idempotency-key")) {
                if (!valid_idempotency_key(*key)) {
                    return error_response(400, api::kInvalidValue,
                                          "Idempotency-Key: 1 to 200 printable ASCII characters",
                                          "Idempotency-Key");
                }
            }
            // A retry answers at once, before any check that the first attempt changed.
            if (auto first = replay(call)) return *first;
        }
    }
    return (this->*handler)(call);
}

std::optional<Response> Backend::refuse_access(const Call& call, Access access) {
    if (call.contact_id == 0) return std::nullopt;  // the holder may do everything
    switch (access.who) {
        case Access::Who::anyone:
        case Access::Who::signed_in:
            return std::nullopt;
        case Access::Who::holder:
            return error_response(403, "permission_denied",
                                  "only the account's holder may do this");
        case Access::Who::permitted:
            if (std::find(call.permissions.begin(), call.permissions.end(), access.permission) !=
                call.permissions.end()) {
                return std::nullopt;
            }
            return error_response(
                403, "permission_denied",
                "this contact lacks the permission " + std::string(to_string(access.permission)));
    }
    return std::nullopt;
}

std::optional<Response> Backend::replay(const Call& call) {
    if (call.client_id == 0 || !is_mutation(call.request.method)) return std::nullopt;
    auto key = header(call.request, "idempotency-key");
    if (!key) return std::nullopt;
    auto first = store_.idempotent_answer(call.client_id, *key);
    if (!first || first->created_at + config_.idempotency_key_seconds <= call.now) {
        return std::nullopt;  // never used, or expired
    }
    if (first->fingerprint != fingerprint(call.request)) {
        return error_response(422, "idempotency_key_reused",
                              "this Idempotency-Key was used for a different request",
                              "Idempotency-Key");
    }
    Response response = json_response(first->status, first->body);
    if (!first->location.empty()) response.headers["Location"] = first->location;
    response.headers["Idempotent-Replayed"] = "true";
    return response;
}

Response Backend::commit(Call& call, const std::function<Response()>& work) {
    std::optional<std::string> key;
    if (call.client_id != 0) key = header(call.request, "idempotency-key");
    const std::string request_fingerprint = key ? fingerprint(call.request) : std::string();

    Response response;
    store_.transaction([&] {
        // Checked again inside the transaction: two concurrent retries act once.
        if (auto first = replay(call)) {
            response = std::move(*first);
            return false;  // nothing to write
        }
        if (key) {
            store_.delete_idempotent_answers_before(call.now - config_.idempotency_key_seconds + 1);
            auto times = store_.idempotency_key_times(call.client_id);
            if (times.size() >= config_.max_idempotency_keys_per_client) {
                response =
                    too_many_keys(times.front() + config_.idempotency_key_seconds - call.now);
                return false;
            }
        }
        response = work();
        const bool success = response.status >= 200 && response.status < 300;
        if (success && key) {
            IdempotentAnswer answer;
            answer.client_id = call.client_id;
            answer.key = *key;
            answer.fingerprint = request_fingerprint;
            answer.status = response.status;
            answer.body = response.body;
            answer.created_at = call.now;
            auto location = response.headers.find("Location");
            if (location != response.headers.end()) answer.location = location->second;
            store_.save_idempotent_answer(answer);
        }
        return success;
    });
    return response;
}

std::string Backend::secret() {
    if (auto stored = store_.setting(kSecretSetting)) return stored->value;
    std::string value;
    store_.transaction([&] {
        // Read again under the transaction: two first requests agree on one secret.
        if (auto stored = store_.setting(kSecretSetting)) {
            value = stored->value;
            return false;
        }
        uint8_t bytes[32];
        random_.fill(bytes, sizeof bytes);
        value = to_hex(bytes, sizeof bytes);
        store_.save_setting({kSecretSetting, value});
        return true;
    });
    return value;
}

std::string Backend::fingerprint(const Request& request) {
    std::string what = request.method + " " + request.path + " ";
    if (takes_file(request)) {
        // A file by its bytes' digest and the name it is given (last: it may hold spaces).
        auto name = request.query.find("name");
        what +=
            "sha256=" +
            (request.spooled_body ? request.spooled_body->sha256_hex : sha256_hex(request.body)) +
            " name=" + (name == request.query.end() ? std::string() : name->second);
    } else {
        what += canonical_body(request.body);
    }
    return hmac_sha256_hex(secret(), what);
}

const std::string& Backend::dummy_hash() {
    std::call_once(dummy_hash_once_, [this] { dummy_hash_ = hasher_.hash("not-a-real-password"); });
    return dummy_hash_;
}

}  // namespace portal::backend
