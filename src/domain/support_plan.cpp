#include "domain/support_plan.h"

#include <algorithm>

#include "domain/enum_map.h"

namespace portal::domain {

namespace {

struct Entry {
    ChannelOffer offer;
    SupportPlan from;  // the first plan that includes it
};

constexpr Entry kChannels[] = {
    {{SupportChannel::bot, ChannelResponse::at_once}, SupportPlan::standard},
    {{SupportChannel::manuals, ChannelResponse::at_once}, SupportPlan::standard},
    {{SupportChannel::tutorials, ChannelResponse::at_once}, SupportPlan::standard},
    {{SupportChannel::tickets, ChannelResponse::plan_time}, SupportPlan::standard},
    {{SupportChannel::chat, ChannelResponse::chat_minutes}, SupportPlan::standard},
    {{SupportChannel::remote_support, ChannelResponse::appointment}, SupportPlan::professional},
    {{SupportChannel::phone, ChannelResponse::business_hours}, SupportPlan::professional},
    {{SupportChannel::courses, ChannelResponse::at_once}, SupportPlan::professional},
    {{SupportChannel::whatsapp, ChannelResponse::plan_time}, SupportPlan::full},
    {{SupportChannel::telegram, ChannelResponse::plan_time}, SupportPlan::full},
    {{SupportChannel::video_tutorials, ChannelResponse::at_once}, SupportPlan::full},
};

// standard < professional < full: each includes the one before.
int rank(SupportPlan plan) {
    static constexpr EnumMap<SupportPlan, int> kRanks{
        {SupportPlan::standard, 0}, {SupportPlan::professional, 1}, {SupportPlan::full, 2}};
    return kRanks[plan];
}

}  // namespace

std::vector<ChannelOffer> channels_of(SupportPlan plan) {
    std::vector<ChannelOffer> offers;
    for (const Entry& entry : kChannels) {
        if (rank(entry.from) <= rank(plan)) offers.push_back(entry.offer);
    }
    return offers;
}

bool includes(SupportPlan plan, SupportChannel channel) {
    const auto offers = channels_of(plan);
    return std::any_of(offers.begin(), offers.end(),
                       [&](const ChannelOffer& o) { return o.channel == channel; });
}

}  // namespace portal::domain
