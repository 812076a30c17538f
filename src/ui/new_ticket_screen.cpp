// «Nuevo ticket»: what the client needs (a question or one of the manual's procedures, each with
// what it is for), the fields that procedure asks for with what it needs said up front, then the
// subject and the message; about a service when opened from it. A refusal names every rule the
// request did not meet, with the way forward. Draws app::TicketsFlow's state; checks and
// decisions are there.
#include <string>
#include <string_view>

#include "app/texts/fill_in.h"
#include "app/texts/support_texts.h"
#include "app/tickets_flow.h"
#include "imgui.h"
#include "ui/screens.h"
#include "ui/support_page.h"
#include "ui/widgets.h"

namespace portal::ui {

namespace {

using app::fill_in;
using app::SupportText;
using domain::TicketKind;
using Screen = SupportScreen;

// What is wrong with `field` (the API's name), under it, when the last check said so.
void field_problem(const Screen& s, std::string_view field) {
    const app::NewTicketForm& form = s.state.form;
    if (form.problem && form.problem_field == field) {
        text_wrapped(s.t(*form.problem), color::kDanger);
    }
}

void draw_kind_choice(Screen& s, const app::NewTicketForm& form, bool busy) {
    text(s.t(SupportText::kind_label));
    for (const TicketKind kind : app::kOfferedKinds) {
        if (radio(app::tr(s.lang, kind), form.kind == kind, !busy)) s.send(app::ChooseKind{kind});
        if (form.kind == kind) {
            ImGui::Indent(choice_label_indent());
            text_wrapped(app::kind_hint(s.lang, kind), color::kMuted);
            ImGui::Unindent(choice_label_indent());
        }
    }
}

void draw_service_choice(Screen& s, const app::NewTicketForm& form, bool busy) {
    text(s.t(SupportText::service_label));
    const auto& services = s.state.services;
    if (services.failed()) {
        if (problem_box(services.problem, s.lang)) s.send(app::ChooseKind{form.kind});
    } else if (services.loading()) {
        loading_line(s.lang);
    } else if (services.data && services.data->services.empty()) {
        text_wrapped(s.t(SupportText::no_services), color::kMuted);
    } else if (services.data) {
        for (const api::ServiceView& service : services.data->services) {
            ImGui::PushID(static_cast<int>(service.id));
            const std::string label =
                service.name + " · " + std::string(app::tr(s.lang, service.status));
            if (radio(label.c_str(), form.chosen_service_id == service.id, !busy)) {
                s.send(app::ChooseTicketService{service.id});
            }
            ImGui::PopID();
        }
    }
    field_problem(s, "service_id");
    ImGui::Spacing();
}

void draw_department_choice(Screen& s, const app::NewTicketForm& form, bool busy) {
    text(s.t(SupportText::department_label));
    // The choices under their label, side by side while they fit.
    bool first = true;
    for (const auto department :
         {domain::TicketDepartment::support, domain::TicketDepartment::billing,
          domain::TicketDepartment::sales}) {
        const char* label = app::tr(s.lang, department);
        if (!first) same_line_if_fits(button_width(label) + 24);
        first = false;
        if (radio(label, form.department == department, !busy)) {
            s.send(app::ChooseDepartment{department});
        }
    }
    ImGui::Spacing();
}

void draw_migration(Screen& s, app::NewTicketForm& form, bool busy, float width) {
    text(s.t(SupportText::option_label));
    if (radio(s.t(SupportText::option_company), form.migration_option == 1, !busy)) {
        s.send(app::ChooseMigrationOption{1});
    }
    if (radio(s.t(SupportText::option_client), form.migration_option == 2, !busy)) {
        s.send(app::ChooseMigrationOption{2});
    }
    field_problem(s, "option");
    ImGui::Spacing();
    text_field(s.t(SupportText::domain_label), form.site_domain, FieldKind::text, std::nullopt,
               s.lang, width);
    field_problem(s, "domain");
    text_field(s.t(SupportText::provider_label), form.current_provider, FieldKind::text,
               std::nullopt, s.lang, width);
    field_problem(s, "current_provider");
    if (form.migration_option == 1) {
        if (checkbox(s.t(SupportText::webmail_warning), form.webmail_warning_accepted, !busy)) {
            s.send(app::AcceptWebmailWarning{!form.webmail_warning_accepted});
        }
        field_problem(s, "webmail_warning_accepted");
        text_wrapped(s.t(SupportText::webmail_note), color::kMuted);
    }
    ImGui::Spacing();
}

// Remote support (RULES.md §9): the requirements and their tick, the RustDesk ID with where it
// comes from, then the free slots by day, side by side while they fit.
void draw_remote_support(Screen& s, app::NewTicketForm& form, bool busy, float width) {
    text_wrapped(s.t(SupportText::remote_requirements));
    if (checkbox(s.t(SupportText::requirements_tick), form.requirements_accepted, !busy)) {
        s.send(app::AcceptRemoteRequirements{!form.requirements_accepted});
    }
    field_problem(s, "requirements_accepted");
    text_wrapped(s.t(SupportText::remote_scope), color::kMuted);
    ImGui::Spacing();
    text_wrapped(s.t(SupportText::rustdesk_steps), color::kMuted);
    text_field(s.t(SupportText::rustdesk_label), form.rustdesk_id, FieldKind::text, std::nullopt,
               s.lang, width);
    field_problem(s, "rustdesk_id");
    ImGui::Spacing();
    text(s.t(SupportText::slots_label));
    const auto& slots = s.state.remote_slots;
    if (slots.failed()) {
        if (problem_box(slots.problem, s.lang)) s.send(app::ChooseKind{form.kind});
    } else if (slots.loading() && !slots.data) {
        loading_line(s.lang);
    } else if (slots.data && slots.data->slots.empty()) {
        text_wrapped(s.t(SupportText::no_free_slots), color::kMuted);
    } else if (slots.data) {
        for (const app::SlotDay& day : app::slot_days(*slots.data, s.lang)) {
            text(day.heading, color::kMuted);
            bool first = true;
            for (const app::SlotChoice& slot : day.slots) {
                if (!first) same_line_if_fits(button_width(slot.label.c_str()) + 24);
                first = false;
                ImGui::PushID(slot.starts_at.c_str());
                if (radio(slot.label.c_str(), form.slot == slot.starts_at, !busy)) {
                    s.send(app::ChooseRemoteSlot{slot.starts_at});
                }
                ImGui::PopID();
            }
        }
    }
    field_problem(s, "slot");
    ImGui::Spacing();
}

// The plan does not include remote support: said up front, with where to see the plans that do,
// instead of fields the server would refuse.
void draw_plan_refusal(Screen& s) {
    warning_notice(app::tr(s.lang, domain::ProcedureCondition::plan_excludes_remote_support));
    if (link(s.t(SupportText::see_plans))) {
        app::Route route{app::Route::Page::manual};
        route.slug = std::string(app::kSupportPlansManual);
        s.go_to(route);
    }
}

// The fields of the chosen procedure, before the subject and the message.
void draw_procedure_fields(Screen& s, app::NewTicketForm& form, bool busy, float width) {
    if (app::asks_for_service(s.state)) draw_service_choice(s, form, busy);
    switch (form.kind) {
        case TicketKind::general:
            draw_department_choice(s, form, busy);
            break;
        case TicketKind::migration:
            draw_migration(s, form, busy, width);
            break;
        case TicketKind::change_of_holder:
            text_wrapped(s.t(SupportText::holder_rules), color::kMuted);
            text_field(s.t(SupportText::new_holder_label), form.new_holder_email, FieldKind::email,
                       std::nullopt, s.lang, width);
            field_problem(s, "new_holder_email");
            break;
        case TicketKind::backup_recovery:
            text_field(s.t(SupportText::date_label), form.date_wanted, FieldKind::text,
                       std::nullopt, s.lang, width);
            field_problem(s, "date_wanted");
            text_wrapped(s.t(SupportText::backup_cost_note), color::kMuted);
            break;
        case TicketKind::voice_over:
            multiline_field(
                s.t(SupportText::texts_label), form.texts,
                form.problem_field == "texts" && form.problem ? s.t(*form.problem) : nullptr,
                140.0f);
            text_wrapped(s.t(SupportText::voice_over_note), color::kMuted);
            break;
        case TicketKind::remote_support:
            draw_remote_support(s, form, busy, width);
            break;
        case TicketKind::error_report:
        case TicketKind::upgrade_request:
        case TicketKind::feature_request:
            break;
    }
    ImGui::Spacing();
}

void draw_form(Screen& s, app::TicketsFlow& flow) {
    app::NewTicketForm& form = flow.form();
    const bool busy = s.state.sent.loading();
    if (s.state.service_id != 0) {
        if (const auto& service = s.state.service.data) {
            text_wrapped(fill_in(s.t(SupportText::about_service), {service->name}));
        } else if (s.state.service.loading()) {
            loading_line(s.lang);
        }
        ImGui::Spacing();
    }
    begin_card("new-ticket-kind");
    draw_kind_choice(s, form, busy);
    end_card();
    ImGui::Spacing();
    if (app::plan_refuses_procedure(s.state)) {
        draw_plan_refusal(s);
        return;
    }
    begin_card("new-ticket");
    const float width = ImGui::GetContentRegionAvail().x;
    draw_procedure_fields(s, form, busy, width);
    text_field(s.t(SupportText::subject_label), form.subject, FieldKind::text, std::nullopt, s.lang,
               width);
    if (form.subject_error) text_wrapped(s.t(*form.subject_error), color::kDanger);
    if (form.kind != TicketKind::general) {
        text_wrapped(fill_in(s.t(SupportText::subject_default), {app::tr(s.lang, form.kind)}),
                     color::kMuted);
    }
    multiline_field(s.t(SupportText::message_label), form.message,
                    form.message_error ? s.t(*form.message_error) : nullptr, 140.0f);
    end_card();
    ImGui::Spacing();
    send_controls(s, s.state.sent, SupportText::send_ticket, app::SendTicket{});
    for (const domain::ProcedureCondition condition : s.state.conditions) {
        if (condition == domain::ProcedureCondition::your_invoices_overdue &&
            link(s.t(SupportText::see_invoices))) {
            s.go_to(app::Route{app::Route::Page::invoices});
        }
    }
}

}  // namespace

app::Intent draw_new_ticket(app::PortalApp& app) {
    app::TicketsFlow& flow = app.tickets_form();
    Screen s{flow.state(), app.state().language, {}};
    begin_support_page(s, "new-ticket", s.t(SupportText::new_ticket));
    draw_form(s, flow);
    end_page();
    return std::move(s.intent);
}

}  // namespace portal::ui
