#include "core/responses.h"

namespace portal::backend {

Response json_response(int status, std::string body) {
    Response response;
    response.status = status;
    response.headers["Content-Type"] = "application/json; charset=utf-8";
    // API answers are per client and change with every mutation: never cache them.
    response.headers["Cache-Control"] = "no-store";
    response.body = std::move(body);
    return response;
}

Response error_response(int status, std::string code, std::string message, std::string field) {
    return json_answer(status,
                       api::ApiError{std::move(code), std::move(message), std::move(field)});
}

Response bad_request(const domain::DomainError& decode_error) {
    api::ApiError error = api::to_api_error(decode_error);
    return json_answer(400, error);
}

Response refused(const domain::DomainError& rule_error) {
    return error_response(409, rule_error.code, rule_error.message);
}

Response not_found(std::string_view what) {
    return error_response(404, "not_found", std::string(what) + " not found");
}

std::optional<Response> unless_active(const std::optional<domain::Service>& service,
                                      const char* why) {
    if (!service) return not_found("service");
    if (service->status != domain::ServiceStatus::active) {
        return refused({"service_not_active", why});
    }
    return std::nullopt;
}

std::optional<int64_t> parse_id(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value <= 0) return std::nullopt;
    return value;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace portal::backend
