// An invoice for one period of one service (RULES.md §4: invoices of running periods stay due).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/date.h"
#include "domain/enum_names.h"
#include "domain/money.h"
#include "domain/record_fields.h"

namespace portal::domain {

PORTAL_NAMED_ENUM(InvoiceStatus, paid, unpaid, overdue, cancelled);

// What an invoice bills: a service period as contracted, the next period generated ahead of it,
// or the difference of a move to a higher plan (RULES.md §3).
PORTAL_NAMED_ENUM(InvoiceKind, period, renewal, plan_change);

// How an invoice was paid. Only the sandbox exists: a test payment that moves no money (see
// docs/payments.md for how a real gateway takes its place).
PORTAL_NAMED_ENUM(PaymentMethod, sandbox);

struct Invoice {
    int64_t id = 0;
    int64_t client_id = 0;
    int64_t service_id = 0;
    // The plan it bills: the period's plan, or the plan a change moves to. Its words (the plan's
    // name, in the reader's language) are written when it is read, never stored.
    std::string plan_id;
    Money amount;
    Date issued_on;
    Date due_on;
    Date period_start;  // the service period it bills, both ends inclusive
    Date period_end;
    InvoiceStatus status = InvoiceStatus::unpaid;
    InvoiceKind kind = InvoiceKind::period;
    // A plan change's invoice: what was paid for the period it replaces, counted as paid for its
    // own period (RULES.md §3: only the difference is invoiced). Zero for other invoices.
    Money credit;

    // Unpaid or overdue: money the client still owes.
    bool is_outstanding() const {
        return status == InvoiceStatus::unpaid || status == InvoiceStatus::overdue;
    }
};

PORTAL_FIELDS(Invoice, id, client_id, service_id, plan_id, amount, issued_on, due_on, period_start,
              period_end, status, kind, credit);

}  // namespace portal::domain
