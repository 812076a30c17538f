// [SECTION] Handlers: cancellation requests (RULES.md §4) and their withdrawal.
#include "core/backend.h"
#include "core/password_check.h"
#include "core/responses.h"
#include "core/text_rules.h"
#include "core/views.h"
#include "domain/cancellation_policy.h"

namespace portal::backend {

Response Backend::create_cancellation(Call& call) {
    auto body = api::decode<api::CancellationRequestBody>(call.request.body);
    if (!body.ok()) return bad_request(body.error());
    const api::CancellationRequestBody& request = body.value();
    if (auto refusal = refuse_text(request.reason, "reason", 0, 4000, TextLines::many)) {
        return *refusal;
    }

    // The rules first (cheap, and a domain must hear "not cancellable" whatever the password).
    auto service = find_service(call);
    if (!service) return not_found("service");
    auto terms = domain::cancellation_terms(*service, request.type, call.today,
                                            store_.invoices_of(call.client_id));
    if (!terms.ok()) return refused(terms.error());

    // "Only with the client's email and password" (RULES.md §4): both asked again. A wrong
    // password counts as a failed login, so this route cannot be used to guess passwords.
    auto client = store_.client_by_id(call.client_id);
    if (!client) return not_found("client");
    PasswordCheck check;
    if (auto refusal = reserve_password_check(call, client->email, check)) return *refusal;
    const bool email_ok = lower_ascii(trim(request.email)) == client->email;
    const bool password_ok = hasher_.verify(client->password_hash, request.password);
    if (!email_ok || !password_ok) {
        return password_check_failed(
            check, error_response(403, "reauthentication_failed",
                                  "the email or password does not match this account",
                                  email_ok ? "password" : "email"));
    }
    password_check_passed(call, check);

    return commit(call, [&]() -> Response {
        // Read again inside the transaction: a concurrent request may have got here first.
        auto current = find_service(call);
        if (!current) return not_found("service");
        for (const auto& existing : store_.cancellations_of(call.client_id)) {
            if (existing.service_id == current->id &&
                cancellation_status(existing, call.today) == "scheduled") {
                return refused({"cancellation_already_requested",
                                "this service already has a cancellation request"});
            }
        }
        auto fresh_terms = domain::cancellation_terms(*current, request.type, call.today,
                                                      store_.invoices_of(call.client_id));
        if (!fresh_terms.ok()) return refused(fresh_terms.error());

        CancellationRecord record;
        record.client_id = call.client_id;
        record.service_id = current->id;
        record.kind = request.type;
        record.reason = request.reason;
        record.requested_on = call.today;
        record.effective_on = fresh_terms.value().effective_on;
        std::vector<int64_t> still_due, voided;
        for (const auto& invoice : fresh_terms.value().invoices_still_due) {
            still_due.push_back(invoice.id);
        }
        // Renewals invoiced in advance are not owed once the service will not run that period.
        for (const auto& invoice : fresh_terms.value().invoices_voided) {
            voided.push_back(invoice.id);
            store_.set_invoice_status(call.client_id, invoice.id, domain::InvoiceStatus::cancelled);
        }
        record.invoices_still_due = format_id_list(still_due);
        record.invoices_voided = format_id_list(voided);
        record.id = store_.insert_cancellation(record);
        // The service does not renew (end_of_period: "and is not renewed").
        current->auto_renew = false;
        store_.update_service(*current);

        Response response = json_answer(201, cancellation_view(record, call.today));
        response.headers["Location"] = "/api/v1/cancellation-requests/" + std::to_string(record.id);
        return response;
    });
}

Response Backend::get_cancellation(Call& call) {
    auto id = parse_id(call.params.at("id"));
    if (!id) return not_found("cancellation request");
    auto record = store_.cancellation_of(call.client_id, *id);
    if (!record) return not_found("cancellation request");
    return json_answer(200, cancellation_view(*record, call.today));
}

Response Backend::withdraw_cancellation(Call& call) {
    auto id = parse_id(call.params.at("id"));
    if (!id) return not_found("cancellation request");
    return commit(call, [&]() -> Response {
        auto record = store_.cancellation_of(call.client_id, *id);
        if (!record) return not_found("cancellation request");
        const std::string status = cancellation_status(*record, call.today);
        if (status == "withdrawn") return json_answer(200, cancellation_view(*record, call.today));
        if (status != "scheduled") {
            return refused({"cancellation_already_effective",
                            "the service was already removed; it cannot be withdrawn"});
        }
        record->withdrawn = true;
        store_.update_cancellation(*record);
        // The advance invoices it voided are owed again.
        for (int64_t invoice_id : parse_id_list(record->invoices_voided)) {
            store_.set_invoice_status(call.client_id, invoice_id, domain::InvoiceStatus::unpaid);
        }
        // The service renews again, as before the request.
        if (auto service = store_.service_of(call.client_id, record->service_id)) {
            service->auto_renew = true;
            store_.update_service(*service);
        }
        return json_answer(200, cancellation_view(*record, call.today));
    });
}

}  // namespace portal::backend
