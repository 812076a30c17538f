// A service's screen (RULES.md §1, §2): its name with its status, what is about to change (a plan
// change, a scheduled cancellation; §3, §4), how to get into it, its credentials, its manual,
// its downloads, and at its foot the actions (upgrade, cancel).
//
// Two columns when there is room (details, access and credentials | manual and downloads), one
// column on a phone. Everything the client reads goes through widgets that report to the item
// tree; buttons repeated per row ("Copiar", "Descargar") carry a readable label naming their row.
#include <algorithm>
#include <string>

#include "app/display.h"
#include "app/service_flow.h"
#include "app/status_flow.h"
#include "app/texts/service_texts.h"
#include "app/texts/support_texts.h"
#include "imgui.h"
#include "ui/badge_colors.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/incident_banner.h"
#include "ui/pending_plan_change.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

using app::ServiceText;
using app::Text;

// Wide enough for two columns of readable width.
constexpr float kTwoColumnsFrom = 900.0f;

using Ctx = ScreenContext<app::ServiceState, ServiceText>;

void section_gap() {
    ImGui::Spacing();
    ImGui::Spacing();
}

// A list once it has arrived and has something in it; else nullptr, and what stands in its place
// (the loading line, or the line saying there is nothing) is drawn.
template <class Loadable, class Member>
auto arrived_list(const Ctx& c, const Loadable& loadable, Member member, ServiceText nothing)
    -> decltype(&((*loadable.data).*member)) {
    if (!loadable.data) {
        if (loadable.loading()) loading_line(c.lang);
        return nullptr;
    }
    const auto& list = (*loadable.data).*member;
    if (list.empty()) {
        empty_line(c.t(nothing));
        return nullptr;
    }
    return &list;
}

// [SECTION] Header and details

void draw_header(Ctx& c, const api::ServiceView& service) {
    // The status badge beside the name: the name wraps short of it rather than push it away.
    const std::string status(app::tr(c.lang, service.status));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float badge_width = ImGui::CalcTextSize(status.c_str()).x + 16.0f + style.ItemSpacing.x;
    const float start = ImGui::GetCursorPosY();
    ImGui::PushFont(fonts().title);
    const float title_line = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    title(service.name,
          ImGui::GetCursorPosX() + std::max(ImGui::GetContentRegionAvail().x - badge_width, 80.0f));
    ImGui::SameLine();
    // Level with the name's first line.
    ImGui::SetCursorPosY(start + (title_line - ImGui::GetTextLineHeight()) * 0.5f - 2.0f);
    badge(status, badge_color(service.status));
    text_wrapped(app::tr(c.lang, service.type), color::kMuted);
}

// What is about to happen to the service, under its name: a plan change, a cancellation.
void draw_coming(Ctx& c, const api::ServiceView& service) {
    keep(c.intent, draw_pending_plan_change(c.state, c.lang));
    // A scheduled cancellation, until its last day: when, and the way back.
    if (app::cancellation_scheduled(service)) {
        ImGui::Spacing();
        text_wrapped(with_icon(icon::kWarning, app::scheduled_cancellation_line(service, c.lang)),
                     color::kWarning);
        if (button(c.t(Text::withdraw_cancellation))) {
            c.send(app::ServiceIntent{app::OpenCancellation{}});
        }
    }
}

void detail_row(const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_wrapped(label, color::kMuted);
    ImGui::TableNextColumn();
    text_wrapped(value);
}

void draw_details(Ctx& c, const api::ServiceView& service) {
    heading(c.t(ServiceText::details));
    if (!ImGui::BeginTable("details", 2, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    detail_row(c.t(Text::col_type), std::string(app::tr(c.lang, service.type)));
    detail_row(c.t(Text::col_plan), service.plan.name);
    detail_row(c.t(ServiceText::plan_price), app::plan_price(service.plan, c.lang));
    if (!service.domain.empty()) detail_row(c.t(Text::col_domain), service.domain);
    detail_row(c.t(ServiceText::period), app::format_date(service.period_start, c.lang) + " – " +
                                             app::format_date(service.period_end, c.lang));
    detail_row(c.t(ServiceText::next_due), app::format_date(service.next_due_on, c.lang));
    ImGui::EndTable();
}

// [SECTION] Access to the service's panel

void draw_access(Ctx& c, const api::ServiceView& service) {
    using Status = domain::ServiceStatus;
    if (service.status != Status::active) {
        ServiceText why = ServiceText::no_access_pending;
        if (service.status == Status::suspended) why = ServiceText::no_access_suspended;
        if (service.status == Status::cancelled) why = ServiceText::no_access_cancelled;
        if (service.status == Status::terminated) why = ServiceText::no_access_terminated;
        text_wrapped(with_icon(icon::kWarning, c.t(why)),
                     service.status == Status::suspended ? color::kDanger : color::kWarning);
        return;
    }
    const auto& access = c.state.access;
    if (access.data) {
        const std::string label =
            with_icon(icon::kExternalLink, c.t(app::access_label(access.data->label_key)));
        if (primary_button(label.c_str())) c.send(app::ServiceIntent{app::OpenPanel{}});
        text_wrapped(c.t(ServiceText::access_opens_new_tab), color::kMuted);
    } else if (access.failed()) {
        if (problem_box(access.problem, c.lang)) c.send(app::ServiceIntent{app::ReloadService{}});
    } else if (access.loading()) {
        loading_line(c.lang);
    }
}

// [SECTION] Credentials

void credential_value(Ctx& c, size_t index, const api::Credential& credential,
                      app::CredentialField field) {
    const bool is_password = field == app::CredentialField::password;
    const char* name = field == app::CredentialField::host       ? c.t(ServiceText::host)
                       : field == app::CredentialField::username ? c.t(ServiceText::username)
                                                                 : c.t(ServiceText::password);
    const std::string& value = field == app::CredentialField::host       ? credential.host
                               : field == app::CredentialField::username ? credential.username
                                                                         : credential.password;
    if (value.empty()) return;
    const bool shown =
        !is_password || (index < c.state.password_shown.size() && c.state.password_shown[index]);
    const std::string id = app::copy_key(index, field);
    const std::string row = std::string(name) + " (" + credential.label + ")";

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();  // level with the buttons beside the value
    text_wrapped(name, color::kMuted);
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    // Never the real length: masked passwords all look the same.
    text_wrapped(shown ? value : std::string("••••••••"));
    if (is_password) {
        const std::string eye = shown ? with_icon(icon::kEyeSlash, c.t(ServiceText::hide_password))
                                      : with_icon(icon::kEye, c.t(ServiceText::show_password));
        same_line_if_fits(button_width(eye.c_str()));
        const std::string readable =
            std::string(shown ? c.t(ServiceText::hide_password) : c.t(ServiceText::show_password)) +
            " " + row;
        if (row_button(eye, readable, id + ":eye")) {
            c.send(app::ServiceIntent{app::ShowPassword{index, !shown}});
        }
    }
    const std::string copy = with_icon(icon::kCopy, c.t(ServiceText::copy));
    same_line_if_fits(button_width(copy.c_str()));
    if (row_button(copy, std::string(c.t(ServiceText::copy)) + " " + row, id)) {
        c.send(app::ServiceIntent{app::CopyCredential{index, field}});
    }
    if (c.state.copied == id) {
        const std::string done = with_icon(icon::kCheck, c.t(ServiceText::copied));
        same_line_if_fits(ImGui::CalcTextSize(done.c_str()).x);
        ImGui::AlignTextToFramePadding();
        text(done, color::kSuccess);
    }
}

void draw_credentials(Ctx& c, const api::ServiceView& service) {
    using Status = domain::ServiceStatus;
    // A removed service's accounts no longer exist (the access text already says so).
    if (service.status == Status::cancelled || service.status == Status::terminated) return;
    heading(c.t(ServiceText::credentials));
    if (!c.state.credentials_shown) {
        text_wrapped(c.t(ServiceText::credentials_hidden_hint), color::kMuted);
        if (button(with_icon(icon::kEye, c.t(ServiceText::show_credentials)).c_str())) {
            c.send(app::ServiceIntent{app::ShowCredentials{true}});
        }
        return;
    }
    if (button(with_icon(icon::kEyeSlash, c.t(ServiceText::hide_credentials)).c_str())) {
        c.send(app::ServiceIntent{app::ShowCredentials{false}});
    }
    const auto& credentials = c.state.credentials;
    if (credentials.failed() && !credentials.data) {
        if (problem_box(credentials.problem, c.lang)) {
            c.send(app::ServiceIntent{app::ShowCredentials{true}});
        }
        return;
    }
    const auto* listed = arrived_list(c, credentials, &api::ServiceCredentials::credentials,
                                      ServiceText::no_credentials);
    if (!listed) return;
    const auto& list = *listed;
    for (size_t i = 0; i < list.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::Spacing();
        text(with_icon(icon::kLock, list[i].label.c_str()));
        if (ImGui::BeginTable("credential", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 3.0f);
            credential_value(c, i, list[i], app::CredentialField::host);
            credential_value(c, i, list[i], app::CredentialField::username);
            credential_value(c, i, list[i], app::CredentialField::password);
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
}

// [SECTION] Manual

void draw_manual(Ctx& c, const api::ServiceView& service) {
    heading(c.t(ServiceText::manual));
    const std::string label = with_icon(icon::kBook, c.t(ServiceText::open_manual)) + ": " +
                              std::string(app::tr(c.lang, service.type));
    if (link(label)) c.send(app::ServiceIntent{app::OpenServiceManual{}});
}

// [SECTION] Downloads

void draw_transfer(Ctx& c, const api::Download& download) {
    const auto found = c.state.transfers.find(download.id);
    if (found == c.state.transfers.end()) return;
    const app::Transfer& transfer = found->second;
    using Phase = app::Transfer::Phase;
    switch (transfer.phase) {
        case Phase::idle:
            break;
        case Phase::running: {
            const uint64_t total = transfer.total > 0 ? transfer.total : 1;
            const float fraction =
                static_cast<float>(static_cast<double>(transfer.received) / total);
            const std::string overlay = app::format_size(transfer.received, c.lang) + " " +
                                        c.t(ServiceText::of) + " " +
                                        app::format_size(transfer.total, c.lang);
            progress_bar(fraction, overlay);
            break;
        }
        case Phase::saved:
            text_wrapped(with_icon(icon::kCheck, c.t(ServiceText::download_saved)) + " " +
                             c.t(ServiceText::download_size_checked),
                         color::kSuccess);
            break;
        case Phase::failed: {
            const char* what = transfer.why ? c.t(*transfer.why) : c.t(transfer.problem.what);
            text_wrapped(with_icon(icon::kWarning, what), color::kDanger);
            text_wrapped(c.t(transfer.problem.next_step));
            const std::string retry = with_icon(icon::kRefresh, c.t(Text::retry));
            if (row_button(retry, std::string(c.t(Text::retry)) + " " + download.name, "retry")) {
                c.send(app::ServiceIntent{app::StartDownload{download.id}});
            }
            break;
        }
    }
}

void draw_download(Ctx& c, const api::Download& download) {
    text_wrapped(with_icon(icon::kDownload, download.name.c_str()));
    if (!download.description.empty()) text_wrapped(download.description, color::kMuted);
    const std::string size = std::string(c.t(ServiceText::size)) + ": " +
                             app::format_size(static_cast<uint64_t>(download.size_bytes), c.lang);
    text(size, color::kMuted);
    const std::string sha =
        std::string(c.t(ServiceText::sha256)) + ": " + app::short_sha256(download.sha256);
    same_line_if_fits(ImGui::CalcTextSize(sha.c_str()).x + 16);
    text(sha, color::kMuted);

    const auto found = c.state.transfers.find(download.id);
    const bool running =
        found != c.state.transfers.end() && found->second.phase == app::Transfer::Phase::running;
    const std::string get =
        with_icon(icon::kDownload, c.t(running ? ServiceText::downloading : ServiceText::download));
    if (row_button(get, std::string(c.t(ServiceText::download)) + " " + download.name, "get",
                   !running)) {
        c.send(app::ServiceIntent{app::StartDownload{download.id}});
    }
    const std::string copy = with_icon(icon::kCopy, c.t(ServiceText::copy_sha256));
    same_line_if_fits(button_width(copy.c_str()));
    if (row_button(copy, std::string(c.t(ServiceText::copy_sha256)) + " " + download.name, "sha")) {
        c.send(app::ServiceIntent{app::CopySha256{download.id}});
    }
    if (c.state.copied == app::copy_key_sha256(download.id)) {
        const std::string done = with_icon(icon::kCheck, c.t(ServiceText::copied));
        same_line_if_fits(ImGui::CalcTextSize(done.c_str()).x);
        ImGui::AlignTextToFramePadding();
        text(done, color::kSuccess);
    }
    draw_transfer(c, download);
}

void draw_downloads(Ctx& c, const api::ServiceView& service) {
    if (!c.state.allowed.downloads) return;
    heading(c.t(ServiceText::downloads));
    if (service.status != domain::ServiceStatus::active) {
        text_wrapped(c.t(ServiceText::downloads_need_active), color::kMuted);
        return;
    }
    const auto& downloads = c.state.downloads;
    if (downloads.failed()) {
        if (problem_box(downloads.problem, c.lang)) {
            c.send(app::ServiceIntent{app::ReloadService{}});
        }
        if (!downloads.data) return;
    }
    const auto* listed =
        arrived_list(c, downloads, &api::DownloadList::downloads, ServiceText::no_downloads);
    if (!listed) return;
    const auto& list = *listed;
    text_wrapped(c.t(ServiceText::downloads_subtitle), color::kMuted);
    for (size_t i = 0; i < list.size(); ++i) {
        ImGui::PushID(static_cast<int>(list[i].id));
        ImGui::Separator();
        ImGui::Spacing();
        draw_download(c, list[i]);
        ImGui::Spacing();
        ImGui::PopID();
    }
}

// [SECTION] Actions (the foot of the screen, RULES.md §4)

void draw_actions(Ctx& c, const api::ServiceView& service) {
    using Status = domain::ServiceStatus;
    if (service.status == Status::cancelled || service.status == Status::terminated) return;
    const auto& allowed = c.state.allowed;
    // While a cancellation is scheduled its «Retirar solicitud» (above) is the one way forward.
    const bool may_cancel = allowed.cancel && app::can_request_cancellation(service);
    if (!allowed.manage && !may_cancel) return;  // a heading over nothing tells nothing
    ImGui::Separator();
    section_gap();
    heading(c.t(ServiceText::actions));
    if (allowed.manage) {
        const auto blocked = app::plan_change_blocked(service);
        if (button(c.t(ServiceText::upgrade_downgrade), !blocked)) {
            c.send(app::ServiceIntent{app::OpenUpgrade{}});
        }
        text_wrapped(c.t(blocked ? *blocked : ServiceText::upgrade_hint), color::kMuted);
    }
    if (!may_cancel) return;
    section_gap();
    if (danger_button(c.t(ServiceText::cancel_service))) {
        c.send(app::ServiceIntent{app::OpenCancellation{}});
    }
    text_wrapped(c.t(service.type == domain::ServiceType::domain ? ServiceText::cancel_hint_domain
                                                                 : ServiceText::cancel_hint),
                 color::kMuted);
}

void back_link(Ctx& c) {
    c.link_back_to(ServiceText::back_to_services, app::Route{app::Route::Page::services});
}

// `incident`: what the banner says of an ongoing incident on the service's server, or empty.
void draw_body(Ctx& c, const api::ServiceView& service, std::string_view incident) {
    draw_header(c, service);
    if (!incident.empty()) {
        ImGui::Spacing();
        keep(c.intent, draw_incident_banner(incident, c.lang));
    }
    draw_coming(c, service);
    if (c.state.allowed.tickets) {
        if (button(app::tr(c.lang, app::SupportText::help_with_service))) {
            c.send(app::Navigate{app::Route{app::Route::Page::new_ticket, service.id}});
        }
        // The manual promises phone and WhatsApp support from a service's page: «Soporte» has
        // them, or the way to ask for them when the plan lacks them.
        const char* phone = app::tr(c.lang, app::ChannelText::phone_or_whatsapp);
        same_line_if_fits(button_width(phone));
        if (button(phone)) c.send(app::Navigate{app::Route{app::Route::Page::support}});
    }
    section_gap();
    const bool wide = !phone_layout() && ImGui::GetContentRegionAvail().x >= kTwoColumnsFrom;
    if (wide && ImGui::BeginTable("columns", 2,
                                  ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        draw_details(c, service);
        section_gap();
        draw_access(c, service);
        section_gap();
        draw_credentials(c, service);
        ImGui::TableNextColumn();
        draw_manual(c, service);
        section_gap();
        draw_downloads(c, service);
        ImGui::EndTable();
    } else {
        draw_details(c, service);
        section_gap();
        draw_access(c, service);
        section_gap();
        draw_credentials(c, service);
        section_gap();
        draw_manual(c, service);
        section_gap();
        draw_downloads(c, service);
    }
    section_gap();
    draw_actions(c, service);
    section_gap();
}

}  // namespace

app::Intent draw_service(const app::PortalApp& app) {
    const app::ServiceState& state = app.service().state();
    Ctx c{state, app.state().language, {}};
    // Its own scrolling region: on a phone the screen is taller than the viewport.
    ImGui::BeginChild("service-page", ImVec2(0, 0), false);
    back_link(c);
    ImGui::Spacing();
    if (state.not_found) {
        title(c.t(ServiceText::not_found));
        text_wrapped(c.t(ServiceText::not_found_hint), color::kMuted);
        ImGui::Spacing();
        const std::string back = c.t(Text::my_services);
        if (primary_button(back.c_str())) {
            c.send(app::Navigate{app::Route{app::Route::Page::services}});
        }
    } else if (state.service.data) {
        if (state.service.failed()) {
            if (problem_box(state.service.problem, c.lang)) {
                c.send(app::ServiceIntent{app::ReloadService{}});
            }
            ImGui::Spacing();
        }
        const auto& status = app.status().state().status;
        draw_body(c, *state.service.data,
                  status.data ? app::incident_banner(*status.data, c.lang, state.service.data->id)
                              : std::string());
    } else if (state.service.failed()) {
        if (problem_box(state.service.problem, c.lang)) {
            c.send(app::ServiceIntent{app::ReloadService{}});
        }
    } else {
        loading_line(c.lang);
    }
    ImGui::EndChild();
    return std::move(c.intent);
}

}  // namespace portal::ui
