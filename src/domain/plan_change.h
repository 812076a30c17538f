// Where a plan change (RULES.md §3) stands. An upgrade with something to pay waits for its
// invoice (awaiting_payment) and is applied when it is paid, or withdrawn by the client, or
// expires unpaid; a downgrade is scheduled for the day after the paid period and applied then,
// unless withdrawn first.
#pragma once

#include <string_view>

#include "domain/enum_names.h"

namespace portal::domain {

PORTAL_NAMED_ENUM(OrderStatus, awaiting_payment, scheduled, applied, withdrawn, expired);

}  // namespace portal::domain
