#include "domain/upgrade_quote.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace portal::domain {
namespace {

Plan plan(std::string id, int64_t cents, BillingCycle cycle, int rank,
          std::string currency = "USD") {
    return Plan{id,    id,   id,  ServiceType::hosting, Money{cents, std::move(currency)},
                cycle, rank, true};
}

// The manual's client (RULES.md §3): a hosting paid 100 $ for the year 2026.
Service yearly_hosting() {
    Service service;
    service.id = 1;
    service.client_id = 10;
    service.type = ServiceType::hosting;
    service.status = ServiceStatus::active;
    service.plan_id = "basic-yearly";
    service.period_start = Date{2026, 1, 1};
    service.period_end = Date{2026, 12, 31};
    return service;
}

// What the paid invoices of 2026 add up to (domain/billing.h).
const Money kPaid{10000, "USD"};

const Plan kBasicYearly = plan("basic-yearly", 10000, BillingCycle::yearly, 1);
const Plan kProYearly = plan("pro-yearly", 15000, BillingCycle::yearly, 2);
const Plan kLiteYearly = plan("lite-yearly", 6000, BillingCycle::yearly, 0);
constexpr Date kMidYear{2026, 7, 1};

// The manual's client moving from its basic plan to `target` on kMidYear.
Outcome<UpgradeQuote> quote_from_basic(const Plan& target) {
    return quote_plan_change(yearly_hosting(), kBasicYearly, target, kPaid, kMidYear);
}

TEST(UpgradeQuote, ManualExamplePaysOnlyTheDifferenceFromTheEnableDate) {
    const Outcome<UpgradeQuote> quote = quote_from_basic(kProYearly);
    ASSERT_TRUE(quote.ok()) << quote.error().code;
    EXPECT_EQ(quote.value().direction, PlanChange::up);
    EXPECT_EQ(quote.value().new_price, (Money{15000, "USD"}));
    EXPECT_EQ(quote.value().already_paid, (Money{10000, "USD"}));
    EXPECT_EQ(quote.value().amount_due, (Money{5000, "USD"}));  // 150 − 100 = 50
    EXPECT_EQ(quote.value().period_start, kMidYear);
    EXPECT_EQ(quote.value().period_end, (Date{2027, 6, 30}));
}

TEST(UpgradeQuote, SamePlanIsRefused) {
    const Outcome<UpgradeQuote> quote = quote_from_basic(kBasicYearly);
    ASSERT_FALSE(quote.ok());
    EXPECT_EQ(quote.error().code, "same_plan");
}

TEST(UpgradeQuote, DowngradePaysNothingAndRefundsNothing) {
    const Outcome<UpgradeQuote> quote = quote_from_basic(kLiteYearly);
    ASSERT_TRUE(quote.ok());
    EXPECT_EQ(quote.value().direction, PlanChange::down);
    EXPECT_EQ(quote.value().amount_due, (Money{0, "USD"}));  // not −40: no refund
    // Scheduled for the end of the paid period: the next one is on the lower plan.
    EXPECT_EQ(quote.value().period_start, (Date{2027, 1, 1}));
    EXPECT_EQ(quote.value().period_end, (Date{2027, 12, 31}));
}

TEST(UpgradeQuote, PaidAboveTheNewPriceOwesZeroNeverNegative) {
    // A higher-ranked plan that happens to cost less than what was paid for this period.
    const Plan cheaper_but_better = plan("promo-yearly", 9000, BillingCycle::yearly, 3);
    const Outcome<UpgradeQuote> quote = quote_from_basic(cheaper_but_better);
    ASSERT_TRUE(quote.ok());
    EXPECT_EQ(quote.value().direction, PlanChange::up);
    EXPECT_EQ(quote.value().amount_due, (Money{0, "USD"}));
    // Nothing to pay: enabled at once, in the period already paid (no new cycle for free).
    EXPECT_EQ(quote.value().period_start, (Date{2026, 1, 1}));
    EXPECT_EQ(quote.value().period_end, (Date{2026, 12, 31}));
}

TEST(UpgradeQuote, OnlyWhatWasPaidIsSubtracted) {
    // Nothing paid for the period (its invoice is overdue): the whole price.
    Outcome<UpgradeQuote> quote =
        quote_plan_change(yearly_hosting(), kBasicYearly, kProYearly, Money{0, "USD"}, kMidYear);
    ASSERT_TRUE(quote.ok());
    EXPECT_EQ(quote.value().amount_due, (Money{15000, "USD"}));
    // Part of it paid: the rest of the difference.
    quote =
        quote_plan_change(yearly_hosting(), kBasicYearly, kProYearly, Money{4000, "USD"}, kMidYear);
    ASSERT_TRUE(quote.ok());
    EXPECT_EQ(quote.value().amount_due, (Money{11000, "USD"}));
}

struct CycleCase {
    BillingCycle cycle;
    int64_t current_paid;
    int64_t target_price;
    Date enable_on;
    int64_t expected_due;
    Date expected_end;
    void label(std::ostream& os) const { os << to_string(cycle) << " " << enable_on.iso(); }
};

using UpgradeQuoteCycles = TableTest<CycleCase>;

TEST_P(UpgradeQuoteCycles, NewPeriodIsOneWholeCycleOfTheNewPlan) {
    const CycleCase& c = GetParam();
    Service service = yearly_hosting();
    const Plan current = plan("current", c.current_paid, c.cycle, 1);
    const Plan target = plan("target", c.target_price, c.cycle, 2);

    const Outcome<UpgradeQuote> quote =
        quote_plan_change(service, current, target, Money{c.current_paid, "USD"}, c.enable_on);
    ASSERT_TRUE(quote.ok());
    EXPECT_EQ(quote.value().amount_due, (Money{c.expected_due, "USD"}));
    EXPECT_EQ(quote.value().period_start, c.enable_on);
    EXPECT_EQ(quote.value().period_end, c.expected_end);
}

INSTANTIATE_TEST_SUITE_P(
    UpgradeQuote, UpgradeQuoteCycles,
    testing::Values(
        CycleCase{BillingCycle::monthly, 1000, 2500, {2026, 3, 15}, 1500, {2026, 4, 14}},
        CycleCase{BillingCycle::monthly, 1000, 2500, {2026, 12, 1}, 1500, {2026, 12, 31}},
        CycleCase{BillingCycle::quarterly, 3000, 4500, {2026, 2, 10}, 1500, {2026, 5, 9}},
        CycleCase{BillingCycle::semiannual, 6000, 7000, {2026, 9, 1}, 1000, {2027, 2, 28}},
        CycleCase{BillingCycle::yearly, 10000, 15000, {2024, 3, 1}, 5000, {2025, 2, 28}}));

TEST(UpgradeQuote, MixedCurrenciesAreAClearError) {
    const Plan pro_in_pesos = plan("pro-ars", 15000000, BillingCycle::yearly, 2, "ARS");
    const Outcome<UpgradeQuote> quote = quote_from_basic(pro_in_pesos);
    ASSERT_FALSE(quote.ok());
    EXPECT_EQ(quote.error().code, "currency_mismatch");
    EXPECT_NE(quote.error().message.find("ARS"), std::string::npos);
    EXPECT_NE(quote.error().message.find("USD"), std::string::npos);
}

TEST(UpgradeQuote, OnlyActiveServicesChangePlan) {
    for (ServiceStatus status : {ServiceStatus::pending, ServiceStatus::suspended,
                                 ServiceStatus::cancelled, ServiceStatus::terminated}) {
        Service service = yearly_hosting();
        service.status = status;
        const Outcome<UpgradeQuote> quote =
            quote_plan_change(service, kBasicYearly, kProYearly, kPaid, kMidYear);
        ASSERT_FALSE(quote.ok()) << to_string(status);
        EXPECT_EQ(quote.error().code, "service_not_active");
    }
}

TEST(UpgradeQuote, PlansOfAnotherProductAreRefused) {
    Plan radio = kProYearly;
    radio.id = "radio-pro";
    radio.product = ServiceType::audio_streaming;
    const Outcome<UpgradeQuote> quote = quote_from_basic(radio);
    ASSERT_FALSE(quote.ok());
    EXPECT_EQ(quote.error().code, "other_product");
}

TEST(UpgradeQuote, PackagesThatCannotMoveAutomaticallyGoToSupport) {
    Plan dedicated = kProYearly;
    dedicated.automatic_upgrade = false;
    Outcome<UpgradeQuote> quote = quote_from_basic(dedicated);
    ASSERT_FALSE(quote.ok());
    EXPECT_EQ(quote.error().code, "no_automatic_upgrade");

    Plan legacy_current = kBasicYearly;
    legacy_current.automatic_upgrade = false;
    quote = quote_plan_change(yearly_hosting(), legacy_current, kProYearly, kPaid, kMidYear);
    ASSERT_FALSE(quote.ok());
    EXPECT_EQ(quote.error().code, "no_automatic_upgrade");
}

TEST(UpgradeQuote, EqualRankPricierPlanCountsAsAnUpgrade) {
    const Plan sibling = plan("basic-plus-yearly", 12000, BillingCycle::yearly, 1);
    const Outcome<UpgradeQuote> quote = quote_from_basic(sibling);
    ASSERT_TRUE(quote.ok());
    EXPECT_EQ(quote.value().direction, PlanChange::up);
    EXPECT_EQ(quote.value().amount_due, (Money{2000, "USD"}));
}

TEST(UpgradeQuote, DirectionNames) {
    EXPECT_EQ(to_string(PlanChange::up), "up");
    EXPECT_EQ(to_string(PlanChange::down), "down");
}

}  // namespace
}  // namespace portal::domain
