// Fuzz target: the strict JSON decoders of the REST DTOs (api::decode<T>), every request body the
// backend reads and every answer the page reads. The input is JSON text; every decoder is run on
// it (the first byte picks one decoder to also go through api::decode<T>'s own parsing).
//
// Invariants: no crash, exception, leak or undefined behaviour; a refusal carries one of the
// documented codes; whatever a decoder accepts encodes to JSON that decodes again to the same
// encoding (encode(decode(encode(x))) == encode(x)).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/json_codec.h"
#include "fuzz_support.h"

namespace {

using namespace portal;

bool known_code(const std::string& code) {
    return code == api::kMalformedJson || code == api::kMissingField ||
           code == api::kUnknownField || code == api::kWrongType || code == api::kInvalidValue;
}

template <class T>
void one(const api::Json& j, const char* name) {
    auto decoded = api::decode_value<T>(j);
    if (!decoded.ok()) {
        if (!known_code(decoded.error().code)) {
            fuzz::fail(std::string(name) + ": undocumented error code " + decoded.error().code);
        }
        (void)api::to_api_error(decoded.error());
        return;
    }
    std::string first = api::encode(decoded.value());
    auto again = api::decode<T>(first);
    if (!again.ok()) {
        fuzz::fail(std::string(name) + ": its own encoding is refused (" + again.error().message +
                   "): " + first);
    }
    std::string second = api::encode(again.value());
    if (second != first)
        fuzz::fail(std::string(name) + ": round trip differs: " + first + " vs " + second);
}

template <class T>
void through_text(std::string_view text, const char* name) {
    auto decoded = api::decode<T>(text);
    if (!decoded.ok() && !known_code(decoded.error().code)) {
        fuzz::fail(std::string(name) + ": undocumented error code " + decoded.error().code);
    }
}

#define PORTAL_FUZZ_DTOS(X)                                                                       \
    X(ApiError)                                                                                   \
    X(Health)                                                                                     \
    X(LoginRequest)                                                                               \
    X(ClientSummary)                                                                              \
    X(Session)                                                                                    \
    X(Profile) X(ProfileChanges) X(PlanSummary) X(ServiceView) X(ServiceList) X(Credential)       \
        X(ServiceCredentials) X(ServiceAccess) X(Download) X(DownloadList) X(UpgradeOptions)      \
            X(InvoiceView) X(InvoiceList) X(UpgradeOrderRequest) X(UpgradeOrderResult)            \
                X(UpgradeRequestBody) X(UpgradeRequestView) X(CancellationRequestBody)            \
                    X(CancellationRequestView) X(AutoRenewBody) X(AutoRenewView) X(ManualCatalog) \
                        X(ManualPageView) X(ManualSearchResults) X(ActivationEstimateView)        \
                            X(TicketList) X(TicketDetail) X(NewTicket) X(TicketReply)

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const uint8_t selector = data[0];
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

    int index = 0;
#define PORTAL_FUZZ_TEXT(T) \
    if (selector % 30 == index++) through_text<api::T>(text, #T);
    PORTAL_FUZZ_DTOS(PORTAL_FUZZ_TEXT)
#undef PORTAL_FUZZ_TEXT

    api::Json j = api::Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return 0;
#define PORTAL_FUZZ_ONE(T) one<api::T>(j, #T);
    PORTAL_FUZZ_DTOS(PORTAL_FUZZ_ONE)
#undef PORTAL_FUZZ_ONE
    return 0;
}
