// Every DTO's `fields` is complete and matches api/openapi.yaml: each DTO, with a value other than
// its default in every member, decodes from its own encoding to an equal value (a member missing
// from `fields` comes back as its default); each schema names exactly the DTO's fields as its
// properties, and each enum-typed field's values exactly as domain's EnumNames spells them; and
// each schema's `example` in the contract decodes strictly and encodes back to exactly the same
// JSON.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "api/json_codec.h"
#include "json_tree_oracle.h"

namespace portal::api {
namespace {

using domain::Date;
using domain::Money;

const PlanSummary kPlan{"hosting-pro", "Hosting Pro", Money{15000, "ARS"},
                        domain::BillingCycle::quarterly};
const ServiceView kService{
    8,
    "Radio",
    domain::ServiceType::audio_streaming,
    domain::ServiceStatus::suspended,
    "radio.example",
    kPlan,
    Date{2026, 1, 15},
    Date{2026, 4, 14},
    Money{15000, "ARS"},
    Date{2026, 4, 15},
    PendingPlanChange{12, "radio-128", "Radio 128", domain::PlanChange::down,
                      domain::OrderStatus::scheduled, Date{2026, 4, 15}, 31},
    domain::AppPlatform::ios,
    ServiceCancellation{2, domain::CancellationKind::end_of_period, "scheduled", Date{2026, 4, 14}},
    std::nullopt};
const UpgradeOption kOption{kPlan, domain::PlanChange::down,
                            QuoteView{Money{1, "ARS"}, Date{2026, 1, 2}, Date{2026, 1, 3}}};
const PaymentView kPayment{
    9,    31, domain::PaymentMethod::sandbox, Money{5000, "ARS"}, Date{2026, 3, 12}, "sandbox-31-1",
    false};
const InvoiceView kInvoice{31,
                           8,
                           "Hosting anagarcia.example",
                           "Upgrade to Hosting Pro",
                           Money{5000, "ARS"},
                           Date{2026, 3, 11},
                           Date{2026, 3, 21},
                           Date{2026, 3, 11},
                           Date{2027, 3, 10},
                           domain::InvoiceStatus::overdue,
                           domain::InvoiceKind::plan_change,
                           {{"Hosting Pro", Money{15000, "ARS"}}, {"Paid", Money{-10000, "ARS"}}},
                           {kPayment},
                           12};
const UpgradeOrder kOrder{12,
                          8,
                          "hosting-plus",
                          "hosting-pro",
                          domain::PlanChange::down,
                          Money{5000, "ARS"},
                          Date{2026, 3, 11},
                          Date{2027, 3, 10},
                          domain::OrderStatus::expired,
                          Date{2026, 3, 12},
                          31,
                          Date{2026, 3, 18}};
const CancellationRequestView kCancellation{2,
                                            8,
                                            "withdrawn",
                                            domain::CancellationKind::immediate,
                                            Date{2026, 3, 11},
                                            Date{2026, 3, 12},
                                            {9, 10},
                                            true,
                                            7};
const TicketSummary kTicket{4,
                            domain::TicketDepartment::billing,
                            domain::TicketKind::error_report,
                            9,
                            "Radio",
                            "Sin audio",
                            domain::TicketStatus::answered,
                            "2026-12-04T16:00:00-03:00",
                            "2026-12-04T16:30:00-03:00",
                            "2026-12-16T14:00:00-03:00",
                            domain::DueFor::resolution,
                            true,
                            "2026-12-09T11:00:00-03:00"};
const Incident kIncident{5,
                         "Sitios lentos",
                         "2026-12-03T21:30:00-03:00",
                         "2026-12-04T02:00:00-03:00",
                         {{"2026-12-03T21:45:00-03:00", "Investigando"}}};
const ManualSearchHit kHit{"baja", "Cómo cancelar", 3.5, "…la baja…", {{5, 13}}, {{4, 8}}};

const ActingAs kActing{4, {domain::Permission::invoices, domain::Permission::profile}};
const Contact kContact{
    4,       "Laura", "laura@contable.example", "+54 9 11 5555-0199", {domain::Permission::tickets},
    "active"};
const Notification kNotification{9,
                                 "invoice_paid",
                                 domain::AlertChannel::whatsapp,
                                 "+54 9 11 5555-0101",
                                 "Factura pagada",
                                 "#/facturas",
                                 1700000000};

// One value of every DTO, no member left at its default.
auto every_dto() {
    return std::tuple{
        ApiError{"procedure_refused", "refused", "id", {{"service_not_active"}}},
        Health{"ok", "1.2.3"},
        LoginRequest{"ana@example.com", "secret"},
        ClientSummary{3, "Ana García", "ana@example.com", "es"},
        Session{"abc123", {3, "Ana", "ana@example.com", "en"}, 28800, kActing},
        Profile{3, "Ana", "ana@example.com", "+54 11 5555-0000", "en", "Ana SRL", "Calle 1",
                domain::SupportPlan::full, kActing},
        ProfileChanges{"Ana", "+54 11 5555-0000", "en", "Ana SRL", "Calle 1"},
        kActing,
        kContact,
        ContactList{{kContact}},
        ContactBody{"Laura", "laura@contable.example", "+54 9 11 5555-0199",
                    std::vector<domain::Permission>{domain::Permission::downloads}},
        InvitationAcceptance{"contable-2026"},
        EmailChange{"pw", "new@example.com"},
        PasswordChange{"pw", "new-password"},
        Alert{domain::AlertEvent::domain_deleted, false, false},
        AlertSettings{{{domain::AlertEvent::quote_available, true, false}}},
        kNotification,
        NotificationList{{kNotification}},
        kPlan,
        kService,
        ServiceList{{kService}},
        Credential{"cPanel", "panel.example", "ana", "pw"},
        ServiceCredentials{8, {{"FTP", "ftp.example", "ana", "pw"}}},
        ServiceAccess{8, "https://panel.example", "access.radio_panel"},
        Download{4, "plugin.zip", "The plugin", 2048, "ab12"},
        DownloadList{8, {{5, "a.zip", "A", 1, "cd34"}}},
        kOption.quote,
        kOption,
        UpgradeOptions{8, true, {kOption}},
        kInvoice,
        InvoiceList{{kInvoice}},
        UpgradeOrderRequest{"hosting-pro"},
        kOrder,
        UpgradeOrderResult{kOrder, kInvoice},
        InvoiceLine{"Hosting Pro", Money{15000, "ARS"}},
        kPayment,
        PaymentRequest{domain::PaymentMethod::sandbox},
        PaymentResult{kPayment, kInvoice},
        PendingPlanChange{12, "radio-128", "Radio 128", domain::PlanChange::up,
                          domain::OrderStatus::awaiting_payment, Date{2026, 4, 15}, 31},
        UpgradeRequestBody{"Please move me to Pro"},
        CancellationRequestBody{domain::CancellationKind::immediate, "Moving", "a@b.c", "pw"},
        kCancellation,
        AutoRenewBody{false},
        AutoRenewView{8, false},
        ManualPageRef{"baja", "Cancelar", {"hosting"}},
        ManualChapter{"Cuenta", {{"baja", "Cancelar", {}}}},
        ManualBook{"Guía", {{"Cuenta", {}}}},
        ManualCatalog{{{"Guía", {}}}},
        ManualPageView{"baja", "Cancelar", "Guía", "Cuenta", "# Cancelar"},
        kHit,
        ManualSearchResults{"cancelar", {kHit}},
        ActivationEstimateView{8,
                               domain::ServiceType::simplenews,
                               2,
                               3,
                               domain::DelayUnit::business_days,
                               "domain_delegated",
                               Date{2026, 3, 10},
                               Date{2026, 3, 13},
                               Date{2026, 3, 16},
                               {{Date{2026, 3, 23}, "Puente", domain::HolidayKind::non_working}}},
        ServiceCancellation{2, domain::CancellationKind::immediate, "effective", Date{2026, 3, 11}},
        HolidayList{2026, {{Date{2026, 12, 8}, "Inmaculada", domain::HolidayKind::fixed}}},
        kTicket,
        TicketList{{kTicket}},
        TicketMessageView{7, domain::MessageAuthor::staff, "Listo", "2026-12-04T16:30:00-03:00"},
        TicketAttachmentView{3, "captura.png", "image/png", 48213, "2026-12-05T03:02:00-03:00"},
        TicketDetail{kTicket,
                     {{7, domain::MessageAuthor::staff, "Listo", "2026-12-04T16:30:00-03:00"}},
                     {{3, "captura.png", "image/png", 48213, "2026-12-05T03:02:00-03:00"}}},
        NewTicket{domain::TicketDepartment::sales, 9, "Plan", "¿Qué plan?",
                  domain::TicketKind::migration, 1, "ana.example", "Otro", true,
                  "carla@example.com", Date{2026, 12, 1}, "Texto", true, "123 456 789",
                  "2026-12-09T11:00:00-03:00"},
        TicketReply{"Gracias"},
        RemoteSlotView{"2026-12-09T11:00:00-03:00", "2026-12-09T12:00:00-03:00"},
        RemoteSlotList{{{"2026-12-09T11:00:00-03:00", "2026-12-09T12:00:00-03:00"}}, true},
        IncidentUpdate{"2026-12-03T23:10:00-03:00", "Reemplazamos el disco"},
        kIncident,
        StatusComponent{"hs-02",
                        "Servidor hs-02",
                        domain::ComponentState::partial_outage,
                        true,
                        {8, 9},
                        {kIncident}},
        ServerStatus{{{"dns", "DNS", domain::ComponentState::maintenance, true, {3}, {kIncident}}}},
    };
}

// The text encode() writes straight from the fields is the JSON of the tree an independent
// encoder builds member by member (json_tree_oracle.h).
TEST(ContractFields, EveryDtoIsWrittenAsItsTreeSays) {
    std::apply(
        [](const auto&... dto) {
            auto check = [](const auto& sent) {
                const std::string text = encode(sent);
                const Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
                EXPECT_EQ(parsed, tree_oracle::write(sent)) << text;
            };
            (check(dto), ...);
        },
        every_dto());
}

TEST(ContractFields, EveryDtoDecodesFromItsOwnEncoding) {
    std::apply(
        [](const auto&... dto) {
            auto check = [](const auto& sent) {
                using T = std::decay_t<decltype(sent)>;
                const std::string text = encode(sent);
                auto received = decode<T>(text);
                ASSERT_TRUE(received.ok()) << text << ": " << received.error().message;
                EXPECT_TRUE(received.value() == sent)
                    << "sent " << text << ", got back " << encode(received.value());
            };
            (check(dto), ...);
        },
        every_dto());
}

// The `example` of each schema under components/schemas, by schema name. An example is
// written as JSON (which YAML reads as a flow mapping); it may continue on lines indented
// deeper than its `example:` key.
std::map<std::string, Json> schema_examples(const std::string& file) {
    std::ifstream in(file);
    EXPECT_TRUE(in.good()) << "cannot read " << file;
    std::map<std::string, Json> examples;
    std::string section, schema, line, pending;
    auto flush = [&] {
        if (pending.empty()) return;
        examples[schema] = Json::parse(pending, nullptr, /*allow_exceptions=*/false);
        pending.clear();
    };
    while (std::getline(in, line)) {
        const size_t indent = line.find_first_not_of(' ');
        if (indent == std::string::npos) continue;
        if (!pending.empty() && indent > 6) {
            pending += line;
            continue;
        }
        flush();
        if (indent == 0) section = line;
        if (section != "components:") continue;
        if (indent == 2) schema.clear();
        if (indent == 4 && line == "  schemas:") continue;
        if (indent == 4 && line.back() == ':') schema = line.substr(4, line.size() - 5);
        if (indent == 6 && line.rfind("      example: ", 0) == 0 && !schema.empty()) {
            pending = line.substr(15);
        }
    }
    flush();
    return examples;
}

using Values = std::vector<std::string>;

// "[a, b,\n c]" (one or more joined lines) → {"a", "b", "c"}.
Values enum_values(const std::string& list) {
    Values values;
    std::string value;
    for (const char c : list.substr(list.find('[') + 1)) {
        if (c == ',' || c == ']') {
            if (!value.empty()) values.push_back(value);
            value.clear();
            if (c == ']') break;
        } else if (c != ' ') {
            value += c;
        }
    }
    return values;
}

// What components/schemas says of each schema: its own properties (not nested objects'), the
// enum values of each property that lists them or refers to an enum schema, and its own enum.
struct Schema {
    std::set<std::string> properties;
    std::map<std::string, Values> property_enums;
    std::map<std::string, std::string> property_refs;  // property → the schema it refers to
    Values values;                                     // an enum schema's
};
std::map<std::string, Schema> contract_schemas(const std::string& file) {
    std::ifstream in(file);
    std::map<std::string, Schema> schemas;
    std::string section, schema, property, line, list;
    bool in_properties = false, own_list = false;
    while (std::getline(in, line)) {
        const size_t indent = line.find_first_not_of(' ');
        if (indent == std::string::npos) continue;
        if (indent == 0) section = line;
        if (section != "components:") continue;
        if (!list.empty()) {  // an enum list continued on this line
            list += line;
        } else {
            if (indent == 4 && line.back() == ':') schema = line.substr(4, line.size() - 5);
            if (indent <= 6) in_properties = line == "      properties:";
            if (indent == 8 && in_properties) {
                property = line.substr(8, line.find(':') - 8);
                schemas[schema].properties.insert(property);
                const size_t ref = line.find("#/components/schemas/");
                if (ref != std::string::npos && line.find("$ref") < ref) {
                    schemas[schema].property_refs[property] =
                        line.substr(ref + 21, line.find('\'', ref) - ref - 21);
                }
            }
            const size_t at = line.find("enum: [");
            const bool own = indent == 6, of_property = in_properties && indent >= 8;
            if (at == std::string::npos || (!own && !of_property) || indent > 10) continue;
            list = line.substr(at);
            own_list = own;
        }
        if (list.find(']') == std::string::npos) continue;
        Schema& s = schemas[schema];
        (own_list ? s.values : s.property_enums[property]) = enum_values(list);
        list.clear();
    }
    for (auto& [name, s] : schemas) {
        for (const auto& [property, target] : s.property_refs) {
            if (!schemas[target].values.empty())
                s.property_enums[property] = schemas[target].values;
        }
    }
    return schemas;
}

template <class T>
struct EnumOf {};
template <domain::NamedEnum E>
struct EnumOf<E> {
    using type = E;
};
template <domain::NamedEnum E>
struct EnumOf<std::optional<E>> {
    using type = E;
};

// The JSON names a DTO's `fields` visits at its top level, and the names of its enum members.
struct FieldNames {
    std::set<std::string> names;
    std::map<std::string, Values> enums;
    template <class Member, class... How>
    void operator()(std::string_view name, Member&, How...) {
        names.emplace(name);
        if constexpr (requires { typename EnumOf<Member>::type; }) {
            Values& values = enums[std::string(name)];
            for (const auto& [value, spelled] :
                 domain::EnumNames<typename EnumOf<Member>::type>::table) {
                values.emplace_back(spelled);
            }
        }
    }
    template <class Nested>
    void object(std::string_view name, Nested&&) {
        names.emplace(name);
    }
};

template <class T>
FieldNames field_names() {
    FieldNames names;
    T value{};
    fields(names, value);
    return names;
}

template <class T>
void expect_example_is_the_wire(const std::map<std::string, Json>& examples, const char* schema) {
    SCOPED_TRACE(schema);
    static const auto schemas = contract_schemas(PORTAL_OPENAPI_FILE);
    const auto named = schemas.find(schema);
    ASSERT_NE(named, schemas.end()) << "no schema " << schema;
    const FieldNames dto = field_names<T>();
    EXPECT_EQ(named->second.properties, dto.names)
        << "the schema's properties are the DTO's fields";
    for (const auto& [field, values] : dto.enums) {
        const auto listed = named->second.property_enums.find(field);
        ASSERT_NE(listed, named->second.property_enums.end()) << field << " lists no enum values";
        EXPECT_EQ(listed->second, values)
            << field << ": the contract spells the enum as domain does";
    }
    auto found = examples.find(schema);
    ASSERT_NE(found, examples.end()) << "no example for schema " << schema;
    ASSERT_FALSE(found->second.is_discarded()) << "the example of " << schema << " is not JSON";
    auto decoded = decode_value<T>(found->second);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(Json::parse(encode(decoded.value())), found->second);
}

TEST(ContractFields, EveryBodySchemaExampleIsExactlyWhatTheCodecReadsAndWrites) {
    const auto examples = schema_examples(PORTAL_OPENAPI_FILE);
    expect_example_is_the_wire<ApiError>(examples, "Error");
    expect_example_is_the_wire<Health>(examples, "Health");
    expect_example_is_the_wire<LoginRequest>(examples, "LoginRequest");
    expect_example_is_the_wire<Session>(examples, "Session");
    expect_example_is_the_wire<Profile>(examples, "Profile");
    expect_example_is_the_wire<ProfileChanges>(examples, "ProfileChanges");
    expect_example_is_the_wire<Contact>(examples, "Contact");
    expect_example_is_the_wire<ContactBody>(examples, "ContactBody");
    expect_example_is_the_wire<AlertSettings>(examples, "AlertSettings");
    expect_example_is_the_wire<ServiceView>(examples, "Service");
    expect_example_is_the_wire<ServiceList>(examples, "ServiceList");
    expect_example_is_the_wire<ServiceCredentials>(examples, "ServiceCredentials");
    expect_example_is_the_wire<ServiceAccess>(examples, "ServiceAccess");
    expect_example_is_the_wire<DownloadList>(examples, "DownloadList");
    expect_example_is_the_wire<UpgradeOptions>(examples, "UpgradeOptions");
    expect_example_is_the_wire<UpgradeOrderRequest>(examples, "UpgradeOrderRequest");
    expect_example_is_the_wire<UpgradeOrder>(examples, "UpgradeOrder");
    expect_example_is_the_wire<UpgradeOrderResult>(examples, "UpgradeOrderResult");
    expect_example_is_the_wire<PaymentRequest>(examples, "PaymentRequest");
    expect_example_is_the_wire<PaymentResult>(examples, "PaymentResult");
    expect_example_is_the_wire<UpgradeRequestBody>(examples, "UpgradeRequestBody");
    expect_example_is_the_wire<CancellationRequestBody>(examples, "CancellationRequestBody");
    expect_example_is_the_wire<CancellationRequestView>(examples, "CancellationRequest");
    expect_example_is_the_wire<AutoRenewBody>(examples, "AutoRenewBody");
    expect_example_is_the_wire<AutoRenewView>(examples, "AutoRenew");
    expect_example_is_the_wire<InvoiceList>(examples, "InvoiceList");
    expect_example_is_the_wire<ManualCatalog>(examples, "ManualCatalog");
    expect_example_is_the_wire<ManualPageView>(examples, "ManualPage");
    expect_example_is_the_wire<ManualSearchResults>(examples, "ManualSearchResults");
    expect_example_is_the_wire<ActivationEstimateView>(examples, "ActivationEstimate");
    expect_example_is_the_wire<TicketSummary>(examples, "TicketSummary");
    expect_example_is_the_wire<TicketList>(examples, "TicketList");
    expect_example_is_the_wire<TicketDetail>(examples, "TicketDetail");
    expect_example_is_the_wire<TicketAttachmentView>(examples, "TicketAttachment");
    expect_example_is_the_wire<NewTicket>(examples, "NewTicket");
    expect_example_is_the_wire<TicketReply>(examples, "TicketReply");
    expect_example_is_the_wire<RemoteSlotView>(examples, "RemoteSlot");
    expect_example_is_the_wire<RemoteSlotList>(examples, "RemoteSlotList");
    expect_example_is_the_wire<ServerStatus>(examples, "ServerStatus");
}

}  // namespace
}  // namespace portal::api
