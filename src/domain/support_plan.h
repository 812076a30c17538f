// What each support plan includes (RULES.md §8): its channels, each with how soon it answers.
// Standard comes with every service; Professional adds remote support, phone and courses; Full
// adds WhatsApp, Telegram and video tutorials. Tickets answer within the plan's time
// (domain/support_clock.h); the chat usually within 10 minutes in business hours (§6).
#pragma once

#include <vector>

#include "domain/support_clock.h"

namespace portal::domain {

PORTAL_NAMED_ENUM(SupportChannel, bot, manuals, tutorials, tickets, chat, remote_support, phone,
                  courses, whatsapp, telegram, video_tutorials);

// How soon a channel answers: at once (bot, manuals), within the plan's time (tickets, WhatsApp,
// Telegram), within minutes in business hours (chat), in business hours (phone), by appointment
// in business hours (remote support).
PORTAL_NAMED_ENUM(ChannelResponse, at_once, plan_time, chat_minutes, business_hours, appointment);

struct ChannelOffer {
    SupportChannel channel = SupportChannel::bot;
    ChannelResponse response = ChannelResponse::at_once;
    bool operator==(const ChannelOffer&) const = default;
};

// The plan's channels, in the order the plans add them.
std::vector<ChannelOffer> channels_of(SupportPlan plan);
bool includes(SupportPlan plan, SupportChannel channel);

}  // namespace portal::domain
