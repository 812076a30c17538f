// Where the account's messages go (alerts, invitations): a port. The backend records every
// message in the outbox (GET /me/notifications: what was sent where) and hands it to the sender.
// The stub and the demo have no sender beyond the outbox: they use this class as it is, whose
// `send` does nothing. docs/notifications.md says how a real email and WhatsApp sender plugs in,
// and what stays on the server.
#pragma once

#include "core/records.h"

namespace portal::backend {

class NotificationSender {
  public:
    virtual ~NotificationSender() = default;
    // Called inside the transaction that records `message`; a real sender queues it there and
    // delivers after the commit, so a refused request sends nothing. Here, the outbox alone: the
    // message is recorded and goes nowhere else.
    virtual void send(const NotificationRecord& message) { static_cast<void>(message); }
};

}  // namespace portal::backend
