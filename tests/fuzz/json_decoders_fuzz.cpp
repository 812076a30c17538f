// Fuzz target: the strict JSON decoders of the REST DTOs (api::decode<T>), every request body the
// backend reads and every answer the page reads. The input is JSON text; every decoder is run on
// it (the first byte picks one decoder to also go through api::decode<T>'s own parsing).
//
// Invariants: no crash, exception, leak or undefined behaviour; a refusal carries one of the
// documented codes; whatever a decoder accepts encodes to JSON that decodes again to the same
// value and the same encoding (encode(decode(encode(x))) == encode(x)); and what the page relies
// on in an accepted value holds: every enumeration a named value, every date a calendar date
// (invoices with their lines and payments, pending plan changes, cancellations, holidays, orders).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "api/json_codec.h"
#include "fuzz_support.h"

namespace {

using namespace portal;

bool known_code(const std::string& code) {
    return code == api::kMalformedJson || code == api::kMissingField ||
           code == api::kUnknownField || code == api::kWrongType || code == api::kInvalidValue;
}

using api::fields;  // Money's, found by name here; the DTOs' own by their namespace

// What an accepted value promises beyond its JSON types, whatever the DTO: every enumeration a
// named value and every date on the calendar, in nested objects, lists and optionals alike
// (invoices with their lines and payments, pending plan changes, cancellations, holidays...).
struct Promises {
    const char* name;

    template <class T>
    void operator()(const char*, const T& value, api::Presence = api::Presence::required) {
        check(value);
    }
    template <class Fill>
    void object(const char*, Fill&& fill) {
        fill(*this);
    }
    template <class T>
    void check(const T& value) {
        if constexpr (domain::NamedEnum<T>) {
            if (domain::to_string(value).empty()) broken("an enumeration value without a name");
        } else if constexpr (std::is_same_v<T, domain::Date>) {
            if (!value.is_valid()) broken("a date that is not on the calendar");
        } else if constexpr (requires { value.has_value(); }) {
            if (value) check(*value);
        } else if constexpr (requires { value.begin(); } && !std::is_same_v<T, std::string>) {
            for (const auto& element : value) check(element);
        } else if constexpr (requires(Promises & visitor) { fields(visitor, value); }) {
            fields(*this, value);
        }
    }
    void broken(const char* what) const { fuzz::fail(std::string(name) + ": accepted " + what); }
};

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
    Promises{name}.check(decoded.value());
    std::string first = api::encode(decoded.value());
    auto again = api::decode<T>(first);
    if (!again.ok()) {
        fuzz::fail(std::string(name) + ": its own encoding is refused (" + again.error().message +
                   "): " + first);
    }
    if (!(again.value() == decoded.value()))
        fuzz::fail(std::string(name) +
                   ": decodes to another value from its own encoding: " + first);
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

// clang-format off
#define PORTAL_FUZZ_DTOS(X) \
    X(ApiError) X(Health) X(LoginRequest) X(ClientSummary) X(Session) X(Profile) \
    X(ProfileChanges) X(PlanSummary) X(ServiceView) X(ServiceList) X(Credential) \
    X(ServiceCredentials) X(ServiceAccess) X(Download) X(DownloadList) X(UpgradeOptions) \
    X(InvoiceView) X(InvoiceList) X(UpgradeOrderRequest) X(UpgradeOrderResult) \
    X(UpgradeRequestBody) X(CancellationRequestBody) \
    X(CancellationRequestView) X(AutoRenewBody) X(AutoRenewView) X(ManualCatalog) \
    X(ManualPageView) X(ManualSearchResults) X(ActivationEstimateView) X(PendingPlanChange) \
    X(ServiceCancellation) X(InvoiceLine) X(PaymentView) X(UpgradeOrder) X(PaymentRequest) \
    X(PaymentResult) X(HolidayList) X(TicketList) X(TicketDetail) X(NewTicket) X(TicketReply)
// clang-format on

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const uint8_t selector = data[0];
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

#define PORTAL_FUZZ_COUNT(T) +1
    constexpr int kDecoders = 0 PORTAL_FUZZ_DTOS(PORTAL_FUZZ_COUNT);
#undef PORTAL_FUZZ_COUNT
    // The seeds' first byte is the index in PORTAL_FUZZ_DTOS: new DTOs go at its end.
    int index = 0;
#define PORTAL_FUZZ_TEXT(T) \
    if (selector % kDecoders == index++) through_text<api::T>(text, #T);
    PORTAL_FUZZ_DTOS(PORTAL_FUZZ_TEXT)
#undef PORTAL_FUZZ_TEXT

    api::Json j = api::Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return 0;
#define PORTAL_FUZZ_ONE(T) one<api::T>(j, #T);
    PORTAL_FUZZ_DTOS(PORTAL_FUZZ_ONE)
#undef PORTAL_FUZZ_ONE
    return 0;
}
