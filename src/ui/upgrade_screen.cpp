// The upgrade/downgrade wizard (RULES.md §3): options → the quote line by line → the order.
// Draws app::UpgradeState; every amount and date is formatted here, never computed.
#include <string>

#include "app/display.h"
#include "app/service_flow.h"
#include "app/texts/activation_texts.h"
#include "app/texts/fill_in.h"
#include "app/texts/invoice_texts.h"
#include "app/texts/upgrade_texts.h"
#include "app/tickets_flow.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screen_context.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

using app::fill_in;
using app::UpgradeText;

using Screen = ScreenContext<app::UpgradeState, UpgradeText, app::UpgradeIntent>;

void back_to_service(Screen& s) {
    s.back_to_service(UpgradeText::back_to_service, s.state.service_id);
}

void step_line(Screen& s, int number, UpgradeText name) {
    text(fill_in(s.t(UpgradeText::step_of), {std::to_string(number), s.t(name)}), color::kPrimary);
}

// A refusal in this wizard's words, or the generic problem with its "Reintentar".
bool trouble(Screen& s, const std::optional<UpgradeText>& refusal, const app::Problem& problem) {
    if (refusal) {
        warning_notice(s.t(*refusal));
        return false;
    }
    return problem_box(problem, s.lang);
}

// What keeps the service from ordering a change now, and the way out (withdraw it first).
void draw_blocked(Screen& s, const api::ServiceView& service, app::ServiceText why) {
    std::string headline;
    if (const auto& change = service.pending_plan_change) {
        headline = change->status == domain::OrderStatus::scheduled && change->effective_on
                       ? fill_in(app::tr(s.lang, app::ServiceText::plan_change_scheduled),
                                 {change->to_plan_name, s.date(*change->effective_on)})
                       : fill_in(app::tr(s.lang, app::ServiceText::plan_change_awaiting),
                                 {change->to_plan_name});
    }
    if (app::cancellation_scheduled(service)) {
        headline = app::scheduled_cancellation_line(service, s.lang);
    }
    notice(with_icon(icon::kWarning, headline), app::tr(s.lang, why), color::kWarning);
    ImGui::Spacing();
}

void draw_options(Screen& s) {
    const api::UpgradeOptions& options = *s.state.options.data;
    step_line(s, 1, UpgradeText::step_options);
    text_wrapped(s.t(UpgradeText::subtitle), color::kMuted);
    ImGui::Spacing();
    const auto blocked = app::plan_change_blocked(*s.state.service.data);
    if (blocked) draw_blocked(s, *s.state.service.data, *blocked);
    if (options.options.empty()) {
        empty_line(s.t(UpgradeText::no_options));
    }
    for (const api::UpgradeOption& option : options.options) {
        ImGui::PushID(option.plan.id.c_str());
        begin_card("option");
        heading(option.plan.name);
        ImGui::SameLine();
        const bool up = option.direction == domain::PlanChange::up;
        badge(s.t(up ? UpgradeText::badge_up : UpgradeText::badge_down),
              up ? color::kSuccess : color::kMuted);
        text(app::plan_price(option.plan, s.lang));
        text(fill_in(s.t(UpgradeText::pay_now), {s.money(option.quote.amount)}), color::kMuted);
        const std::string choose = fill_in(s.t(UpgradeText::choose), {option.plan.name});
        if (primary_button(choose.c_str(), !blocked)) {
            s.send(app::ChooseUpgradePlan{option.plan.id});
        }
        end_card();
        ImGui::PopID();
    }
    ImGui::Spacing();
    back_to_service(s);
}

void draw_review(Screen& s, const app::UpgradeFlow& flow) {
    const app::UpgradeQuoteLines& quote = *s.state.quote;
    const std::string& from = s.state.service.data->plan.name;
    const std::string& to = quote.option.plan.name;
    const bool down = quote.option.direction == domain::PlanChange::down;
    step_line(s, 2, UpgradeText::step_quote);
    begin_card("quote");
    heading(fill_in(s.t(UpgradeText::quote_heading), {from, to}));
    ImGui::Spacing();
    if (begin_amounts("lines")) {
        // RULES.md §3: new price − already paid = due now (never negative).
        amount_row(fill_in(s.t(UpgradeText::line_new_price), {to}), s.money(quote.new_price));
        if (!down) {
            amount_row(s.t(UpgradeText::line_paid),
                       "\xE2\x80\x93 " + s.money(quote.already_paid));  // en dash
        }
        amount_row(s.t(UpgradeText::line_due), s.money(quote.amount_due), true);
        end_amounts();
    }
    ImGui::Spacing();
    if (down) text_wrapped(s.t(UpgradeText::down_explained), color::kMuted);
    if (quote.paid_covers_price) text_wrapped(s.t(UpgradeText::paid_covers), color::kMuted);
    if (quote.scheduled_for) {
        text_wrapped(fill_in(s.t(UpgradeText::scheduled_for), {s.date(*quote.scheduled_for)}));
        text_wrapped(fill_in(s.t(UpgradeText::scheduled_explained), {from}), color::kMuted);
    } else {
        text_wrapped(fill_in(s.t(UpgradeText::new_period),
                             {s.date(quote.period_start), s.date(quote.period_end)}));
        text_wrapped(fill_in(s.t(UpgradeText::counted_from), {s.date(quote.period_start)}),
                     color::kMuted);
    }
    end_card();
    ImGui::Spacing();

    if (!quote.adds_up) {
        warning_notice(s.t(UpgradeText::does_not_add_up));
        if (button(s.t(app::Text::retry))) s.send(app::ReloadUpgradeOptions{});
        ImGui::Spacing();
    }
    if (s.state.order.failed()) {
        // "Reintentar" confirms again with the same attempt (same Idempotency-Key).
        if (trouble(s, s.state.order_refusal, s.state.order.problem)) {
            s.send(app::ConfirmUpgrade{});
        }
        ImGui::Spacing();
    }

    const bool busy = s.state.order.loading();
    const std::string confirm =
        with_icon(icon::kLock, s.t(busy ? UpgradeText::confirming : UpgradeText::confirm));
    if (button(s.t(UpgradeText::back_to_options), !busy)) s.send(app::BackToUpgradeOptions{});
    same_line_if_fits(ImGui::CalcTextSize(confirm.c_str()).x + 40);
    if (primary_button(confirm.c_str(), flow.can_confirm())) s.send(app::ConfirmUpgrade{});
}

// An upgrade waiting for its invoice: the invoice, «Pagar ahora», and once paid the plan enabled.
void draw_payment(Screen& s, const app::UpgradeFlow& flow, const api::InvoiceView& invoice) {
    const app::PaymentState& payment = flow.payment();
    const auto& service = s.state.service.data;
    if (payment.paid && service && !s.state.service.loading()) {
        notice(with_icon(icon::kCheck, fill_in(s.t(UpgradeText::paid_enabled),
                                               {service->plan.name, s.date(service->period_start),
                                                s.date(service->period_end)})),
               "", color::kSuccess);
        return;
    }
    if (payment.paid) {
        loading_line(s.lang);
        return;
    }
    text_wrapped(s.t(UpgradeText::awaiting_payment));
    if (s.state.activation) {
        text_wrapped(fill_in(s.t(UpgradeText::after_payment),
                             {app::describe_activation(*s.state.activation, s.lang)}),
                     color::kMuted);
    }
    ImGui::Spacing();
    if (payment.failed == invoice.id) {
        if (payment.refusal) {
            warning_notice(app::tr(s.lang, *payment.refusal));
        } else if (payment.problem && problem_box(*payment.problem, s.lang)) {
            s.send(app::PayUpgradeInvoice{});  // the same payment, the same key
        }
        ImGui::Spacing();
    }
    const bool paying = payment.paying.has_value();
    const std::string pay = paying ? std::string(s.t(UpgradeText::paying))
                                   : with_icon(icon::kLock, s.t(UpgradeText::pay_now_button));
    if (primary_button(pay.c_str(), flow.can_pay())) s.send(app::PayUpgradeInvoice{});
    text_wrapped(s.t(UpgradeText::sandbox_hint), color::kMuted);
}

void draw_done(Screen& s, const app::UpgradeFlow& flow) {
    const api::UpgradeOrderResult& result = *s.state.order.data;
    const api::UpgradeOrder& order = result.order;
    const std::string& from = s.state.from_plan.empty() ? order.from_plan_id : s.state.from_plan;
    const std::string to = s.state.quote ? s.state.quote->option.plan.name : order.to_plan_id;
    const bool scheduled = order.status == domain::OrderStatus::scheduled;
    step_line(s, 3, UpgradeText::step_done);
    begin_card("order");
    heading(s.t(scheduled ? UpgradeText::scheduled_heading : UpgradeText::done_heading));
    text_wrapped(fill_in(s.t(UpgradeText::order_line), {std::to_string(order.id), from, to}));
    if (scheduled) {
        // A downgrade: nothing changes until the paid period ends.
        if (order.effective_on) {
            text_wrapped(fill_in(s.t(UpgradeText::scheduled_for), {s.date(*order.effective_on)}));
        }
        text_wrapped(fill_in(s.t(UpgradeText::scheduled_explained), {from}), color::kMuted);
    } else if (result.invoice) {
        text_wrapped(fill_in(s.t(UpgradeText::invoice_line),
                             {std::to_string(result.invoice->id), s.money(result.invoice->amount),
                              s.date(result.invoice->due_on)}));
        draw_payment(s, flow, *result.invoice);
    } else {
        text_wrapped(s.t(UpgradeText::no_invoice), color::kMuted);
        text_wrapped(s.t(UpgradeText::effective_now));
        text_wrapped(fill_in(s.t(UpgradeText::new_period),
                             {s.date(order.period_start), s.date(order.period_end)}));
    }
    end_card();
    ImGui::Spacing();
    back_to_service(s);
}

void draw_manual_request(Screen& s, app::UpgradeFlow& flow) {
    notice(s.t(UpgradeText::manual_heading), s.t(UpgradeText::manual_body), color::kWarning);
    ImGui::Spacing();
    if (s.state.step == app::UpgradeStep::request_sent && s.state.request.data) {
        const api::TicketDetail& sent = *s.state.request.data;
        begin_card("sent");
        heading(fill_in(s.t(UpgradeText::request_sent), {std::to_string(sent.ticket.id)}));
        if (!sent.messages.empty()) text_wrapped(sent.messages.front().text, color::kMuted);
        text_wrapped(s.t(UpgradeText::request_next));
        const std::string due = app::due_line(sent.ticket, s.lang);
        if (!due.empty()) text_wrapped(due, color::kPrimary);
        if (link(s.t(UpgradeText::see_request_ticket))) {
            app::Route ticket{app::Route::Page::ticket};
            ticket.ticket_id = sent.ticket.id;
            s.go_to(ticket);
        }
        end_card();
        ImGui::Spacing();
        back_to_service(s);
        return;
    }
    const bool busy = s.state.request.loading();
    multiline_field(s.t(UpgradeText::manual_message), flow.message(),
                    s.state.message_error ? s.t(*s.state.message_error) : nullptr, 120.0f);
    text_wrapped(s.t(UpgradeText::manual_hint), color::kMuted);
    ImGui::Spacing();
    if (s.state.request.failed()) {
        if (trouble(s, s.state.request_refusal, s.state.request.problem)) {
            s.send(app::SendUpgradeRequest{});
        }
        ImGui::Spacing();
    }
    back_to_service(s);
    const char* send = s.t(busy ? UpgradeText::sending_request : UpgradeText::send_request);
    same_line_if_fits(ImGui::CalcTextSize(send).x + 40);
    if (primary_button(send, !busy)) s.send(app::SendUpgradeRequest{});
}

void draw_body(Screen& s, app::UpgradeFlow& flow) {
    const auto& options = s.state.options;
    const bool loading = options.loading() || s.state.service.loading();
    if (loading && !options.data) {
        loading_line(s.lang);
    } else if (options.failed() || s.state.service.failed()) {
        const app::Problem& problem = options.failed() ? options.problem : s.state.service.problem;
        if (trouble(s, options.failed() ? s.state.options_refusal : std::nullopt, problem)) {
            s.send(app::ReloadUpgradeOptions{});
        }
        ImGui::Spacing();
        back_to_service(s);
    } else if (options.data && s.state.service.data) {
        if (!options.data->automatic) {
            draw_manual_request(s, flow);
        } else {
            switch (s.state.step) {
                case app::UpgradeStep::options:
                    draw_options(s);
                    break;
                case app::UpgradeStep::review:
                    if (s.state.quote) draw_review(s, flow);
                    break;
                case app::UpgradeStep::done:
                    if (s.state.order.data) draw_done(s, flow);
                    break;
                case app::UpgradeStep::request_sent:
                    break;
            }
        }
    }
}

// Which service the page is about.
void draw_heading(const Screen& s, const api::ServiceView& service) {
    text_wrapped(service.name, color::kMuted);
    text_wrapped(fill_in(s.t(UpgradeText::current_plan),
                         {service.plan.name, app::plan_price(service.plan, s.lang)}));
}

}  // namespace

app::Intent draw_upgrade(app::PortalApp& app) {
    return draw_service_wizard(app.upgrade_form(), app.state().language, "upgrade",
                               UpgradeText::title, draw_heading, draw_body);
}

}  // namespace portal::ui
