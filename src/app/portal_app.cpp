#include "app/portal_app.h"

#include <type_traits>

namespace portal::app {

std::optional<Text> check_email(const std::string& email) {
    if (email.empty()) return Text::error_email_required;
    const auto at = email.find('@');
    const bool shaped = at != std::string::npos && at > 0 && at + 1 < email.size() &&
                        email.find('@', at + 1) == std::string::npos &&
                        email.find(' ') == std::string::npos;
    if (!shaped) return Text::error_email_invalid;
    return std::nullopt;
}

void PortalApp::dispatch(const Intent& intent) {
    std::visit(
        [this](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, SubmitLogin>) submit_login();
            if constexpr (std::is_same_v<T, SignOut>) sign_out();
            if constexpr (std::is_same_v<T, ReloadServices>) load_services();
            if constexpr (std::is_same_v<T, ChooseLanguage>) state_.language = value.language;
        },
        intent);
}

std::string PortalApp::route() const {
    switch (state_.screen) {
        case Screen::login:
            return "/ingresar";
        case Screen::services:
            return "/servicios";
    }
    return "/";
}

void PortalApp::submit_login() {
    LoginForm& form = state_.login;
    if (form.submitting) return;  // a double click signs in once
    form.problem.reset();
    form.email_error = check_email(form.email);
    form.password_error =
        form.password.empty() ? std::optional<Text>(Text::error_password_required) : std::nullopt;
    if (form.email_error || form.password_error) return;

    form.submitting = true;
    const unsigned generation = ++session_generation_;
    api_.login({form.email, form.password}, [this, generation](api::ApiResult<api::Session> r) {
        if (generation != session_generation_) return;
        LoginForm& login = state_.login;
        login.submitting = false;
        if (!r.ok()) {
            login.problem = describe(r.failure);
            return;
        }
        api_.set_token(r.value->token);
        state_.session = std::move(*r.value);
        login.password.clear();  // never keep the password once it has served
        state_.screen = Screen::services;
        load_services();
    });
}

void PortalApp::load_services() {
    if (!state_.session || state_.services.loading()) return;
    state_.services.start();
    const unsigned generation = session_generation_;
    api_.services([this, generation](api::ApiResult<api::ServiceList> r) {
        if (generation != session_generation_) return;
        if (r.ok()) {
            state_.services.succeed(std::move(*r.value));
            return;
        }
        const Problem problem = describe(r.failure);
        if (problem.signed_out) {
            end_session(problem);
            return;
        }
        state_.services.fail(problem);
    });
}

void PortalApp::sign_out() {
    if (!state_.session) return;
    // Tell the server (the token dies there) but sign out locally at once: a client who presses
    // "Cerrar sesión" must never stay signed in because the network is down.
    api_.logout([](api::ApiResult<api::NoContent>) {});
    end_session(std::nullopt);
}

void PortalApp::end_session(std::optional<Problem> why) {
    ++session_generation_;
    api_.clear_token();
    state_.session.reset();
    state_.services = {};
    state_.login.submitting = false;
    state_.login.password.clear();
    state_.login.problem = why;
    state_.screen = Screen::login;
}

}  // namespace portal::app
