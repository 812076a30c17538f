// The invoices tab (RULES.md §3): each invoice as a card — number, status, service, period, its
// lines and total, due date — the ones still owed first, and «Pagar» with its confirmation (a
// test payment, and the screen says so). Draws app::InvoicesFlow's state; the order and every
// decision come from there.
#include <string>

#include "app/display.h"
#include "app/invoices_flow.h"
#include "app/texts/cancellation_texts.h"
#include "app/texts/fill_in.h"
#include "app/texts/invoice_texts.h"
#include "domain/enum_map.h"
#include "imgui.h"
#include "imgui_internal.h"  // ScrollToItem
#include "ui/icons.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

using app::fill_in;
using app::InvoiceText;
using Status = domain::InvoiceStatus;

using Screen = ScreenContext<app::InvoicesState, InvoiceText, app::InvoicesIntent>;

constexpr domain::EnumMap<Status, ImU32> kInvoiceColors{{Status::overdue, color::kDanger},
                                                        {Status::unpaid, color::kWarning},
                                                        {Status::paid, color::kSuccess},
                                                        {Status::cancelled, color::kMuted}};

std::string number(int64_t id) {
    return std::to_string(id);
}

// What the last payment did: the invoice paid, and the plan and period it enabled.
void draw_paid(Screen& s, const app::PaymentState& payment) {
    if (!payment.paid) return;
    const api::InvoiceView& invoice = payment.paid->invoice;
    std::string detail;
    if (const auto& service = s.state.paid_service.data;
        service && service->id == invoice.service_id && !s.state.paid_service.loading()) {
        detail = fill_in(s.t(InvoiceText::plan_enabled),
                         {service->name, service->plan.name, s.date(service->period_start),
                          s.date(service->period_end)});
    }
    notice(with_icon(icon::kCheck, fill_in(s.t(InvoiceText::paid_done), {number(invoice.id)})),
           detail, color::kSuccess);
    ImGui::Spacing();
}

// «Pagar», or its confirmation, or why the last attempt failed.
void draw_pay(Screen& s, const app::InvoicesFlow& flow, const api::InvoiceView& invoice) {
    const app::PaymentState& payment = flow.payment();
    if (payment.failed == invoice.id) {
        if (payment.refusal) {
            warning_notice(s.t(*payment.refusal));
        } else if (payment.problem && problem_box(*payment.problem, s.lang)) {
            s.send(app::ConfirmPayment{});  // the same payment, the same key
        }
        ImGui::Spacing();
    }
    const bool paying = payment.paying == invoice.id;
    ImGuiStorage* shown = ImGui::GetStateStorage();
    const ImGuiID shown_key = ImGui::GetID("question-shown");
    if (payment.asking == invoice.id || paying) {
        notice(
            fill_in(s.t(InvoiceText::pay_question), {number(invoice.id), s.money(invoice.amount)}),
            s.t(InvoiceText::pay_sandbox), color::kPrimary);
        const std::string yes = paying ? std::string(s.t(InvoiceText::paying))
                                       : with_icon(icon::kLock, fill_in(s.t(InvoiceText::pay_yes),
                                                                        {s.money(invoice.amount)}));
        if (primary_button(yes.c_str(), !paying)) s.send(app::ConfirmPayment{});
        same_line_if_fits(button_width(s.t(InvoiceText::pay_no)));
        if (button(s.t(InvoiceText::pay_no), !paying)) s.send(app::KeepInvoiceUnpaid{});
        // The question opens below «Pagar», maybe past the window's bottom: scrolled into view
        // once, so its answers show without the client looking for them.
        if (!shown->GetBool(shown_key)) {
            ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
            shown->SetBool(shown_key, true);
        }
        return;
    }
    shown->SetBool(shown_key, false);
    if (!flow.can_pay(invoice)) return;
    const std::string readable = fill_in(s.t(InvoiceText::pay_invoice), {number(invoice.id)});
    if (row_button(s.t(InvoiceText::pay), readable, "pay", !payment.paying)) {
        s.send(app::PayInvoice{invoice.id});
    }
}

void draw_invoice(Screen& s, const app::InvoicesFlow& flow, const api::InvoiceView& invoice) {
    begin_card("invoice");
    const std::string heading_text =
        fill_in(s.t(InvoiceText::invoice_heading), {number(invoice.id)});
    heading(heading_text);
    const std::string status(app::tr(s.lang, invoice.status));
    same_line_if_fits(ImGui::CalcTextSize(status.c_str()).x + 24);
    badge(status, kInvoiceColors[invoice.status]);
    text_wrapped(fill_in(s.t(InvoiceText::service_line), {invoice.service_name}));
    text_wrapped(fill_in(s.t(InvoiceText::period_line),
                         {s.date(invoice.period_start), s.date(invoice.period_end)}),
                 color::kMuted);
    ImGui::Spacing();
    if (begin_amounts("lines")) {
        if (invoice.lines.empty()) amount_row(invoice.description, s.money(invoice.amount));
        for (const api::InvoiceLine& line : invoice.lines) {
            amount_row(line.description, s.money(line.amount));
        }
        amount_row(s.t(InvoiceText::total), s.money(invoice.amount), true);
        end_amounts();
    }
    ImGui::Spacing();
    switch (invoice.status) {
        case Status::overdue:
            text_wrapped(with_icon(icon::kWarning, fill_in(s.t(InvoiceText::overdue_since),
                                                           {s.date(invoice.due_on)})),
                         color::kDanger);
            break;
        case Status::unpaid:
            text_wrapped(fill_in(s.t(InvoiceText::due_on), {s.date(invoice.due_on)}));
            break;
        case Status::paid:
            if (!invoice.payments.empty()) {
                text_wrapped(
                    fill_in(s.t(InvoiceText::paid_on), {s.date(invoice.payments.back().paid_on)}),
                    color::kSuccess);
            }
            break;
        case Status::cancelled:
            text_wrapped(fill_in(s.t(InvoiceText::issued_on), {s.date(invoice.issued_on)}),
                         color::kMuted);
            break;
    }
    draw_pay(s, flow, invoice);
    end_card();
}

void draw_body(Screen& s, const app::InvoicesFlow& flow) {
    notice(s.t(InvoiceText::sandbox_notice), "", color::kWarning);
    ImGui::Spacing();
    draw_paid(s, flow.payment());
    const auto& invoices = s.state.invoices;
    if (invoices.failed()) {
        if (problem_box(invoices.problem, s.lang)) s.send(app::ReloadInvoices{});
        ImGui::Spacing();
    }
    loaded_list(invoices.data ? &s.state.ordered : nullptr, invoices.loading(),
                s.t(InvoiceText::no_invoices), s.lang,
                [&](const api::InvoiceView& invoice) { draw_invoice(s, flow, invoice); });
}

}  // namespace

app::Intent draw_invoices(app::PortalApp& app) {
    return draw_flow_page(app.invoices(), app.state().language, "invoices", app::Text::invoices,
                          InvoiceText::subtitle, draw_body);
}

}  // namespace portal::ui
