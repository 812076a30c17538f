#include "domain/support_procedure.h"

#include <algorithm>
#include <cctype>

#include "domain/enum_map.h"

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

std::optional<FormProblem> missing(std::string_view field, std::string_view need) {
    return FormProblem{std::string(field), std::string(field) + ": " + std::string(need)};
}

// A field a procedure's form must fill in: `broken` tells, from the form (and today's date, for a
// backup's day), that the procedure cannot go ahead; `need` says what the field must hold.
struct FieldRule {
    TicketKind kind;
    std::string_view field;
    std::string_view need;
    bool (*broken)(const ProcedureForm& form, Date today);
};

// Each procedure's rules in the order its form asks for the fields: the first broken is the one
// reported.
constexpr FieldRule kFieldRules[] = {
    {TicketKind::migration, "option", "1 (we migrate) or 2 (you migrate)",
     [](const ProcedureForm& form, Date) { return form.option != 1 && form.option != 2; }},
    {TicketKind::migration, "domain", "the site's domain, such as example.com",
     [](const ProcedureForm& form, Date) { return !reads_as_domain(form.domain); }},
    {TicketKind::migration, "current_provider", "who hosts the site today",
     [](const ProcedureForm& form, Date) { return form.current_provider.empty(); }},
    {TicketKind::migration, "webmail_warning_accepted", "old emails are not migrated; accept it",
     [](const ProcedureForm& form, Date) {
         return form.option == 1 && !form.webmail_warning_accepted;
     }},
    {TicketKind::change_of_holder, "new_holder_email", "the account that takes it",
     [](const ProcedureForm& form, Date) { return form.new_holder_email.empty(); }},
    {TicketKind::backup_recovery, "date_wanted", "the copy's day",
     [](const ProcedureForm& form, Date) { return !form.date_wanted; }},
    {TicketKind::backup_recovery, "date_wanted", "a day that has not come yet",
     [](const ProcedureForm& form, Date today) {
         return form.date_wanted && today < *form.date_wanted;
     }},
    {TicketKind::voice_over, "texts", "what is to be recorded",
     [](const ProcedureForm& form, Date) { return form.texts.empty(); }},
    {TicketKind::remote_support, "requirements_accepted",
     "Windows updated, this computer, someone at it at the time; accept them",
     [](const ProcedureForm& form, Date) { return !form.requirements_accepted; }},
    {TicketKind::remote_support, "rustdesk_id", "the 9 or 10 digits RustDesk shows",
     [](const ProcedureForm& form, Date) { return !normalised_rustdesk_id(form.rustdesk_id); }},
    {TicketKind::remote_support, "slot",
     "the chosen slot's start, such as 2026-12-09T11:00:00-03:00",
     [](const ProcedureForm& form, Date) { return !parse_rfc3339(form.slot); }},
};

}  // namespace

bool needs_service(TicketKind kind) {
    return kind == TicketKind::upgrade_request || kind == TicketKind::change_of_holder ||
           kind == TicketKind::backup_recovery;
}

std::optional<FormProblem> form_problem(TicketKind kind, const ProcedureForm& form, Date today) {
    if (needs_service(kind) && !form.service_id) {
        return missing("service_id", "this procedure is about one of your services");
    }
    for (const FieldRule& rule : kFieldRules) {
        if (rule.kind == kind && rule.broken(form, today)) return missing(rule.field, rule.need);
    }
    return std::nullopt;
}

std::optional<TicketDepartment> procedure_department(TicketKind kind) {
    using K = TicketKind;
    using D = TicketDepartment;
    static constexpr EnumMap<K, std::optional<D>> kDepartments{
        {K::general, std::nullopt},       {K::change_of_holder, D::billing},
        {K::upgrade_request, D::sales},   {K::error_report, D::support},
        {K::migration, D::support},       {K::backup_recovery, D::support},
        {K::feature_request, D::support}, {K::voice_over, D::support},
        {K::remote_support, D::support}};
    return kDepartments[kind];
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
