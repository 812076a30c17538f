#include "ui/badge_colors.h"

#include "domain/enum_map.h"
#include "ui/theme.h"

namespace portal::ui {

ImU32 badge_color(domain::ServiceStatus status) {
    using S = domain::ServiceStatus;
    static constexpr domain::EnumMap<S, ImU32> kColors{{S::active, color::kSuccess},
                                                       {S::pending, color::kWarning},
                                                       {S::suspended, color::kDanger},
                                                       {S::cancelled, color::kMuted},
                                                       {S::terminated, color::kMuted}};
    return kColors[status];
}

ImU32 badge_color(domain::TicketStatus status) {
    using S = domain::TicketStatus;
    static constexpr domain::EnumMap<S, ImU32> kColors{{S::open, color::kPrimary},
                                                       {S::answered, color::kSuccess},
                                                       {S::waiting_on_client, color::kWarning},
                                                       {S::closed, color::kMuted}};
    return kColors[status];
}

ImU32 badge_color(domain::ComponentState state) {
    using S = domain::ComponentState;
    static constexpr domain::EnumMap<S, ImU32> kColors{{S::operational, color::kSuccess},
                                                       {S::degraded, color::kWarning},
                                                       {S::partial_outage, color::kWarning},
                                                       {S::major_outage, color::kDanger},
                                                       {S::maintenance, color::kPrimary}};
    return kColors[state];
}

}  // namespace portal::ui
