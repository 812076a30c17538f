// JSON <-> DTO for the REST contract (nlohmann/json).
//
// Encoding: `to_json(json&, const X&)` for every DTO (found by nlohmann through ADL), and
// `encode(x)` for the compact text.
// Decoding is strict, for the page reading answers and for the backend reading request bodies:
// a wrong type, a missing field or an unknown field is refused with an error naming the field.
// Decoders never throw (the WebAssembly build has no exception support): they return an
// Outcome whose DomainError has one of the codes below and the message "<field>: <reason>";
// `to_api_error` splits it back into an ApiError with `field` set.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/dto.h"
#include "domain/outcome.h"

namespace portal::api {

using Json = nlohmann::json;

// Decoding error codes.
inline constexpr const char* kMalformedJson = "malformed_json";
inline constexpr const char* kMissingField = "missing_field";
inline constexpr const char* kUnknownField = "unknown_field";
inline constexpr const char* kWrongType = "wrong_type";
inline constexpr const char* kInvalidValue = "invalid_value";

// ---- Encoding -------------------------------------------------------------------------------
Json money_json(const domain::Money& money);  // {"amount_cents","currency"}

void to_json(Json& j, const ApiError& v);  // {"error":{...}}
void to_json(Json& j, const Health& v);
void to_json(Json& j, const LoginRequest& v);
void to_json(Json& j, const ClientSummary& v);
void to_json(Json& j, const Session& v);
void to_json(Json& j, const Profile& v);
void to_json(Json& j, const ProfileChanges& v);
void to_json(Json& j, const PlanSummary& v);
void to_json(Json& j, const ServiceView& v);
void to_json(Json& j, const ServiceList& v);
void to_json(Json& j, const Credential& v);
void to_json(Json& j, const ServiceCredentials& v);
void to_json(Json& j, const ServiceAccess& v);
void to_json(Json& j, const Download& v);
void to_json(Json& j, const DownloadList& v);
void to_json(Json& j, const QuoteView& v);
void to_json(Json& j, const UpgradeOption& v);
void to_json(Json& j, const UpgradeOptions& v);
void to_json(Json& j, const InvoiceView& v);
void to_json(Json& j, const InvoiceList& v);
void to_json(Json& j, const UpgradeOrderRequest& v);
void to_json(Json& j, const UpgradeOrder& v);
void to_json(Json& j, const UpgradeOrderResult& v);
void to_json(Json& j, const UpgradeRequestBody& v);
void to_json(Json& j, const UpgradeRequestView& v);
void to_json(Json& j, const CancellationRequestBody& v);
void to_json(Json& j, const CancellationRequestView& v);
void to_json(Json& j, const AutoRenewBody& v);
void to_json(Json& j, const AutoRenewView& v);
void to_json(Json& j, const ManualPageRef& v);
void to_json(Json& j, const ManualChapter& v);
void to_json(Json& j, const ManualBook& v);
void to_json(Json& j, const ManualCatalog& v);
void to_json(Json& j, const ManualPageView& v);
void to_json(Json& j, const ManualSearchHit& v);
void to_json(Json& j, const ManualSearchResults& v);
void to_json(Json& j, const ActivationEstimateView& v);

template <class T>
std::string encode(const T& value) {
    Json j;
    to_json(j, value);
    // Text from outside (a request path, say) may hold invalid UTF-8: it is replaced with U+FFFD
    // rather than thrown on (the page runs without exceptions, and an answer must never fail).
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// ---- Decoding -------------------------------------------------------------------------------
// decode_value<T>(json) is specialised (in json_codec.cpp) for every DTO above.
template <class T>
domain::Outcome<T> decode_value(const Json& j);

// Parses text (without exceptions) and decodes it; malformed text is kMalformedJson.
template <class T>
domain::Outcome<T> decode(std::string_view text) {
    Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        return domain::Outcome<T>::failure(kMalformedJson, ": the body is not valid JSON");
    }
    return decode_value<T>(j);
}

// Splits a decoding error ("<field>: <reason>") into the API error shape.
ApiError to_api_error(const domain::DomainError& error);

#define PORTAL_API_DECLARE_DECODER(T) \
    template <>                       \
    domain::Outcome<T> decode_value<T>(const Json& j);

PORTAL_API_DECLARE_DECODER(ApiError)
PORTAL_API_DECLARE_DECODER(Health)
PORTAL_API_DECLARE_DECODER(LoginRequest)
PORTAL_API_DECLARE_DECODER(ClientSummary)
PORTAL_API_DECLARE_DECODER(Session)
PORTAL_API_DECLARE_DECODER(Profile)
PORTAL_API_DECLARE_DECODER(ProfileChanges)
PORTAL_API_DECLARE_DECODER(PlanSummary)
PORTAL_API_DECLARE_DECODER(ServiceView)
PORTAL_API_DECLARE_DECODER(ServiceList)
PORTAL_API_DECLARE_DECODER(Credential)
PORTAL_API_DECLARE_DECODER(ServiceCredentials)
PORTAL_API_DECLARE_DECODER(ServiceAccess)
PORTAL_API_DECLARE_DECODER(Download)
PORTAL_API_DECLARE_DECODER(DownloadList)
PORTAL_API_DECLARE_DECODER(UpgradeOptions)
PORTAL_API_DECLARE_DECODER(InvoiceView)
PORTAL_API_DECLARE_DECODER(InvoiceList)
PORTAL_API_DECLARE_DECODER(UpgradeOrderRequest)
PORTAL_API_DECLARE_DECODER(UpgradeOrderResult)
PORTAL_API_DECLARE_DECODER(UpgradeRequestBody)
PORTAL_API_DECLARE_DECODER(UpgradeRequestView)
PORTAL_API_DECLARE_DECODER(CancellationRequestBody)
PORTAL_API_DECLARE_DECODER(CancellationRequestView)
PORTAL_API_DECLARE_DECODER(AutoRenewBody)
PORTAL_API_DECLARE_DECODER(AutoRenewView)
PORTAL_API_DECLARE_DECODER(ManualCatalog)
PORTAL_API_DECLARE_DECODER(ManualPageView)
PORTAL_API_DECLARE_DECODER(ManualSearchResults)
PORTAL_API_DECLARE_DECODER(ActivationEstimateView)

#undef PORTAL_API_DECLARE_DECODER

}  // namespace portal::api
