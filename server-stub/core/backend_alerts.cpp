// [SECTION] Handlers: the account's alerts (RULES.md §10) and its outbox. Each event of the
// manual goes, on each channel the client has on, to the client's email or WhatsApp number
// (the phone in its details), in the client's language.
#include "core/backend.h"
#include "core/language.h"
#include "core/responses.h"
#include "core/views.h"

namespace portal::backend {

namespace {

using domain::AlertChannel;
using domain::AlertEvent;

struct EventWords {
    AlertEvent event;
    Words words;
};
// What each alert says; the detail (an invoice's number, a service's name) follows it.
constexpr EventWords kEventWords[] = {
    {AlertEvent::welcome, {"Bienvenido al panel de clientes", "Welcome to the client panel"}},
    {AlertEvent::password_changed, {"Su contraseña fue cambiada", "Your password was changed"}},
    {AlertEvent::invoice_generated, {"Nueva factura", "New invoice"}},
    {AlertEvent::details_edited, {"Sus datos fueron modificados", "Your details were edited"}},
    {AlertEvent::invoice_cancelled, {"Factura anulada", "Invoice cancelled"}},
    {AlertEvent::invoice_paid, {"Factura pagada", "Invoice paid"}},
    {AlertEvent::service_suspended, {"Servicio suspendido", "Service suspended"}},
    {AlertEvent::service_reactivated, {"Servicio reactivado", "Service reactivated"}},
    {AlertEvent::service_terminated, {"Servicio dado de baja", "Service terminated"}},
    {AlertEvent::quote_available, {"Presupuesto disponible", "Quote available"}},
    {AlertEvent::domain_deleted, {"Dominio eliminado", "Domain deleted"}},
};
static_assert(std::size(kEventWords) == domain::enum_values<AlertEvent>().size(),
              "every alert event says something");

std::string event_text(AlertEvent event, const std::string& language, const std::string& detail) {
    for (const auto& [each, words] : kEventWords) {
        if (each != event) continue;
        std::string text(words.in(language));
        return detail.empty() ? text : text + ": " + detail;
    }
    return std::string(to_string(event));
}

}  // namespace

void Backend::send_notification(const NotificationRecord& message) {
    // With a real sender the invitation's token travels only in the message to the contact:
    // the outbox keeps its link without it (docs/notifications.md). Without one, the outbox is
    // the contact's mailbox and shows the whole link.
    NotificationRecord kept = message;
    if (sender_ != &outbox_only_ && kept.event == "contact_invited") kept.link = "#/invitacion/";
    store_.insert_notification(kept);
    sender_->send(message);
}

void Backend::raise_event(int64_t client_id, AlertEvent event, const std::string& detail,
                          const std::string& link, int64_t now) {
    store_.transaction([&] {
        auto client = store_.client_by_id(client_id);
        if (!client) return false;
        for (AlertChannel channel : domain::enum_values<AlertChannel>()) {
            if (!domain::alert_enabled(client->alerts_off, event, channel)) continue;
            const std::string& recipient =
                channel == AlertChannel::email ? client->email : client->phone;
            if (recipient.empty()) continue;  // no number to reach on WhatsApp
            NotificationRecord message;
            message.client_id = client_id;
            message.event = std::string(to_string(event));
            message.channel = std::string(to_string(channel));
            message.recipient = recipient;
            message.text = event_text(event, client->language, detail);
            message.link = link;
            message.sent_at = now;
            send_notification(message);
        }
        return true;
    });
}

void Backend::invoice_event(AlertEvent event, const domain::Invoice& invoice, int64_t now) {
    // What it bills, in the client's words: a plan change's invoice names the plan it leaves.
    const auto client = store_.client_by_id(invoice.client_id);
    const auto orders = store_.upgrade_orders_of(invoice.client_id);
    const UpgradeOrderRecord* order = order_of_invoice(orders, invoice.id);
    const std::string words = invoice_description(
        invoice, plan_names(client ? client->language : std::string(kDefaultLanguage)),
        order ? order->from_plan_id : "");
    // The link leads to the invoices, where it can be seen and paid (the manual: "with its link").
    raise_event(invoice.client_id, event, "#" + std::to_string(invoice.id) + " " + words,
                "#/facturas", now);
}

void Backend::cancelled_invoice_event(int64_t client_id, int64_t invoice_id) {
    for (const auto& invoice : store_.invoices_of(client_id)) {
        if (invoice.id == invoice_id)
            invoice_event(AlertEvent::invoice_cancelled, invoice, clock_.now());
    }
}

Response Backend::get_alerts(Call& call) {
    auto client = store_.client_by_id(call.client_id);
    if (!client) return not_found("client");
    api::AlertSettings settings;
    for (AlertEvent event : domain::enum_values<AlertEvent>()) {
        settings.alerts.push_back(
            {event, domain::alert_enabled(client->alerts_off, event, AlertChannel::email),
             domain::alert_enabled(client->alerts_off, event, AlertChannel::whatsapp)});
    }
    return json_answer(200, settings);
}

Response Backend::put_alerts(Call& call) {
    api::AlertSettings body;
    if (auto refusal = read_body(call.request, body)) return *refusal;
    // Events left out keep what they had; each listed event says both channels.
    return commit(call, [&]() -> Response {
        auto client = store_.client_by_id(call.client_id);
        if (!client) return not_found("client");
        std::string off;
        for (AlertEvent event : domain::enum_values<AlertEvent>()) {
            for (AlertChannel channel : domain::enum_values<AlertChannel>()) {
                bool on = domain::alert_enabled(client->alerts_off, event, channel);
                for (const auto& alert : body.alerts) {
                    if (alert.event != event) continue;
                    on = channel == AlertChannel::email ? alert.email : alert.whatsapp;
                }
                if (!on) off += (off.empty() ? "" : ",") + domain::alert_key(event, channel);
            }
        }
        client->alerts_off = off;
        store_.update_client(*client);
        return get_alerts(call);
    });
}

Response Backend::list_notifications(Call& call) {
    api::NotificationList list;
    for (const auto& message : store_.notifications_of(call.client_id)) {
        list.notifications.push_back(
            {message.id, message.event,
             domain::parse_enum<AlertChannel>(message.channel).value_or(AlertChannel::email),
             message.recipient, message.text, message.link, message.sent_at});
    }
    return json_answer(200, list);
}

}  // namespace portal::backend
