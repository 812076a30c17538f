// A service's screen: its details, access to its panel, credentials, manual link, downloads
// (RULES.md §1, §2), and the entries to its upgrade and cancellation wizards (§3, §4).
//
// Arriving on /servicios/{id} loads the service; once it is known to be active, its access link
// and its plan's downloads load too (the backend refuses both for other statuses, and the screen
// explains why instead). Credentials load only when the client asks to see them. Downloads run
// one at a time per file and outlive a visit to another screen; sign-out drops everything.
//
// A plan change waiting for its invoice's payment or scheduled for the end of the paid period
// (`pending_plan_change`, RULES.md §3) shows with «Retirar»: asked first, then DELETE
// /upgrade-orders/{id} with one key per order, and the service reloaded.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/display.h"
#include "app/flow_context.h"
#include "app/idempotent_attempt.h"
#include "app/remote.h"
#include "app/route.h"
#include "app/texts/service_texts.h"
#include "app/visit.h"
#include "app/withdrawal.h"

namespace portal::app {

// One file's transfer: what the progress bar and the row's message show.
struct Transfer {
    enum class Phase { idle, running, saved, failed };
    Phase phase = Phase::idle;
    uint64_t received = 0;
    uint64_t total = 0;  // bytes expected (the listed size when the server does not say)
    Problem problem;     // when failed: what to do next (always retryable)
    // When failed for a reason of this screen's own (not included, incomplete); otherwise the
    // problem's text applies.
    std::optional<ServiceText> why;
};

enum class CredentialField { host, username, password };

// «Retirar» of a pending plan change.
struct PlanChangeWithdrawal : Withdrawal<ServiceText> {
    // After a withdrawal: the plan the service keeps.
    std::optional<std::string> kept_plan;
};

// What the person signed in may do on a service (RULES.md §10): a contact's permissions decide,
// and cancelling stays with the holder. The screen offers only these.
struct ServiceActions {
    bool manage = true;     // plan changes (services_manage)
    bool cancel = true;     // the holder alone
    bool downloads = true;  // downloads
    bool tickets = true;    // «Pedir ayuda con este servicio» (tickets)
};

struct ServiceState {
    int64_t service_id = 0;
    ServiceActions allowed;
    Remote<api::ServiceView> service;
    bool not_found = false;  // 404: no such service, or another client's
    Remote<api::ServiceAccess> access;
    bool credentials_shown = false;
    Remote<api::ServiceCredentials> credentials;
    std::vector<bool> password_shown;  // by credential index: •••• until the client asks
    std::string copied;                // what the last "Copiar" copied (copy_key), for "Copiado"
    Remote<api::DownloadList> downloads;
    std::map<int64_t, Transfer> transfers;  // by download id (ids are global, not per plan)
    PlanChangeWithdrawal withdrawal;
};

struct ReloadService {};
struct OpenPanel {};
struct ShowCredentials {
    bool shown = true;
};
struct ShowPassword {
    size_t index = 0;
    bool shown = true;
};
struct CopyCredential {
    size_t index = 0;
    CredentialField field = CredentialField::password;
};
struct CopySha256 {
    int64_t download_id = 0;
};
struct StartDownload {
    int64_t download_id = 0;
};
struct OpenServiceManual {};
struct OpenUpgrade {};
struct OpenCancellation {};
struct AskWithdrawPlanChange {};      // «Retirar»
struct KeepPlanChange {};             // «No, mantenerlo»
struct ConfirmWithdrawPlanChange {};  // «Sí, retirar»
struct OpenInvoices {};               // go and pay the change's invoice
using ServiceIntent =
    std::variant<ReloadService, OpenPanel, ShowCredentials, ShowPassword, CopyCredential,
                 CopySha256, StartDownload, OpenServiceManual, OpenUpgrade, OpenCancellation,
                 AskWithdrawPlanChange, KeepPlanChange, ConfirmWithdrawPlanChange, OpenInvoices>;

// The manual page of a service type: the article whose front matter lists the type in
// `service_types` (assets/manuals/general/tipos-de-servicio). GET /manuals does not carry
// service_types, so the mapping lives here; a test keeps it in step with the Markdown files.
std::string_view manual_slug(domain::ServiceType type);
// The name of the plan a pending change moves to.
std::string plan_change_target(const ServiceState& state);
// Why the service cannot order a plan change now (RULES.md §3, §4): a scheduled cancellation, or
// a change already open (one at a time: «Retirar» is the way to another). nullopt when it can.
std::optional<ServiceText> plan_change_blocked(const api::ServiceView& service);
// Whether «Cancelar servicio» is offered: not while a cancellation is scheduled, whose «Retirar
// solicitud» is offered instead.
bool can_request_cancellation(const api::ServiceView& service);
// The key state().copied holds after a copy, so the screen can say "Copiado" beside it.
std::string copy_key(size_t credential_index, CredentialField field);
std::string copy_key_sha256(int64_t download_id);
// "3f2a9c1b…e0d4": enough to compare by eye; the whole value is copied.
std::string short_sha256(std::string_view hex);

class ServiceFlow {
  public:
    // Called when the client arrives on one of this flow's routes (a click, a link, back/forward).
    void enter(const Route& route, FlowContext& ctx, const ServiceActions& allowed);
    void handle(const ServiceIntent& intent, FlowContext& ctx);
    const ServiceState& state() const { return state_; }
    // Sign-out: forget everything of the previous client.
    void reset();
    // Whether the service has a plan change that «Retirar» can withdraw now.
    bool can_withdraw_plan_change() const;

  private:
    void load_service(FlowContext& ctx);
    void load_dependents(FlowContext& ctx);
    void load_credentials(FlowContext& ctx);
    void start_download(int64_t download_id, FlowContext& ctx);
    void copy_credential(const CopyCredential& copy, FlowContext& ctx);
    void go(Route::Page page, FlowContext& ctx);
    void withdraw_plan_change(FlowContext& ctx);

    ServiceState state_;
    IdempotentAttempt withdraw_attempt_;  // per order withdrawn
    // Renewed on every arrival, reload and sign-out.
    Visit visit_;
};

}  // namespace portal::app
