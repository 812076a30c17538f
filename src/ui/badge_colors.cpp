#include "ui/badge_colors.h"

#include "domain/enum_map.h"
#include "ui/theme.h"

namespace portal::ui {
namespace {

using domain::ComponentState;
using domain::EnumMap;
using domain::ServiceStatus;
using domain::TicketStatus;

constexpr EnumMap<ServiceStatus, ImU32> kServiceColors{{ServiceStatus::active, color::kSuccess},
                                                       {ServiceStatus::pending, color::kWarning},
                                                       {ServiceStatus::suspended, color::kDanger},
                                                       {ServiceStatus::cancelled, color::kMuted},
                                                       {ServiceStatus::terminated, color::kMuted}};

constexpr EnumMap<TicketStatus, ImU32> kTicketColors{
    {TicketStatus::open, color::kPrimary},
    {TicketStatus::answered, color::kSuccess},
    {TicketStatus::waiting_on_client, color::kWarning},
    {TicketStatus::closed, color::kMuted}};

constexpr EnumMap<ComponentState, ImU32> kComponentColors{
    {ComponentState::operational, color::kSuccess},
    {ComponentState::degraded, color::kWarning},
    {ComponentState::partial_outage, color::kWarning},
    {ComponentState::major_outage, color::kDanger},
    {ComponentState::maintenance, color::kPrimary}};

}  // namespace

ImU32 badge_color(ServiceStatus status) {
    return kServiceColors[status];
}

ImU32 badge_color(TicketStatus status) {
    return kTicketColors[status];
}

ImU32 badge_color(ComponentState state) {
    return kComponentColors[state];
}

}  // namespace portal::ui
