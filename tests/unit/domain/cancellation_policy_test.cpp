#include "domain/cancellation_policy.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace portal::domain {
namespace {

constexpr int64_t kServiceId = 7;
constexpr int64_t kOtherServiceId = 9;
constexpr Date kToday{2026, 3, 10};

Service monthly_hosting() {
    Service service;
    service.id = kServiceId;
    service.client_id = 10;
    service.type = ServiceType::hosting;
    service.status = ServiceStatus::active;
    service.period_start = Date{2026, 3, 1};
    service.period_end = Date{2026, 3, 31};
    return service;
}

Invoice invoice(int64_t id, int64_t service_id, InvoiceStatus status, Date start, Date end) {
    Invoice result;
    result.id = id;
    result.client_id = 10;
    result.service_id = service_id;
    result.amount = Money{1000, "USD"};
    result.issued_on = start.add_days(-10);
    result.due_on = start;
    result.period_start = start;
    result.period_end = end;
    result.status = status;
    return result;
}

std::vector<int64_t> ids(const std::vector<Invoice>& invoices) {
    std::vector<int64_t> result;
    for (const Invoice& i : invoices) result.push_back(i.id);
    return result;
}

// January overdue, February paid, March (running) unpaid, plus another service's invoice and a
// cancelled one.
std::vector<Invoice> client_invoices() {
    return {
        invoice(1, kServiceId, InvoiceStatus::paid, {2026, 2, 1}, {2026, 2, 28}),
        invoice(2, kServiceId, InvoiceStatus::unpaid, {2026, 3, 1}, {2026, 3, 31}),
        invoice(3, kServiceId, InvoiceStatus::overdue, {2026, 1, 1}, {2026, 1, 31}),
        invoice(5, kOtherServiceId, InvoiceStatus::unpaid, {2026, 3, 1}, {2026, 3, 31}),
        invoice(6, kServiceId, InvoiceStatus::cancelled, {2026, 3, 1}, {2026, 3, 31}),
    };
}

// Cancelling `service` at the end of its period, asked today.
Outcome<CancellationTerms> terms_at_period_end(const Service& service,
                                               const std::vector<Invoice>& invoices) {
    return cancellation_terms(service, CancellationKind::end_of_period, kToday, invoices);
}

TEST(Cancellation, ImmediateTakesEffectTodayAndRefundsNothing) {
    const Outcome<CancellationTerms> terms = cancellation_terms(
        monthly_hosting(), CancellationKind::immediate, kToday, client_invoices());
    ASSERT_TRUE(terms.ok()) << terms.error().code;
    EXPECT_EQ(terms.value().kind, CancellationKind::immediate);
    EXPECT_EQ(terms.value().effective_on, kToday);
    EXPECT_FALSE(terms.value().refund);
    EXPECT_EQ(terms.value().backup_kept_years, 10);
}

TEST(Cancellation, EndOfPeriodRunsToTheEndOfTheLastGeneratedInvoice) {
    const Outcome<CancellationTerms> terms =
        terms_at_period_end(monthly_hosting(), client_invoices());
    ASSERT_TRUE(terms.ok());
    EXPECT_EQ(terms.value().effective_on, (Date{2026, 3, 31}));
    EXPECT_FALSE(terms.value().refund);
}

TEST(Cancellation, EndOfPeriodRunsThroughAGeneratedRenewalPaidOrNot) {
    // §4: a renewal generated before the request stays due and the service runs its period.
    for (InvoiceStatus status : {InvoiceStatus::paid, InvoiceStatus::unpaid}) {
        std::vector<Invoice> invoices = client_invoices();
        invoices.push_back(invoice(8, kServiceId, status, {2026, 4, 1}, {2026, 4, 30}));
        const Outcome<CancellationTerms> terms = terms_at_period_end(monthly_hosting(), invoices);
        ASSERT_TRUE(terms.ok());
        EXPECT_EQ(terms.value().effective_on, (Date{2026, 4, 30})) << to_string(status);
    }
}

TEST(Cancellation, AnUpgradeInvoiceNeverExtendsTheService) {
    // An upgrade bills the rest of the running period, from within it.
    std::vector<Invoice> invoices = client_invoices();
    invoices.push_back(invoice(8, kServiceId, InvoiceStatus::unpaid, kToday, {2026, 4, 9}));
    const Outcome<CancellationTerms> terms = terms_at_period_end(monthly_hosting(), invoices);
    ASSERT_TRUE(terms.ok());
    EXPECT_EQ(terms.value().effective_on, (Date{2026, 3, 31}));
}

TEST(Cancellation, EndOfPeriodWithoutInvoicesUsesTheServicePeriod) {
    const Outcome<CancellationTerms> terms = terms_at_period_end(monthly_hosting(), {});
    ASSERT_TRUE(terms.ok());
    EXPECT_EQ(terms.value().effective_on, (Date{2026, 3, 31}));
    EXPECT_TRUE(terms.value().invoices_still_due.empty());
}

TEST(Cancellation, CancelledInvoicesAreNotTheLastGeneratedOne) {
    Service service = monthly_hosting();
    service.period_end = Date{2026, 3, 20};
    const std::vector<Invoice> invoices = {
        invoice(6, kServiceId, InvoiceStatus::cancelled, {2026, 3, 1}, {2026, 3, 31})};
    const Outcome<CancellationTerms> terms = terms_at_period_end(service, invoices);
    ASSERT_TRUE(terms.ok());
    EXPECT_EQ(terms.value().effective_on, (Date{2026, 3, 20}));
}

TEST(Cancellation, NeverTakesEffectInThePast) {
    Service stale = monthly_hosting();
    stale.period_end = Date{2026, 2, 28};
    const Outcome<CancellationTerms> terms = terms_at_period_end(stale, {});
    ASSERT_TRUE(terms.ok());
    EXPECT_EQ(terms.value().effective_on, kToday);
}

TEST(Cancellation, EveryGeneratedInvoiceStaysDue) {
    std::vector<Invoice> invoices = client_invoices();
    // A renewal generated in advance for April, and an upgrade invoice starting today.
    invoices.push_back(invoice(4, kServiceId, InvoiceStatus::unpaid, {2026, 4, 1}, {2026, 4, 30}));
    invoices.push_back(invoice(9, kServiceId, InvoiceStatus::unpaid, kToday, {2026, 3, 31}));

    for (CancellationKind kind : {CancellationKind::immediate, CancellationKind::end_of_period}) {
        const Outcome<CancellationTerms> terms =
            cancellation_terms(monthly_hosting(), kind, kToday, invoices);
        ASSERT_TRUE(terms.ok());
        // Running March (2), overdue January (3), April's renewal (4), the upgrade (9); not paid
        // February (1), not the other service's (5), not the cancelled one (6).
        EXPECT_EQ(ids(terms.value().invoices_still_due), (std::vector<int64_t>{2, 3, 4, 9}))
            << to_string(kind);
    }
}

struct StatusCase {
    ServiceStatus status;
    bool cancellable;
    void label(std::ostream& os) const { os << to_string(status); }
};

using CancellationByStatus = TableTest<StatusCase>;

// Active and suspended services can be cancelled (a suspended one keeps its due invoices listed);
// pending, cancelled and terminated ones cannot.
TEST_P(CancellationByStatus, DecidesWhoCanCancel) {
    Service service = monthly_hosting();
    service.status = GetParam().status;
    const Outcome<CancellationTerms> terms =
        cancellation_terms(service, CancellationKind::end_of_period, kToday, client_invoices());
    EXPECT_EQ(can_be_cancelled(service), GetParam().cancellable);
    if (GetParam().cancellable) {
        ASSERT_TRUE(terms.ok()) << terms.error().code;
        EXPECT_EQ(terms.value().effective_on, (Date{2026, 3, 31}));
        EXPECT_EQ(ids(terms.value().invoices_still_due), (std::vector<int64_t>{2, 3}));
    } else {
        ASSERT_FALSE(terms.ok());
        EXPECT_EQ(terms.error().code, "service_not_active");
    }
}

INSTANTIATE_TEST_SUITE_P(Cancellation, CancellationByStatus,
                         testing::Values(StatusCase{ServiceStatus::active, true},
                                         StatusCase{ServiceStatus::suspended, true},
                                         StatusCase{ServiceStatus::pending, false},
                                         StatusCase{ServiceStatus::cancelled, false},
                                         StatusCase{ServiceStatus::terminated, false}));

TEST(Cancellation, DomainsAreRefusedAndOfferNoRenewInstead) {
    Service domain = monthly_hosting();
    domain.type = ServiceType::domain;
    domain.domain = "ejemplo.com";
    for (CancellationKind kind : {CancellationKind::immediate, CancellationKind::end_of_period}) {
        const Outcome<CancellationTerms> terms = cancellation_terms(domain, kind, kToday, {});
        ASSERT_FALSE(terms.ok());
        EXPECT_EQ(terms.error().code, "domain_not_cancellable");
    }
    EXPECT_TRUE(can_turn_off_auto_renew(domain));
}

TEST(Cancellation, AutoRenewCanBeTurnedOffOnlyWhenItIsOnForALiveService) {
    Service service = monthly_hosting();
    EXPECT_TRUE(can_turn_off_auto_renew(service));
    service.status = ServiceStatus::suspended;
    EXPECT_TRUE(can_turn_off_auto_renew(service));
    service.status = ServiceStatus::terminated;
    EXPECT_FALSE(can_turn_off_auto_renew(service));
    service.status = ServiceStatus::active;
    service.auto_renew = false;
    EXPECT_FALSE(can_turn_off_auto_renew(service));
}

TEST(Cancellation, KindNamesRoundTrip) {
    EXPECT_EQ(to_string(CancellationKind::immediate), "immediate");
    EXPECT_EQ(to_string(CancellationKind::end_of_period), "end_of_period");
    EXPECT_EQ(parse_enum<CancellationKind>("end_of_period"), CancellationKind::end_of_period);
    EXPECT_EQ(parse_enum<CancellationKind>("immediate"), CancellationKind::immediate);
    EXPECT_EQ(parse_enum<CancellationKind>("now"), std::nullopt);
}

}  // namespace
}  // namespace portal::domain
