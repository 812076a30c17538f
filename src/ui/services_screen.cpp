#include <string>

#include "app/display.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

ImU32 status_color(domain::ServiceStatus status) {
    switch (status) {
        case domain::ServiceStatus::active:
            return color::kSuccess;
        case domain::ServiceStatus::pending:
            return color::kWarning;
        case domain::ServiceStatus::suspended:
            return color::kDanger;
        case domain::ServiceStatus::cancelled:
        case domain::ServiceStatus::terminated:
            return color::kMuted;
    }
    return color::kMuted;
}

void draw_table(const api::ServiceList& list, app::Language lang) {
    using app::Text;
    constexpr ImGuiTableFlags kTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("services", 5, kTable, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app::tr(lang, Text::col_name), ImGuiTableColumnFlags_None, 3.0f);
    ImGui::TableSetupColumn(app::tr(lang, Text::col_type), ImGuiTableColumnFlags_None, 2.0f);
    ImGui::TableSetupColumn(app::tr(lang, Text::col_status), ImGuiTableColumnFlags_None, 1.4f);
    ImGui::TableSetupColumn(app::tr(lang, Text::col_plan), ImGuiTableColumnFlags_None, 2.0f);
    ImGui::TableSetupColumn(app::tr(lang, Text::col_next_due), ImGuiTableColumnFlags_None, 1.6f);
    ImGui::TableHeadersRow();

    // Only the visible rows are laid out: a client with a thousand services scrolls smoothly.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.services.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const api::ServiceView& service = list.services[static_cast<size_t>(row)];
            ImGui::PushID(row);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(service.name);
            if (!service.domain.empty()) text(service.domain, color::kMuted);
            ImGui::TableNextColumn();
            text(app::tr(lang, service.type));
            ImGui::TableNextColumn();
            badge(app::tr(lang, service.status), status_color(service.status));
            ImGui::TableNextColumn();
            text(service.plan.name);
            text(app::plan_price(service.plan, lang), color::kMuted);
            ImGui::TableNextColumn();
            text(app::format_date(service.next_due_on, lang));
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace

app::Intent draw_services(const app::PortalState& state) {
    using app::Text;
    const app::Language lang = state.language;
    app::Intent intent;
    title(app::tr(lang, Text::my_services));
    text_wrapped(app::tr(lang, Text::services_subtitle), color::kMuted);
    ImGui::Spacing();

    const auto& services = state.services;
    if (services.failed()) {
        if (problem_box(services.problem, lang)) intent = app::ReloadServices{};
        ImGui::Spacing();
    }
    if (services.data) {
        if (services.data->services.empty()) {
            text(std::string(icon::kInbox) + "  " + app::tr(lang, Text::no_services),
                 color::kMuted);
        } else {
            draw_table(*services.data, lang);
        }
    } else if (services.loading()) {
        text(std::string(icon::kSpinner) + "  " + app::tr(lang, Text::loading), color::kMuted);
    }
    return intent;
}

}  // namespace portal::ui
