// A service's screen as a client lives it: arriving loads the service, then its access link and
// downloads; credentials stay hidden until asked; a download reports progress and hands exactly
// the received bytes to the browser; failures are explained with a way to retry.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "app/service_flow.h"
#include "domain/markdown/markdown.h"
#include "signed_in_portal.h"

namespace portal::app {
namespace {

std::string service_json(int id, const char* type, const char* status) {
    return std::string(R"({"id":)") + std::to_string(id) + R"(,"name":"Hosting Ana","type":")" +
           type + R"(","status":")" + status + R"(","domain":"ana.example",
   "plan":{"id":"hosting-plus","name":"Hosting Plus","price":{"amount_cents":10000,"currency":"USD"},"cycle":"yearly"},
   "period_start":"2026-05-01","period_end":"2027-04-30","paid_for_period":{"amount_cents":10000,"currency":"USD"},
   "next_due_on":"2027-05-01","pending_plan_change":null,"platform":null,"cancellation":null})";
}
constexpr const char* kAccess =
    R"({"service_id":11,"url":"https://panel.example/hosting/11","label_key":"access.hosting_panel"})";
constexpr const char* kDownloads = R"({"service_id":11,"downloads":[
  {"id":7,"name":"guia.txt","description":"Guía","size_bytes":11,"sha256":"aaaa"},
  {"id":8,"name":"grande.bin","description":"Grande","size_bytes":25165824,"sha256":"bbbb"}]})";
constexpr const char* kCredentials = R"({"service_id":11,"credentials":[
  {"label":"cPanel","host":"srv1.example","username":"ana","password":"s3cr3t"}]})";
constexpr const char* kNotFound =
    R"({"error":{"code":"not_found","message":"service not found","field":""}})";
constexpr const char* kExpired =
    R"({"error":{"code":"unauthorized","message":"expired","field":""}})";

class ServiceScreen : public testing::SignedInPortal {
  protected:
    void open(int64_t id) { app.dispatch(Navigate{Route{Route::Page::service, id}}); }
    // Opens service 11 (active hosting) and answers its three requests.
    void open_active_hosting() {
        open(11);
        net.reply(200, service_json(11, "hosting", "active"));
        ASSERT_EQ(net.pending(), 2u);
        EXPECT_EQ(net.next().path, "/services/11/access");
        net.reply(200, kAccess);
        EXPECT_EQ(net.next().path, "/services/11/downloads");
        net.reply(200, kDownloads);
    }
    const ServiceState& state() const { return app.service().state(); }
    void send(ServiceIntent intent) { app.dispatch(Intent{std::move(intent)}); }
};

TEST_F(ServiceScreen, LoadsTheServiceThenItsAccessAndDownloads) {
    open(11);
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/services/11");
    EXPECT_TRUE(state().service.loading());
    net.reply(200, service_json(11, "hosting", "active"));
    ASSERT_TRUE(state().service.data);
    EXPECT_EQ(state().service.data->plan.name, "Hosting Plus");
    ASSERT_EQ(net.pending(), 2u);
    EXPECT_EQ(net.next().path, "/services/11/access");
    EXPECT_TRUE(state().access.loading());
    EXPECT_TRUE(state().downloads.loading());
    net.reply(200, kAccess);
    net.reply(200, kDownloads);
    ASSERT_TRUE(state().downloads.data);
    EXPECT_EQ(state().downloads.data->downloads.size(), 2u);
    EXPECT_FALSE(state().credentials.data) << "credentials wait until the client asks";
}

TEST_F(ServiceScreen, AccessOpensThePanelInANewTabOnlyForAnActiveService) {
    open_active_hosting();
    ASSERT_TRUE(state().access.data);
    EXPECT_EQ(access_label(state().access.data->label_key), ServiceText::access_hosting_panel);
    EXPECT_STREQ(tr(Language::es, ServiceText::access_hosting_panel), "Login al Panel de hosting");
    send(OpenPanel{});
    ASSERT_EQ(browser.opened.size(), 1u);
    EXPECT_EQ(browser.opened[0], "https://panel.example/hosting/11");

    open(12);
    net.reply(200, service_json(12, "hosting", "suspended"));
    EXPECT_EQ(net.pending(), 0u) << "no access link or downloads are asked for a suspended service";
    EXPECT_FALSE(state().access.data);
    send(OpenPanel{});
    EXPECT_EQ(browser.opened.size(), 1u);
}

TEST_F(ServiceScreen, CredentialsLoadOnlyWhenShownAndCopyExactly) {
    open_active_hosting();
    EXPECT_FALSE(state().credentials_shown);
    send(CopyCredential{0, CredentialField::password});
    EXPECT_TRUE(browser.clipboard.empty()) << "nothing secret is copied while hidden";

    send(ShowCredentials{true});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/services/11/credentials");
    send(ShowCredentials{true});
    EXPECT_EQ(net.pending(), 1u) << "a second press asks once";
    net.reply(200, kCredentials);
    ASSERT_TRUE(state().credentials.data);
    ASSERT_EQ(state().password_shown.size(), 1u);
    EXPECT_FALSE(state().password_shown[0]) << "passwords stay masked until revealed";
    send(ShowPassword{0, true});
    EXPECT_TRUE(state().password_shown[0]);

    send(CopyCredential{0, CredentialField::password});
    EXPECT_EQ(browser.clipboard, "s3cr3t");
    EXPECT_EQ(state().copied, copy_key(0, CredentialField::password));
    send(CopyCredential{0, CredentialField::username});
    EXPECT_EQ(browser.clipboard, "ana");
    EXPECT_EQ(state().copied, copy_key(0, CredentialField::username));

    send(ShowCredentials{false});
    EXPECT_FALSE(state().password_shown[0]);
    EXPECT_TRUE(state().copied.empty());
}

TEST_F(ServiceScreen, DownloadReportsProgressAndSavesExactlyTheBytes) {
    open_active_hosting();
    send(StartDownload{8});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().path, "/downloads/8/file");
    send(StartDownload{8});
    EXPECT_EQ(net.pending(), 1u) << "pressing twice starts one transfer";
    EXPECT_EQ(state().transfers.at(8).phase, Transfer::Phase::running);

    net.next().on_progress(12'897'485, 25'165'824);
    EXPECT_EQ(state().transfers.at(8).received, 12'897'485u);
    EXPECT_EQ(format_size(state().transfers.at(8).received, Language::es), "12,3 MB");
    EXPECT_EQ(format_size(state().transfers.at(8).total, Language::es), "24,0 MB");

    std::string bytes(25'165'824, '\0');
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 31 + 7);
    net.reply(200, bytes);
    EXPECT_EQ(state().transfers.at(8).phase, Transfer::Phase::saved);
    ASSERT_EQ(browser.saved.size(), 1u);
    EXPECT_EQ(browser.saved[0].name, "grande.bin");
    EXPECT_EQ(browser.saved[0].mime_type, "application/octet-stream");
    EXPECT_TRUE(browser.saved[0].bytes == bytes);

    send(StartDownload{8});
    EXPECT_EQ(net.pending(), 1u) << "a finished download can be downloaded again";
}

TEST_F(ServiceScreen, FailedOrShortDownloadsAreRetryableAndSaveNothing) {
    open_active_hosting();
    send(StartDownload{7});
    net.reply(404, R"({"error":{"code":"not_found","message":"download not found","field":""}})");
    const Transfer& refused = state().transfers.at(7);
    EXPECT_EQ(refused.phase, Transfer::Phase::failed);
    EXPECT_EQ(refused.why, ServiceText::download_not_included);
    EXPECT_TRUE(refused.problem.retryable);

    send(StartDownload{7});  // "Reintentar"
    net.fail(api::TransportFailure::unreachable);
    EXPECT_EQ(state().transfers.at(7).problem.what, Text::error_unreachable);
    EXPECT_TRUE(state().transfers.at(7).problem.retryable);

    send(StartDownload{7});
    net.reply(200, "only5");  // listed as 11 bytes: cut short
    EXPECT_EQ(state().transfers.at(7).phase, Transfer::Phase::failed);
    EXPECT_EQ(state().transfers.at(7).why, ServiceText::download_incomplete);
    EXPECT_TRUE(browser.saved.empty());

    send(StartDownload{7});
    net.reply(200, "hello world");
    EXPECT_EQ(state().transfers.at(7).phase, Transfer::Phase::saved);
    ASSERT_EQ(browser.saved.size(), 1u);
    EXPECT_EQ(browser.saved[0].bytes, "hello world");
}

TEST_F(ServiceScreen, AConnectionCutMidDownloadSaysTheDownloadWasCut) {
    open_active_hosting();
    send(StartDownload{8});
    net.next().on_progress(4'000'000, 25'165'824);  // bytes were arriving …
    net.fail(api::TransportFailure::unreachable);   // … when the connection broke
    const Transfer& cut = state().transfers.at(8);
    EXPECT_EQ(cut.phase, Transfer::Phase::failed);
    EXPECT_EQ(cut.why, ServiceText::download_incomplete) << "not \"could not reach the server\"";
    EXPECT_EQ(cut.problem.next_step, Text::hint_check_connection);
    EXPECT_TRUE(cut.problem.retryable);
    EXPECT_TRUE(browser.saved.empty()) << "no part of the file is handed to the client";

    send(StartDownload{8});  // "Reintentar": from the start, nothing arrived yet
    EXPECT_EQ(state().transfers.at(8).received, 0u);
    net.fail(api::TransportFailure::unreachable);  // nothing arrived: the server was not reached
    EXPECT_FALSE(state().transfers.at(8).why.has_value());
    EXPECT_EQ(state().transfers.at(8).problem.what, Text::error_unreachable);
}

TEST_F(ServiceScreen, FailuresAreRetryableProblems) {
    open(11);
    net.reply(503, R"({"error":{"code":"unavailable","message":"down","field":""}})");
    EXPECT_TRUE(state().service.failed());
    EXPECT_TRUE(state().service.problem.retryable);
    EXPECT_FALSE(state().not_found);
    send(ReloadService{});
    ASSERT_EQ(net.pending(), 1u);
    net.reply(200, service_json(11, "hosting", "active"));
    net.fail(api::TransportFailure::timeout);  // access
    net.reply(200, R"({"service_id":11,"downloads":[]})");
    EXPECT_TRUE(state().access.failed());
    EXPECT_EQ(state().access.problem.what, Text::error_timeout);
    ASSERT_TRUE(state().downloads.data);
    EXPECT_TRUE(state().downloads.data->downloads.empty());
}

TEST_F(ServiceScreen, AnotherClientsOrMissingServiceIsNotFound) {
    open(999);
    net.reply(404, kNotFound);
    EXPECT_TRUE(state().not_found);
    EXPECT_FALSE(state().service.data);
    EXPECT_EQ(net.pending(), 0u);
}

TEST_F(ServiceScreen, AnswersAfterSignOutAreIgnored) {
    open(11);
    net.reply(200, service_json(11, "hosting", "active"));
    send(StartDownload{8});  // downloads are not loaded yet: nothing starts
    EXPECT_EQ(net.pending(), 2u);
    net.reply(200, kAccess);
    net.reply(200, kDownloads);
    send(StartDownload{7});
    send(ShowCredentials{true});
    ASSERT_EQ(net.pending(), 2u);
    app.dispatch(SignOut{});
    net.reply(200, "hello world");  // the download
    net.reply(200, kCredentials);   // the credentials
    net.reply(204, "");             // logout
    EXPECT_TRUE(browser.saved.empty());
    EXPECT_FALSE(state().credentials.data);
    EXPECT_EQ(state().service_id, 0);
}

TEST_F(ServiceScreen, AnExpiredSessionDuringADownloadGoesBackToSignIn) {
    open_active_hosting();
    send(StartDownload{7});
    net.reply(401, kExpired);
    EXPECT_EQ(app.state().route.page, Route::Page::login);
    EXPECT_TRUE(browser.saved.empty());
}

TEST_F(ServiceScreen, ALateAnswerForAnotherServiceDoesNotShow) {
    open(11);
    open(12);
    net.reply(200, service_json(11, "hosting", "active"));  // the first visit's answer
    EXPECT_FALSE(state().service.data);
    EXPECT_EQ(net.pending(), 1u);
    net.reply(200, service_json(12, "hosting", "pending"));
    ASSERT_TRUE(state().service.data);
    EXPECT_EQ(state().service.data->id, 12);
}

TEST_F(ServiceScreen, ActionsAndManualNavigate) {
    open_active_hosting();
    send(OpenServiceManual{});
    EXPECT_EQ(app.route(), "/manuales/servicio-hosting");
    // Coming back keeps the service on screen while it reloads (other flows' requests may wait).
    open(11);
    ASSERT_TRUE(state().service.data);
    send(OpenUpgrade{});
    EXPECT_EQ(app.route(), "/servicios/11/upgrade");
    open(11);
    send(OpenCancellation{});
    EXPECT_EQ(app.route(), "/servicios/11/cancelar");
}

TEST(ServiceDisplay, SizesAndChecksums) {
    EXPECT_EQ(format_size(512, Language::es), "512 B");
    EXPECT_EQ(format_size(65536, Language::es), "64,0 KB");
    EXPECT_EQ(format_size(307200, Language::en), "300.0 KB");
    EXPECT_EQ(format_size(25165824, Language::en), "24.0 MB");
    EXPECT_EQ(short_sha256("0123456789abcdef0123456789abcdef"), "0123456789ab…cdef");
    EXPECT_EQ(access_label("access.radio_panel"), ServiceText::access_radio_panel);
    EXPECT_STREQ(tr(Language::es, access_label("access.radio_panel")), "Login al Panel de Radio");
    EXPECT_EQ(access_label("access.something_new"), ServiceText::access_control_panel);
}

// Every service type's manual is the article whose front matter lists it in service_types (read
// with the parser the catalog uses).
TEST(ServiceManual, EachTypeLinksToTheArticleThatDeclaresIt) {
    namespace fs = std::filesystem;
    const fs::path manuals = PORTAL_MANUALS_DIR;
    ASSERT_TRUE(fs::is_directory(manuals)) << manuals;
    std::map<std::string, std::string> declared;  // type -> slug
    for (const auto& entry : fs::recursive_directory_iterator(manuals)) {
        if (entry.path().extension() != ".md") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        const auto front = domain::markdown::parse(text).front_matter;
        const auto field = [&front](const char* key) {
            const auto found = front.find(key);
            return found == front.end() ? std::string() : found->second;
        };
        std::stringstream list(field("service_types"));
        std::string type;
        while (std::getline(list, type, ',')) {
            type.erase(0, type.find_first_not_of(' '));
            type.erase(type.find_last_not_of(' ') + 1);
            if (!type.empty()) declared[type] = field("slug");
        }
    }
    for (const domain::ServiceType type : domain::enum_values<domain::ServiceType>()) {
        const std::string name(domain::to_string(type));
        ASSERT_TRUE(declared.count(name)) << name << " has no manual article";
        EXPECT_EQ(manual_slug(type), declared[name]) << name;
    }
}

// A service with a plan change open: `status` awaiting_payment (an unpaid upgrade, its invoice 77)
// or scheduled (a downgrade, from the day after its period).
std::string service_with_change(const char* status) {
    std::string json = service_json(11, "hosting", "active");
    json.resize(json.rfind(R"(,"pending_plan_change")"));  // the change instead of null
    const bool scheduled = std::string(status) == "scheduled";
    return json + R"(,"pending_plan_change":{"order_id":501,"to_plan_id":")" +
           (scheduled ? "hosting-inicial" : "hosting-pro") + R"(","to_plan_name":")" +
           (scheduled ? "Hosting Inicial" : "Hosting Pro") + R"(","direction":")" +
           (scheduled ? "down" : "up") + R"(","status":")" + status + R"(","effective_on":)" +
           (scheduled ? R"("2027-05-01")" : "null") + R"(,"invoice_id":)" +
           (scheduled ? "null" : "77") + R"(},"platform":null,"cancellation":null})";
}
class PlanChangeOnTheServiceScreen : public ServiceScreen {
  protected:
    // Opens service 11 with the change and answers everything it loads: the change names its
    // plan itself, so nothing else is asked for to name it.
    void open_with_change(const char* status) {
        open(11);
        net.reply(200, service_with_change(status));
        while (net.pending() > 0) {
            const std::string path = net.next().path;
            ASSERT_TRUE(path == "/services/11/access" || path == "/services/11/downloads") << path;
            net.reply(200, path == "/services/11/access" ? kAccess : kDownloads);
        }
    }
    // Answers the service reloaded after a withdrawal (and what it loads).
    void reload_without_change() {
        EXPECT_EQ(net.next().path, "/services/11");
        net.reply(200, service_json(11, "hosting", "active"));
        net.reply(200, kAccess);
        net.reply(200, kDownloads);
    }
};

TEST_F(PlanChangeOnTheServiceScreen, ShowsTheChangeByThePlansName) {
    open_with_change("scheduled");
    ASSERT_TRUE(state().service.data->pending_plan_change);
    EXPECT_EQ(state().service.data->pending_plan_change->effective_on, (domain::Date{2027, 5, 1}));
    EXPECT_EQ(plan_change_target(state()), "Hosting Inicial");
    EXPECT_TRUE(app.service().can_withdraw_plan_change());
}

TEST_F(PlanChangeOnTheServiceScreen, WithdrawingAsksFirstAndADoubleClickWithdrawsOnce) {
    open_with_change("awaiting_payment");
    EXPECT_EQ(plan_change_target(state()), "Hosting Pro");
    send(ConfirmWithdrawPlanChange{});
    EXPECT_EQ(net.pending(), 0u) << "nothing is withdrawn before the client is asked";
    send(AskWithdrawPlanChange{});
    EXPECT_TRUE(state().withdrawal.asking);
    send(KeepPlanChange{});
    EXPECT_FALSE(state().withdrawal.asking);

    send(AskWithdrawPlanChange{});
    send(ConfirmWithdrawPlanChange{});
    send(ConfirmWithdrawPlanChange{});
    ASSERT_EQ(net.pending(), 1u);
    EXPECT_EQ(net.next().method, "DELETE");
    EXPECT_EQ(net.next().path, "/upgrade-orders/501");
    EXPECT_FALSE(testing::header(net.next(), "Idempotency-Key").empty());
    net.reply(200,
              R"({"id":501,"service_id":11,"from_plan_id":"hosting-plus","to_plan_id":"hosting-pro",
      "direction":"up","amount_due":{"amount_cents":5000,"currency":"USD"},"period_start":"2026-11-25",
      "period_end":"2027-11-24","status":"withdrawn","effective_on":null,"invoice_id":77,"expires_on":null})");
    EXPECT_EQ(state().withdrawal.kept_plan, std::optional<std::string>("Hosting Plus"));
    reload_without_change();
    EXPECT_FALSE(state().service.data->pending_plan_change);
    EXPECT_FALSE(app.service().can_withdraw_plan_change());
}

TEST_F(PlanChangeOnTheServiceScreen, TooLateToWithdrawIsExplained) {
    open_with_change("scheduled");
    send(AskWithdrawPlanChange{});
    send(ConfirmWithdrawPlanChange{});
    net.reply(409, testing::error_body("renewal_generated"));
    EXPECT_EQ(state().withdrawal.refusal, ServiceText::why_renewal_generated);
    EXPECT_FALSE(state().withdrawal.asking);
    EXPECT_EQ(net.next().path, "/services/11") << "the service as it is now";
}

TEST_F(PlanChangeOnTheServiceScreen, AFailedWithdrawalRetriesWithTheSameKey) {
    open_with_change("scheduled");
    send(AskWithdrawPlanChange{});
    send(ConfirmWithdrawPlanChange{});
    const std::string key = testing::header(net.next(), "Idempotency-Key");
    net.fail(api::TransportFailure::unreachable);
    ASSERT_TRUE(state().withdrawal.problem);
    EXPECT_TRUE(state().withdrawal.asking);
    send(ConfirmWithdrawPlanChange{});
    EXPECT_EQ(testing::header(net.next(), "Idempotency-Key"), key);
}

TEST_F(PlanChangeOnTheServiceScreen, AnotherChangeWaitsForThisOneToBeWithdrawn) {
    open_with_change("scheduled");
    EXPECT_EQ(plan_change_blocked(*state().service.data), ServiceText::blocked_by_scheduled_change);
    EXPECT_TRUE(can_request_cancellation(*state().service.data));
    open_with_change("awaiting_payment");
    EXPECT_EQ(plan_change_blocked(*state().service.data), ServiceText::blocked_by_unpaid_change);
}

TEST(ServiceActions, AScheduledCancellationOffersOnlyItsWithdrawal) {
    api::ServiceView service;
    EXPECT_EQ(plan_change_blocked(service), std::nullopt);
    EXPECT_TRUE(can_request_cancellation(service));
    service.cancellation = api::ServiceCancellation{3, domain::CancellationKind::end_of_period,
                                                    "scheduled", domain::Date{2027, 1, 14}};
    EXPECT_EQ(plan_change_blocked(service), ServiceText::blocked_by_cancellation);
    EXPECT_FALSE(can_request_cancellation(service));
    // Past its last day the service is cancelled: nothing scheduled to withdraw any more.
    service.cancellation->status = "effective";
    EXPECT_TRUE(can_request_cancellation(service));
}

TEST_F(PlanChangeOnTheServiceScreen, GoingToPayOpensTheInvoicesTab) {
    open_with_change("awaiting_payment");
    send(OpenInvoices{});
    EXPECT_EQ(app.route(), "/facturas");
}

}  // namespace
}  // namespace portal::app
