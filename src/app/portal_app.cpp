#include "app/portal_app.h"

#include <cstdio>
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

Language language_of(std::string_view code) {
    return code == language_code(Language::en) ? Language::en : Language::es;
}

PortalApp::PortalApp(api::Transport& transport, BrowserEffects& browser, uint64_t random_seed,
                     bool demo)
    : api_(transport),
      browser_(browser),
      key_state_(random_seed | 1),
      tickets_(demo ? domain::kDemoAttachmentMaxBytes : domain::kAttachmentMaxBytes) {
    state_.demo = demo;
}

FlowContext& PortalApp::context() {
    // Rebuilt on each use: language and session change over time.
    context_.reset();
    context_.emplace(api_, browser_);
    FlowContext& ctx = *context_;
    ctx.language = state_.language;
    ctx.session = session_alive_;
    ctx.navigate = [this](const Route& route) { navigate(route); };
    ctx.session_lost = [this](const Problem& why) { end_session(why); };
    ctx.new_idempotency_key = [this] {
        // xorshift64*: unique per attempt within a page; seeded from crypto-random bits.
        key_state_ ^= key_state_ >> 12;
        key_state_ ^= key_state_ << 25;
        key_state_ ^= key_state_ >> 27;
        char key[40];
        std::snprintf(key, sizeof key, "portal-%016llx",
                      static_cast<unsigned long long>(key_state_ * 2685821657736338717ULL));
        return std::string(key);
    };
    return ctx;
}

// What the service screen offers the person signed in.
static ServiceActions service_actions(const std::optional<api::Session>& session) {
    return {may(session, domain::Permission::services_manage), is_holder(session),
            may(session, domain::Permission::downloads), may(session, domain::Permission::tickets)};
}

void PortalApp::dispatch(const Intent& intent) {
    std::visit(
        [this](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, SubmitLogin>) submit_login();
            if constexpr (std::is_same_v<T, SignOut>) sign_out();
            if constexpr (std::is_same_v<T, ReloadServices>) load_services();
            if constexpr (std::is_same_v<T, ChooseLanguage>) choose_language(value.language);
            if constexpr (std::is_same_v<T, ResetDemo>) {
                if (state_.demo) browser_.reset_demo();
            }
            if constexpr (std::is_same_v<T, Navigate>) navigate(value.route);
            // A screen's intents go to the flow that handles them, and only while signed in;
            // accepting an invitation is how a contact gets a password, so it needs no session.
            const bool without_session = [&] {
                if constexpr (std::is_same_v<T, AccountIntent>) {
                    return std::holds_alternative<AcceptInvitation>(value);
                } else {
                    return false;
                }
            }();
            const auto to_flow = [&](auto& flow) {
                if constexpr (requires { flow.handle(value, context()); }) {
                    if (state_.session || without_session) flow.handle(value, context());
                }
            };
            to_flow(service_);
            to_flow(manuals_);
            to_flow(upgrade_);
            to_flow(cancellation_);
            to_flow(invoices_);
            to_flow(account_);
            to_flow(tickets_);
            to_flow(status_);
        },
        intent);
}

void PortalApp::navigate(const Route& route) {
    if (needs_session(route) && !state_.session) {
        // A deep link while signed out: sign in first, then go there.
        state_.after_login = route;
        state_.route = Route{Route::Page::login};
        return;
    }
    if (route.page == Route::Page::login && state_.session) {
        navigate(Route{Route::Page::services});  // already signed in
        return;
    }
    // A contact lands where its permissions let it (RULES.md §10): no services screen without
    // services_view, no invoices without invoices, no support tickets without tickets.
    // The status page tells which of the client's services each server runs: it is theirs too.
    const bool services_page =
        route.page == Route::Page::services || route.page == Route::Page::service ||
        route.page == Route::Page::upgrade || route.page == Route::Page::cancellation ||
        route.page == Route::Page::status;
    const bool support_page = route.page == Route::Page::support ||
                              route.page == Route::Page::ticket ||
                              route.page == Route::Page::new_ticket;
    if (state_.session &&
        ((services_page && !may(state_.session, domain::Permission::services_view)) ||
         (route.page == Route::Page::invoices &&
          !may(state_.session, domain::Permission::invoices)) ||
         (support_page && !may(state_.session, domain::Permission::tickets)))) {
        const bool invoices = may(state_.session, domain::Permission::invoices);
        state_.route = Route{invoices ? Route::Page::invoices : Route::Page::account};
        if (invoices) {
            invoices_.enter(context());
        } else {
            account_.enter(context(), state_.session);
        }
        return;
    }
    state_.route = route;
    switch (route.page) {
        case Route::Page::login:
            break;
        case Route::Page::services:
            if (!state_.services.loading()) load_services();
            status_.refresh(context());
            break;
        case Route::Page::service:
            service_.enter(route, context(), service_actions(state_.session));
            status_.ensure(context());
            break;
        case Route::Page::status:
            status_.enter(context());
            // The names of the client's services on each server.
            if (!state_.services.data && !state_.services.loading()) load_services();
            break;
        case Route::Page::upgrade:
            upgrade_.enter(route, context());
            break;
        case Route::Page::cancellation:
            cancellation_.enter(route, context());
            break;
        case Route::Page::manuals:
        case Route::Page::manual:
            manuals_.enter(route, context());
            break;
        case Route::Page::invoices:
            invoices_.enter(context());
            break;
        case Route::Page::account:
            account_.enter(context(), state_.session);
            break;
        case Route::Page::invitation:
            account_.enter_invitation(route.slug);
            break;
        case Route::Page::support:
        case Route::Page::ticket:
        case Route::Page::new_ticket:
            tickets_.enter(route, context());
            break;
    }
}

void PortalApp::restore_session(const std::string& session_json) {
    auto session = api::decode<api::Session>(session_json);
    if (!session.ok() || session.value().token.empty()) {
        browser_.forget_session();
        return;
    }
    api_.set_token(session.value().token);
    apply_saved_language(session.value());
    state_.session = std::move(session).value();
    session_alive_ = std::make_shared<const int>(0);
}

void PortalApp::show_in_language(Language language) {
    state_.language = language;
    api_.set_language(std::string(language_code(language)));
}

void PortalApp::apply_saved_language(const api::Session& session) {
    show_in_language(language_of(session.client.language));
}

void PortalApp::choose_language(Language language) {
    if (language == state_.language) return;
    show_in_language(language);
    if (state_.session) {
        // Saved, so the next sign-in (or a reload of this tab) opens in it. A failure to save
        // changes nothing on screen: the page is already in the chosen language.
        state_.session->client.language = std::string(language_code(language));
        browser_.remember_session(api::encode(*state_.session));
        api::ProfileChanges changes;
        changes.language = state_.session->client.language;
        api_.update_profile(changes, context().new_idempotency_key(),
                            context().guard<api::Profile>([](api::ApiResult<api::Profile>) {}));
    }
    // What the screen shows, asked for again in the new language; the status's words anywhere
    // else are forgotten, and asked for in it on the next arrival.
    const Route& route = state_.route;
    status_.reset();
    switch (route.page) {
        case Route::Page::services:
            state_.services = {};
            services_visit_.renew();
            load_services();
            break;
        case Route::Page::upgrade:
            upgrade_.relist(context());
            break;
        case Route::Page::service:
            service_.enter(route, context(), service_actions(state_.session));
            break;
        case Route::Page::cancellation:
            cancellation_.relist(context());
            break;
        case Route::Page::invoices:
            invoices_.relist(context());
            break;
        case Route::Page::status:  // below
        case Route::Page::manuals:
        case Route::Page::manual:  // below
        case Route::Page::login:
        case Route::Page::support:
        case Route::Page::ticket:
        case Route::Page::new_ticket:
        case Route::Page::account:
        case Route::Page::invitation:
            break;  // nothing on them comes in a language
    }
    // The screens that show the servers' status ask for it again, after their own data.
    if (route.page == Route::Page::services || route.page == Route::Page::service ||
        route.page == Route::Page::status) {
        status_.enter(context());
    }
    // The manuals, also when another screen shows: their texts kept in the old one are dropped.
    if (route.page == Route::Page::manuals || route.page == Route::Page::manual) {
        manuals_.change_language(route, context());
    } else {
        manuals_.forget_language();
    }
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
    // The attempt's own lifetime: a sign-out (or a new attempt) meanwhile voids its answer.
    auto attempt = std::make_shared<const int>(0);
    session_alive_ = attempt;
    api_.login({form.email, form.password},
               [this, alive = std::weak_ptr<const int>(attempt)](api::ApiResult<api::Session> r) {
                   if (alive.expired()) return;
                   LoginForm& login = state_.login;
                   login.submitting = false;
                   if (!r.ok()) {
                       login.problem = describe(r.failure);
                       return;
                   }
                   if (expired_client_ != r.value->client.id) {
                       // Another client: nothing the previous one left waiting may act.
                       upgrade_.reset();
                       invoices_.reset();
                   }
                   expired_client_.reset();
                   api_.set_token(r.value->token);
                   apply_saved_language(*r.value);
                   browser_.remember_session(api::encode(*r.value));
                   state_.session = std::move(*r.value);
                   login.password.clear();  // never keep the password once it has served
                   const Route next = state_.after_login.value_or(Route{Route::Page::services});
                   state_.after_login.reset();
                   navigate(next);
               });
}

void PortalApp::load_services() {
    if (!state_.session || state_.services.loading()) return;
    if (!may(state_.session, domain::Permission::services_view)) return;
    api_.services(services_visit_.load(state_.services, context()));
    load_overdue_invoices();
}

// The banner is a courtesy: when the invoices cannot be read, the list shows without it; for a
// contact who may not see them, it shows without waiting for them.
void PortalApp::load_overdue_invoices() {
    if (!may(state_.session, domain::Permission::invoices)) {
        state_.overdue_invoices = 0;
        return;
    }
    api_.invoices(services_visit_.guard<api::InvoiceList>(
        context(), [this](api::ApiResult<api::InvoiceList> r) {
            state_.overdue_invoices = r.ok() ? count_overdue(*r.value) : 0;
        }));
}

void PortalApp::sign_out() {
    if (!state_.session) return;
    // Tell the server (the token dies there) but sign out locally at once: a client who presses
    // "Cerrar sesión" must never stay signed in because the network is down.
    api_.logout([](api::ApiResult<api::NoContent>) {});
    end_session(std::nullopt);
}

void PortalApp::end_session(std::optional<Problem> why) {
    const bool expired = why && why->signed_out;
    if (expired && state_.session) expired_client_ = state_.session->client.id;
    if (!expired) expired_client_.reset();
    session_alive_.reset();
    api_.clear_token();
    browser_.forget_session();
    state_.session.reset();
    state_.services = {};
    services_visit_.renew();
    state_.overdue_invoices.reset();
    state_.login.submitting = false;
    state_.login.password.clear();
    state_.login.problem = why;
    // After an expiry, come back to the same screen once signed in again.
    if (why && needs_session(state_.route)) state_.after_login = state_.route;
    state_.route = Route{Route::Page::login};
    service_.reset();
    manuals_.reset();
    cancellation_.reset();
    account_.reset();
    tickets_.reset();
    status_.reset();
    if (expired) {
        // What the client confirmed and the server never got is kept for their return.
        upgrade_.suspend();
        invoices_.suspend();
    } else {
        upgrade_.reset();
        invoices_.reset();
    }
}

}  // namespace portal::app
