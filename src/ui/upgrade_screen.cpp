// The upgrade/downgrade wizard (RULES.md §3): options → the quote line by line → the order.
// Draws app::UpgradeState; every amount and date is formatted here, never computed.
#include <string>

#include "app/display.h"
#include "app/texts/activation_texts.h"
#include "app/texts/fill_in.h"
#include "app/texts/upgrade_texts.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens.h"
#include "ui/widgets.h"
#include "ui/wizard_widgets.h"

namespace portal::ui {
namespace {

using app::fill_in;
using app::UpgradeText;

struct Screen {
    const app::UpgradeState& state;
    app::Language lang;
    app::Intent intent;

    const char* t(UpgradeText which) const { return app::tr(lang, which); }
    std::string money(const domain::Money& m) const { return app::format_money(m, lang); }
    std::string date(const domain::Date& d) const { return app::format_date(d, lang); }
    void send(app::UpgradeIntent next) {
        if (app::is_empty(intent)) intent = std::move(next);
    }
};

app::Route service_route(int64_t id) {
    return app::Route{app::Route::Page::service, id};
}

void back_to_service(Screen& s) {
    if (button(s.t(UpgradeText::back_to_service))) {
        if (app::is_empty(s.intent)) s.intent = app::Navigate{service_route(s.state.service_id)};
    }
}

void step_line(Screen& s, int number, UpgradeText name) {
    text(fill_in(s.t(UpgradeText::step_of), {std::to_string(number), s.t(name)}), color::kPrimary);
}

// A refusal in this wizard's words, or the generic problem with its "Reintentar".
bool trouble(Screen& s, const std::optional<UpgradeText>& refusal, const app::Problem& problem) {
    if (refusal) {
        wizard::notice(std::string(icon::kWarning) + "  " + s.t(*refusal), "", color::kDanger);
        return false;
    }
    return problem_box(problem, s.lang);
}

void draw_options(Screen& s) {
    const api::UpgradeOptions& options = *s.state.options.data;
    step_line(s, 1, UpgradeText::step_options);
    text_wrapped(s.t(UpgradeText::subtitle), color::kMuted);
    ImGui::Spacing();
    if (options.options.empty()) {
        text_wrapped(std::string(icon::kInbox) + "  " + s.t(UpgradeText::no_options),
                     color::kMuted);
    }
    for (const api::UpgradeOption& option : options.options) {
        ImGui::PushID(option.plan.id.c_str());
        wizard::begin_card("option");
        heading(option.plan.name);
        ImGui::SameLine();
        const bool up = option.direction == domain::PlanChange::up;
        badge(s.t(up ? UpgradeText::badge_up : UpgradeText::badge_down),
              up ? color::kSuccess : color::kMuted);
        text(app::plan_price(option.plan, s.lang));
        text(fill_in(s.t(UpgradeText::pay_now), {s.money(option.quote.amount)}), color::kMuted);
        const std::string choose = fill_in(s.t(UpgradeText::choose), {option.plan.name});
        if (primary_button(choose.c_str())) s.send(app::ChooseUpgradePlan{option.plan.id});
        wizard::end_card();
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
    wizard::begin_card("quote");
    heading(fill_in(s.t(UpgradeText::quote_heading), {from, to}));
    ImGui::Spacing();
    if (wizard::begin_amounts("lines")) {
        // RULES.md §3: new price − already paid = due now (never negative).
        wizard::amount_row(fill_in(s.t(UpgradeText::line_new_price), {to}),
                           s.money(quote.new_price));
        if (!down) {
            wizard::amount_row(s.t(UpgradeText::line_paid),
                               "\xE2\x80\x93 " + s.money(quote.already_paid));  // en dash
        }
        wizard::amount_row(s.t(UpgradeText::line_due), s.money(quote.amount_due), true);
        wizard::end_amounts();
    }
    ImGui::Spacing();
    if (down) text_wrapped(s.t(UpgradeText::down_explained), color::kMuted);
    if (quote.paid_covers_price) text_wrapped(s.t(UpgradeText::paid_covers), color::kMuted);
    text_wrapped(fill_in(s.t(UpgradeText::new_period),
                         {s.date(quote.period_start), s.date(quote.period_end)}));
    text_wrapped(fill_in(s.t(UpgradeText::counted_from), {s.date(quote.period_start)}),
                 color::kMuted);
    wizard::end_card();
    ImGui::Spacing();

    if (!quote.adds_up) {
        wizard::notice(std::string(icon::kWarning) + "  " + s.t(UpgradeText::does_not_add_up), "",
                       color::kDanger);
        if (button(app::tr(s.lang, app::Text::retry))) s.send(app::ReloadUpgradeOptions{});
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
    const std::string confirm = std::string(icon::kLock) + "  " +
                                s.t(busy ? UpgradeText::confirming : UpgradeText::confirm);
    if (button(s.t(UpgradeText::back_to_options), !busy)) s.send(app::BackToUpgradeOptions{});
    ImGui::SameLine();
    if (!wizard::fits_on_line(ImGui::CalcTextSize(confirm.c_str()).x + 40)) ImGui::NewLine();
    if (primary_button(confirm.c_str(), flow.can_confirm())) s.send(app::ConfirmUpgrade{});
}

void draw_done(Screen& s) {
    const api::UpgradeOrderResult& result = *s.state.order.data;
    const std::string from =
        s.state.service.data ? s.state.service.data->plan.name : result.order.from_plan_id;
    const std::string to =
        s.state.quote ? s.state.quote->option.plan.name : result.order.to_plan_id;
    step_line(s, 3, UpgradeText::step_done);
    wizard::begin_card("order");
    heading(s.t(UpgradeText::done_heading));
    text_wrapped(
        fill_in(s.t(UpgradeText::order_line), {std::to_string(result.order.id), from, to}));
    text_wrapped(fill_in(s.t(UpgradeText::new_period),
                         {s.date(result.order.period_start), s.date(result.order.period_end)}));
    if (result.invoice) {
        text_wrapped(fill_in(s.t(UpgradeText::invoice_line),
                             {std::to_string(result.invoice->id), s.money(result.invoice->amount),
                              s.date(result.invoice->due_on)}));
    } else {
        text_wrapped(s.t(UpgradeText::no_invoice), color::kMuted);
    }
    if (s.state.activation) {
        text_wrapped(fill_in(s.t(UpgradeText::after_payment),
                             {app::describe_activation(*s.state.activation, s.lang)}));
    } else {
        text_wrapped(s.t(UpgradeText::effective_now));
    }
    wizard::end_card();
    ImGui::Spacing();
    back_to_service(s);
}

void draw_manual_request(Screen& s, app::UpgradeFlow& flow) {
    wizard::notice(s.t(UpgradeText::manual_heading), s.t(UpgradeText::manual_body),
                   color::kWarning);
    ImGui::Spacing();
    if (s.state.step == app::UpgradeStep::request_sent && s.state.request.data) {
        const api::UpgradeRequestView& sent = *s.state.request.data;
        wizard::begin_card("sent");
        heading(fill_in(s.t(UpgradeText::request_sent),
                        {std::to_string(sent.id), s.date(sent.created_on)}));
        text_wrapped(sent.message, color::kMuted);
        text_wrapped(s.t(UpgradeText::request_next));
        wizard::end_card();
        ImGui::Spacing();
        back_to_service(s);
        return;
    }
    const bool busy = s.state.request.loading();
    wizard::multiline_field(s.t(UpgradeText::manual_message), flow.message(),
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
    ImGui::SameLine();
    const char* send = s.t(busy ? UpgradeText::sending_request : UpgradeText::send_request);
    if (!wizard::fits_on_line(ImGui::CalcTextSize(send).x + 40)) ImGui::NewLine();
    if (primary_button(send, !busy)) s.send(app::SendUpgradeRequest{});
}

}  // namespace

app::Intent draw_upgrade(app::PortalApp& app) {
    app::UpgradeFlow& flow = app.upgrade_form();
    Screen s{flow.state(), app.state().language, {}};
    wizard::begin_page("upgrade");
    title(s.t(UpgradeText::title));
    if (const auto& service = s.state.service.data) {
        text_wrapped(service->name, color::kMuted);
        text_wrapped(fill_in(s.t(UpgradeText::current_plan),
                             {service->plan.name, app::plan_price(service->plan, s.lang)}));
    }
    ImGui::Spacing();

    const auto& options = s.state.options;
    const bool loading = options.loading() || s.state.service.loading();
    if (loading && !options.data) {
        text(std::string(icon::kSpinner) + "  " + app::tr(s.lang, app::Text::loading),
             color::kMuted);
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
                    if (s.state.order.data) draw_done(s);
                    break;
                case app::UpgradeStep::request_sent:
                    break;
            }
        }
    }
    wizard::end_page();
    return s.intent;
}

}  // namespace portal::ui
