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

enum class InvoiceStatus { paid, unpaid, overdue, cancelled };

template <>
struct EnumNames<InvoiceStatus> {
    static constexpr std::array<std::pair<InvoiceStatus, std::string_view>, 4> table{{
        {InvoiceStatus::paid, "paid"},
        {InvoiceStatus::unpaid, "unpaid"},
        {InvoiceStatus::overdue, "overdue"},
        {InvoiceStatus::cancelled, "cancelled"},
    }};
};

struct Invoice {
    int64_t id = 0;
    int64_t client_id = 0;
    int64_t service_id = 0;
    std::string description;
    Money amount;
    Date issued_on;
    Date due_on;
    Date period_start;  // the service period it bills, both ends inclusive
    Date period_end;
    InvoiceStatus status = InvoiceStatus::unpaid;

    // Unpaid or overdue: money the client still owes.
    bool is_outstanding() const {
        return status == InvoiceStatus::unpaid || status == InvoiceStatus::overdue;
    }
};

template <class V, FieldsOf<Invoice> S>
void fields(V& v, S& r) {
    v("id", r.id), v("client_id", r.client_id), v("service_id", r.service_id);
    v("description", r.description), v("amount", r.amount), v("issued_on", r.issued_on);
    v("due_on", r.due_on), v("period_start", r.period_start), v("period_end", r.period_end);
    v("status", r.status);
}

}  // namespace portal::domain
