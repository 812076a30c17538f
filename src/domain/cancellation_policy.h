// What a cancellation ("baja del servicio") means for the client, before they confirm it
// (RULES.md §4).
//
// Rules from the manual:
// - immediate: the service is removed during the day of the request (effective_on is today);
// - end_of_period: the service keeps working until the end of the period of its last generated
//   invoice, and is not renewed;
// - effective_on is the last day of service: from the next day the service is cancelled;
// - nothing paid is refunded; invoices already generated stay due, paid or not: a cancellation
//   only prevents the renewals not generated yet;
// - international domains cannot be cancelled ("domain_not_cancellable"): the client may only
//   turn off their renewal (can_turn_off_auto_renew);
// - the last backup is kept for 10 years.
//
// Decisions where RULES.md is silent:
// - Active and suspended services can be cancelled (a suspended one keeps being invoiced
//   otherwise); pending, cancelled and terminated ones cannot ("service_not_active"). The status
//   check comes before the domain check.
// - "Last generated invoice" for end_of_period is the latest-ending non-cancelled renewal
//   invoice of the service, paid or not. A renewal bills a whole period: it starts on the first
//   day of the service's current period or after its end. An upgrade invoice starts within the
//   period and never extends it.
// - Without such an invoice, end_of_period uses service.period_end (and never ends before it).
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
    Date effective_on;  // the last day of service; cancelled from the next day
    // Every unpaid or overdue invoice of this service: generated invoices stay due.
    std::vector<Invoice> invoices_still_due;
    bool refund = false;  // never: "nothing paid is refunded"
    int backup_kept_years = kBackupKeptYears;
};

// Active or suspended (see the decisions above).
bool can_be_cancelled(const Service& service);

Outcome<CancellationTerms> cancellation_terms(const Service& service, CancellationKind kind,
                                              Date today,
                                              const std::vector<Invoice>& client_invoices);

// The only "cancellation" a domain has: asking that it is not renewed.
bool can_turn_off_auto_renew(const Service& service);

}  // namespace portal::domain
