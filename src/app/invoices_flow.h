// The invoices tab (RULES.md §3): the client's invoices, the ones still to pay first (overdue
// before unpaid), each with its lines, due date and status, and «Pagar» on each one still owed:
// confirm → a sandbox payment → the invoice shows as paid and the change it paid for as enabled
// (the service reloaded: its plan and period as they are now).
#pragma once

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "api/dto.h"
#include "app/flow_context.h"
#include "app/invoice_payment.h"
#include "app/remote.h"
#include "app/route.h"
#include "app/visit.h"

namespace portal::app {

// The order the tab shows: overdue, then unpaid (soonest due first), then paid and cancelled
// (newest first).
std::vector<api::InvoiceView> invoices_in_order(const api::InvoiceList& list);
// How many invoices are overdue («Mis servicios» shows a banner when any is).
int count_overdue(const api::InvoiceList& list);

struct InvoicesState {
    Remote<api::InvoiceList> invoices;
    std::vector<api::InvoiceView> ordered;  // invoices.data, in the tab's order
    // After a payment: the service it paid for, as it is now (the new plan once enabled).
    Remote<api::ServiceView> paid_service;
};

struct ReloadInvoices {};
struct PayInvoice {  // «Pagar»: opens the confirmation
    int64_t invoice_id = 0;
};
struct KeepInvoiceUnpaid {};  // «No, volver»
struct ConfirmPayment {};     // «Sí, pagar …»
using InvoicesIntent = std::variant<ReloadInvoices, PayInvoice, KeepInvoiceUnpaid, ConfirmPayment>;

class InvoicesFlow {
  public:
    // Called when the client arrives on the tab (a click, a link, back/forward, a sign-in).
    void enter(FlowContext& ctx);
    void handle(const InvoicesIntent& intent, FlowContext& ctx);
    const InvoicesState& state() const { return state_; }
    const PaymentState& payment() const { return payment_.state(); }
    // The page's language changed: the invoices again, their lines worded in it.
    void relist(FlowContext& ctx) { load(ctx); }
    // Whether the invoice may be paid now (it is owed and no payment is on its way).
    bool can_pay(const api::InvoiceView& invoice) const;

    // The session expired: a payment on its way is kept to be sent once after signing in again.
    void suspend() {
        state_ = {};
        payment_.suspend();
        visit_.renew();
    }
    // Sign-out, or another client signed in: forget everything.
    void reset() {
        state_ = {};
        payment_.reset();
        visit_.renew();
    }

  private:
    void load(FlowContext& ctx);
    void pay(int64_t invoice_id, FlowContext& ctx);

    InvoicesState state_;
    InvoicePayment payment_;
    // Renewed on every load and sign-out.
    Visit visit_;
};

}  // namespace portal::app
