#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/display.h"
#include "app/status_flow.h"
#include "app/texts/activation_texts.h"
#include "app/texts/fill_in.h"
#include "app/texts/invoice_texts.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/badge_colors.h"
#include "ui/icons.h"
#include "ui/incident_banner.h"
#include "ui/item_tree.h"
#include "ui/rows_in_view.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

// How tall a service's row is, its status column `status_width` wide: two lines (name and
// domain; plan and price); a pending one adds its activation estimate under the badge, a
// scheduled cancellation its line and its «Retirar solicitud» (each note as it wraps there).
float row_height(const api::ServiceView& service, app::Language lang, float status_width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const auto wrapped = [&](const std::string& note) {
        return ImGui::CalcTextSize(note.c_str(), nullptr, false, status_width).y;
    };
    float height = 2.0f * line + style.ItemSpacing.y;
    if (service.activation_estimate) {
        height += wrapped(app::describe_activation_short(*service.activation_estimate, lang)) +
                  style.ItemSpacing.y + 4;
    }
    if (app::cancellation_scheduled(service)) {
        height += wrapped(app::scheduled_cancellation_line(service, lang)) +
                  ImGui::GetFrameHeight() + 3.0f * style.ItemSpacing.y + 4.0f;
    }
    return height;
}

app::Intent open_service(const api::ServiceView& service) {
    return app::Navigate{app::Route{app::Route::Page::service, service.id}};
}

// Under a service's status: when a pending one should be active (RULES.md §5), and a scheduled
// cancellation with its own way back, «Retirar solicitud», which opens the request to withdraw.
app::Intent draw_status_notes(const api::ServiceView& service, app::Language lang) {
    app::Intent intent;
    if (service.activation_estimate) {
        text_wrapped(app::describe_activation_short(*service.activation_estimate, lang),
                     color::kMuted);
    }
    if (app::cancellation_scheduled(service)) {
        text_wrapped(app::scheduled_cancellation_line(service, lang), color::kWarning);
        const char* withdraw = app::tr(lang, app::Text::withdraw_cancellation);
        if (row_button(withdraw, std::string(withdraw) + ": " + service.name, "withdraw")) {
            intent = app::Navigate{app::Route{app::Route::Page::cancellation, service.id}};
        }
        // A line of no height after the button: the row's other cells keep their text on the
        // row's first line (a table aligns its cells to its tallest text baseline).
        ImGui::Dummy(ImVec2(0.0f, 0.0f));
    }
    return intent;
}

app::Intent draw_row(const api::ServiceView& service, int row, app::Language lang,
                     float min_height) {
    app::Intent intent;
    ImGui::PushID(row);
    ImGui::TableNextRow(ImGuiTableRowFlags_None, min_height);
    ImGui::TableNextColumn();
    // The whole row opens the service; its name is the link people and tests look for. A row
    // with a button of its own opens from its name only: no AllowOverlap, since with it ImGui
    // accepts a click only after a frame of hovering (a tap would do nothing).
    item_tree_next(ItemRole::link);
    const bool own_button = app::cancellation_scheduled(service);
    if (ImGui::Selectable(
            service.name.c_str(), false,
            own_button ? ImGuiSelectableFlags_None : ImGuiSelectableFlags_SpanAllColumns)) {
        intent = open_service(service);
    }
    if (!service.domain.empty()) text(service.domain, color::kMuted);
    ImGui::TableNextColumn();
    text(app::tr(lang, service.type));
    ImGui::TableNextColumn();
    badge(app::tr(lang, service.status), badge_color(service.status));
    keep(intent, draw_status_notes(service, lang));
    ImGui::TableNextColumn();
    text(service.plan.name);
    text(app::plan_price(service.plan, lang), color::kMuted);
    ImGui::TableNextColumn();
    text(app::format_date(service.next_due_on, lang));
    ImGui::PopID();
    return intent;
}

// The table's columns, each with the width it needs to show every one of its cells on one line
// (the widest over the whole list, header included; a status's notes may wrap between words),
// and the table's width with them.
struct ServiceColumns {
    static constexpr int kCount = 5;
    static constexpr std::array<app::Text, kCount> kHeaders{
        app::Text::col_name, app::Text::col_type, app::Text::col_status, app::Text::col_plan,
        app::Text::col_next_due};
    std::array<float, kCount> width{};
    float table_width = 0.0f;
};

// How narrow a note's column may be: no word cut, and the note on at most about three lines.
float note_width(std::string_view value) {
    float widest = text_width(value) / 3.0f;
    while (!value.empty()) {
        const std::size_t end = std::min(value.find(' '), value.size());
        widest = std::max(widest, text_width(value.substr(0, end)));
        value.remove_prefix(std::min(end + 1, value.size()));
    }
    return widest;
}

ServiceColumns measure_columns(const api::ServiceList& list, app::Language lang) {
    ServiceColumns columns;
    for (int i = 0; i < ServiceColumns::kCount; ++i) {
        columns.width[i] = text_width(app::tr(lang, ServiceColumns::kHeaders[i]));
    }
    const auto widen = [&](int column, float width) {
        columns.width[column] = std::max(columns.width[column], width);
    };
    for (const api::ServiceView& service : list.services) {
        widen(0, std::max(text_width(service.name), text_width(service.domain)));
        widen(1, text_width(app::tr(lang, service.type)));
        widen(2, badge_width(app::tr(lang, service.status)));
        // The notes under a status wrap, but never inside a word (a date).
        if (service.activation_estimate) {
            widen(2,
                  note_width(app::describe_activation_short(*service.activation_estimate, lang)));
        }
        if (app::cancellation_scheduled(service)) {
            widen(2, note_width(app::scheduled_cancellation_line(service, lang)));
        }
        widen(3, std::max(text_width(service.plan.name),
                          text_width(app::plan_price(service.plan, lang))));
        widen(4, text_width(app::format_date(service.next_due_on, lang)));
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    // Each cell's padding on both sides, the outer borders, and a scrollbar it may need.
    columns.table_width = 2.0f + style.ScrollbarSize;
    for (float width : columns.width) columns.table_width += width + 2.0f * style.CellPadding.x;
    return columns;
}

// What a measure of the list's texts depends on: it is taken again only when one of these
// changes (measuring a thousand services' texts every frame would cost milliseconds).
struct MeasuredFor {
    std::uint64_t revision = 0;  // the list's (Remote::revision)
    app::Language lang{};
    const ImFont* font = nullptr;
    float font_size = 0.0f;
    float status_width = 0.0f;  // only for the rows' height

    MeasuredFor() = default;
    MeasuredFor(std::uint64_t list_revision, app::Language language, float status = 0.0f)
        : revision(list_revision),
          lang(language),
          font(ImGui::GetFont()),
          font_size(ImGui::GetFontSize()),
          status_width(status) {}
    bool operator==(const MeasuredFor&) const = default;
};

// A list the page received, with its revision (Remote::revision).
struct ReceivedList {
    const api::ServiceList& list;
    std::uint64_t revision;
};

const ServiceColumns& columns_of(ReceivedList received, app::Language lang) {
    const api::ServiceList& list = received.list;
    static MeasuredFor measured_for;
    static ServiceColumns columns;
    if (const MeasuredFor now(received.revision, lang); now != measured_for) {
        measured_for = now;
        columns = measure_columns(list, lang);
    }
    return columns;
}

// The tallest of the list's rows with its status column `status_width` wide: in a scrolling table
// every row is this tall.
float tallest_row(ReceivedList received, app::Language lang, float status_width) {
    const api::ServiceList& list = received.list;
    static MeasuredFor measured_for;
    static float tallest = 0.0f;
    if (const MeasuredFor now(received.revision, lang, status_width); now != measured_for) {
        measured_for = now;
        tallest = 0.0f;
        for (const api::ServiceView& service : list.services) {
            tallest = std::max(tallest, row_height(service, lang, status_width));
        }
    }
    return tallest;
}

// The height the table's rows and header would take, stopping once it passes `limit` (the status
// column at its narrowest: no less than the table will take).
float rows_height(const api::ServiceList& list, const ServiceColumns& columns, app::Language lang,
                  float limit) {
    const float cell = 2.0f * ImGui::GetStyle().CellPadding.y;
    float height = ImGui::GetTextLineHeight() + cell;  // the header
    for (const api::ServiceView& service : list.services) {
        height += cell + row_height(service, lang, columns.width[2]);
        if (height > limit) break;
    }
    return height;
}

app::Intent draw_table(ReceivedList received, const ServiceColumns& columns, app::Language lang) {
    const api::ServiceList& list = received.list;
    app::Intent intent;
    constexpr ImGuiTableFlags kTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_BordersOuter |
                                       ImGuiTableFlags_SizingStretchProp;
    // A few services: the table is as tall as its rows. Too many for the window: it takes the
    // window's height and scrolls under a frozen header.
    const float available = ImGui::GetContentRegionAvail().y;
    const bool scroll = rows_height(list, columns, lang, available) > available;
    if (!ImGui::BeginTable("services", 5, scroll ? kTable | ImGuiTableFlags_ScrollY : kTable,
                           ImVec2(0, scroll ? available : 0.0f))) {
        return intent;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    // Each column's share of the width is what its cells need: where the table fits (the
    // caller's test), no cell is cut.
    for (int i = 0; i < ServiceColumns::kCount; ++i) {
        ImGui::TableSetupColumn(app::tr(lang, ServiceColumns::kHeaders[i]),
                                ImGuiTableColumnFlags_None, columns.width[i]);
    }
    ImGui::TableHeadersRow();

    if (!scroll) {
        // They all fit: each row as tall as its content (a wrapped activation date included).
        for (size_t row = 0; row < list.services.size(); ++row) {
            const app::Intent clicked =
                draw_row(list.services[row], static_cast<int>(row), lang, 0.0f);
            if (!app::is_empty(clicked)) intent = clicked;
        }
    } else {
        // Only the visible rows are laid out: a client with a thousand services scrolls smoothly.
        // The clipper places rows by the first one's height, so every row gets the tallest
        // row's height (a pending service's) and the rows stay where the clipper puts them.
        const ImGuiTableColumn& status = ImGui::GetCurrentTable()->Columns[2];
        const float uniform =
            tallest_row(received, lang, std::floor(status.WorkMaxX - status.WorkMinX));
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(list.services.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const app::Intent clicked =
                    draw_row(list.services[static_cast<size_t>(row)], row, lang, uniform);
                if (!app::is_empty(clicked)) intent = clicked;
            }
        }
    }
    ImGui::EndTable();
    return intent;
}

// A phone, or a window too narrow for the table: each service a card, everything on its own
// lines (nothing to clip).
app::Intent draw_card(const api::ServiceView& service, app::Language lang) {
    using app::Text;
    app::Intent intent;
    begin_card("service");
    if (link(service.name)) intent = open_service(service);
    badge(app::tr(lang, service.status), badge_color(service.status));
    ImGui::SameLine();
    text_wrapped(app::tr(lang, service.type), color::kMuted);
    if (!service.domain.empty()) text_wrapped(service.domain, color::kMuted);
    text_wrapped(service.plan.name + " \xc2\xb7 " + app::plan_price(service.plan, lang));
    text_wrapped(std::string(app::tr(lang, Text::col_next_due)) + ": " +
                     app::format_date(service.next_due_on, lang),
                 color::kMuted);
    keep(intent, draw_status_notes(service, lang));
    end_card();
    ImGui::Spacing();
    return intent;
}

app::Intent draw_cards(const api::ServiceList& list, app::Language lang) {
    app::Intent intent;
    RowsInView view(list.services.size());
    for (size_t i = 0; i < list.services.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (view.begin_row()) {
            keep(intent, draw_card(list.services[i], lang));
            view.end_row();
        }
        ImGui::PopID();
    }
    view.end();
    return intent;
}

}  // namespace

app::Intent draw_services(const app::PortalApp& app) {
    using app::Text;
    const app::PortalState& state = app.state();
    const app::Language lang = state.language;
    const auto& status = app.status().state().status;
    app::Intent intent;
    const auto& services = state.services;
    // The list waits for its banners (a failure to read them counts as none), so its rows do not
    // move under the pointer when one arrives.
    const bool banners_known = state.overdue_invoices && status.known();
    const api::ServiceList* list = services.data && banners_known ? &*services.data : nullptr;
    // The table where it fits its cells, else cards.
    const ServiceColumns* columns = nullptr;
    if (list && !phone_layout()) columns = &columns_of({*list, services.revision}, lang);
    const bool cards =
        phone_layout() || (columns && columns->table_width > ImGui::GetContentRegionAvail().x);
    // Cards scroll with the page; the table scrolls on its own.
    if (cards) ImGui::BeginChild("services-page", ImVec2(0, 0));
    title(app::tr(lang, Text::my_services));
    text_wrapped(app::tr(lang, Text::services_subtitle), color::kMuted);
    ImGui::Spacing();

    if (state.overdue_invoices.value_or(0) > 0) {
        // Something is overdue: the client must not miss it, and the way to pay is one click.
        warning_notice(app::fill_in(app::tr(lang, app::InvoiceText::overdue_banner),
                                    {std::to_string(*state.overdue_invoices)}));
        if (link(app::tr(lang, app::InvoiceText::see_invoices))) {
            intent = app::Navigate{app::Route{app::Route::Page::invoices}};
        }
        ImGui::Spacing();
    }
    if (status.data) {
        const std::string incident = app::incident_banner(*status.data, lang);
        if (!incident.empty()) keep(intent, draw_incident_banner(incident, lang));
    }
    if (services.failed()) {
        if (problem_box(services.problem, lang)) intent = app::ReloadServices{};
        ImGui::Spacing();
    }
    if (list) {
        if (list->services.empty()) {
            empty_line(app::tr(lang, Text::no_services));
        } else {
            app::Intent open = cards ? draw_cards(*list, lang)
                                     : draw_table({*list, services.revision}, *columns, lang);
            if (app::is_empty(intent)) intent = open;
        }
    } else if (services.loading() || services.data) {
        loading_line(lang);
    }
    if (cards) ImGui::EndChild();
    return intent;
}

}  // namespace portal::ui
