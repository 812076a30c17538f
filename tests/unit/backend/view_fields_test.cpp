// Each API view the backend makes from a stored record copies the members both list under one
// name and type. The members a view does not take from its record are pinned here with their
// reasons: a member renamed on either side lands in one of these lists and fails the test instead
// of silently showing a default.
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "api/dto.h"
#include "core/records.h"
#include "domain/alike_fields.h"

namespace portal::backend {
namespace {

using Names = std::vector<std::string_view>;
using domain::fields_left_at_default;

TEST(ViewFields, AServiceViewTakesEveryStoredMemberItShows) {
    const Names expected = {
        "plan",                 // the whole plan, looked up by the service's plan_id
        "paid_for_period",      // summed from the period's paid invoices, never stored
        "pending_plan_change",  // from the open upgrade order
        "cancellation",         // from the latest cancellation request
        "activation_estimate",  // computed from the rules for a pending service
    };
    EXPECT_EQ((fields_left_at_default<api::ServiceView, domain::Service>()), expected);
}

TEST(ViewFields, AnInvoiceViewTakesEveryStoredMemberItShows) {
    const Names expected = {
        "service_name",  // the service's, at the time of asking
        "description",   // worded from the plan it bills, in the request's language
        "lines",         // built from the amount and the credit
        "payments",      // from the payment records
        "order_id",      // from the plan-change order it pays for
    };
    EXPECT_EQ((fields_left_at_default<api::InvoiceView, domain::Invoice>()), expected);
}

TEST(ViewFields, APaymentViewTakesEveryStoredMemberItShows) {
    EXPECT_EQ((fields_left_at_default<api::PaymentView, PaymentRecord>()), Names{});
}

TEST(ViewFields, AnUpgradeOrderViewTakesEveryStoredMemberItShows) {
    EXPECT_EQ((fields_left_at_default<api::UpgradeOrder, UpgradeOrderRecord>()), Names{});
}

TEST(ViewFields, ACancellationViewTakesEveryStoredMemberItShows) {
    const Names expected = {
        "status",              // from the dates and the withdrawal flag
        "type",                // stored as `kind`
        "invoices_still_due",  // stored as a list of ids in text
        "refund",              // never: nothing paid is refunded
        "backup_kept_years",   // the company's rule, not per request
    };
    EXPECT_EQ((fields_left_at_default<api::CancellationRequestView, CancellationRecord>()),
              expected);
}

}  // namespace
}  // namespace portal::backend
