#include "domain/invoice.h"

#include <gtest/gtest.h>

namespace portal::domain {
namespace {

TEST(Invoice, StatusNamesRoundTrip) {
    for (InvoiceStatus status : {InvoiceStatus::paid, InvoiceStatus::unpaid, InvoiceStatus::overdue,
                                 InvoiceStatus::cancelled}) {
        EXPECT_EQ(parse_enum<InvoiceStatus>(to_string(status)), status);
    }
    EXPECT_EQ(to_string(InvoiceStatus::overdue), "overdue");
    EXPECT_EQ(parse_enum<InvoiceStatus>("pagada"), std::nullopt);
}

TEST(Invoice, UnpaidAndOverdueAreStillOwed) {
    Invoice invoice;
    invoice.status = InvoiceStatus::unpaid;
    EXPECT_TRUE(invoice.is_outstanding());
    invoice.status = InvoiceStatus::overdue;
    EXPECT_TRUE(invoice.is_outstanding());
    invoice.status = InvoiceStatus::paid;
    EXPECT_FALSE(invoice.is_outstanding());
    invoice.status = InvoiceStatus::cancelled;
    EXPECT_FALSE(invoice.is_outstanding());
}

}  // namespace
}  // namespace portal::domain
