// [SECTION] Handlers: remote support (RULES.md §9; domain/remote_support.h). Every client reads
// the free slots; booking one is opening a `remote_support` ticket (backend_procedures.cpp),
// whose transaction reads the slots booked across clients, so two clients racing for one slot
// cannot both get it.
#include "core/backend.h"
#include "core/responses.h"
#include "domain/support_clock.h"
#include "domain/support_plan.h"

namespace portal::backend {

std::vector<domain::RemoteSlot> Backend::free_remote_slots(const Call& call) {
    std::vector<int64_t> booked;
    for (const auto& ticket : store_.remote_support_bookings(call.now)) {
        if (ticket.remote_slot) booked.push_back(*ticket.remote_slot);
    }
    return domain::free_remote_slots(config_.calendar, call.now, booked);
}

Response Backend::list_remote_slots(Call& call) {
    auto client = store_.client_by_id(call.client_id);
    if (!client) return not_found("client");
    api::RemoteSlotList list;
    list.included = domain::includes(client->support_plan, domain::SupportChannel::remote_support);
    for (const auto& slot : free_remote_slots(call)) {
        list.slots.push_back(
            {domain::company_rfc3339(slot.starts_at), domain::company_rfc3339(slot.ends_at)});
    }
    return json_answer(200, list);
}

}  // namespace portal::backend
