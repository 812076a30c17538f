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
#include <optional>
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

// What an accepted value promises beyond its JSON types, by DTO; most promise nothing more.
void fail_in(const char* name, const std::string& what) {
    fuzz::fail(std::string(name) + ": accepted " + what);
}
template <class E>
void named(E value, const char* name) {
    if (domain::to_string(value).empty()) fail_in(name, "an enumeration value without a name");
}
void calendar(const domain::Date& date, const char* name) {
    if (!date.is_valid()) fail_in(name, "a date that is not on the calendar");
}
void calendar(const std::optional<domain::Date>& date, const char* name) {
    if (date) calendar(*date, name);
}

template <class T>
void holds(const T&, const char*) {}
void holds(const domain::Holiday& x, const char* name) {
    calendar(x.date, name);
    named(x.kind, name);
}
void holds(const api::PendingPlanChange& x, const char* name) {
    named(x.direction, name);
    named(x.status, name);
    calendar(x.effective_on, name);
}
void holds(const api::ServiceCancellation& x, const char* name) {
    named(x.type, name);
    calendar(x.effective_on, name);
}
void holds(const api::ServiceView& x, const char* name) {
    named(x.type, name);
    named(x.status, name);
    named(x.plan.cycle, name);
    for (const auto& date : {x.period_start, x.period_end, x.next_due_on}) calendar(date, name);
    if (x.pending_plan_change) holds(*x.pending_plan_change, name);
    if (x.platform) named(*x.platform, name);
    if (x.cancellation) holds(*x.cancellation, name);
}
void holds(const api::ServiceList& x, const char* name) {
    for (const auto& service : x.services) holds(service, name);
}
void holds(const api::PaymentView& x, const char* name) {
    named(x.method, name);
    calendar(x.paid_on, name);
}
void holds(const api::InvoiceView& x, const char* name) {
    named(x.status, name);
    named(x.kind, name);
    for (const auto& date : {x.issued_on, x.due_on, x.period_start, x.period_end})
        calendar(date, name);
    for (const auto& payment : x.payments) holds(payment, name);
}
void holds(const api::InvoiceList& x, const char* name) {
    for (const auto& invoice : x.invoices) holds(invoice, name);
}
void holds(const api::PaymentRequest& x, const char* name) {
    named(x.method, name);
}
void holds(const api::PaymentResult& x, const char* name) {
    holds(x.payment, name);
    holds(x.invoice, name);
}
void holds(const api::UpgradeOrder& x, const char* name) {
    named(x.direction, name);
    named(x.status, name);
    calendar(x.period_start, name);
    calendar(x.period_end, name);
    calendar(x.effective_on, name);
    calendar(x.expires_on, name);
}
void holds(const api::UpgradeOrderResult& x, const char* name) {
    holds(x.order, name);
    if (x.invoice) holds(*x.invoice, name);
}
void holds(const api::HolidayList& x, const char* name) {
    for (const auto& holiday : x.holidays) holds(holiday, name);
}
void holds(const api::ActivationEstimateView& x, const char* name) {
    named(x.product, name);
    named(x.unit, name);
    calendar(x.requirements_met_on, name);
    calendar(x.earliest, name);
    calendar(x.latest, name);
    for (const auto& holiday : x.skipped_holidays) holds(holiday, name);
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
    holds(decoded.value(), name);
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

#define PORTAL_FUZZ_DTOS(X)                                                                        \
    X(ApiError)                                                                                    \
    X(Health)                                                                                      \
    X(LoginRequest)                                                                                \
    X(ClientSummary)                                                                               \
    X(Session) X(Profile) X(ProfileChanges) X(PlanSummary) X(ServiceView) X(ServiceList)           \
        X(Credential) X(ServiceCredentials) X(ServiceAccess) X(Download) X(DownloadList)           \
            X(UpgradeOptions) X(InvoiceView) X(InvoiceList) X(UpgradeOrderRequest)                 \
                X(UpgradeOrderResult) X(UpgradeRequestBody) X(UpgradeRequestView)                  \
                    X(CancellationRequestBody) X(CancellationRequestView) X(AutoRenewBody)         \
                        X(AutoRenewView) X(ManualCatalog) X(ManualPageView) X(ManualSearchResults) \
                            X(ActivationEstimateView) X(PendingPlanChange) X(ServiceCancellation)  \
                                X(InvoiceLine) X(PaymentView) X(UpgradeOrder) X(PaymentRequest)    \
                                    X(PaymentResult) X(HolidayList)

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
