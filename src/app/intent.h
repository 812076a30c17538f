// What the client asked for in the last frame. Screens return intents; PortalApp carries them out.
// Keeping them as plain values lets tests drive the app exactly as the UI does.
#pragma once

#include <variant>

#include "app/strings.h"

namespace portal::app {

struct SubmitLogin {};
struct SignOut {};
struct ReloadServices {};
struct ChooseLanguage {
    Language language;
};

using Intent = std::variant<std::monostate, SubmitLogin, SignOut, ReloadServices, ChooseLanguage>;

}  // namespace portal::app
