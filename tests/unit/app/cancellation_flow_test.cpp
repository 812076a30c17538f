// The cancellation wizard as a client lives it (RULES.md §4): the kinds with their dates, the
// conditions with this service's unpaid invoices, email and password asked again, one request
// however many clicks or retries, its withdrawal; a domain only stops renewing.
#include <gtest/gtest.h>

#include "signed_in_portal.h"

namespace portal::app {
namespace {

using domain::CancellationKind;
using domain::Date;
using domain::Money;

constexpr int64_t kRadioId = 21;
constexpr int64_t kOtherId = 22;
constexpr Date kToday{2026, 11, 25};

// Ana's radio: monthly, running from ten days ago, with this month's invoice overdue.
api::ServiceView radio(domain::ServiceStatus status = domain::ServiceStatus::active) {
    api::ServiceView service;
    service.id = kRadioId;
    service.name = "Radio Ana FM";
    service.type = domain::ServiceType::audio_streaming;
    service.status = status;
    service.domain = "radioanafm.example";
    service.plan = {"radio-128", "Radio 128 kbps", Money{1500, "USD"},
                    domain::BillingCycle::monthly};
    service.period_start = kToday.add_days(-10);
    service.period_end = kToday.add_days(20);
    service.paid_for_period = Money{1500, "USD"};
    service.next_due_on = kToday.add_days(21);
    return service;
}

api::ServiceView domain_service() {
    api::ServiceView service = radio();
    service.name = "anagarcia.example";
    service.type = domain::ServiceType::domain;
    service.plan = {"dominio-internacional", "Dominio internacional", Money{1500, "USD"},
                    domain::BillingCycle::yearly};
    service.period_end = kToday.add_days(265);
    return service;
}

api::InvoiceView invoice(int64_t id, int64_t service_id, domain::InvoiceStatus status, Date start,
                         Date end) {
    api::InvoiceView view;
    view.id = id;
    view.service_id = service_id;
    view.service_name = service_id == kRadioId ? "Radio Ana FM" : "Otro";
    view.description = "Radio 128 kbps";
    view.amount = Money{1500, "USD"};
    view.issued_on = start.add_days(-5);
    view.due_on = start.add_days(5);
    view.period_start = start;
    view.period_end = end;
    view.status = status;
    return view;
}

api::InvoiceList invoices() {
    return {{
        invoice(3, kRadioId, domain::InvoiceStatus::overdue, kToday.add_days(-10),
                kToday.add_days(20)),
        invoice(2, kRadioId, domain::InvoiceStatus::paid, kToday.add_days(-40),
                kToday.add_days(-11)),
        invoice(4, kOtherId, domain::InvoiceStatus::unpaid, kToday.add_days(-10),
                kToday.add_days(20)),
    }};
}

api::CancellationRequestView created(int64_t id, CancellationKind kind, Date effective_on,
                                     std::string status = "scheduled") {
    api::CancellationRequestView view;
    view.id = id;
    view.service_id = kRadioId;
    view.status = std::move(status);
    view.type = kind;
    view.requested_on = kToday;
    view.effective_on = effective_on;
    view.invoices_still_due = {3};
    return view;
}

using testing::error_body;
using testing::header;

class CancellationFlowTest : public testing::SignedInPortal {
  protected:
    void SetUp() override {
        app.cancellation_form().set_today([] { return kToday; });
        SignedInPortal::SetUp();
    }

    void open(const api::ServiceView& service) {
        app.dispatch(Navigate{*parse_route("/servicios/21/cancelar")});
        ASSERT_GE(net.pending(), 2u);
        EXPECT_EQ(net.next().path, "/services/21");
        net.reply(200, api::encode(service));
        if (service.type == domain::ServiceType::domain) {
            // The service's answer asks for its renewal; the invoices were asked before.
            EXPECT_EQ(net.next().path, "/invoices");
            net.reply(200, api::encode(invoices()));
            EXPECT_EQ(net.next().path, "/services/21/auto-renew");
            net.reply(200, api::encode(api::AutoRenewView{kRadioId, true}));
            return;
        }
        EXPECT_EQ(net.next().path, "/invoices");
        net.reply(200, api::encode(invoices()));
    }

    void fill(CancellationKind kind, const std::string& password) {
        app.dispatch(CancellationIntent{ChooseCancellationKind{kind}});
        app.dispatch(CancellationIntent{AcceptCancellationConditions{true}});
        form().email = "ana@example.com";
        form().password = password;
    }

    // The radio's cancellation form, filled in for `kind` (with a reason, when one is given).
    void open_radio_and_fill(CancellationKind kind, const std::string& password,
                             const std::string& reason = "") {
        open(radio());
        fill(kind, password);
        if (!reason.empty()) form().reason = reason;
    }

    void submit() { app.dispatch(CancellationIntent{SubmitCancellation{}}); }
    CancellationForm& form() { return app.cancellation_form().form(); }
    const CancellationState& state() const { return app.cancellation().state(); }
    const CancellationFlow& flow() const { return app.cancellation(); }
};

TEST_F(CancellationFlowTest, ShowsEachKindsDateAndThisServicesUnpaidInvoices) {
    open(radio());
    EXPECT_EQ(state().which, CancellationCase::cancellable);
    ASSERT_TRUE(state().immediate);
    ASSERT_TRUE(state().end_of_period);
    EXPECT_EQ(state().immediate->effective_on, kToday);
    EXPECT_EQ(state().end_of_period->effective_on, kToday.add_days(20));
    EXPECT_FALSE(state().immediate->refund);
    EXPECT_EQ(state().immediate->backup_kept_years, 10);
    // The overdue invoice of the running month; not the paid one, not another service's.
    ASSERT_EQ(state().invoices_due.size(), 1u);
    EXPECT_EQ(state().invoices_due[0].id, 3);
    EXPECT_FALSE(flow().can_submit());
}

TEST_F(CancellationFlowTest, TheButtonWaitsForKindConditionsEmailAndPassword) {
    open(radio());
    app.dispatch(CancellationIntent{AcceptCancellationConditions{true}});
    EXPECT_FALSE(state().accepted) << "conditions are accepted for a chosen kind";
    app.dispatch(CancellationIntent{ChooseCancellationKind{CancellationKind::end_of_period}});
    EXPECT_FALSE(flow().can_submit());
    app.dispatch(CancellationIntent{AcceptCancellationConditions{true}});
    EXPECT_FALSE(flow().can_submit());
    form().email = "ana@example.com";
    EXPECT_FALSE(flow().can_submit());
    form().password = "demo1234";
    EXPECT_TRUE(flow().can_submit());

    // Another kind is another date: accept again.
    app.dispatch(CancellationIntent{ChooseCancellationKind{CancellationKind::immediate}});
    EXPECT_FALSE(state().accepted);
    EXPECT_FALSE(flow().can_submit());
    submit();
    EXPECT_EQ(net.pending(), 0u);
}

TEST_F(CancellationFlowTest, AWrongPasswordKeepsEverythingButThePasswordThenTheRightOneWorks) {
    open_radio_and_fill(CancellationKind::end_of_period, "wrong-one", "Me mudo a otra plataforma.");
    submit();
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().method, "POST");
    EXPECT_EQ(net.next().path, "/services/21/cancellation-requests");
    const auto sent = api::decode<api::CancellationRequestBody>(net.next().body);
    ASSERT_TRUE(sent.ok());
    EXPECT_EQ(sent.value().type, CancellationKind::end_of_period);
    EXPECT_EQ(sent.value().reason, "Me mudo a otra plataforma.");
    EXPECT_EQ(sent.value().email, "ana@example.com");
    EXPECT_EQ(sent.value().password, "wrong-one");
    const std::string first_key = header(net.next(), "Idempotency-Key");
    EXPECT_FALSE(first_key.empty());

    net.reply(403, error_body("reauthentication_failed", "password"));
    EXPECT_EQ(state().submit_refusal, CancellationText::wrong_credentials);
    EXPECT_EQ(state().password_error, CancellationText::mismatch);
    EXPECT_TRUE(state().form.password.empty()) << "the password field is cleared";
    EXPECT_EQ(state().form.reason, "Me mudo a otra plataforma.");
    EXPECT_EQ(state().form.email, "ana@example.com");
    EXPECT_EQ(state().kind, CancellationKind::end_of_period);
    EXPECT_TRUE(state().accepted);
    EXPECT_EQ(state().step, CancellationStep::form);

    form().password = "demo1234";
    submit();
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_NE(header(net.next(), "Idempotency-Key"), first_key) << "a new attempt";
    net.reply(201, api::encode(created(40, CancellationKind::end_of_period, kToday.add_days(20))));
    EXPECT_EQ(state().step, CancellationStep::result);
    ASSERT_TRUE(state().request);
    EXPECT_EQ(state().request->status, "scheduled");
    EXPECT_EQ(state().request->effective_on, kToday.add_days(20));
    EXPECT_TRUE(state().form.password.empty());
}

TEST_F(CancellationFlowTest, ADoubleClickOrANetworkRetryCreatesOneRequest) {
    open_radio_and_fill(CancellationKind::end_of_period, "demo1234");
    submit();
    submit();
    ASSERT_EQ(net.pending(), 1u) << "a double click sends once";
    const std::string key = header(net.next(), "Idempotency-Key");
    net.fail(api::TransportFailure::timeout);
    ASSERT_TRUE(state().submit_problem);
    EXPECT_TRUE(state().submit_problem->retryable);
    EXPECT_EQ(state().form.password, "demo1234") << "nothing typed is lost";

    submit();
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key) << "the retry is the same attempt";
    net.reply(502, error_body("bad_gateway"));
    submit();
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key);
    net.reply(201, api::encode(created(41, CancellationKind::end_of_period, kToday.add_days(20))));
    EXPECT_EQ(state().step, CancellationStep::result);
    submit();
    EXPECT_EQ(net.pending(), 0u);
}

TEST_F(CancellationFlowTest, AnImmediateRequestIsWithdrawnAfterAConfirmation) {
    open_radio_and_fill(CancellationKind::immediate, "demo1234");
    submit();
    net.reply(201, api::encode(created(42, CancellationKind::immediate, kToday)));
    ASSERT_EQ(state().step, CancellationStep::result);

    app.dispatch(CancellationIntent{ConfirmWithdrawCancellation{}});
    EXPECT_EQ(net.pending(), 0u) << "never without the question first";
    app.dispatch(CancellationIntent{AskWithdrawCancellation{}});
    EXPECT_TRUE(state().withdrawal.asking);
    app.dispatch(CancellationIntent{KeepCancellation{}});
    EXPECT_FALSE(state().withdrawal.asking);

    app.dispatch(CancellationIntent{AskWithdrawCancellation{}});
    app.dispatch(CancellationIntent{ConfirmWithdrawCancellation{}});
    app.dispatch(CancellationIntent{ConfirmWithdrawCancellation{}});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().method, "DELETE");
    EXPECT_EQ(net.next().path, "/cancellation-requests/42");
    const std::string key = header(net.next(), "Idempotency-Key");
    EXPECT_FALSE(key.empty());
    net.fail(api::TransportFailure::unreachable);
    ASSERT_TRUE(state().withdrawal.problem);

    app.dispatch(CancellationIntent{ConfirmWithdrawCancellation{}});
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key);
    net.reply(200, api::encode(created(42, CancellationKind::immediate, kToday, "withdrawn")));
    EXPECT_EQ(state().request->status, "withdrawn");
    EXPECT_FALSE(state().withdrawal.asking);

    // A new request can be started again from scratch.
    app.dispatch(CancellationIntent{StartNewCancellation{}});
    EXPECT_EQ(state().step, CancellationStep::form);
    EXPECT_FALSE(state().accepted);
}

TEST_F(CancellationFlowTest, AnAlreadyEffectiveRequestCannotBeWithdrawn) {
    open_radio_and_fill(CancellationKind::immediate, "demo1234");
    submit();
    net.reply(201, api::encode(created(43, CancellationKind::immediate, kToday)));
    app.dispatch(CancellationIntent{AskWithdrawCancellation{}});
    app.dispatch(CancellationIntent{ConfirmWithdrawCancellation{}});
    net.reply(409, error_body("cancellation_already_effective"));
    EXPECT_EQ(state().withdrawal.refusal, CancellationText::already_effective);
}

TEST_F(CancellationFlowTest, TheRequestIsShownAgainWhenTheClientComesBack) {
    open_radio_and_fill(CancellationKind::end_of_period, "demo1234", "Caro");
    submit();
    net.reply(201, api::encode(created(44, CancellationKind::end_of_period, kToday.add_days(20))));

    app.dispatch(Navigate{*parse_route("/servicios/21")});
    while (net.pending() > 0) net.fail(api::TransportFailure::unreachable);  // other screens
    app.dispatch(Navigate{*parse_route("/servicios/21/cancelar")});
    ASSERT_EQ(net.pending(), 3u);
    net.reply(200, api::encode(radio()));
    net.reply(200, api::encode(invoices()));
    EXPECT_EQ(net.next().path, "/cancellation-requests/44");
    net.reply(200, api::encode(created(44, CancellationKind::end_of_period, kToday.add_days(20))));
    EXPECT_EQ(state().step, CancellationStep::result);
    EXPECT_EQ(state().request->id, 44);
}

TEST_F(CancellationFlowTest, ASecondRequestForTheSameServiceIsExplained) {
    open_radio_and_fill(CancellationKind::end_of_period, "demo1234");
    submit();
    net.reply(409, error_body("cancellation_already_requested"));
    EXPECT_EQ(state().submit_refusal, CancellationText::already_requested);
    EXPECT_EQ(state().step, CancellationStep::form);
}

TEST_F(CancellationFlowTest, ADomainOnlyStopsRenewing) {
    open(domain_service());
    EXPECT_EQ(state().which, CancellationCase::domain);
    ASSERT_TRUE(state().auto_renew.data);
    EXPECT_TRUE(state().auto_renew.data->enabled);

    // Whatever the screen sends, a domain is never cancelled.
    fill(CancellationKind::immediate, "demo1234");
    submit();
    EXPECT_EQ(net.pending(), 0u);
    EXPECT_FALSE(flow().can_submit());

    app.dispatch(CancellationIntent{SetAutoRenew{false}});
    app.dispatch(CancellationIntent{SetAutoRenew{false}});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().method, "PUT");
    EXPECT_EQ(net.next().path, "/services/21/auto-renew");
    EXPECT_EQ(net.next().body, R"({"enabled":false})");
    const std::string key = header(net.next(), "Idempotency-Key");
    net.fail(api::TransportFailure::timeout);
    app.dispatch(CancellationIntent{SetAutoRenew{false}});
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key);
    net.reply(200, api::encode(api::AutoRenewView{kRadioId, false}));
    EXPECT_FALSE(state().auto_renew.data->enabled);
    EXPECT_TRUE(state().renew_changed);
}

TEST_F(CancellationFlowTest, ServicesThatAreNotActiveExplainWhy) {
    // RULES.md §4 has no status rule: a suspended service keeps being invoiced unless cancelled.
    open(radio(domain::ServiceStatus::suspended));
    EXPECT_EQ(state().which, CancellationCase::cancellable);
    for (auto status : {domain::ServiceStatus::pending, domain::ServiceStatus::cancelled,
                        domain::ServiceStatus::terminated}) {
        open(radio(status));
        EXPECT_EQ(state().which, CancellationCase::not_active) << domain::to_string(status);
        fill(CancellationKind::end_of_period, "demo1234");
        submit();
        EXPECT_EQ(net.pending(), 0u);
    }
}

TEST_F(CancellationFlowTest, LeavingAndComingBackKeepsWhatWasTypedButNotThePassword) {
    open_radio_and_fill(CancellationKind::end_of_period, "demo1234", "Cierro la radio.");
    app.dispatch(Navigate{*parse_route("/servicios/21")});
    while (net.pending() > 0) net.fail(api::TransportFailure::unreachable);
    open(radio());
    EXPECT_EQ(state().form.reason, "Cierro la radio.");
    EXPECT_EQ(state().form.email, "ana@example.com");
    EXPECT_EQ(state().kind, CancellationKind::end_of_period);
    EXPECT_TRUE(state().form.password.empty());
    EXPECT_FALSE(state().accepted);
}

TEST_F(CancellationFlowTest, SigningOutForgetsEverything) {
    open_radio_and_fill(CancellationKind::immediate, "demo1234");
    submit();
    app.dispatch(SignOut{});
    net.reply(201, api::encode(created(45, CancellationKind::immediate, kToday)));
    EXPECT_FALSE(state().request);
    EXPECT_TRUE(state().form.password.empty());
    EXPECT_EQ(state().service_id, 0);
}

}  // namespace
}  // namespace portal::app
