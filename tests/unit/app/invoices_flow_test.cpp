// The invoices tab as a client lives it (RULES.md §3): owed invoices first, overdue ones marked
// on «Mis servicios», «Pagar» → confirm → ONE payment however many clicks or retries, the change
// it paid for shown enabled; and a session that expires while paying pays once after signing in
// again (the same client), never for someone else.
#include <gtest/gtest.h>

#include "signed_in_portal.h"

namespace portal::app {
namespace {

using domain::Date;
using domain::InvoiceStatus;
using domain::Money;
using testing::error_body;
using testing::header;

constexpr int64_t kServiceId = 11;
constexpr const char* kExpired =
    R"({"error":{"code":"unauthorized","message":"expired","field":""}})";

Money usd(int64_t cents) {
    return Money{cents, "USD"};
}

api::InvoiceView invoice(int64_t id, InvoiceStatus status, Date issued, Date due) {
    api::InvoiceView view;
    view.id = id;
    view.service_id = kServiceId;
    view.service_name = "Hosting anagarcia.example";
    view.description = "Hosting Plus";
    view.amount = usd(10000);
    view.issued_on = issued;
    view.due_on = due;
    view.period_start = Date{2026, 5, 29};
    view.period_end = Date{2027, 5, 28};
    view.status = status;
    view.lines = {{"Hosting Plus, del 29/05/2026 al 28/05/2027", usd(10000)}};
    return view;
}

// Ana's invoices as the API lists them (newest first): a paid one, an unpaid upgrade, an
// overdue renewal, a cancelled one.
api::InvoiceList ana_invoices() {
    return {{
        invoice(40, InvoiceStatus::unpaid, Date{2026, 11, 25}, Date{2026, 12, 2}),
        invoice(31, InvoiceStatus::cancelled, Date{2026, 11, 1}, Date{2026, 11, 8}),
        invoice(30, InvoiceStatus::overdue, Date{2026, 10, 1}, Date{2026, 10, 15}),
        invoice(20, InvoiceStatus::paid, Date{2026, 5, 20}, Date{2026, 5, 29}),
    }};
}

api::PaymentResult paid(int64_t invoice_id) {
    api::PaymentResult result;
    result.invoice =
        invoice(invoice_id, InvoiceStatus::paid, Date{2026, 11, 25}, Date{2026, 12, 2});
    result.payment = {900,        invoice_id,         domain::PaymentMethod::sandbox,
                      usd(10000), Date{2026, 11, 25}, "sandbox-900",
                      true};
    return result;
}

api::ServiceView hosting_on(const std::string& plan_id, const std::string& plan_name) {
    api::ServiceView service;
    service.id = kServiceId;
    service.name = "Hosting anagarcia.example";
    service.plan = {plan_id, plan_name, usd(15000), domain::BillingCycle::yearly};
    service.period_start = Date{2026, 11, 25};
    service.period_end = Date{2027, 11, 24};
    return service;
}

std::vector<int64_t> ids(const std::vector<api::InvoiceView>& list) {
    std::vector<int64_t> out;
    for (const auto& each : list) out.push_back(each.id);
    return out;
}

TEST(InvoiceOrder, OwedFirstOverdueBeforeUnpaidThenTheNewestSettled) {
    api::InvoiceList list = ana_invoices();
    list.invoices.push_back(
        invoice(41, InvoiceStatus::unpaid, Date{2026, 11, 26}, Date{2026, 11, 30}));
    list.invoices.push_back(invoice(21, InvoiceStatus::paid, Date{2026, 6, 20}, Date{2026, 6, 29}));
    // Overdue 30; unpaid by due date 41 (30/11) then 40 (02/12); settled newest first.
    EXPECT_EQ(ids(invoices_in_order(list)), (std::vector<int64_t>{30, 41, 40, 31, 21, 20}));
    EXPECT_EQ(count_overdue(list), 1);
    EXPECT_EQ(count_overdue(api::InvoiceList{}), 0);
}

class InvoicesFlowTest : public testing::SignedInPortal {
  protected:
    void open() {
        app.dispatch(Navigate{*parse_route("/facturas")});
        ASSERT_EQ(net.pending(), 1u);
        EXPECT_EQ(net.next().path, "/invoices");
        net.reply(200, api::encode(ana_invoices()));
    }
    void sign_in_as(const char* session) {
        app.login_form().email = "ana@example.com";
        app.login_form().password = "demo1234";
        app.dispatch(SubmitLogin{});
        net.reply(201, session);
    }
    const InvoicesState& state() const { return app.invoices().state(); }
    const PaymentState& payment() const { return app.invoices().payment(); }
};

TEST_F(InvoicesFlowTest, TheTabListsWhatIsOwedFirst) {
    open();
    EXPECT_EQ(app.route(), "/facturas");
    EXPECT_EQ(ids(state().ordered), (std::vector<int64_t>{30, 40, 31, 20}));
    EXPECT_TRUE(app.invoices().can_pay(state().ordered[0]));
    EXPECT_FALSE(app.invoices().can_pay(state().ordered[2])) << "a cancelled invoice is not paid";
    EXPECT_FALSE(app.invoices().can_pay(state().ordered[3])) << "a paid invoice is not paid again";
}

TEST_F(InvoicesFlowTest, PayingAsksFirstThenADoubleClickPaysOnce) {
    open();
    app.dispatch(InvoicesIntent{PayInvoice{40}});
    EXPECT_EQ(net.pending(), 0u) << "«Pagar» only asks";
    EXPECT_EQ(payment().asking, std::optional<int64_t>(40));
    app.dispatch(InvoicesIntent{KeepInvoiceUnpaid{}});
    EXPECT_FALSE(payment().asking);

    app.dispatch(InvoicesIntent{PayInvoice{40}});
    app.dispatch(InvoicesIntent{ConfirmPayment{}});
    app.dispatch(InvoicesIntent{ConfirmPayment{}});  // a double click
    app.dispatch(InvoicesIntent{PayInvoice{30}});    // and another invoice meanwhile
    ASSERT_EQ(net.pending(), 1u) << "one payment left the page";
    EXPECT_EQ(net.next().method, "POST");
    EXPECT_EQ(net.next().path, "/invoices/40/payments");
    EXPECT_EQ(net.next().body, R"({"method":"sandbox"})");
    EXPECT_FALSE(header(net.next(), "Idempotency-Key").empty());

    net.reply(201, api::encode(paid(40)));
    ASSERT_TRUE(payment().paid);
    EXPECT_EQ(payment().paid->invoice.id, 40);
    // The list as it is now, and the service the payment enabled.
    ASSERT_EQ(net.pending(), 2u);
    EXPECT_EQ(net.next().path, "/invoices");
    net.reply(200, api::encode(ana_invoices()));
    EXPECT_EQ(net.next().path, "/services/11");
    net.reply(200, api::encode(hosting_on("hosting-pro", "Hosting Pro")));
    ASSERT_TRUE(state().paid_service.data);
    EXPECT_EQ(state().paid_service.data->plan.name, "Hosting Pro");
}

TEST_F(InvoicesFlowTest, ARetryAfterALostAnswerReusesTheKey) {
    open();
    app.dispatch(InvoicesIntent{PayInvoice{40}});
    app.dispatch(InvoicesIntent{ConfirmPayment{}});
    const std::string key = header(net.next(), "Idempotency-Key");
    net.fail(api::TransportFailure::timeout);
    ASSERT_TRUE(payment().problem);
    EXPECT_TRUE(payment().problem->retryable);
    EXPECT_EQ(payment().asking, std::optional<int64_t>(40)) << "the confirmation stays open";

    app.dispatch(InvoicesIntent{ConfirmPayment{}});  // «Reintentar»
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key) << "the server pays once";
    net.reply(201, api::encode(paid(40)));
    EXPECT_TRUE(payment().paid);
}

TEST_F(InvoicesFlowTest, ARefusalIsExplainedInTheInvoicesWords) {
    open();
    app.dispatch(InvoicesIntent{PayInvoice{40}});
    app.dispatch(InvoicesIntent{ConfirmPayment{}});
    net.reply(409, error_body("order_expired"));
    EXPECT_EQ(payment().refusal, std::optional<InvoiceText>(InvoiceText::why_order_expired));
    EXPECT_EQ(payment().failed, std::optional<int64_t>(40));
    EXPECT_FALSE(payment().asking);
}

TEST_F(InvoicesFlowTest, ASessionExpiredWhilePayingPaysOnceAfterSigningInAgain) {
    open();
    app.dispatch(InvoicesIntent{PayInvoice{40}});
    app.dispatch(InvoicesIntent{ConfirmPayment{}});
    const std::string key = header(net.next(), "Idempotency-Key");
    net.reply(401, kExpired);
    EXPECT_EQ(app.state().route.page, Route::Page::login);
    ASSERT_TRUE(app.state().login.problem);
    EXPECT_EQ(app.state().login.problem->what, Text::error_session_expired);

    sign_in_as(testing::kAnaSession);
    // Back on the tab: the list, and the confirmed payment sent once more with its key.
    EXPECT_EQ(app.route(), "/facturas");
    ASSERT_EQ(net.pending(), 2u);
    EXPECT_EQ(net.next().path, "/invoices");
    net.reply(200, api::encode(ana_invoices()));
    EXPECT_EQ(net.next().path, "/invoices/40/payments");
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key);
    app.dispatch(InvoicesIntent{ConfirmPayment{}});  // an impatient click adds nothing
    app.dispatch(InvoicesIntent{PayInvoice{40}});
    EXPECT_EQ(net.pending(), 1u);
    net.reply(201, api::encode(paid(40)));
    EXPECT_TRUE(payment().paid);

    // Coming back later sends nothing again.
    net.reply(200, api::encode(ana_invoices()));
    net.reply(200, api::encode(hosting_on("hosting-pro", "Hosting Pro")));
    app.dispatch(Navigate{*parse_route("/servicios")});
    app.dispatch(Navigate{*parse_route("/facturas")});
    while (net.pending() > 0) {
        EXPECT_NE(net.next().method, "POST");
        const std::string& path = net.next().path;
        net.reply(200, path == "/services" ? R"({"services":[]})"
                       : path == "/status" ? R"({"components":[]})"
                                           : R"({"invoices":[]})");
    }
}

TEST_F(InvoicesFlowTest, AnotherClientSigningInAfterTheExpiryPaysNothing) {
    open();
    app.dispatch(InvoicesIntent{PayInvoice{40}});
    app.dispatch(InvoicesIntent{ConfirmPayment{}});
    net.reply(401, kExpired);

    sign_in_as(
        R"({"token":"other","client":{"id":2,"name":"Bruno","email":"bruno@example.com","language":"es"},"expires_in":60,"acting_as":null})");
    while (net.pending() > 0) {
        EXPECT_NE(net.next().method, "POST") << net.next().path;
        net.reply(200, R"({"invoices":[]})");
    }
    EXPECT_FALSE(payment().paying);
}

TEST_F(InvoicesFlowTest, MisServiciosCountsTheOverdueInvoices) {
    app.dispatch(Navigate{*parse_route("/servicios")});
    // Asked together (with the status, for the incident banner), so the list can show with its
    // banners.
    ASSERT_EQ(net.pending(), 3u);
    EXPECT_EQ(net.next().path, "/services");
    net.reply(200, R"({"services":[]})");
    EXPECT_EQ(net.next().path, "/invoices");
    net.reply(200, api::encode(ana_invoices()));
    EXPECT_EQ(app.state().overdue_invoices, 1);
    net.reply(200, R"({"components":[]})");
    // Paid since: the next visit shows no banner.
    app.dispatch(Navigate{*parse_route("/servicios")});
    net.reply(200, R"({"services":[]})");
    net.reply(200, R"({"invoices":[]})");
    net.reply(200, R"({"components":[]})");
    EXPECT_EQ(app.state().overdue_invoices, 0);
    // Unreadable invoices: the list shows, without a banner.
    app.dispatch(Navigate{*parse_route("/servicios")});
    net.reply(200, R"({"services":[]})");
    net.reply(500, error_body("internal"));
    EXPECT_EQ(app.state().overdue_invoices, 0);
}

}  // namespace
}  // namespace portal::app
