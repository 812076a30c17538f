// The cancellation wizard (RULES.md §4): when → the conditions (accepted) → reason → email and
// password → the request, which can be withdrawn. A domain only offers "No renovar"; a service
// that is not active says why. Draws app::CancellationState; dates are formatted here, never
// computed. The red button stays disabled until the flow says the request may go.
#include <string>

#include "app/display.h"
#include "app/texts/cancellation_texts.h"
#include "app/texts/fill_in.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

using app::CancellationText;
using app::fill_in;
using domain::CancellationKind;

using Screen = ScreenContext<app::CancellationState, CancellationText, app::CancellationIntent>;

void back_to_service(Screen& s) {
    s.back_to_service(CancellationText::back_to_service, s.state.service_id);
}

std::string invoice_line(const Screen& s, const api::InvoiceView& invoice) {
    return fill_in(s.t(CancellationText::invoice_line),
                   {std::to_string(invoice.id), invoice.description, s.money(invoice.amount),
                    s.date(invoice.due_on), app::tr(s.lang, invoice.status)});
}

void draw_not_active(Screen& s) {
    const api::ServiceView& service = *s.state.service.data;
    CancellationText hint = CancellationText::hint_gone;
    if (service.status == domain::ServiceStatus::pending) hint = CancellationText::hint_pending;
    if (service.status == domain::ServiceStatus::suspended) {
        hint = CancellationText::hint_suspended;
    }
    const std::string status(app::tr(s.lang, service.status));
    notice(fill_in(s.t(CancellationText::why_not_active), {status}), s.t(hint), color::kWarning);
    ImGui::Spacing();
    back_to_service(s);
}

void draw_domain(Screen& s) {
    const api::ServiceView& service = *s.state.service.data;
    begin_card("domain");
    heading(s.t(CancellationText::domain_heading));
    text_wrapped(fill_in(s.t(CancellationText::domain_body), {s.date(service.period_end)}));
    ImGui::Spacing();
    const auto& renew = s.state.auto_renew;
    if (renew.data) {
        const bool on = renew.data->enabled;
        text(s.t(on ? CancellationText::renew_on : CancellationText::renew_off),
             on ? color::kText : color::kWarning);
        if (!on && s.state.renew_changed) {
            text_wrapped(
                fill_in(s.t(CancellationText::no_renew_done), {s.date(service.period_end)}),
                color::kSuccess);
        }
        const bool live = service.status == domain::ServiceStatus::active ||
                          service.status == domain::ServiceStatus::suspended;
        const bool busy = s.state.saving_renew;
        if (live && on) {
            const char* label = s.t(busy ? CancellationText::saving : CancellationText::no_renew);
            if (primary_button(label, !busy)) s.send(app::SetAutoRenew{false});
        } else if (live) {
            const char* label =
                s.t(busy ? CancellationText::saving : CancellationText::renew_again);
            if (button(label, !busy)) s.send(app::SetAutoRenew{true});
        }
    } else if (renew.loading()) {
        loading_line(s.lang);
    } else if (renew.failed()) {
        if (problem_box(renew.problem, s.lang)) s.send(app::ReloadCancellation{});
    }
    if (s.state.renew_refusal) warning_notice(s.t(*s.state.renew_refusal));
    if (s.state.renew_problem && problem_box(*s.state.renew_problem, s.lang) && renew.data) {
        s.send(app::SetAutoRenew{!renew.data->enabled});
    }
    end_card();
    ImGui::Spacing();
    back_to_service(s);
}

// One way to cancel: its radio, and under it when it would take effect.
void kind_option(Screen& s, CancellationKind kind, CancellationText label, CancellationText detail,
                 const domain::CancellationTerms& terms) {
    if (radio(s.t(label), s.state.kind == kind, !s.state.submitting)) {
        s.send(app::ChooseCancellationKind{kind});
    }
    ImGui::Indent(28.0f);
    text_wrapped(fill_in(s.t(detail), {s.date(terms.effective_on)}), color::kMuted);
    ImGui::Unindent(28.0f);
}

void draw_kinds(Screen& s) {
    heading(s.t(CancellationText::step_kind));
    kind_option(s, CancellationKind::end_of_period, CancellationText::kind_end_of_period,
                CancellationText::kind_end_detail, *s.state.end_of_period);
    kind_option(s, CancellationKind::immediate, CancellationText::kind_immediate,
                CancellationText::kind_immediate_detail, *s.state.immediate);
    if (s.state.kind == CancellationKind::immediate) {
        // The extra, explicit warning of an immediate cancellation.
        ImGui::Spacing();
        warning_notice(fill_in(s.t(CancellationText::immediate_warning),
                               {s.date(s.state.immediate->effective_on)}),
                       fill_in(s.t(CancellationText::immediate_alternative),
                               {s.date(s.state.end_of_period->effective_on)}));
    }
}

void draw_conditions(Screen& s, const app::CancellationFlow& flow) {
    heading(s.t(CancellationText::step_conditions));
    bullet(s.t(CancellationText::cond_no_refund));
    bullet(s.t(CancellationText::cond_invoices_due));
    ImGui::Indent(28.0f);
    if (s.state.invoices_due.empty()) {
        text_wrapped(s.t(CancellationText::no_invoices_due), color::kMuted);
    } else {
        text_wrapped(s.t(CancellationText::invoices_due_heading), color::kWarning);
        for (const api::InvoiceView& invoice : s.state.invoices_due) {
            text_wrapped(invoice_line(s, invoice), color::kWarning);
        }
    }
    ImGui::Unindent(28.0f);
    bullet(s.t(CancellationText::cond_domains));
    bullet(fill_in(s.t(CancellationText::cond_backup),
                   {std::to_string(s.state.immediate->backup_kept_years)}));
    if (const domain::CancellationTerms* terms = flow.chosen_terms()) {
        bullet(fill_in(s.t(CancellationText::cond_deletion_on), {s.date(terms->effective_on)}));
    } else {
        bullet(s.t(CancellationText::cond_deletion));
    }
    bullet(s.t(CancellationText::cond_come_back));
    ImGui::Spacing();
    if (checkbox(s.t(CancellationText::accept), s.state.accepted,
                 s.state.kind.has_value() && !s.state.submitting)) {
        s.send(app::AcceptCancellationConditions{!s.state.accepted});
    }
}

void draw_form(Screen& s, app::CancellationFlow& flow) {
    text_wrapped(s.t(CancellationText::subtitle), color::kMuted);
    ImGui::Spacing();
    begin_card("kind");
    draw_kinds(s);
    end_card();
    ImGui::Spacing();
    begin_card("conditions");
    draw_conditions(s, flow);
    end_card();
    ImGui::Spacing();

    app::CancellationForm& form = flow.form();
    const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().WindowPadding.x * 2;
    begin_card("confirm");
    heading(s.t(CancellationText::step_reason));
    multiline_field(s.t(CancellationText::reason_label), form.reason, nullptr, 80.0f);
    ImGui::Spacing();
    heading(s.t(CancellationText::step_confirm));
    text_wrapped(s.t(CancellationText::confirm_explained), color::kMuted);
    bool enter = false;
    enter |= text_field(s.t(CancellationText::email_label), form.email, FieldKind::email,
                        std::nullopt, s.lang, width);
    if (s.state.email_error) text_wrapped(s.t(*s.state.email_error), color::kDanger);
    enter |= text_field(s.t(CancellationText::password_label), form.password, FieldKind::password,
                        std::nullopt, s.lang, width);
    if (s.state.password_error) text_wrapped(s.t(*s.state.password_error), color::kDanger);
    ImGui::Spacing();

    if (s.state.submit_refusal) {
        warning_notice(s.t(*s.state.submit_refusal));
        ImGui::Spacing();
    }
    if (s.state.submit_problem) {
        // "Reintentar" sends the same attempt again (same Idempotency-Key).
        if (problem_box(*s.state.submit_problem, s.lang)) s.send(app::SubmitCancellation{});
        ImGui::Spacing();
    }

    const bool immediate = s.state.kind == CancellationKind::immediate;
    const std::string label = with_icon(
        icon::kLock, s.t(s.state.submitting ? CancellationText::confirming
                                            : (immediate ? CancellationText::confirm_immediate
                                                         : CancellationText::confirm)));
    const bool ready = flow.can_submit();
    if (danger_button(label.c_str(), ready) || (enter && ready)) {
        s.send(app::SubmitCancellation{});
    }
    if (!ready && !s.state.submitting) {
        text_wrapped(s.t(CancellationText::confirm_blocked), color::kMuted);
    }
    end_card();
    ImGui::Spacing();
    back_to_service(s);
}

void draw_result(Screen& s) {
    const api::CancellationRequestView& request = *s.state.request;
    const bool immediate = request.type == CancellationKind::immediate;
    CancellationText status = CancellationText::status_scheduled;
    if (request.status == "withdrawn") status = CancellationText::status_withdrawn;
    if (request.status == "effective") status = CancellationText::status_effective;

    begin_card("request");
    heading(fill_in(s.t(CancellationText::request_heading), {std::to_string(request.id)}));
    ImGui::AlignTextToFramePadding();
    text(fill_in(s.t(CancellationText::status_line), {""}));
    ImGui::SameLine();
    badge(s.t(status), request.status == "scheduled"   ? color::kWarning
                       : request.status == "withdrawn" ? color::kSuccess
                                                       : color::kMuted);
    text_wrapped(fill_in(s.t(CancellationText::type_line),
                         {s.t(immediate ? CancellationText::type_immediate
                                        : CancellationText::type_end_of_period)}));
    text_wrapped(fill_in(s.t(CancellationText::requested_on), {s.date(request.requested_on)}));
    text_wrapped(fill_in(s.t(CancellationText::effective_on), {s.date(request.effective_on)}));
    if (request.status == "withdrawn") {
        text_wrapped(s.t(CancellationText::withdrawn_done), color::kSuccess);
    } else {
        if (!immediate) text_wrapped(s.t(CancellationText::keeps_working));
        if (!request.refund) text_wrapped(s.t(CancellationText::result_no_refund));
        if (!request.invoices_still_due.empty()) {
            std::string ids;
            for (const int64_t id : request.invoices_still_due) {
                if (!ids.empty()) ids += ", ";
                ids += std::to_string(id);
            }
            text_wrapped(fill_in(s.t(CancellationText::result_invoices_due), {ids}),
                         color::kWarning);
        }
        text_wrapped(fill_in(s.t(CancellationText::result_backup),
                             {std::to_string(request.backup_kept_years)}));
    }
    end_card();
    ImGui::Spacing();

    if (s.state.withdrawal.refusal) {
        warning_notice(s.t(*s.state.withdrawal.refusal));
        ImGui::Spacing();
    }
    if (request.status == "scheduled") {
        text_wrapped(
            fill_in(s.t(CancellationText::withdraw_until), {s.date(request.effective_on)}));
        if (s.state.withdrawal.asking) {
            notice(s.t(CancellationText::withdraw_question), "", color::kPrimary);
            if (s.state.withdrawal.problem && problem_box(*s.state.withdrawal.problem, s.lang)) {
                s.send(app::ConfirmWithdrawCancellation{});
            }
            const bool busy = s.state.withdrawal.withdrawing;
            const char* yes =
                s.t(busy ? CancellationText::withdrawing : CancellationText::withdraw_yes);
            if (primary_button(yes, !busy)) s.send(app::ConfirmWithdrawCancellation{});
            same_line_if_fits(ImGui::CalcTextSize(s.t(CancellationText::withdraw_no)).x + 40);
            if (button(s.t(CancellationText::withdraw_no), !busy)) {
                s.send(app::KeepCancellation{});
            }
        } else if (button(s.t(CancellationText::withdraw))) {
            s.send(app::AskWithdrawCancellation{});
        }
        ImGui::Spacing();
    } else if (request.status == "withdrawn") {
        if (button(s.t(CancellationText::new_request))) s.send(app::StartNewCancellation{});
        ImGui::Spacing();
    }
    back_to_service(s);
}

// Which service the page is about.
void draw_heading(const Screen&, const api::ServiceView& service) {
    text_wrapped(service.name + " \xC2\xB7 " + service.plan.name, color::kMuted);
}

void draw_body(Screen& s, app::CancellationFlow& flow) {
    switch (s.state.which) {
        case app::CancellationCase::loading:
            loading_line(s.lang);
            break;
        case app::CancellationCase::failed: {
            const app::Problem& problem =
                s.state.service.failed() ? s.state.service.problem : s.state.invoices.problem;
            if (problem_box(problem, s.lang)) s.send(app::ReloadCancellation{});
            ImGui::Spacing();
            back_to_service(s);
            break;
        }
        case app::CancellationCase::not_active:
            draw_not_active(s);
            break;
        case app::CancellationCase::domain:
            draw_domain(s);
            break;
        case app::CancellationCase::cancellable:
            if (s.state.step == app::CancellationStep::result && s.state.request) {
                draw_result(s);
            } else {
                draw_form(s, flow);
            }
            break;
    }
}

}  // namespace

app::Intent draw_cancellation(app::PortalApp& app) {
    return draw_service_wizard(app.cancellation_form(), app.state().language, "cancellation",
                               CancellationText::title, draw_heading, draw_body);
}

}  // namespace portal::ui
