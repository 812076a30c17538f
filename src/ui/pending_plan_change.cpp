#include "ui/pending_plan_change.h"

#include <string>

#include "app/texts/fill_in.h"
#include "app/texts/service_texts.h"
#include "imgui.h"
#include "ui/screen_context.h"
#include "ui/widgets.h"

namespace portal::ui {
namespace {

using app::fill_in;
using app::ServiceText;
using Ctx = ScreenContext<app::ServiceState, ServiceText>;

void send(Ctx& c, app::ServiceIntent intent) {
    c.send(app::Intent(std::move(intent)));
}

void draw_withdrawal(Ctx& c, const api::PendingPlanChange& change, const std::string& target) {
    const app::PlanChangeWithdrawal& w = c.state.withdrawal;
    if (!w.asking) {
        if (danger_button(c.t(ServiceText::withdraw_plan_change))) {
            send(c, app::AskWithdrawPlanChange{});
        }
        return;
    }
    const bool awaiting = change.status == domain::OrderStatus::awaiting_payment;
    notice(fill_in(c.t(ServiceText::withdraw_question), {target}),
           c.t(awaiting ? ServiceText::withdraw_awaiting : ServiceText::withdraw_scheduled),
           color::kPrimary);
    if (w.problem && problem_box(*w.problem, c.lang)) send(c, app::ConfirmWithdrawPlanChange{});
    const char* yes = c.t(w.withdrawing ? ServiceText::withdrawing : ServiceText::withdraw_yes);
    if (danger_button(yes, !w.withdrawing)) send(c, app::ConfirmWithdrawPlanChange{});
    same_line_if_fits(button_width(c.t(ServiceText::withdraw_no)));
    if (button(c.t(ServiceText::withdraw_no), !w.withdrawing)) send(c, app::KeepPlanChange{});
}

}  // namespace

app::Intent draw_pending_plan_change(const app::ServiceState& state, app::Language language) {
    Ctx c{state, language, {}};
    const app::PlanChangeWithdrawal& w = state.withdrawal;
    if (w.refusal) {
        warning_notice(c.t(*w.refusal));
        ImGui::Spacing();
    }
    if (w.kept_plan) {
        notice(fill_in(c.t(ServiceText::plan_change_withdrawn), {*w.kept_plan}), "",
               color::kSuccess);
        ImGui::Spacing();
    }
    const auto& service = state.service.data;
    if (!service || !service->pending_plan_change) return std::move(c.intent);
    const api::PendingPlanChange& change = *service->pending_plan_change;
    const std::string target = app::plan_change_target(state);
    begin_card("plan-change");
    heading(c.t(ServiceText::plan_change));
    if (change.status == domain::OrderStatus::scheduled && change.effective_on) {
        text_wrapped(fill_in(c.t(ServiceText::plan_change_scheduled),
                             {target, c.date(*change.effective_on)}));
    } else {
        text_wrapped(fill_in(c.t(ServiceText::plan_change_awaiting), {target}));
        text_wrapped(fill_in(c.t(ServiceText::plan_change_invoice),
                             {std::to_string(change.invoice_id.value_or(0))}),
                     color::kMuted);
        if (primary_button(c.t(ServiceText::plan_change_go_pay))) send(c, app::OpenInvoices{});
        if (!w.asking) same_line_if_fits(button_width(c.t(ServiceText::withdraw_plan_change)));
    }
    draw_withdrawal(c, change, target);
    end_card();
    return std::move(c.intent);
}

}  // namespace portal::ui
