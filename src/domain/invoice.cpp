#include "domain/invoice.h"

namespace portal::domain {

std::string_view to_string(InvoiceStatus status) {
    switch (status) {
        case InvoiceStatus::paid:
            return "paid";
        case InvoiceStatus::unpaid:
            return "unpaid";
        case InvoiceStatus::overdue:
            return "overdue";
        case InvoiceStatus::cancelled:
            return "cancelled";
    }
    return "unpaid";
}

std::optional<InvoiceStatus> parse_invoice_status(std::string_view text) {
    for (InvoiceStatus status : {InvoiceStatus::paid, InvoiceStatus::unpaid, InvoiceStatus::overdue,
                                 InvoiceStatus::cancelled}) {
        if (to_string(status) == text) return status;
    }
    return std::nullopt;
}

}  // namespace portal::domain
