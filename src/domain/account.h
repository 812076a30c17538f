// The client's account beyond its services (RULES.md §10): what a secondary contact may do, and
// the events the client is told about, on which channels.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enum_names.h"

namespace portal::domain {

// What the holder lets a secondary contact do. Everything else (cancellations, changes of
// holder, the contacts themselves, the account's email and password) stays with the holder
// (RULES.md §4, §10).
//   services_view    see services, their credentials and pending changes
//   services_manage  order upgrades and downgrades, turn auto-renew on or off
//   downloads        download the files a plan includes
//   invoices         see and pay invoices
//   tickets          support tickets
//   profile          edit the account's details and alerts
PORTAL_NAMED_ENUM(Permission, services_view, services_manage, downloads, invoices, tickets,
                  profile);

// The events of the manual's alerts (RULES.md §10), in the manual's order.
PORTAL_NAMED_ENUM(AlertEvent, welcome, password_changed, invoice_generated, details_edited,
                  invoice_cancelled, invoice_paid, service_suspended, service_reactivated,
                  service_terminated, quote_available, domain_deleted);

PORTAL_NAMED_ENUM(AlertChannel, email, whatsapp);

// A set of permissions as stored: their names joined by commas, in the enum's order, each once.
std::string permissions_text(const std::vector<Permission>& permissions);
// The stored text back; nullopt for a name that is not a permission.
std::optional<std::vector<Permission>> parse_permissions(std::string_view text);

// The alerts a client turned off, as stored: "event:channel" joined by commas. Every other
// (event, channel) is on, as the manual implies.
bool alert_enabled(std::string_view alerts_off, AlertEvent event, AlertChannel channel);
std::string alert_key(AlertEvent event, AlertChannel channel);

}  // namespace portal::domain
