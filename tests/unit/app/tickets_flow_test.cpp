// What a ticket's due time says to the client, in the company's zone (GMT−3), in both languages.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/tickets_flow.h"
#include "support_form.h"

namespace portal::app {
namespace {

api::TicketSummary ticket(domain::TicketStatus status, std::optional<std::string> due_at,
                          std::optional<domain::DueFor> due_for, bool overdue) {
    api::TicketSummary t;
    t.status = status;
    t.due_at = std::move(due_at);
    t.due_for = due_for;
    t.overdue = overdue;
    return t;
}

TEST(TicketDueLine, SaysWhenTheAnswerIsDueInTheCompanysZone) {
    const auto open = ticket(domain::TicketStatus::open, "2026-12-09T11:00:00-03:00",
                             domain::DueFor::answer, false);
    EXPECT_EQ(due_line(open, Language::es), "Respuesta esperada antes del 09/12/2026 a las 11:00");
    EXPECT_EQ(due_line(open, Language::en), "Answer expected before 2026-12-09 at 11:00");
    // The same instant written in UTC is still 11:00 in GMT−3.
    const auto utc =
        ticket(domain::TicketStatus::open, "2026-12-09T14:00:00Z", domain::DueFor::answer, false);
    EXPECT_EQ(due_line(utc, Language::es), "Respuesta esperada antes del 09/12/2026 a las 11:00");
}

TEST(TicketDueLine, SaysWhenItIsOverdueAndWhatIsOwed) {
    const auto late = ticket(domain::TicketStatus::open, "2026-12-03T11:30:00-03:00",
                             domain::DueFor::answer, true);
    EXPECT_EQ(due_line(late, Language::es),
              "Respuesta demorada: se esperaba antes del 03/12/2026 a las 11:30");
    const auto resolution = ticket(domain::TicketStatus::answered, "2026-12-16T14:00:00-03:00",
                                   domain::DueFor::resolution, false);
    EXPECT_EQ(due_line(resolution, Language::es),
              "Resolución esperada antes del 16/12/2026 a las 14:00");
}

TEST(TicketDueLine, AQuestionWaitsOnTheClientAndAClosedTicketOwesNothing) {
    const auto waiting =
        ticket(domain::TicketStatus::waiting_on_client, std::nullopt, std::nullopt, false);
    EXPECT_EQ(due_line(waiting, Language::es),
              "Le hicimos una pregunta: respóndala para que podamos seguir.");
    const auto closed = ticket(domain::TicketStatus::closed, std::nullopt, std::nullopt, false);
    EXPECT_EQ(due_line(closed, Language::es), "");
}

// [SECTION] «Pedir ayuda con este servicio»: the form, one ticket, the reply

using testing::error_body;
using testing::header;
using testing::json_of;

api::TicketDetail ticket_detail(int64_t id, int messages) {
    api::TicketDetail detail;
    detail.ticket = ticket(domain::TicketStatus::open, "2026-12-04T12:00:00-03:00",
                           domain::DueFor::answer, false);
    detail.ticket.id = id;
    detail.ticket.service_id = 11;
    detail.ticket.subject = "Lento";
    for (int i = 0; i < messages; ++i) {
        detail.messages.push_back(
            {i + 1, domain::MessageAuthor::client, "m", "2026-12-04T10:00:00-03:00"});
    }
    return detail;
}

class TicketsFlowTest : public testing::SupportFormTest {};

TEST_F(TicketsFlowTest, AnEmptyFormSendsNothingAndSaysWhy) {
    open_form();
    EXPECT_EQ(app.route(), "/servicios/11/ayuda");
    app.tickets_form().form().subject = "   ";
    app.dispatch(SupportIntent{SendTicket{}});
    EXPECT_EQ(net.pending(), 0u);
    EXPECT_EQ(state().form.subject_error, SupportText::text_required);
    EXPECT_EQ(state().form.message_error, SupportText::text_required);
}

TEST_F(TicketsFlowTest, ADoubleClickOpensOneTicketAboutTheServiceThenItShows) {
    open_form();
    app.tickets_form().form().subject = " Lento ";
    app.tickets_form().form().message = "Tarda en cargar.";
    app.dispatch(SupportIntent{ChooseKind{domain::TicketKind::error_report}});
    app.dispatch(SupportIntent{SendTicket{}});
    app.dispatch(SupportIntent{SendTicket{}});
    ASSERT_EQ(net.pending(), 1u) << "one ticket left the page";
    EXPECT_EQ(net.next().method, "POST");
    EXPECT_EQ(net.next().path, "/tickets");
    EXPECT_EQ(
        json_of(net.next().body),
        json_of(R"({"department":"support","kind":"error_report","message":"Tarda en cargar.",)"
                R"("service_id":11,"subject":"Lento"})"));
    EXPECT_FALSE(header(net.next(), "Idempotency-Key").empty());
    net.reply(201, api::encode(ticket_detail(31, 1)));
    EXPECT_EQ(app.route(), "/soporte/tickets/31");
    ASSERT_TRUE(state().ticket.data);
    EXPECT_EQ(state().ticket.data->ticket.id, 31);
    EXPECT_EQ(net.next().path, "/tickets/31");
    net.reply(200, api::encode(ticket_detail(31, 1)));

    app.tickets_form().reply() = "Sigue igual.";
    app.dispatch(SupportIntent{SendReply{}});
    app.dispatch(SupportIntent{SendReply{}});
    ASSERT_EQ(net.pending(), 1u) << "one reply left the page";
    EXPECT_EQ(net.next().path, "/tickets/31/replies");
    EXPECT_EQ(net.next().body, R"({"message":"Sigue igual."})");
    net.reply(201, api::encode(ticket_detail(31, 2)));
    EXPECT_EQ(state().ticket.data->messages.size(), 2u);
    EXPECT_TRUE(state().reply.empty()) << "the box empties once the reply is in";
}

TEST_F(TicketsFlowTest, ALostAnswerIsRetriedWithTheSameKey) {
    open_form();
    app.tickets_form().form().subject = "Lento";
    app.tickets_form().form().message = "Tarda.";
    app.dispatch(SupportIntent{SendTicket{}});
    const std::string key = header(net.next(), "Idempotency-Key");
    net.fail(api::TransportFailure::timeout);
    ASSERT_TRUE(state().sent.failed());
    app.dispatch(SupportIntent{SendTicket{}});
    EXPECT_EQ(header(net.next(), "Idempotency-Key"), key);
    net.reply(409, error_body("too_many_open_tickets"));
    EXPECT_EQ(state().refusal, SupportText::why_too_many_open);
}

// [SECTION] The manual's procedures as guided forms

class ProcedureFormTest : public testing::SupportFormTest {};

TEST_F(ProcedureFormTest, AChangeOfHolderNeedsItsServiceChosenBeforeAnythingLeaves) {
    open_blank_form();
    EXPECT_EQ(app.route(), "/soporte/nuevo");
    ASSERT_TRUE(state().services.data);
    app.dispatch(SupportIntent{ChooseKind{domain::TicketKind::change_of_holder}});
    EXPECT_TRUE(asks_for_service(state()));
    form().new_holder_email = "carla@example.com";
    form().message = "Autorizo el cambio.";
    app.dispatch(SupportIntent{SendTicket{}});
    EXPECT_EQ(net.pending(), 0u);
    EXPECT_EQ(state().form.problem_field, "service_id");
    EXPECT_EQ(state().form.problem, SupportText::problem_service);
    EXPECT_EQ(state().form.subject_error, std::nullopt) << "the procedure's name is the subject";

    app.dispatch(SupportIntent{ChooseTicketService{12}});
    app.dispatch(SupportIntent{SendTicket{}});
    ASSERT_EQ(net.pending(), 1u);
    // Billing handles a change of holder; an empty subject becomes the procedure's name.
    EXPECT_EQ(
        json_of(net.next().body),
        json_of(
            R"({"department":"billing","kind":"change_of_holder","message":"Autorizo el cambio.",)"
            R"("new_holder_email":"carla@example.com","service_id":12,)"
            R"("subject":"Cambio de titular de un servicio"})"));
}

TEST_F(ProcedureFormTest, ARefusalNamesEveryUnmetRuleAndAFixedRequestIsSentAnew) {
    open_blank_form();
    app.dispatch(SupportIntent{ChooseKind{domain::TicketKind::change_of_holder}});
    app.dispatch(SupportIntent{ChooseTicketService{11}});
    form().new_holder_email = "carla@example.com";
    form().message = "Autorizo el cambio.";
    app.dispatch(SupportIntent{SendTicket{}});
    const std::string first_key = header(net.next(), "Idempotency-Key");
    api::ApiError refused{"procedure_refused", "x", "",
                          std::vector<std::string>{"your_invoices_overdue", "service_not_active"}};
    net.reply(409, api::encode(refused));
    EXPECT_EQ(state().refusal, SupportText::why_procedure_refused);
    EXPECT_EQ(state().conditions, (std::vector<domain::ProcedureCondition>{
                                      domain::ProcedureCondition::your_invoices_overdue,
                                      domain::ProcedureCondition::service_not_active}));
    EXPECT_EQ(app.route(), "/soporte/nuevo") << "the form stays, filled in";
    EXPECT_EQ(form().new_holder_email, "carla@example.com");
    // Looking at another procedure drops the refusal: it was about this one.
    app.dispatch(SupportIntent{ChooseKind{domain::TicketKind::migration}});
    EXPECT_FALSE(state().refusal);
    EXPECT_TRUE(state().conditions.empty());
    app.dispatch(SupportIntent{ChooseKind{domain::TicketKind::change_of_holder}});

    // The invoices paid, the same request goes again: a refusal is final, so it is a new attempt
    // with a new key (the old one would replay the refusal).
    app.dispatch(SupportIntent{SendTicket{}});
    EXPECT_TRUE(state().conditions.empty());
    EXPECT_NE(header(net.next(), "Idempotency-Key"), first_key);
    net.reply(201, api::encode(ticket_detail(40, 1)));
    EXPECT_EQ(app.route(), "/soporte/tickets/40");
}

TEST_F(ProcedureFormTest, AMigrationSendsItsOptionAndTheServersFieldProblemShowsUnderIt) {
    open_blank_form();
    app.dispatch(SupportIntent{ChooseKind{domain::TicketKind::migration}});
    EXPECT_FALSE(asks_for_service(state())) << "a migration brings a site not yet hosted";
    form().site_domain = " misitio.com ";
    form().current_provider = "Otro hosting";
    form().subject = "Migrar";
    form().message = "Hola.";
    app.dispatch(SupportIntent{AcceptWebmailWarning{true}});
    app.dispatch(SupportIntent{SendTicket{}});
    EXPECT_EQ(
        json_of(net.next().body),
        json_of(
            R"({"current_provider":"Otro hosting","department":"support","domain":"misitio.com",)"
            R"("kind":"migration","message":"Hola.","option":1,"subject":"Migrar",)"
            R"("webmail_warning_accepted":true})"));
    net.reply(400, error_body("invalid_value", "domain"));
    EXPECT_EQ(state().form.problem_field, "domain");
    EXPECT_EQ(state().form.problem, SupportText::problem_domain);

    // Option 2 (the client migrates) does not carry the webmail warning.
    app.dispatch(SupportIntent{ChooseMigrationOption{2}});
    app.dispatch(SupportIntent{SendTicket{}});
    EXPECT_EQ(net.next().body.find("webmail"), std::string::npos);
    EXPECT_NE(net.next().body.find(R"("option":2)"), std::string::npos);
}

TEST_F(ProcedureFormTest, ABackupDayIsReadAsTheClientWritesItInEitherLanguage) {
    open_blank_form();
    app.dispatch(SupportIntent{ChooseKind{domain::TicketKind::backup_recovery}});
    app.dispatch(SupportIntent{ChooseTicketService{11}});
    form().message = "Se borró un archivo.";
    form().date_wanted = "31/02/2026";
    app.dispatch(SupportIntent{SendTicket{}});
    EXPECT_EQ(net.pending(), 0u) << "a day the calendar lacks never leaves the page";
    EXPECT_EQ(state().form.problem, SupportText::problem_date);
    for (const std::string typed : {" 28/11/2026", "2026-11-28"}) {
        form().date_wanted = typed;
        app.dispatch(SupportIntent{SendTicket{}});
        ASSERT_EQ(net.pending(), 1u) << typed;
        EXPECT_NE(net.next().body.find(R"("date_wanted":"2026-11-28")"), std::string::npos);
        net.fail(api::TransportFailure::timeout);
    }
}

// Every field a procedure can be refused for has words for the client: the domain's checks are
// walked field by field, each one filled in once it has been named.
TEST(FieldProblemText, EveryFieldAProcedureAsksForHasItsWords) {
    const domain::Date today{2026, 12, 2};
    using Fill = std::function<void(domain::ProcedureForm&)>;
    const std::map<std::string, Fill> kFillIn{
        {"service_id", [](auto& form) { form.service_id = 1; }},
        {"option", [](auto& form) { form.option = 1; }},
        {"domain", [](auto& form) { form.domain = "misitio.com"; }},
        {"current_provider", [](auto& form) { form.current_provider = "Otro"; }},
        {"webmail_warning_accepted", [](auto& form) { form.webmail_warning_accepted = true; }},
        {"new_holder_email", [](auto& form) { form.new_holder_email = "carla@example.com"; }},
        {"date_wanted", [&](auto& form) { form.date_wanted = today; }},
        {"texts", [](auto& form) { form.texts = "Hola"; }},
        {"requirements_accepted", [](auto& form) { form.requirements_accepted = true; }},
        {"rustdesk_id", [](auto& form) { form.rustdesk_id = "123456789"; }},
        {"slot", [](auto& form) { form.slot = "2026-12-09T11:00:00-03:00"; }},
    };
    for (const domain::TicketKind kind : domain::enum_values<domain::TicketKind>()) {
        domain::ProcedureForm form;
        for (int step = 0; step < 10; ++step) {
            const auto problem = domain::form_problem(kind, form, today);
            if (!problem) break;
            EXPECT_TRUE(field_problem_text(problem->field)) << problem->field;
            const auto fill = kFillIn.find(problem->field);
            ASSERT_NE(fill, kFillIn.end()) << "a field this test cannot fill in";
            fill->second(form);
        }
        EXPECT_FALSE(domain::form_problem(kind, form, today)) << domain::to_string(kind);
    }
}

// [SECTION] The support manuals «Soporte» links to

TEST_F(TicketsFlowTest, SupportLinksItsManualsInItsOrderWithTheCatalogsTitles) {
    app.dispatch(Navigate{Route{Route::Page::support}});
    std::set<std::string> asked;
    while (net.pending() > 0) {
        const std::string path = net.next().path;
        asked.insert(path);
        if (path == "/manuals") {
            // Two books; the support pages are scattered and one of them is missing.
            net.reply(
                200,
                R"({"books":[)"
                R"({"title":"Soporte","chapters":[{"title":"Canales","pages":[)"
                R"({"slug":"sla","title":"SLA","service_types":[]},)"
                R"({"slug":"tickets","title":"Tickets de soporte","service_types":[]}]}]},)"
                R"({"title":"General","chapters":[{"title":"Primeros pasos","pages":[)"
                R"({"slug":"primeros-pasos","title":"Primeros pasos","service_types":[]},)"
                R"({"slug":"soporte-remoto","title":"Soporte remoto","service_types":[]}]}]}]})");
        } else if (path == "/tickets") {
            net.reply(200, R"({"tickets":[]})");
        } else {
            net.reply(200, api::encode(api::Profile{}));
        }
    }
    EXPECT_EQ(asked.count("/manuals"), 1u) << "«Soporte» asks for the catalog";
    ASSERT_TRUE(state().manuals.data);
    std::vector<std::string> titles;
    for (const auto& page : state().support_manuals) titles.push_back(page.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"Tickets de soporte", "SLA", "Soporte remoto"}));
}

TEST(SupportManuals, EachLinkedManualShipsInBothLanguages) {
    std::set<std::string> spanish, english;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(PORTAL_MANUALS_DIR)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".md" || name == "README.md") continue;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("slug: ", 0) != 0) continue;
            const bool is_english = name.size() > 6 && name.substr(name.size() - 6) == ".en.md";
            (is_english ? english : spanish).insert(line.substr(6));
            break;
        }
    }
    for (const std::string_view slug : kSupportManualSlugs) {
        EXPECT_TRUE(spanish.count(std::string(slug))) << slug << " has no Spanish article";
        EXPECT_TRUE(english.count(std::string(slug))) << slug << " has no English article";
    }
}

}  // namespace
}  // namespace portal::app
