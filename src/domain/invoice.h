// An invoice for one period of one service (RULES.md §4: invoices of running periods stay due).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/money.h"

namespace portal::domain {

enum class InvoiceStatus { paid, unpaid, overdue, cancelled };

std::string_view to_string(InvoiceStatus status);
std::optional<InvoiceStatus> parse_invoice_status(std::string_view text);

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

}  // namespace portal::domain
