// [SECTION] Handlers: the client's invoices and their payment (RULES.md §3: an upgrade is
// enabled when its invoice is paid; a paid renewal starts the next period).
#include <algorithm>
#include <map>

#include "core/backend.h"
#include "core/responses.h"
#include "core/views.h"
#include "domain/billing.h"

namespace portal::backend {

namespace {

std::optional<domain::Invoice> invoice_by_id(const std::vector<domain::Invoice>& invoices,
                                             int64_t id) {
    for (const auto& invoice : invoices) {
        if (invoice.id == id) return invoice;
    }
    return std::nullopt;
}

// `unpaid` asks for what is still owed: unpaid and overdue alike.
bool wanted(domain::InvoiceStatus status, std::optional<domain::InvoiceStatus> filter) {
    if (!filter) return true;
    if (*filter == domain::InvoiceStatus::unpaid) {
        return status == domain::InvoiceStatus::unpaid || status == domain::InvoiceStatus::overdue;
    }
    return status == *filter;
}

}  // namespace

Response Backend::list_invoices(Call& call) {
    std::optional<domain::InvoiceStatus> filter;
    if (auto refusal = read_enum_filter(call.request, "status", filter)) return *refusal;
    std::map<int64_t, std::string> names;
    for (const auto& service : store_.services_of(call.client_id)) names[service.id] = service.name;
    auto invoices = store_.invoices_of(call.client_id);
    const auto payments = store_.payments_of(call.client_id);
    const auto orders = store_.upgrade_orders_of(call.client_id);
    // Newest first: what the client looks for is the latest invoice.
    std::stable_sort(invoices.begin(), invoices.end(), [](const auto& a, const auto& b) {
        return a.issued_on != b.issued_on ? b.issued_on < a.issued_on : b.id < a.id;
    });
    api::InvoiceList list;
    for (const auto& invoice : invoices) {
        if (!wanted(invoice_status_on(invoice, call.today), filter)) continue;
        list.invoices.push_back(invoice_view(invoice, names[invoice.service_id], call.today,
                                             plan_names(call), payments, orders));
    }
    return json_answer(200, list);
}

Response Backend::get_invoice(Call& call) {
    auto id = parse_id(call.params.at("id"));
    if (!id) return not_found("invoice");
    auto invoice = invoice_by_id(store_.invoices_of(call.client_id), *id);
    if (!invoice) return not_found("invoice");
    auto service = store_.service_of(call.client_id, invoice->service_id);
    return json_answer(200, invoice_view(*invoice, service ? service->name : "", call.today,
                                         plan_names(call), store_.payments_of(call.client_id),
                                         store_.upgrade_orders_of(call.client_id)));
}

Response Backend::pay_invoice(Call& call) {
    auto id = parse_id(call.params.at("id"));
    if (!id) return not_found("invoice");
    api::PaymentRequest body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    const domain::PaymentMethod method = body.method;

    return commit(call, [&]() -> Response {
        auto invoice = invoice_by_id(store_.invoices_of(call.client_id), *id);
        if (!invoice) return not_found("invoice");
        auto orders = store_.upgrade_orders_of(call.client_id);
        UpgradeOrderRecord* order = order_of_invoice(orders, invoice->id);
        if (order && order->status == domain::OrderStatus::expired) {
            return refused({"order_expired",
                            "the plan change expired unpaid; order it again to get a new quote"});
        }
        if (invoice->status == domain::InvoiceStatus::paid) {
            return refused({"invoice_paid", "this invoice is already paid"});
        }
        if (invoice->status == domain::InvoiceStatus::cancelled) {
            return refused({"invoice_cancelled", "this invoice was cancelled; nothing is owed"});
        }
        auto service = store_.service_of(call.client_id, invoice->service_id);
        if (!service) return not_found("invoice");

        Charge charge{call.client_id, invoice->id, method, invoice->amount, {}};
        auto key = call.request.headers.find("idempotency-key");
        if (key != call.request.headers.end()) charge.idempotency_key = key->second;
        const ChargeAnswer answer = gateway_->charge(charge);
        if (!answer.approved) {
            return refused({answer.decline_code.empty() ? "payment_declined" : answer.decline_code,
                            "the payment was not approved"});
        }
        PaymentRecord payment;
        payment.client_id = call.client_id;
        payment.invoice_id = invoice->id;
        payment.method = method;
        payment.amount = invoice->amount;
        payment.paid_on = call.today;
        payment.paid_at = call.now;
        payment.reference = answer.reference;
        payment.test = answer.test;
        payment.id = store_.insert_payment(payment);
        invoice->status = domain::InvoiceStatus::paid;

        if (order && order->status == domain::OrderStatus::awaiting_payment) {
            // Enabled today ("habilitación"): the new plan's period starts on the payment day.
            auto target = store_.plan(order->to_plan_id);
            if (!target) return refused({"plan_unknown", "the new plan is not in the catalog"});
            const domain::Date replaced_start = service->period_start;
            domain::enable_upgrade(*service, *target, call.today);
            invoice->period_start = service->period_start;
            invoice->period_end = service->period_end;
            order->status = domain::OrderStatus::applied;
            order->effective_on = call.today;
            order->period_start = service->period_start;
            order->period_end = service->period_end;
            store_.update_upgrade_order(*order);
            // A renewal of the replaced period's successor is not owed: the new period covers it.
            for (const auto& other : store_.invoices_of(call.client_id)) {
                if (other.service_id == service->id && other.kind == domain::InvoiceKind::renewal &&
                    other.period_start > replaced_start && other.is_outstanding()) {
                    store_.set_invoice_status(call.client_id, other.id,
                                              domain::InvoiceStatus::cancelled);
                    invoice_event(domain::AlertEvent::invoice_cancelled, other, call.now);
                }
            }
            store_.update_service(*service);
        } else if (invoice->kind == domain::InvoiceKind::renewal &&
                   invoice->period_start > service->period_start) {
            domain::advance_to(*service, *invoice);
            store_.update_service(*service);
        }
        store_.update_invoice(*invoice);
        invoice_event(domain::AlertEvent::invoice_paid, *invoice, call.now);

        std::vector<PaymentRecord> payments = store_.payments_of(call.client_id);
        return json_answer(201,
                           api::PaymentResult{payment_view(payment),
                                              invoice_view(*invoice, service->name, call.today,
                                                           plan_names(call), payments, orders)});
    });
}

}  // namespace portal::backend
