// The REST contract's remote-support slots (GET /support/remote-slots; domain/remote_support.h),
// with their `fields` like every DTO of dto.h. A slot is booked by opening a `remote_support`
// ticket (NewTicket's requirements_accepted, rustdesk_id and slot). Instants travel as RFC 3339
// text in the company's zone ("2026-12-09T11:00:00-03:00"), as the tickets' do.
#pragma once

#include <string>
#include <vector>

#include "domain/record_fields.h"

namespace portal::api {

// One session the client can book: one hour from starts_at.
struct RemoteSlotView {
    std::string starts_at;
    std::string ends_at;
};
PORTAL_FIELDS(RemoteSlotView, starts_at, ends_at);

// GET /support/remote-slots: the free slots, earliest first, for every client; `included` says
// whether the client's support plan includes remote support (booking is refused otherwise).
struct RemoteSlotList {
    std::vector<RemoteSlotView> slots;
    bool included = false;
};
PORTAL_FIELDS(RemoteSlotList, slots, included);

}  // namespace portal::api
