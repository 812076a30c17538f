// portal-stub's HTTP side: HttpServer (Boost.Beast + Asio) in front of the backend (the API
// under /api/) and of the built page (every other GET), until SIGINT or SIGTERM.
#pragma once

#include "attachment_directory.h"
#include "core/backend.h"
#include "options.h"
#include "static_files.h"

namespace portal::stub {

// Blocks SIGINT and SIGTERM in every thread started after it (the server's workers): serve()
// takes them on its own watcher thread and stops cleanly. Call first thing in main().
void take_stop_signals();

// Listens on the options' address and answers until a stop signal. `static_files` may be null
// (the API only); `attachments` too (files sent are then held in memory until kept). Returns
// main()'s exit code: 1 when the port cannot be bound.
int serve(const Options& options, backend::Backend& api, const StaticFiles* static_files,
          const AttachmentDirectory* attachments);

}  // namespace portal::stub
