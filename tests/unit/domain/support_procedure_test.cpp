#include "domain/support_procedure.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace portal::domain {
namespace {

const Date kToday{2026, 12, 4};

ProcedureForm migration(int option, std::string domain, std::string provider, bool accepted) {
    ProcedureForm form;
    form.option = option;
    form.domain = std::move(domain);
    form.current_provider = std::move(provider);
    form.webmail_warning_accepted = accepted;
    return form;
}

std::string problem_field(TicketKind kind, const ProcedureForm& form) {
    auto problem = form_problem(kind, form, kToday);
    return problem ? problem->field : "";
}

TEST(ProcedureForm, EachProcedureNamesTheFieldItCannotGoAheadWithout) {
    struct Case {
        const char* what;
        TicketKind kind;
        ProcedureForm form;
        const char* field;  // "" when the form is complete
    };
    ProcedureForm service_only;
    service_only.service_id = 7;
    ProcedureForm backup_tomorrow = service_only;
    backup_tomorrow.date_wanted = kToday.add_days(1);
    ProcedureForm backup_today = service_only;
    backup_today.date_wanted = kToday;
    ProcedureForm holder = service_only;
    holder.new_holder_email = "carla@example.com";
    ProcedureForm voice;
    voice.texts = "Radio Ana FM, la que te acompaña.";
    const std::vector<Case> cases = {
        {"a question needs nothing more", TicketKind::general, {}, ""},
        {"an error report needs nothing more", TicketKind::error_report, {}, ""},
        {"a feature request needs nothing more", TicketKind::feature_request, {}, ""},
        {"an upgrade request names its service", TicketKind::upgrade_request, {}, "service_id"},
        {"an upgrade request with its service", TicketKind::upgrade_request, service_only, ""},
        {"a migration picks option 1 or 2", TicketKind::migration,
         migration(3, "ana.example", "Otro", true), "option"},
        {"a migration names a domain", TicketKind::migration, migration(2, "ana", "Otro", false),
         "domain"},
        {"a domain has no spaces", TicketKind::migration,
         migration(2, "ana example.com", "Otro", false), "domain"},
        {"a domain's labels do not end in a hyphen", TicketKind::migration,
         migration(2, "ana-.example", "Otro", false), "domain"},
        {"a migration names the current provider", TicketKind::migration,
         migration(2, "ana.example", "", false), "current_provider"},
        {"option 1 needs the webmail warning accepted", TicketKind::migration,
         migration(1, "ana.example", "Otro", false), "webmail_warning_accepted"},
        {"option 1 with the warning accepted", TicketKind::migration,
         migration(1, "ana.example", "Otro", true), ""},
        {"option 2 does not ask for the warning", TicketKind::migration,
         migration(2, "sub.ana.example", "Otro", false), ""},
        {"a change of holder names its service", TicketKind::change_of_holder, {}, "service_id"},
        {"a change of holder names the new holder", TicketKind::change_of_holder, service_only,
         "new_holder_email"},
        {"a complete change of holder", TicketKind::change_of_holder, holder, ""},
        {"a backup names its day", TicketKind::backup_recovery, service_only, "date_wanted"},
        {"a backup of a day to come", TicketKind::backup_recovery, backup_tomorrow, "date_wanted"},
        {"a backup of today", TicketKind::backup_recovery, backup_today, ""},
        {"a voice-over brings its texts", TicketKind::voice_over, {}, "texts"},
        {"a voice-over with its texts", TicketKind::voice_over, voice, ""},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(problem_field(c.kind, c.form), c.field) << c.what;
    }
}

TEST(ChangeOfHolder, EveryUnmetConditionIsNamedAtOnce) {
    ProcedureForm form;
    form.service_id = 7;
    form.new_holder_email = "carla@example.com";
    const auto unmet = [&](ProcedureFacts facts) {
        facts.today = kToday;
        return unmet_conditions(TicketKind::change_of_holder, form, facts);
    };
    using Conditions = std::vector<ProcedureCondition>;
    using C = ProcedureCondition;
    ProcedureFacts ready;
    ready.service_status = ServiceStatus::active;
    ready.new_holder_registered = true;
    EXPECT_EQ(unmet(ready), Conditions{});

    ProcedureFacts unknown = ready;
    unknown.new_holder_registered = false;
    EXPECT_EQ(unmet(unknown), Conditions{C::new_holder_not_registered});

    ProcedureFacts self = ready;
    self.new_holder_is_client = true;
    EXPECT_EQ(unmet(self), Conditions{C::new_holder_is_you});

    ProcedureFacts both_owe = ready;
    both_owe.new_holder_owes_overdue = true;
    both_owe.client_owes_overdue = true;
    EXPECT_EQ(unmet(both_owe),
              (Conditions{C::new_holder_invoices_overdue, C::your_invoices_overdue}));

    // Only an active service moves: pending, suspended, cancelled and terminated ones do not.
    for (ServiceStatus status : {ServiceStatus::pending, ServiceStatus::suspended,
                                 ServiceStatus::cancelled, ServiceStatus::terminated}) {
        ProcedureFacts not_active = ready;
        not_active.service_status = status;
        not_active.client_owes_overdue = true;
        EXPECT_EQ(unmet(not_active), (Conditions{C::your_invoices_overdue, C::service_not_active}))
            << to_string(status);
    }
}

TEST(BackupRecovery, ACopyOlderThanTheMonthKeptIsRefused) {
    ProcedureForm form;
    form.service_id = 7;
    ProcedureFacts facts;
    facts.today = kToday;
    facts.service_status = ServiceStatus::active;
    form.date_wanted = kToday.add_days(-kBackupDays);
    EXPECT_TRUE(unmet_conditions(TicketKind::backup_recovery, form, facts).empty());
    form.date_wanted = kToday.add_days(-kBackupDays - 1);
    EXPECT_EQ(unmet_conditions(TicketKind::backup_recovery, form, facts),
              std::vector<ProcedureCondition>{ProcedureCondition::backup_too_old});
}

TEST(ProcedureDepartment, AQuestionIsTheClientsChoiceAProcedureHasItsOwn) {
    EXPECT_EQ(procedure_department(TicketKind::general), std::nullopt);
    EXPECT_EQ(procedure_department(TicketKind::change_of_holder), TicketDepartment::billing);
    EXPECT_EQ(procedure_department(TicketKind::upgrade_request), TicketDepartment::sales);
    for (const TicketKind kind :
         {TicketKind::error_report, TicketKind::migration, TicketKind::backup_recovery,
          TicketKind::feature_request, TicketKind::voice_over}) {
        EXPECT_EQ(procedure_department(kind), TicketDepartment::support) << to_string(kind);
    }
}

}  // namespace
}  // namespace portal::domain
