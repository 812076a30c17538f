// The portal's state and the flows that change it. No ImGui and no browser here: the page draws
// this state and sends intents; native tests drive it with a fake transport.
#pragma once

#include <optional>
#include <string>

#include "api/api_client.h"
#include "app/intent.h"
#include "app/problem.h"
#include "app/remote.h"
#include "app/strings.h"

namespace portal::app {

enum class Screen { login, services };

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
    Language language = Language::es;
    Screen screen = Screen::login;
    LoginForm login;
    std::optional<api::Session> session;
    Remote<api::ServiceList> services;
};

class PortalApp {
  public:
    explicit PortalApp(api::Transport& transport) : api_(transport) {}

    const PortalState& state() const { return state_; }
    // The login form's text fields are edited in place by the screen.
    LoginForm& login_form() { return state_.login; }

    void dispatch(const Intent& intent);

    // The route shown in the URL and reported to tests (window.portal.route()).
    std::string route() const;

  private:
    void submit_login();
    void sign_out();
    void load_services();
    void end_session(std::optional<Problem> why);

    api::ApiClient api_;
    PortalState state_;
    // Counts sessions so an answer that arrives after sign-out (or a new sign-in) is dropped.
    unsigned session_generation_ = 0;
};

// Client-side checks before anything is sent.
std::optional<Text> check_email(const std::string& email);

}  // namespace portal::app
