// «Mi cuenta» (RULES.md §10): the account's details, the holder's email and password, the
// «Contactos» section (list, invite with permission checkboxes, remove) and the alerts table
// (one row per event, a checkbox per channel); and the invitation page, where a contact chooses
// its password. Draws app::AccountFlow's state; which sections show is decided there (`may`).
#include <algorithm>
#include <string>

#include "app/account_flow.h"
#include "app/texts/account_texts.h"
#include "app/texts/fill_in.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

using app::AccountNotice;
using app::AccountText;
using app::fill_in;
using domain::AlertChannel;
using domain::Permission;

using Screen = ScreenContext<app::AccountState, AccountText, app::AccountIntent>;
using Section = AccountNotice::Section;

float field_width() {
    return std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 26);
}

// The outcome of the last action, under the section it belongs to.
void draw_notice(Screen& s, Section section) {
    const auto& notice = s.state.notice;
    if (!notice || notice->section != section) return;
    if (notice->done) {
        ui::notice(with_icon(icon::kCheck, fill_in(s.t(*notice->done), {notice->argument})), "",
                   color::kSuccess);
    } else if (notice->refused) {
        warning_notice(s.t(*notice->refused));
    } else if (notice->problem) {
        problem_box(*notice->problem, s.lang);
    }
    ImGui::Spacing();
}

void draw_details(Screen& s, app::AccountState& form) {
    begin_card("details");
    heading(s.t(AccountText::details_heading));
    const float width = field_width();
    text_field(s.t(AccountText::name), form.name, FieldKind::text, std::nullopt, s.lang, width);
    text_field(s.t(AccountText::company), form.company, FieldKind::text, std::nullopt, s.lang,
               width);
    multiline_field(s.t(AccountText::address), form.address, nullptr, ImGui::GetFontSize() * 3);
    text_field(s.t(AccountText::phone), form.phone, FieldKind::text, std::nullopt, s.lang, width);
    text_wrapped(s.t(AccountText::phone_hint), color::kMuted);
    ImGui::Spacing();
    // The language applies at once, as the top bar's switch does: it is the page's language and
    // the alerts', kept with the account.
    text(s.t(AccountText::language));
    for (const app::Language option : {app::Language::es, app::Language::en}) {
        const char* name = app::language_name(option);
        if (option != app::Language::es) same_line_if_fits(button_width(name) + 24);
        if (radio(name, s.lang == option) && s.lang != option) {
            keep(s.intent, app::ChooseLanguage{option});
        }
    }
    text_wrapped(s.t(AccountText::language_hint), color::kMuted);
    ImGui::Spacing();
    draw_notice(s, Section::details);
    if (primary_button(s.t(AccountText::save_details), !s.state.busy)) s.send(app::SaveDetails{});
    end_card();
}

void draw_email_and_password(Screen& s, app::AccountState& form) {
    ImGui::PushID("email");
    begin_card("email");
    // Measured inside the card: its padding makes it narrower than the page (a phone's fields
    // would run past it).
    float width = field_width();
    heading(s.t(AccountText::email_heading));
    if (s.state.profile.data) {
        text_wrapped(fill_in(s.t(AccountText::current_email), {s.state.profile.data->email}));
    }
    text_field(s.t(AccountText::new_email), form.new_email, FieldKind::email, std::nullopt, s.lang,
               width);
    text_field(s.t(AccountText::password_for_email), form.email_password, FieldKind::password,
               std::nullopt, s.lang, width);
    draw_notice(s, Section::email);
    if (button(s.t(AccountText::change_email), !s.state.busy)) s.send(app::ChangeEmail{});
    end_card();
    ImGui::PopID();
    ImGui::Spacing();
    ImGui::PushID("password");
    begin_card("password");
    width = field_width();
    heading(s.t(AccountText::password_heading));
    text_field(s.t(AccountText::current_password), form.current_password, FieldKind::password,
               std::nullopt, s.lang, width);
    text_field(s.t(AccountText::new_password), form.new_password, FieldKind::password, std::nullopt,
               s.lang, width);
    draw_notice(s, Section::password);
    if (button(s.t(AccountText::change_password), !s.state.busy)) s.send(app::ChangePassword{});
    end_card();
    ImGui::PopID();
}

// The opening of a section listing what the account holds (its contacts, its alerts): the card,
// its heading and what the list is for.
void begin_list_card(Screen& s, const char* id, AccountText title, AccountText hint) {
    begin_card(id);
    heading(s.t(title));
    text_wrapped(s.t(hint), color::kMuted);
    ImGui::Spacing();
}

void draw_contacts(Screen& s, app::AccountState& form) {
    begin_list_card(s, "contacts", AccountText::contacts_heading, AccountText::contacts_hint);
    const auto& contacts = s.state.contacts;
    if (contacts.failed()) problem_box(contacts.problem, s.lang);
    if (contacts.data) {
        if (contacts.data->contacts.empty()) empty_line(s.t(AccountText::no_contacts));
        for (const api::Contact& contact : contacts.data->contacts) {
            ImGui::PushID(static_cast<int>(contact.id));
            text(contact.name + " <" + contact.email + ">");
            const bool active = contact.status == "active";
            same_line_if_fits(120);
            badge(s.t(active ? AccountText::contact_status_active
                             : AccountText::contact_status_invited),
                  active ? color::kSuccess : color::kWarning);
            std::string granted;
            for (Permission p : contact.permissions) {
                granted += (granted.empty() ? "" : ", ") + std::string(app::tr(s.lang, p));
            }
            text_wrapped(std::string(s.t(AccountText::permissions)) + ": " + granted,
                         color::kMuted);
            const std::string readable =
                std::string(s.t(AccountText::remove_contact)) + " " + contact.email;
            if (row_button(s.t(AccountText::remove_contact), readable, "remove", !s.state.busy)) {
                s.send(app::RemoveContact{contact.id});
            }
            ImGui::Separator();
            ImGui::PopID();
        }
    } else if (contacts.loading()) {
        loading_line(s.lang);
    }
    ImGui::Spacing();
    heading(s.t(AccountText::add_contact));
    ImGui::PushID("new-contact");
    const float width = field_width();
    text_field(s.t(AccountText::contact_name), form.contact_name, FieldKind::text, std::nullopt,
               s.lang, width);
    text_field(s.t(AccountText::contact_email), form.contact_email, FieldKind::email, std::nullopt,
               s.lang, width);
    text(s.t(AccountText::permissions));
    const auto all = domain::enum_values<Permission>();
    for (size_t i = 0; i < all.size(); ++i) {
        if (checkbox(app::tr(s.lang, all[i]), form.contact_permissions[i])) {
            form.contact_permissions[i] = !form.contact_permissions[i];
        }
    }
    ImGui::PopID();
    draw_notice(s, Section::contacts);
    if (primary_button(s.t(AccountText::invite), !s.state.busy)) s.send(app::InviteContact{});
    end_card();
}

void draw_alerts(Screen& s) {
    begin_list_card(s, "alerts", AccountText::alerts_heading, AccountText::alerts_hint);
    const auto& alerts = s.state.alerts;
    if (alerts.failed()) problem_box(alerts.problem, s.lang);
    if (alerts.data &&
        ImGui::BeginTable("alerts", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(s.t(AccountText::col_event), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(s.t(AccountText::channel_email), ImGuiTableColumnFlags_WidthStretch,
                                1);
        ImGui::TableSetupColumn(s.t(AccountText::channel_whatsapp),
                                ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableHeadersRow();
        for (const api::Alert& alert : alerts.data->alerts) {
            ImGui::PushID(static_cast<int>(alert.event));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            text(app::tr(s.lang, alert.event));
            ImGui::TableNextColumn();
            const std::string email = std::string(s.t(AccountText::channel_email)) + "##e";
            if (checkbox(email.c_str(), alert.email, !s.state.busy)) {
                s.send(app::SetAlert{alert.event, AlertChannel::email, !alert.email});
            }
            ImGui::TableNextColumn();
            const std::string whatsapp = std::string(s.t(AccountText::channel_whatsapp)) + "##w";
            if (checkbox(whatsapp.c_str(), alert.whatsapp, !s.state.busy)) {
                s.send(app::SetAlert{alert.event, AlertChannel::whatsapp, !alert.whatsapp});
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    } else if (alerts.loading()) {
        loading_line(s.lang);
    }
    draw_notice(s, Section::alerts);
    end_card();
}

}  // namespace

app::Intent draw_account(app::PortalApp& app) {
    app::AccountState& form = app.account_form().form();
    Screen s{form, app.state().language, {}};
    const auto& session = app.state().session;
    begin_page("account", app::tr(s.lang, app::Text::my_account));
    text_wrapped(s.t(AccountText::subtitle), color::kMuted);
    ImGui::Spacing();
    if (s.state.profile.failed()) problem_box(s.state.profile.problem, s.lang);
    if (app::may(session, Permission::profile)) {
        draw_details(s, form);
        ImGui::Spacing();
    }
    if (app::is_holder(session)) {
        draw_email_and_password(s, form);
        ImGui::Spacing();
        draw_contacts(s, form);
        ImGui::Spacing();
    } else {
        text_wrapped(s.t(AccountText::holder_only), color::kMuted);
        ImGui::Spacing();
    }
    if (app::may(session, Permission::profile)) draw_alerts(s);
    end_page();
    return std::move(s.intent);
}

app::Intent draw_invitation(app::PortalApp& app) {
    app::InvitationState& form = app.account_form().invitation_form();
    const app::Language lang = app.state().language;
    app::Intent intent;
    begin_page("invitation", app::tr(lang, AccountText::invitation_title), 520.0f);
    if (form.accepted_email) {
        notice(with_icon(icon::kCheck, fill_in(app::tr(lang, AccountText::invitation_accepted),
                                               {*form.accepted_email})),
               "", color::kSuccess);
        ImGui::Spacing();
        if (primary_button(app::tr(lang, AccountText::go_to_sign_in))) {
            intent = app::Navigate{app::Route{app::Route::Page::login}};
        }
    } else {
        text_wrapped(app::tr(lang, AccountText::invitation_hint), color::kMuted);
        ImGui::Spacing();
        bool submit = text_field(app::tr(lang, AccountText::choose_password), form.password,
                                 FieldKind::password, std::nullopt, lang, field_width());
        if (form.refused) warning_notice(app::tr(lang, *form.refused));
        if (form.problem) submit |= problem_box(*form.problem, lang);
        ImGui::Spacing();
        submit |= primary_button(app::tr(lang, AccountText::accept_invitation), !form.busy);
        if (submit && !form.busy) intent = app::AccountIntent{app::AcceptInvitation{}};
    }
    end_page();
    return intent;
}

}  // namespace portal::ui
