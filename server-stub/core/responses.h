// Building answers: JSON bodies, the error shape, and the small parsers handlers share.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "api/json_codec.h"
#include "core/http.h"
#include "domain/service.h"
#include "domain/trim.h"

namespace portal::backend {

Response json_response(int status, std::string body);

template <class Dto>
Response json_answer(int status, const Dto& dto) {
    return json_response(status, api::encode(dto));
}

Response error_response(int status, std::string code, std::string message, std::string field = "");

// 400 for a body (or query value) the decoder refused, naming the field.
Response bad_request(const domain::DomainError& decode_error);

// 409 for a domain rule's refusal ("domain_not_cancellable", "service_not_active", ...).
Response refused(const domain::DomainError& rule_error);

Response not_found(std::string_view what);

// What a route that works only on an active service answers otherwise: 404 when the caller has
// no such service, 409 "service_not_active" (with `why`) when it is not active; nullopt to go on.
std::optional<Response> unless_active(const std::optional<domain::Service>& service,
                                      const char* why);

// A `?name=` filter naming one of E's values: `out` is left empty when the query has no such
// parameter; a value that is not one of the names is answered 400 with the names it may take.
template <domain::NamedEnum E>
std::optional<Response> read_enum_filter(const Request& request, const char* name,
                                         std::optional<E>& out) {
    auto it = request.query.find(name);
    if (it == request.query.end()) return std::nullopt;
    out = domain::parse_enum<E>(it->second);
    if (out) return std::nullopt;
    return error_response(400, api::kInvalidValue,
                          std::string(name) + ": expected " + api::codec::expected_names<E>(),
                          name);
}

// The request's JSON body, strictly decoded into `out`: the 400 naming the field it refused, or
// nullopt to go on.
template <class Dto>
std::optional<Response> read_body(const Request& request, Dto& out) {
    auto decoded = api::decode<Dto>(request.body);
    if (!decoded.ok()) return bad_request(decoded.error());
    out = std::move(decoded).value();
    return std::nullopt;
}

// Whether `rows` already hold `limit` rows that `counts` picks: the caps on what one client can
// pile up (open tickets, recent upgrade requests) are refused at this point.
template <class Rows, class Counts>
bool at_limit(const Rows& rows, size_t limit, Counts counts) {
    return static_cast<size_t>(std::count_if(rows.begin(), rows.end(), counts)) >= limit;
}

// A positive decimal id of at most 18 digits; anything else names nothing (404).
std::optional<int64_t> parse_id(std::string_view text);

std::string lower_ascii(std::string_view text);
using domain::trim;

}  // namespace portal::backend
