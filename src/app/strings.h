// Every text the client reads, in Spanish first and English. Screens ask for a Text; nothing
// user-facing is spelled out in ui/ or platform/.
#pragma once

#include <string>
#include <string_view>

#include "domain/service.h"

namespace portal::app {

enum class Language { es, en };

enum class Text {
    app_title,
    login_title,
    login_subtitle,
    email,
    password,
    sign_in,
    signing_in,
    sign_out,
    menu,  // a phone's top bar: the button that opens the sections
    demo_mode,
    demo_mode_hint,
    reset_demo,
    reset_demo_question,
    reset_demo_confirm,
    cancel,
    my_services,
    manuals,
    invoices,
    support,     // «Soporte»: the top bar's tab and the support pages' title
    my_account,  // «Mi cuenta»: the top bar's tab and the account page's title
    services_subtitle,
    loading,
    retry,
    no_services,
    col_name,
    col_type,
    col_status,
    col_plan,
    col_next_due,
    col_domain,
    cancellation_scheduled_on,  // "Baja programada para el {}" (a service's scheduled cancellation)
    withdraw_cancellation,      // "Retirar solicitud"
    // Problems and what to do about them.
    error_email_required,
    error_email_invalid,
    error_password_required,
    error_wrong_credentials,
    error_locked,
    error_session_expired,
    error_unreachable,
    error_timeout,
    error_malformed,
    error_server,
    error_generic,
    hint_check_credentials,
    hint_wait_and_retry,
    hint_sign_in_again,
    hint_check_connection,
    hint_contact_support,
    count_
};

const char* tr(Language language, Text text);
std::string_view tr(Language language, domain::ServiceType type);
std::string_view tr(Language language, domain::ServiceStatus status);
std::string_view language_code(Language language);
// A language's name in itself («Español», «English»): what a reader of it looks for.
const char* language_name(Language language);

}  // namespace portal::app
