// How the company is reached on the channels that take an address (RULES.md §8): a phone number,
// a WhatsApp number and a Telegram user, as the operator writes them in config.json
// ("support": {"phone": "+54 11 …", "whatsapp": "+54 9 11 …", "telegram": "@…"}). A channel the
// operator left out, or wrote so it cannot be dialled or linked, is offered without a button: the
// client asks by ticket.
#pragma once

#include <optional>
#include <string>

#include "app/texts/support_plan_texts.h"
#include "domain/support_plan.h"

namespace portal::app {

struct SupportContacts {
    std::string phone;
    std::string whatsapp;
    std::string telegram;
};

// A channel's way in: the address as the client reads it, the link that opens it, and what the
// link says ("Llamar al {}").
struct ChannelContact {
    std::string shown;  // "+54 11 5263-0000", "@paneldecliente"
    std::string link;   // "tel:+541152630000", "https://wa.me/5491152630000", "https://t.me/…"
    ChannelText words = ChannelText::call;
};

// The way in to `channel`, or nullopt when it takes no address or has none that works.
std::optional<ChannelContact> contact_for(const SupportContacts& contacts,
                                          domain::SupportChannel channel);

// Whether a plan lacks a channel the manual says a service's page leads to (phone, WhatsApp):
// the client can then ask for it.
bool lacks_phone_or_whatsapp(domain::SupportPlan plan);

}  // namespace portal::app
