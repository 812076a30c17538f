#include "ui/support_page.h"

#include <string>

namespace portal::ui {

void begin_support_page(SupportScreen& s, const char* id, const char* page_title) {
    begin_page(id, page_title);
    s.link_back_to(app::SupportText::back_to_support, app::Route{app::Route::Page::support});
    ImGui::Spacing();
}

void send_controls(SupportScreen& s, const app::Remote<api::TicketDetail>& attempt,
                   app::SupportText label, const app::SupportIntent& send) {
    const bool busy = attempt.loading();
    if (s.state.refusal) {
        std::string conditions;
        for (const domain::ProcedureCondition condition : s.state.conditions) {
            if (!conditions.empty()) conditions += '\n';
            conditions += "• ";
            conditions += app::tr(s.lang, condition);
        }
        warning_notice(s.t(*s.state.refusal), conditions);
    } else if (attempt.failed() && problem_box(attempt.problem, s.lang)) {
        s.send(send);
    }
    if (primary_button(s.t(busy ? app::SupportText::sending : label), !busy)) s.send(send);
}

}  // namespace portal::ui
