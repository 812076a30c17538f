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

// What the answer to a file's download means for that file. Every way of not getting it whole
// can be tried again; a Problem with `signed_out` means the session is gone.
struct DownloadOutcome {
    enum class Kind {
        whole,      // a success carrying exactly the size announced: the file to save
        not_there,  // 403/404: not for this client, or no longer there
        cut,        // the bytes stopped coming, or came to another size than announced
        failed,     // any other failure, said by `problem`
    };
    Kind kind = Kind::whole;
    Problem problem;
};

// `expected` is the size the listing announced; `bytes_arrived`, whether some came before a
// failure (the server was then reached and the transfer cut, not "could not reach the server").
DownloadOutcome judge_download(const api::HttpResponse& response, uint64_t expected,
                               bool bytes_arrived);

}  // namespace portal::app
