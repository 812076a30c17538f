// The portal's state and the flows that change it. No ImGui and no browser here: the page draws
// this state and sends intents; native tests drive it with a fake transport.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/api_client.h"
#include "app/account_flow.h"
#include "app/browser_effects.h"
#include "app/cancellation_flow.h"
#include "app/flow_context.h"
#include "app/intent.h"
#include "app/invoices_flow.h"
#include "app/manuals_flow.h"
#include "app/problem.h"
#include "app/remote.h"
#include "app/route.h"
#include "app/service_flow.h"
#include "app/status_flow.h"
#include "app/strings.h"
#include "app/tickets_flow.h"
#include "app/upgrade_flow.h"
#include "app/visit.h"

namespace portal::app {

struct LoginForm {
    std::string email;
    std::string password;
    bool submitting = false;
    // A problem with what was typed (shown under the field) or with the attempt as a whole.
    std::optional<Text> email_error;
    std::optional<Text> password_error;
    std::optional<Problem> problem;
};

struct PortalState {
    // Spanish, the company's language, until the client chooses English or signs in with English
    // saved in their profile; every request asks for its answer in it (ApiClient::set_language).
    Language language = Language::es;
    // The static-host demo (config.json "api": "demo"): the backend runs inside the page.
    bool demo = false;
    Route route{Route::Page::login};
    LoginForm login;
    std::optional<api::Session> session;
    Remote<api::ServiceList> services;
    // How many of the client's invoices are overdue (a banner on «Mis servicios» says so); asked
    // with the list, and unknown until answered: the list shows with its banner, so its rows do
    // not move under the pointer when the banner arrives. A failure counts as none.
    std::optional<int> overdue_invoices;
    // Where a client who opened a deep link while signed out goes after signing in.
    std::optional<Route> after_login;
};

class PortalApp {
  public:
    // `random_seed` seeds idempotency keys (the page passes crypto-random bits).
    PortalApp(api::Transport& transport, BrowserEffects& browser, uint64_t random_seed,
              bool demo = false);

    // A session remembered by this tab before a reload (BrowserEffects::remember_session). If the
    // server no longer accepts it, the first answer (401) returns the client to sign-in.
    void restore_session(const std::string& session_json);

    const PortalState& state() const { return state_; }
    // The login form's text fields are edited in place by the screen.
    LoginForm& login_form() { return state_.login; }

    const ServiceFlow& service() const { return service_; }
    const ManualsFlow& manuals() const { return manuals_; }
    const UpgradeFlow& upgrade() const { return upgrade_; }
    const CancellationFlow& cancellation() const { return cancellation_; }
    const InvoicesFlow& invoices() const { return invoices_; }
    const AccountFlow& account() const { return account_; }
    AccountFlow& account_form() { return account_; }
    const TicketsFlow& tickets() const { return tickets_; }
    TicketsFlow& tickets_form() { return tickets_; }
    // The server-status page and the banners of «Mis servicios» and a service's screen.
    const StatusFlow& status() const { return status_; }
    // Flows whose screens edit text fields in place (forms).
    UpgradeFlow& upgrade_form() { return upgrade_; }
    CancellationFlow& cancellation_form() { return cancellation_; }
    ManualsFlow& manuals_form() { return manuals_; }

    void dispatch(const Intent& intent);

    // The current screen's path, for the URL hash and window.portal.route().
    std::string route() const { return route_path(state_.route); }

  private:
    void submit_login();
    void sign_out();
    // The page in `language`: what is on screen is asked for again in it, and a signed-in
    // client's choice is saved in their profile (PATCH /me) and in the remembered session.
    void choose_language(Language language);
    // The page in the language a client's profile keeps (after sign-in, or a reload).
    void apply_saved_language(const api::Session& session);
    void show_in_language(Language language);
    void load_services();
    void load_overdue_invoices();
    void navigate(const Route& route);
    void end_session(std::optional<Problem> why);
    FlowContext& context();

    api::ApiClient api_;
    BrowserEffects& browser_;
    PortalState state_;
    // Lives exactly as long as the signed-in session (see FlowContext::session).
    std::shared_ptr<const int> session_alive_;
    uint64_t key_state_;
    std::optional<FlowContext> context_;
    // The services list's visit: renewed on sign-out.
    Visit services_visit_;

    ServiceFlow service_;
    ManualsFlow manuals_;
    UpgradeFlow upgrade_;
    CancellationFlow cancellation_;
    InvoicesFlow invoices_;
    AccountFlow account_;
    TicketsFlow tickets_;
    StatusFlow status_;
    // The client whose session expired: their confirmed payment or order is sent once when they
    // sign in again; anyone else signing in finds nothing of it.
    std::optional<int64_t> expired_client_;
};

// "en" -> Language::en; anything else is Spanish, the company's language.
Language language_of(std::string_view code);

// Client-side checks before anything is sent.
std::optional<Text> check_email(const std::string& email);

}  // namespace portal::app
