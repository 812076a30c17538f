#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "api/dto.h"
#include "domain/alike_fields.h"
#include "domain/invoice.h"
#include "domain/service.h"

namespace portal::app {
namespace {

using Names = std::vector<std::string_view>;

// The cancellation rule reads a service and its invoices as the API showed them. Every member the
// rule gets must come across; the ones listed here are those the API does not show (or shows in
// another form), each with its reason. A member renamed on either side lands in this list and
// fails the test.
TEST(AlikeFields, AServiceTakesEveryMemberTheApiShows) {
    const Names expected = {
        "client_id",            // the API never shows whose it is: it is always the caller's
        "plan_id",              // the view nests the whole plan; the flow copies plan.id itself
        "auto_renew",           // not shown on the service; the cancellation rule does not read it
        "requirements_met_on",  // shown through the activation estimate, not as a date
        "server",               // shown through the status page (which services run where)
    };
    EXPECT_EQ((domain::fields_left_at_default<domain::Service, api::ServiceView>()), expected);
}

TEST(AlikeFields, AnInvoiceTakesEveryMemberTheApiShows) {
    const Names expected = {
        "client_id",  // always the caller's
        "plan_id",    // worded into the description; the cancellation rule does not read it
        "credit",     // shown as one of the invoice's lines; the cancellation rule does not read it
    };
    EXPECT_EQ((domain::fields_left_at_default<domain::Invoice, api::InvoiceView>()), expected);
}

TEST(AlikeFields, TheCopiedMembersCarryTheirValues) {
    api::InvoiceView view;
    view.id = 7;
    view.service_id = 3;
    view.amount = domain::Money{4200, "USD"};
    view.due_on = domain::Date{2026, 12, 20};
    view.status = domain::InvoiceStatus::overdue;
    const auto invoice = domain::copy_alike_fields<domain::Invoice>(view);
    EXPECT_EQ(invoice.id, 7);
    EXPECT_EQ(invoice.service_id, 3);
    EXPECT_EQ(invoice.amount, view.amount);
    EXPECT_EQ(invoice.due_on, view.due_on);
    EXPECT_EQ(invoice.status, domain::InvoiceStatus::overdue);
    EXPECT_EQ(invoice.client_id, 0);
}

}  // namespace
}  // namespace portal::app
