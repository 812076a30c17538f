// What went wrong, in words the client understands, and what they can do about it.
#pragma once

#include <optional>

#include "api/api_client.h"
#include "app/strings.h"

namespace portal::app {

struct Problem {
    Text what = Text::error_generic;
    Text next_step = Text::hint_contact_support;
    bool retryable = false;   // a "Reintentar" button makes sense
    bool signed_out = false;  // the session is gone: back to the login screen
};

// Maps an API failure (network, timeout, contract error code, garbage) to a Problem.
Problem describe(const api::ApiFailure& failure);

}  // namespace portal::app
