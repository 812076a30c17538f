// Money that adds up (RULES.md §3, decisions): paid-for-period from invoices, upgrades enabled
// on the payment day, downgrades scheduled at the period's end, renewals.
#include "domain/billing.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace portal::domain {
namespace {

// A yearly hosting running 2026-01-01 to 2026-12-31.
Service hosting() {
    Service service;
    service.id = 1;
    service.client_id = 10;
    service.type = ServiceType::hosting;
    service.status = ServiceStatus::active;
    service.plan_id = "plus";
    service.period_start = Date{2026, 1, 1};
    service.period_end = Date{2026, 12, 31};
    service.next_due_on = Date{2027, 1, 1};
    return service;
}

const Plan kPlus{"plus",
                 "Hosting Plus",
                 "Hosting Plus",
                 ServiceType::hosting,
                 Money{10000, "USD"},
                 BillingCycle::yearly,
                 2,
                 true};
const Plan kMonthly{"radio",
                    "Radio",
                    "Radio",
                    ServiceType::audio_streaming,
                    Money{1500, "USD"},
                    BillingCycle::monthly,
                    1,
                    true};

Invoice invoice(int64_t cents, InvoiceStatus status, Date start, Date end, int64_t credit = 0,
                int64_t service_id = 1) {
    Invoice i;
    i.service_id = service_id;
    i.amount = Money{cents, "USD"};
    i.credit = Money{credit, "USD"};
    i.period_start = start;
    i.period_end = end;
    i.status = status;
    return i;
}

constexpr Date kStart{2026, 1, 1}, kEnd{2026, 12, 31};

struct PaidCase {
    const char* name;
    std::vector<Invoice> invoices;
    int64_t expected_cents;
    void label(std::ostream& os) const { os << name; }
};
using PaidForPeriod = TableTest<PaidCase>;

TEST_P(PaidForPeriod, SumsOnlyThePaidInvoicesOfTheCurrentPeriod) {
    const PaidCase& c = GetParam();
    EXPECT_EQ(paid_for_period(hosting(), "USD", c.invoices), (Money{c.expected_cents, "USD"}));
}

INSTANTIATE_TEST_SUITE_P(
    Billing, PaidForPeriod,
    testing::Values(
        PaidCase{"no_invoice", {}, 0},
        PaidCase{"paid", {invoice(10000, InvoiceStatus::paid, kStart, kEnd)}, 10000},
        PaidCase{"unpaid", {invoice(10000, InvoiceStatus::unpaid, kStart, kEnd)}, 0},
        PaidCase{"overdue", {invoice(10000, InvoiceStatus::overdue, kStart, kEnd)}, 0},
        PaidCase{"cancelled", {invoice(10000, InvoiceStatus::cancelled, kStart, kEnd)}, 0},
        // Partial periods: two paid invoices that start with the period add up; one of the
        // period before or after does not count.
        PaidCase{"two_parts",
                 {invoice(4000, InvoiceStatus::paid, kStart, Date{2026, 6, 30}),
                  invoice(6000, InvoiceStatus::paid, kStart, kEnd)},
                 10000},
        PaidCase{"previous_period",
                 {invoice(10000, InvoiceStatus::paid, Date{2025, 1, 1}, Date{2025, 12, 31})},
                 0},
        PaidCase{"next_period_paid_ahead",
                 {invoice(10000, InvoiceStatus::paid, Date{2027, 1, 1}, Date{2027, 12, 31})},
                 0},
        PaidCase{
            "starting_mid_period", {invoice(5000, InvoiceStatus::paid, Date{2026, 7, 1}, kEnd)}, 0},
        PaidCase{"another_service", {invoice(10000, InvoiceStatus::paid, kStart, kEnd, 0, 2)}, 0},
        // A plan change's invoice of 50 carries the 100 paid for the period it replaced.
        PaidCase{"plan_change_with_credit",
                 {invoice(5000, InvoiceStatus::paid, kStart, kEnd, 10000)},
                 15000},
        PaidCase{"unpaid_plan_change",
                 {invoice(10000, InvoiceStatus::paid, kStart, kEnd),
                  invoice(5000, InvoiceStatus::unpaid, kStart, kEnd, 10000)},
                 10000}));

TEST(Billing, AnUpgradeQuotedSomethingWaitsAndZeroIsAppliedAndADowngradeIsScheduled) {
    UpgradeQuote quote;
    quote.amount_due = Money{5000, "USD"};
    EXPECT_EQ(initial_status(quote), OrderStatus::awaiting_payment);
    quote.amount_due = Money{0, "USD"};
    EXPECT_EQ(initial_status(quote), OrderStatus::applied);
    quote.direction = PlanChange::down;
    EXPECT_EQ(initial_status(quote), OrderStatus::scheduled);
}

TEST(Billing, AnUpgradeMustBePaidByItsDueDateOrThePeriodsEndWhicheverFirst) {
    EXPECT_EQ(payment_deadline(Date{2026, 3, 18}, kEnd), (Date{2026, 3, 18}));
    EXPECT_EQ(payment_deadline(Date{2027, 1, 5}, kEnd), kEnd);
}

struct EnableCase {
    BillingCycle cycle;
    Date paid_on;
    Date expected_end;
    void label(std::ostream& os) const { os << to_string(cycle) << "_" << paid_on.iso(); }
};
using EnableUpgrade = TableTest<EnableCase>;

TEST_P(EnableUpgrade, TheNewPeriodStartsOnThePaymentDayForOneCycle) {
    const EnableCase& c = GetParam();
    Service service = hosting();
    Plan target = kPlus;
    target.id = "pro";
    target.cycle = c.cycle;
    enable_upgrade(service, target, c.paid_on);
    EXPECT_EQ(service.plan_id, "pro");
    EXPECT_EQ(service.period_start, c.paid_on);
    EXPECT_EQ(service.period_end, c.expected_end);
    EXPECT_EQ(service.next_due_on, c.expected_end.add_days(1));
}

INSTANTIATE_TEST_SUITE_P(
    Billing, EnableUpgrade,
    testing::Values(EnableCase{BillingCycle::yearly, {2026, 3, 13}, {2027, 3, 12}},
                    EnableCase{BillingCycle::monthly, {2026, 1, 31}, {2026, 2, 27}},
                    EnableCase{BillingCycle::quarterly, {2026, 11, 30}, {2027, 2, 27}},
                    EnableCase{BillingCycle::yearly, {2028, 2, 29}, {2029, 2, 27}}));

TEST(Billing, ARenewalComesFifteenDaysBeforeThePeriodEnds) {
    const Service service = hosting();
    EXPECT_EQ(renewal_day(service), (Date{2026, 12, 16}));
    EXPECT_FALSE(renewal_due(service, kPlus, Date{2026, 12, 15}, {}));

    auto renewal = renewal_due(service, kPlus, Date{2026, 12, 16}, {});
    ASSERT_TRUE(renewal);
    EXPECT_EQ(renewal->kind, InvoiceKind::renewal);
    EXPECT_EQ(renewal->amount, (Money{10000, "USD"}));
    EXPECT_EQ(renewal->credit, (Money{0, "USD"}));
    EXPECT_EQ(renewal->period_start, (Date{2027, 1, 1}));
    EXPECT_EQ(renewal->period_end, (Date{2027, 12, 31}));
    EXPECT_EQ(renewal->issued_on, (Date{2026, 12, 16}));
    EXPECT_EQ(renewal->due_on, kEnd) << "due by the last paid day";
    EXPECT_EQ(renewal->status, InvoiceStatus::unpaid);
    EXPECT_EQ(renewal->service_id, 1);
    EXPECT_EQ(renewal->client_id, 10);
}

TEST(Billing, ARenewalIsGeneratedOnceAndAtThePlanThenInForce) {
    const Service service = hosting();
    const Date day{2026, 12, 20};
    // A downgrade scheduled for the next period: the renewal is at the lower plan, its cycle.
    auto lower = renewal_due(service, kMonthly, day, {});
    ASSERT_TRUE(lower);
    EXPECT_EQ(lower->amount, (Money{1500, "USD"}));
    EXPECT_EQ(lower->period_end, (Date{2027, 1, 31}));

    std::vector<Invoice> invoices{*lower};
    EXPECT_FALSE(renewal_due(service, kPlus, day, invoices)) << "one already exists";
    invoices.front().status = InvoiceStatus::paid;
    EXPECT_FALSE(renewal_due(service, kPlus, day, invoices));
    invoices.front().status = InvoiceStatus::cancelled;
    EXPECT_TRUE(renewal_due(service, kPlus, day, invoices)) << "a cancelled one does not count";

    // Generated after the period ended: due at once.
    auto late = renewal_due(service, kPlus, Date{2027, 1, 10}, {});
    ASSERT_TRUE(late);
    EXPECT_EQ(late->due_on, (Date{2027, 1, 10}));
}

TEST(Billing, PayingARenewalMovesTheServiceToItsPeriod) {
    Service service = hosting();
    auto renewal = renewal_due(service, kPlus, Date{2026, 12, 20}, {});
    ASSERT_TRUE(renewal);
    advance_to(service, *renewal);
    EXPECT_EQ(service.period_start, (Date{2027, 1, 1}));
    EXPECT_EQ(service.period_end, (Date{2027, 12, 31}));
    EXPECT_EQ(service.next_due_on, (Date{2028, 1, 1}));
    renewal->status = InvoiceStatus::paid;
    EXPECT_EQ(paid_for_period(service, "USD", {*renewal}), (Money{10000, "USD"}));
}

// The manual's example carried on: after 100 → 150 paid with 50, the new period counts 150
// paid, so a later move to 240 is quoted 90.
TEST(Billing, AfterAPaidUpgradeTheReplacedPeriodsPaymentCountsForTheNewOne) {
    Service service = hosting();
    std::vector<Invoice> invoices{invoice(10000, InvoiceStatus::paid, kStart, kEnd)};
    const Money paid = paid_for_period(service, "USD", invoices);
    ASSERT_EQ(paid, (Money{10000, "USD"}));
    Plan pro = kPlus;
    pro.id = "pro";
    pro.price = Money{15000, "USD"};
    pro.rank = 3;
    auto quote = quote_plan_change(service, kPlus, pro, paid, Date{2026, 7, 1});
    ASSERT_TRUE(quote.ok());
    ASSERT_EQ(quote.value().amount_due, (Money{5000, "USD"}));

    Invoice upgrade = invoice(5000, InvoiceStatus::paid, {}, {}, paid.cents);
    enable_upgrade(service, pro, Date{2026, 7, 3});
    upgrade.period_start = service.period_start;
    upgrade.period_end = service.period_end;
    invoices.push_back(upgrade);
    EXPECT_EQ(paid_for_period(service, "USD", invoices), (Money{15000, "USD"}));

    Plan business = pro;
    business.id = "business";
    business.price = Money{24000, "USD"};
    business.rank = 4;
    auto next = quote_plan_change(service, pro, business, paid_for_period(service, "USD", invoices),
                                  Date{2026, 8, 1});
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next.value().amount_due, (Money{9000, "USD"}));
}

}  // namespace
}  // namespace portal::domain
