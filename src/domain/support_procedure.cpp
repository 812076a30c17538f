#include "domain/support_procedure.h"

#include <algorithm>
#include <cctype>

namespace portal::domain {

namespace {

// A domain name as a client types it for a migration: dot-separated labels of letters, digits
// and inner hyphens, a letter-only last label, 253 characters at most.
bool reads_as_domain(std::string_view name) {
    if (name.empty() || name.size() > 253) return false;
    std::size_t labels = 0;
    std::string_view last;
    while (true) {
        const std::size_t dot = name.find('.');
        const std::string_view label = name.substr(0, dot);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
            return false;
        }
        for (const char c : label) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
        }
        ++labels;
        last = label;
        if (dot == std::string_view::npos) break;
        name.remove_prefix(dot + 1);
    }
    if (labels < 2 || last.size() < 2) return false;
    for (const char c : last) {
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

std::optional<FormProblem> missing(std::string field, std::string message) {
    return FormProblem{std::move(field), std::move(message)};
}

}  // namespace

bool needs_service(TicketKind kind) {
    return kind == TicketKind::upgrade_request || kind == TicketKind::change_of_holder ||
           kind == TicketKind::backup_recovery;
}

std::optional<FormProblem> form_problem(TicketKind kind, const ProcedureForm& form, Date today) {
    if (needs_service(kind) && !form.service_id) {
        return missing("service_id", "service_id: this procedure is about one of your services");
    }
    switch (kind) {
        case TicketKind::migration:
            if (form.option != 1 && form.option != 2) {
                return missing("option", "option: 1 (we migrate) or 2 (you migrate)");
            }
            if (!reads_as_domain(form.domain)) {
                return missing("domain", "domain: the site's domain, such as example.com");
            }
            if (form.current_provider.empty()) {
                return missing("current_provider", "current_provider: who hosts the site today");
            }
            if (form.option == 1 && !form.webmail_warning_accepted) {
                return missing("webmail_warning_accepted",
                               "webmail_warning_accepted: old emails are not migrated; accept it");
            }
            return std::nullopt;
        case TicketKind::change_of_holder:
            if (form.new_holder_email.empty()) {
                return missing("new_holder_email", "new_holder_email: the account that takes it");
            }
            return std::nullopt;
        case TicketKind::backup_recovery:
            if (!form.date_wanted) return missing("date_wanted", "date_wanted: the copy's day");
            if (today < *form.date_wanted) {
                return missing("date_wanted", "date_wanted: a day that has not come yet");
            }
            return std::nullopt;
        case TicketKind::voice_over:
            if (form.texts.empty()) {
                return missing("texts", "texts: what is to be recorded");
            }
            return std::nullopt;
        case TicketKind::remote_support:
            if (!form.requirements_accepted) {
                return missing("requirements_accepted",
                               "requirements_accepted: Windows updated, this computer, someone "
                               "at it at the time; accept them");
            }
            if (!normalised_rustdesk_id(form.rustdesk_id)) {
                return missing("rustdesk_id", "rustdesk_id: the 9 or 10 digits RustDesk shows");
            }
            if (!parse_rfc3339(form.slot)) {
                return missing("slot",
                               "slot: the chosen slot's start, such as "
                               "2026-12-09T11:00:00-03:00");
            }
            return std::nullopt;
        case TicketKind::general:
        case TicketKind::error_report:
        case TicketKind::upgrade_request:
        case TicketKind::feature_request:
            return std::nullopt;
    }
    return std::nullopt;
}

std::optional<TicketDepartment> procedure_department(TicketKind kind) {
    switch (kind) {
        case TicketKind::general:
            return std::nullopt;
        case TicketKind::change_of_holder:
            return TicketDepartment::billing;
        case TicketKind::upgrade_request:
            return TicketDepartment::sales;
        case TicketKind::error_report:
        case TicketKind::migration:
        case TicketKind::backup_recovery:
        case TicketKind::feature_request:
        case TicketKind::voice_over:
        case TicketKind::remote_support:
            return TicketDepartment::support;
    }
    return std::nullopt;
}

std::vector<ProcedureCondition> unmet_conditions(TicketKind kind, const ProcedureForm& form,
                                                 const ProcedureFacts& facts) {
    std::vector<ProcedureCondition> unmet;
    if (kind == TicketKind::change_of_holder) {
        // RULES.md §10: both clients exist, both up to date, only an active service moves, and
        // one email per client (so the new holder is another account).
        if (!facts.new_holder_registered) {
            unmet.push_back(ProcedureCondition::new_holder_not_registered);
        } else if (facts.new_holder_is_client) {
            unmet.push_back(ProcedureCondition::new_holder_is_you);
        } else if (facts.new_holder_owes_overdue) {
            unmet.push_back(ProcedureCondition::new_holder_invoices_overdue);
        }
        if (facts.client_owes_overdue) unmet.push_back(ProcedureCondition::your_invoices_overdue);
        if (facts.service_status && *facts.service_status != ServiceStatus::active) {
            unmet.push_back(ProcedureCondition::service_not_active);
        }
    }
    if (kind == TicketKind::backup_recovery && form.date_wanted &&
        days_between(*form.date_wanted, facts.today) > kBackupDays) {
        unmet.push_back(ProcedureCondition::backup_too_old);
    }
    if (kind == TicketKind::remote_support) {
        if (!includes(facts.support_plan, SupportChannel::remote_support)) {
            unmet.push_back(ProcedureCondition::plan_excludes_remote_support);
        }
        const auto start = parse_rfc3339(form.slot);
        if (!start || std::none_of(facts.free_slots.begin(), facts.free_slots.end(),
                                   [&](const RemoteSlot& s) { return s.starts_at == *start; })) {
            unmet.push_back(ProcedureCondition::slot_not_free);
        }
    }
    return unmet;
}

}  // namespace portal::domain
