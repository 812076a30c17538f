// The button to a service's own control panel (RULES.md §1, "¿Cómo accedo a mi servicio?"):
// hosting → "Login al Panel de hosting", audio streaming → "Login al Panel de Radio",
// corporate mail → manage its mailboxes, and so on for each type. The page translates label_key.
#pragma once

#include <string>

#include "domain/service.h"

namespace portal::backend {

struct AccessLink {
    std::string url;
    std::string label_key;
};

// panel_base: the company's control-panel host, e.g. "https://panel.hosting.example".
AccessLink access_link(const domain::Service& service, const std::string& panel_base);

}  // namespace portal::backend
