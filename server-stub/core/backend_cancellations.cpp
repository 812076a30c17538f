// [SECTION] Handlers: cancellation requests (RULES.md §4) and their withdrawal.
#include "core/backend.h"
#include "core/password_check.h"
#include "core/responses.h"
#include "core/text_rules.h"
#include "core/views.h"
#include "domain/cancellation_policy.h"

namespace portal::backend {

std::optional<CancellationRecord> Backend::scheduled_cancellation(int64_t client_id,
                                                                  int64_t service_id,
                                                                  domain::Date today) {
    for (const auto& existing : store_.cancellations_of(client_id)) {
        if (existing.service_id == service_id &&
            cancellation_status(existing, today) == "scheduled") {
            return existing;
        }
    }
    return std::nullopt;
}

// Runs inside the request's transaction, once the cancellation is stored: everything a scheduled
// cancellation stops goes here.
void Backend::end_what_a_cancellation_stops(domain::Service& service) {
    // The service is not renewed (end_of_period: "and is not renewed"); generated invoices stay.
    service.auto_renew = false;
    store_.update_service(service);
}

// An open plan change goes with a cancellation: an unpaid upgrade would otherwise be paid for a
// service that is ending. A downgrade whose renewal is already generated stays: that period is
// invoiced at the lower plan and the service runs through it. Done before the invoices still due
// are listed, so a cancelled upgrade invoice is not among them.
void Backend::withdraw_open_plan_change(Call& call, int64_t service_id) {
    for (auto& order : store_.upgrade_orders_of(call.client_id)) {
        if (order.service_id != service_id) continue;
        if (order.status == domain::OrderStatus::awaiting_payment ||
            order.status == domain::OrderStatus::scheduled) {
            withdraw_order(call.client_id, order);
        }
    }
}

Response Backend::create_cancellation(Call& call) {
    api::CancellationRequestBody request;
    if (auto refusal = read_body(call.request, request)) return *refusal;
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
        if (scheduled_cancellation(call.client_id, current->id, call.today)) {
            return refused({"cancellation_already_requested",
                            "this service already has a cancellation request"});
        }
        withdraw_open_plan_change(call, current->id);
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
        record.auto_renew_before = current->auto_renew;
        std::vector<int64_t> still_due;
        for (const auto& invoice : fresh_terms.value().invoices_still_due) {
            still_due.push_back(invoice.id);
        }
        record.invoices_still_due = format_id_list(still_due);
        record.id = store_.insert_cancellation(record);
        end_what_a_cancellation_stops(*current);

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
    return commit_to_owned<CancellationRecord>(
        call, "cancellation request", &Store::cancellation_of,
        [&](CancellationRecord& record) -> Response {
            const std::string status = cancellation_status(record, call.today);
            if (status == "withdrawn")
                return json_answer(200, cancellation_view(record, call.today));
            if (status != "scheduled") {
                return refused({"cancellation_already_effective",
                                "the service was already removed; it cannot be withdrawn"});
            }
            record.withdrawn = true;
            store_.update_cancellation(record);
            // The service renews as it did before the request, on or off.
            if (auto service = store_.service_of(call.client_id, record.service_id)) {
                service->auto_renew = record.auto_renew_before;
                store_.update_service(*service);
            }
            return json_answer(200, cancellation_view(record, call.today));
        });
}

}  // namespace portal::backend
