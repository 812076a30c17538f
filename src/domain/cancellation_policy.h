// What a cancellation ("baja del servicio") means for the client, before they confirm it
// (RULES.md §4).
//
// Rules from the manual:
// - immediate: the service is removed during the day of the request (effective today);
// - end_of_period: the service keeps working until the end of the period of its last generated
//   invoice, and is not renewed;
// - nothing paid is refunded; invoices of periods already running must still be paid;
// - international domains cannot be cancelled ("domain_not_cancellable"): the client may only
//   turn off their renewal (can_turn_off_auto_renew);
// - the last backup is kept for 10 years.
//
// Decisions where RULES.md is silent:
// - Only active services can be cancelled here ("service_not_active"); the status check comes
//   before the domain check.
// - "Last generated invoice" for end_of_period is the latest-ending non-cancelled invoice of the
//   service that is either paid or already running on `today`. An unpaid invoice for a period
//   that has not started (a renewal generated in advance) is not due (its period is not running)
//   and so does not extend the service either; it is listed in invoices_voided instead.
//   A paid future period is honoured, since nothing paid is refunded.
// - Without such an invoice, end_of_period uses service.period_end.
// - The effective date is never before today (stale data must not cancel in the past).
// - Turning off auto-renew is allowed for active and suspended services that renew today.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/enum_names.h"
#include "domain/invoice.h"
#include "domain/outcome.h"
#include "domain/service.h"

namespace portal::domain {

PORTAL_NAMED_ENUM(CancellationKind, immediate, end_of_period);

inline constexpr int kBackupKeptYears = 10;

struct CancellationTerms {
    CancellationKind kind = CancellationKind::immediate;
    Date effective_on;  // the day the service is deleted from the server
    // This service's unpaid/overdue invoices whose period started on or before today.
    std::vector<Invoice> invoices_still_due;
    bool refund = false;  // never: "nothing paid is refunded"
    int backup_kept_years = kBackupKeptYears;
    // Added: this service's unpaid/overdue invoices for periods that have not started yet; they
    // are not owed once the cancellation is accepted.
    std::vector<Invoice> invoices_voided;
};

Outcome<CancellationTerms> cancellation_terms(const Service& service, CancellationKind kind,
                                              Date today,
                                              const std::vector<Invoice>& client_invoices);

// The only "cancellation" a domain has: asking that it is not renewed.
bool can_turn_off_auto_renew(const Service& service);

}  // namespace portal::domain
