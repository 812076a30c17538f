// [SECTION] The manual's procedures sent as tickets (domain/support_procedure.h): each form is
// checked against what the store knows, and what it asks for is written under the client's
// message, so the staff reads the whole request in the ticket.
#include <algorithm>

#include "core/backend.h"
#include "core/language.h"
#include "core/responses.h"
#include "core/text_rules.h"
#include "core/views.h"
#include "domain/support_procedure.h"

namespace portal::backend {

namespace {

domain::ProcedureForm form_of(const api::NewTicket& ticket) {
    domain::ProcedureForm form;
    form.service_id = ticket.service_id;
    if (ticket.option) form.option = static_cast<int>(std::clamp<int64_t>(*ticket.option, 0, 9));
    form.domain = ticket.domain.value_or("");
    form.current_provider = ticket.current_provider.value_or("");
    form.webmail_warning_accepted = ticket.webmail_warning_accepted.value_or(false);
    form.new_holder_email = ticket.new_holder_email.value_or("");
    form.date_wanted = ticket.date_wanted;
    form.texts = ticket.texts.value_or("");
    form.requirements_accepted = ticket.requirements_accepted.value_or(false);
    form.rustdesk_id = ticket.rustdesk_id.value_or("");
    form.slot = ticket.slot.value_or("");
    return form;
}

bool owes_overdue(const std::vector<domain::Invoice>& invoices, domain::Date today) {
    return std::any_of(invoices.begin(), invoices.end(), [&](const domain::Invoice& invoice) {
        return invoice_status_on(invoice, today) == domain::InvoiceStatus::overdue;
    });
}

// The lines written under the client's message, in the language the client writes in.
struct DetailWords {
    Words option, option_1, option_2, domain, current_provider, webmail_accepted, new_holder,
        date_wanted, texts, requirements_accepted, rustdesk_id, slot, slot_hours;
};
constexpr DetailWords kDetail{
    {"Opción", "Option"},
    {"1: la empresa migra el sitio", "1: the company migrates the site"},
    {"2: el cliente migra por su cuenta", "2: the client migrates alone"},
    {"Dominio", "Domain"},
    {"Proveedor actual", "Current provider"},
    {"Aviso de webmail aceptado: los correos viejos no se migran",
     "Webmail warning accepted: old emails are not migrated"},
    {"Nuevo titular", "New holder"},
    {"Copia del día", "Copy of the day"},
    {"Textos para grabar", "Texts to record"},
    {"Requisitos aceptados: Windows actualizado, pedido desde la computadora a asistir, alguien "
     "frente a ella en el horario",
     "Requirements accepted: Windows up to date, asked from the computer to be helped, someone at "
     "it at the time"},
    {"ID de RustDesk", "RustDesk ID"},
    {"Turno de soporte remoto", "Remote-support slot"},
    {"de {} a {} (GMT-3)", "from {} to {} (GMT-3)"},
};

// "2026-12-09T11:00:00-03:00" → "2026-12-09 de 11:00 a 12:00 (GMT-3)".
std::string slot_words(const std::string& lang, int64_t start) {
    const std::string from = domain::company_rfc3339(start);
    const std::string to =
        domain::company_rfc3339(start + int64_t{domain::kRemoteSlotMinutes} * 60);
    std::string hours(kDetail.slot_hours.in(lang));
    hours.replace(hours.find("{}"), 2, from.substr(11, 5));
    hours.replace(hours.find("{}"), 2, to.substr(11, 5));
    return from.substr(0, 10) + " " + hours;
}

}  // namespace

std::optional<Response> Backend::refuse_procedure(const Call& call, api::NewTicket& request) {
    const auto kind = request.kind.value_or(domain::TicketKind::general);
    if (kind == domain::TicketKind::change_of_holder && call.contact_id != 0) {
        return error_response(403, "permission_denied",
                              "only the account's holder may move a service to another holder");
    }
    const domain::ProcedureForm form = form_of(request);
    if (auto problem = domain::form_problem(kind, form, call.today)) {
        return error_response(400, api::kInvalidValue, problem->message, problem->field);
    }
    if (kind == domain::TicketKind::upgrade_request) {
        if (auto refusal = refuse_upgrade_request(call, service_on(call, *form.service_id))) {
            return refusal;
        }
    }
    if (kind == domain::TicketKind::migration) {
        if (auto refusal = refuse_typed_text(request.current_provider, "current_provider", 1,
                                             domain::kProviderChars, TextLines::one)) {
            return refusal;
        }
    }
    if (kind == domain::TicketKind::voice_over) {
        if (auto refusal = refuse_typed_text(request.texts, "texts", 1, domain::kProcedureTextChars,
                                             TextLines::many)) {
            return refusal;
        }
    }
    if (kind == domain::TicketKind::change_of_holder) {
        if (auto refusal = refuse_email(form.new_holder_email, "new_holder_email")) return refusal;
    }

    domain::ProcedureFacts facts;
    facts.today = call.today;
    if (form.service_id) {
        if (auto service = store_.service_of(call.client_id, *form.service_id)) {
            facts.service_status = service->status;
        }
    }
    if (kind == domain::TicketKind::change_of_holder) {
        facts.client_owes_overdue = owes_overdue(store_.invoices_of(call.client_id), call.today);
        if (auto holder = store_.client_by_email(form.new_holder_email)) {
            facts.new_holder_registered = true;
            facts.new_holder_is_client = holder->id == call.client_id;
            facts.new_holder_owes_overdue =
                owes_overdue(store_.invoices_of(holder->id), call.today);
        }
    }
    if (kind == domain::TicketKind::remote_support) {
        auto client = store_.client_by_id(call.client_id);
        facts.support_plan = client ? client->support_plan : domain::SupportPlan::standard;
        facts.free_slots = free_remote_slots(call);
    }
    const std::vector<domain::ProcedureCondition> unmet =
        domain::unmet_conditions(kind, form, facts);
    if (unmet.empty()) return std::nullopt;
    std::vector<std::string> names;
    for (const auto condition : unmet) names.emplace_back(domain::to_string(condition));
    api::ApiError error{"procedure_refused", "this request does not meet every condition", "",
                        std::move(names)};
    return json_answer(409, error);
}

std::string Backend::procedure_details(const Call& call, const api::NewTicket& request) {
    const std::string& lang = call.language;
    std::string details;
    const auto line = [&](const Words& label, const std::string& value) {
        details += "\n";
        details += label.in(lang);
        details += ": ";
        details += value;
    };
    switch (request.kind.value_or(domain::TicketKind::general)) {
        case domain::TicketKind::migration:
            line(kDetail.option,
                 std::string((request.option == 1 ? kDetail.option_1 : kDetail.option_2).in(lang)));
            line(kDetail.domain, request.domain.value_or(""));
            line(kDetail.current_provider, request.current_provider.value_or(""));
            if (request.option == 1)
                details += "\n" + std::string(kDetail.webmail_accepted.in(lang));
            break;
        case domain::TicketKind::change_of_holder:
            line(kDetail.new_holder, request.new_holder_email.value_or(""));
            break;
        case domain::TicketKind::backup_recovery:
            line(kDetail.date_wanted, request.date_wanted ? request.date_wanted->iso() : "");
            break;
        case domain::TicketKind::voice_over:
            line(kDetail.texts, "\n" + request.texts.value_or(""));
            break;
        case domain::TicketKind::remote_support:
            details += "\n" + std::string(kDetail.requirements_accepted.in(lang));
            line(kDetail.rustdesk_id,
                 domain::normalised_rustdesk_id(request.rustdesk_id.value_or("")).value_or(""));
            line(kDetail.slot,
                 slot_words(lang, domain::parse_rfc3339(request.slot.value_or("")).value_or(0)));
            break;
        default:
            break;
    }
    return details.empty() ? details : "\n" + details;
}

}  // namespace portal::backend
