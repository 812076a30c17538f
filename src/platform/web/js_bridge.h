// What the page tells JavaScript (window.portal, defined in web/boot.js) and learns from it.
#pragma once

#include <string>

namespace portal::platform {

// The API base URL from config.json, as boot.js read it ("/api/v1" when served by the stub).
std::string configured_api_base();
// A text of config.json's `section` ("support": {"phone": …}), or "" when it has none.
std::string configured_text(const char* section, const char* key);
// Marks the page ready (window.portal.ready) after the first frame is drawn.
void announce_ready();
// Where the full font set was rasterised: in the font worker (font_worker.h) or, when it could
// not run, in the page.
enum class FontsMadeIn { worker, page };
// Marks the full font set loaded: window.portal.allFonts ("worker" or "page") and the milestone
// `all-fonts`.
void announce_all_fonts(FontsMadeIn where);
// Shows a fatal start-up problem in the shell page's message area (the canvas cannot show it).
void show_fatal_error(const char* message);
// A start-up milestone on the browser's performance timeline (`portal:<name>`), which
// `./portal bench` reads to say where the time to the first frame goes.
void mark_milestone(const char* name);

}  // namespace portal::platform
