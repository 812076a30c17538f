// The upgrade wizard as a client lives it (RULES.md §3): the options, the quote line by line, one
// order however many clicks or retries, and the request to the account executive when no
// automatic change exists.
#include <gtest/gtest.h>

#include "signed_in_portal.h"

namespace portal::app {
namespace {

using domain::Date;
using domain::Money;

constexpr int64_t kServiceId = 11;
constexpr Date kToday{2026, 11, 25};

Money usd(int64_t cents) {
    return Money{cents, "USD"};
}

api::PlanSummary plan(std::string id, std::string name, int64_t cents,
                      domain::BillingCycle cycle = domain::BillingCycle::yearly) {
    return api::PlanSummary{std::move(id), std::move(name), usd(cents), cycle};
}

// The manual's client: a yearly hosting paid 100 USD, half-way through its period.
api::ServiceView yearly_hosting(int64_t paid_cents = 10000) {
    api::ServiceView service;
    service.id = kServiceId;
    service.name = "Hosting anagarcia.example";
    service.type = domain::ServiceType::hosting;
    service.status = domain::ServiceStatus::active;
    service.domain = "anagarcia.example";
    service.plan = plan("hosting-plus", "Hosting Plus", 10000);
    service.period_start = Date{2026, 5, 29};
    service.period_end = Date{2027, 5, 28};
    service.paid_for_period = usd(paid_cents);
    service.next_due_on = Date{2027, 5, 29};
    return service;
}

api::UpgradeOption option(api::PlanSummary target, domain::PlanChange direction,
                          int64_t due_cents) {
    api::UpgradeOption result;
    result.plan = std::move(target);
    result.direction = direction;
    result.quote = {usd(due_cents), kToday, Date{2027, 11, 24}};
    return result;
}

api::UpgradeOptions hosting_options() {
    api::UpgradeOptions options;
    options.service_id = kServiceId;
    options.automatic = true;
    options.options = {
        option(plan("hosting-inicial", "Hosting Inicial", 6000), domain::PlanChange::down, 0),
        option(plan("hosting-pro", "Hosting Pro", 15000), domain::PlanChange::up, 5000),
        option(plan("hosting-business", "Hosting Business", 24000), domain::PlanChange::up, 14000),
    };
    return options;
}

api::UpgradeOrderResult order_result(const std::string& to_plan, int64_t due_cents) {
    api::UpgradeOrderResult result;
    const bool to_pay = due_cents > 0;
    result.order = {501,
                    kServiceId,
                    "hosting-plus",
                    to_plan,
                    domain::PlanChange::up,
                    usd(due_cents),
                    kToday,
                    Date{2027, 11, 24},
                    to_pay ? domain::OrderStatus::awaiting_payment : domain::OrderStatus::applied,
                    to_pay ? std::nullopt : std::optional(kToday),
                    to_pay ? std::optional<int64_t>(77) : std::nullopt,
                    to_pay ? std::optional(kToday.add_days(7)) : std::nullopt};
    if (due_cents > 0) {
        api::InvoiceView invoice;
        invoice.id = 77;
        invoice.service_id = kServiceId;
        invoice.service_name = "Hosting anagarcia.example";
        invoice.description = "Upgrade Hosting Plus -> Hosting Pro";
        invoice.amount = usd(due_cents);
        invoice.issued_on = kToday;
        invoice.due_on = kToday.add_days(7);
        invoice.period_start = kToday;
        invoice.period_end = Date{2027, 11, 24};
        result.invoice = invoice;
    }
    return result;
}

using testing::error_body;
using testing::header;

class UpgradeFlowTest : public testing::SignedInPortal {
  protected:
    // Opens /servicios/11/upgrade and answers the service and its options.
    void open(const api::ServiceView& service, const api::UpgradeOptions& options) {
        app.dispatch(Navigate{*parse_route("/servicios/11/upgrade")});
        ASSERT_EQ(net.pending(), 2u);
        EXPECT_EQ(net.next().path, "/services/11");
        net.reply(200, api::encode(service));
        EXPECT_EQ(net.next().path, "/services/11/upgrade-options");
        net.reply(200, api::encode(options));
    }

    // Chooses a plan and confirms it, as two clicks.
    void order(const std::string& plan_id) {
        app.dispatch(UpgradeIntent{ChooseUpgradePlan{plan_id}});
        app.dispatch(UpgradeIntent{ConfirmUpgrade{}});
    }
    const UpgradeState& state() const { return app.upgrade().state(); }
};

TEST_F(UpgradeFlowTest, TheManualsExampleIsExplainedLineByLineAndOrderedOnce) {
    open(yearly_hosting(), hosting_options());
    EXPECT_EQ(state().step, UpgradeStep::options);
    ASSERT_TRUE(state().options.data);
    EXPECT_EQ(state().options.data->options.size(), 3u);

    app.dispatch(UpgradeIntent{ChooseUpgradePlan{"hosting-pro"}});
    ASSERT_EQ(state().step, UpgradeStep::review);
    ASSERT_TRUE(state().quote);
    const UpgradeQuoteLines& lines = *state().quote;
    EXPECT_EQ(lines.new_price, usd(15000));     // 150 $
    EXPECT_EQ(lines.already_paid, usd(10000));  // − 100 $
    EXPECT_EQ(lines.amount_due, usd(5000));     // = 50 $
    EXPECT_EQ(lines.period_start, kToday);
    EXPECT_EQ(lines.period_end, (Date{2027, 11, 24}));
    EXPECT_TRUE(lines.adds_up);
    EXPECT_FALSE(lines.paid_covers_price);
    EXPECT_TRUE(app.upgrade().can_confirm());

    app.dispatch(UpgradeIntent{ConfirmUpgrade{}});
    app.dispatch(UpgradeIntent{ConfirmUpgrade{}});  // a double click
    ASSERT_EQ(net.pending(), 1u) << "a double click sends one order";
    EXPECT_EQ(net.next().method, "POST");
    EXPECT_EQ(net.next().path, "/services/11/upgrade-orders");
    EXPECT_EQ(net.next().body, R"({"plan_id":"hosting-pro"})");
    EXPECT_FALSE(header(net.next(), "Idempotency-Key").empty());
    EXPECT_FALSE(app.upgrade().can_confirm());

    net.reply(201, api::encode(order_result("hosting-pro", 5000)));
    EXPECT_EQ(state().step, UpgradeStep::done);
    ASSERT_TRUE(state().order.data);
    ASSERT_TRUE(state().order.data->invoice);
    EXPECT_EQ(state().order.data->invoice->amount, usd(5000));
    // Hosting: at most 2 minutes after the payment is credited (RULES.md §5).
    ASSERT_TRUE(state().activation);
    EXPECT_EQ(state().activation->unit, domain::DelayUnit::minutes);
    EXPECT_EQ(state().activation->max, 2);
    EXPECT_EQ(state().activation->requirement, "payment_credited");

    app.dispatch(UpgradeIntent{ConfirmUpgrade{}});
    EXPECT_EQ(net.pending(), 0u) << "nothing more is ordered after the order";
}

TEST_F(UpgradeFlowTest, ANetworkRetryReusesTheAttemptsKeySoOneOrderIsCreated) {
    open(yearly_hosting(), hosting_options());
    order("hosting-pro");
    const std::string key = header(net.next(), "Idempotency-Key");
    net.fail(api::TransportFailure::timeout);
    EXPECT_TRUE(state().order.failed());
    EXPECT_TRUE(state().order.problem.retryable);
    EXPECT_EQ(state().step, UpgradeStep::review) << "the quote stays on screen";

    app.dispatch(UpgradeIntent{ConfirmUpgrade{}});  // "Reintentar"
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key);
    net.reply(503, error_body("unavailable"));
    app.dispatch(UpgradeIntent{ConfirmUpgrade{}});
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key) << "a 5xx may have acted: same key";

    // Back to the options and the same plan again: still the same attempt.
    net.fail(api::TransportFailure::unreachable);
    app.dispatch(UpgradeIntent{BackToUpgradeOptions{}});
    order("hosting-pro");
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key);
    net.reply(201, api::encode(order_result("hosting-pro", 5000)));
    EXPECT_EQ(state().step, UpgradeStep::done);
}

TEST_F(UpgradeFlowTest, AnotherPlanOrAFinalRefusalStartsANewAttempt) {
    open(yearly_hosting(), hosting_options());
    order("hosting-pro");
    const std::string first = header(net.next(), "Idempotency-Key");
    net.fail(api::TransportFailure::unreachable);

    app.dispatch(UpgradeIntent{BackToUpgradeOptions{}});
    order("hosting-business");
    const std::string second = header(net.next(), "Idempotency-Key");
    EXPECT_NE(second, first) << "another plan is another order";

    net.reply(409, error_body("service_not_active"));
    EXPECT_EQ(state().order_refusal, UpgradeText::why_not_active);
    EXPECT_FALSE(state().order.problem.retryable);
    app.dispatch(UpgradeIntent{ConfirmUpgrade{}});
    EXPECT_NE(header(net.next(), "Idempotency-Key"), second);
}

TEST_F(UpgradeFlowTest, ADowngradePaysNothingAndIsScheduledForTheEndOfThePaidPeriod) {
    open(yearly_hosting(), hosting_options());
    app.dispatch(UpgradeIntent{ChooseUpgradePlan{"hosting-inicial"}});
    ASSERT_TRUE(state().quote);
    EXPECT_EQ(state().quote->option.direction, domain::PlanChange::down);
    EXPECT_EQ(state().quote->amount_due, usd(0));
    EXPECT_TRUE(state().quote->adds_up);
    EXPECT_FALSE(state().quote->paid_covers_price);
    // The paid period ends 28/05/2027: the lower plan from the next day.
    EXPECT_EQ(state().quote->scheduled_for, (Date{2027, 5, 29}));

    app.dispatch(UpgradeIntent{ConfirmUpgrade{}});
    api::UpgradeOrderResult result = order_result("hosting-inicial", 0);
    result.order.direction = domain::PlanChange::down;
    // RULES.md §3: the client keeps the paid plan until its period ends (28/05/2027).
    result.order.status = domain::OrderStatus::scheduled;
    result.order.effective_on = Date{2027, 5, 29};
    net.reply(201, api::encode(result));
    EXPECT_EQ(state().step, UpgradeStep::done);
    EXPECT_FALSE(state().order.data->invoice);
    EXPECT_EQ(state().order.data->order.effective_on, (Date{2027, 5, 29}));
    EXPECT_EQ(state().from_plan, "Hosting Plus");
    EXPECT_FALSE(state().activation) << "nothing to pay";
    EXPECT_FALSE(app.upgrade().can_pay());
}

TEST_F(UpgradeFlowTest, PayNowPaysTheOrdersInvoiceOnceAndShowsTheNewPlan) {
    open(yearly_hosting(), hosting_options());
    order("hosting-pro");
    net.reply(201, api::encode(order_result("hosting-pro", 5000)));
    ASSERT_TRUE(app.upgrade().can_pay());

    app.dispatch(UpgradeIntent{PayUpgradeInvoice{}});
    app.dispatch(UpgradeIntent{PayUpgradeInvoice{}});  // a double click
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/invoices/77/payments");
    EXPECT_EQ(net.next().body, R"({"method":"sandbox"})");
    EXPECT_FALSE(header(net.next(), "Idempotency-Key").empty());
    api::PaymentResult paid;
    paid.invoice = *state().order.data->invoice;
    paid.invoice.status = domain::InvoiceStatus::paid;
    paid.payment = {900,           77,  domain::PaymentMethod::sandbox, usd(5000), kToday,
                    "sandbox-900", true};
    net.reply(201, api::encode(paid));
    EXPECT_TRUE(app.upgrade().payment().paid);
    EXPECT_FALSE(app.upgrade().can_pay());

    // The plan is enabled by the payment: the service as it is now.
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/services/11");
    api::ServiceView now = yearly_hosting(15000);
    now.plan = plan("hosting-pro", "Hosting Pro", 15000);
    now.period_start = kToday;
    now.period_end = Date{2027, 11, 24};
    net.reply(200, api::encode(now));
    EXPECT_EQ(state().service.data->plan.name, "Hosting Pro");
    EXPECT_EQ(state().step, UpgradeStep::done);
}

TEST_F(UpgradeFlowTest, ASessionExpiredWhileOrderingOrdersOnceAfterSigningInAgain) {
    open(yearly_hosting(), hosting_options());
    order("hosting-pro");
    const std::string key = header(net.next(), "Idempotency-Key");
    net.reply(401, error_body("unauthorized"));
    EXPECT_EQ(app.state().route.page, Route::Page::login);

    app.login_form().email = "ana@example.com";
    app.login_form().password = "demo1234";
    app.dispatch(SubmitLogin{});
    net.reply(201, testing::kAnaSession);
    EXPECT_EQ(app.route(), "/servicios/11/upgrade");
    ASSERT_EQ(net.pending(), 2u);
    net.reply(200, api::encode(yearly_hosting()));
    net.reply(200, api::encode(hosting_options()));
    // The order the client confirmed, once, with its key.
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/services/11/upgrade-orders");
    EXPECT_EQ(net.next().body, R"({"plan_id":"hosting-pro"})");
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key);
    app.dispatch(UpgradeIntent{ConfirmUpgrade{}});
    EXPECT_EQ(net.pending(), 1u);
    net.reply(201, api::encode(order_result("hosting-pro", 5000)));
    EXPECT_EQ(state().step, UpgradeStep::done);

    // Reloading the wizard later orders nothing.
    app.dispatch(UpgradeIntent{ReloadUpgradeOptions{}});
    net.reply(200, api::encode(yearly_hosting()));
    net.reply(200, api::encode(hosting_options()));
    EXPECT_EQ(net.pending(), 0u);
}

TEST_F(UpgradeFlowTest, AnOpenChangeIsExplained) {
    open(yearly_hosting(), hosting_options());
    order("hosting-pro");
    net.reply(409, error_body("order_pending"));
    EXPECT_EQ(state().order_refusal, UpgradeText::why_order_pending);
}

TEST_F(UpgradeFlowTest, PaidAboveTheNewPriceOwesZeroAndSaysSo) {
    api::UpgradeOptions options = hosting_options();
    open(yearly_hosting(/*paid_cents=*/20000), options);
    // The API's quote for Pro, given 200 paid: max(0, 150 − 200) = 0.
    api::UpgradeOption pro = options.options[1];
    pro.quote.amount = usd(0);
    const UpgradeQuoteLines lines = explain_quote(yearly_hosting(20000), pro);
    EXPECT_TRUE(lines.paid_covers_price);
    EXPECT_TRUE(lines.adds_up);
    EXPECT_EQ(lines.amount_due, usd(0));
}

TEST_F(UpgradeFlowTest, AQuoteThatDoesNotAddUpCannotBeConfirmed) {
    api::UpgradeOptions options = hosting_options();
    options.options[1].quote.amount = usd(4000);  // 150 − 100 is 50, not 40
    open(yearly_hosting(), options);
    app.dispatch(UpgradeIntent{ChooseUpgradePlan{"hosting-pro"}});
    ASSERT_TRUE(state().quote);
    EXPECT_FALSE(state().quote->adds_up);
    EXPECT_FALSE(app.upgrade().can_confirm());
    app.dispatch(UpgradeIntent{ConfirmUpgrade{}});
    EXPECT_EQ(net.pending(), 0u);

    // Mixed currencies cannot be explained either.
    api::UpgradeOption in_pesos = hosting_options().options[1];
    in_pesos.plan.price = Money{15000000, "ARS"};
    in_pesos.quote.amount = Money{0, "ARS"};
    EXPECT_FALSE(explain_quote(yearly_hosting(), in_pesos).adds_up);
    // A down move that charges something is not the manual's rule.
    api::UpgradeOption charged_down = hosting_options().options[0];
    charged_down.quote.amount = usd(100);
    EXPECT_FALSE(explain_quote(yearly_hosting(), charged_down).adds_up);
}

TEST_F(UpgradeFlowTest, MonthlyPlansFollowTheSameRule) {
    api::ServiceView radio = yearly_hosting(1500);
    radio.type = domain::ServiceType::audio_streaming;
    radio.plan = plan("radio-128", "Radio 128 kbps", 1500, domain::BillingCycle::monthly);
    api::UpgradeOption up =
        option(plan("radio-320", "Radio 320 kbps", 2500, domain::BillingCycle::monthly),
               domain::PlanChange::up, 1000);
    const UpgradeQuoteLines lines = explain_quote(radio, up);
    EXPECT_TRUE(lines.adds_up);
    EXPECT_EQ(lines.amount_due, usd(1000));
}

TEST_F(UpgradeFlowTest, NoAutomaticUpgradeOffersTheRequestToTheAccountExecutive) {
    api::UpgradeOptions none;
    none.service_id = kServiceId;
    none.automatic = false;
    open(yearly_hosting(), none);
    app.dispatch(UpgradeIntent{ChooseUpgradePlan{"hosting-pro"}});
    EXPECT_EQ(state().step, UpgradeStep::options) << "there is nothing to choose";

    app.dispatch(UpgradeIntent{SendUpgradeRequest{}});
    EXPECT_EQ(state().message_error, UpgradeText::message_required);
    EXPECT_EQ(net.pending(), 0u);

    app.upgrade_form().message() = "  Necesito Reseller Plata para 30 clientes.  ";
    app.dispatch(UpgradeIntent{SendUpgradeRequest{}});
    app.dispatch(UpgradeIntent{SendUpgradeRequest{}});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/services/11/upgrade-requests");
    EXPECT_EQ(net.next().body, R"({"message":"Necesito Reseller Plata para 30 clientes."})");
    const std::string key = header(net.next(), "Idempotency-Key");
    net.fail(api::TransportFailure::timeout);
    EXPECT_EQ(app.upgrade().state().message, "  Necesito Reseller Plata para 30 clientes.  ")
        << "what the client wrote stays";

    app.dispatch(UpgradeIntent{SendUpgradeRequest{}});
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key);
    api::TicketDetail opened;
    opened.ticket.id = 9;
    opened.ticket.kind = domain::TicketKind::upgrade_request;
    opened.ticket.service_id = kServiceId;
    opened.messages.push_back({1, domain::MessageAuthor::client,
                               "Necesito Reseller Plata para 30 clientes.",
                               "2026-03-11T10:00:00-03:00"});
    net.reply(201, api::encode(opened));
    EXPECT_EQ(state().step, UpgradeStep::request_sent);
    ASSERT_TRUE(state().request.data);
    EXPECT_EQ(state().request.data->ticket.id, 9) << "the ticket the request opened";
}

TEST_F(UpgradeFlowTest, AServiceThatIsNotActiveIsExplained) {
    app.dispatch(Navigate{*parse_route("/servicios/11/upgrade")});
    api::ServiceView pending = yearly_hosting();
    pending.status = domain::ServiceStatus::pending;
    net.reply(200, api::encode(pending));
    net.reply(409, error_body("service_not_active"));
    EXPECT_TRUE(state().options.failed());
    EXPECT_EQ(state().options_refusal, UpgradeText::why_not_active);
}

TEST_F(UpgradeFlowTest, AnswersForAnEarlierVisitOrSessionAreDropped) {
    app.dispatch(Navigate{*parse_route("/servicios/11/upgrade")});
    app.dispatch(Navigate{*parse_route("/servicios/12/upgrade")});
    net.reply(200, api::encode(yearly_hosting()));  // service 11: too late
    net.reply(200, api::encode(hosting_options()));
    EXPECT_EQ(state().service_id, 12);
    EXPECT_FALSE(state().service.data);
    EXPECT_FALSE(state().options.data);

    app.dispatch(SignOut{});
    EXPECT_EQ(state().service_id, 0);
}

}  // namespace
}  // namespace portal::app
