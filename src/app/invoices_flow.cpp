#include "app/invoices_flow.h"

#include <algorithm>
#include <tuple>

#include "app/code_words.h"
#include "app/overloaded.h"

namespace portal::app {
namespace {

using Status = domain::InvoiceStatus;

bool owed(const api::InvoiceView& invoice) {
    return invoice.status == Status::overdue || invoice.status == Status::unpaid;
}

// 0 overdue, 1 unpaid, 2 the rest (settled).
int group(const api::InvoiceView& invoice) {
    if (invoice.status == Status::overdue) return 0;
    return invoice.status == Status::unpaid ? 1 : 2;
}

}  // namespace

std::optional<InvoiceText> payment_refusal(const api::ApiFailure& failure) {
    return refusal_in_words(failure, InvoiceText::why_not_found);
}

std::vector<api::InvoiceView> invoices_in_order(const api::InvoiceList& list) {
    std::vector<api::InvoiceView> ordered = list.invoices;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const api::InvoiceView& a, const api::InvoiceView& b) {
                         const int ga = group(a);
                         const int gb = group(b);
                         if (ga != gb) return ga < gb;
                         // Owed: the one due soonest first. Settled: the newest first.
                         if (ga < 2) return std::tie(a.due_on, a.id) < std::tie(b.due_on, b.id);
                         return std::tie(b.issued_on, b.id) < std::tie(a.issued_on, a.id);
                     });
    return ordered;
}

int count_overdue(const api::InvoiceList& list) {
    return static_cast<int>(std::count_if(
        list.invoices.begin(), list.invoices.end(),
        [](const api::InvoiceView& invoice) { return invoice.status == Status::overdue; }));
}

void InvoicesFlow::enter(FlowContext& ctx) {
    state_.paid_service = {};
    payment_.clear_shown();
    load(ctx);
    // The payment the client confirmed before the session expired: sent once, same key.
    if (const auto resumed = payment_.take_resume()) pay(*resumed, ctx);
}

bool InvoicesFlow::can_pay(const api::InvoiceView& invoice) const {
    return owed(invoice) && !payment_.state().paying;
}

void InvoicesFlow::handle(const InvoicesIntent& intent, FlowContext& ctx) {
    std::visit(Overloaded{
                   [&](const ReloadInvoices&) { load(ctx); },
                   [&](const PayInvoice& value) {
                       if (!state_.invoices.data) return;
                       for (const api::InvoiceView& invoice : state_.ordered) {
                           if (invoice.id == value.invoice_id && can_pay(invoice)) {
                               payment_.ask(invoice.id);
                           }
                       }
                   },
                   [&](const KeepInvoiceUnpaid&) { payment_.keep(); },
                   [&](const ConfirmPayment&) {
                       if (const auto asked = payment_.state().asking) pay(*asked, ctx);
                   },
               },
               intent);
}

void InvoicesFlow::load(FlowContext& ctx) {
    visit_.renew();
    ctx.api.invoices(
        visit_.load(state_.invoices, ctx, [this](const api::ApiResult<api::InvoiceList>&) {
            if (state_.invoices.data) state_.ordered = invoices_in_order(*state_.invoices.data);
        }));
}

void InvoicesFlow::pay(int64_t invoice_id, FlowContext& ctx) {
    payment_.pay(invoice_id, ctx, [this, c = ctx]() mutable {
        // The list as it is now, and what the payment enabled (the same visit: load() renews it).
        load(c);
        const int64_t service_id = payment_.state().paid->invoice.service_id;
        c.api.service(service_id, visit_.load(state_.paid_service, c));
    });
}

}  // namespace portal::app
