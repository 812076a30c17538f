#include "platform/web/js_bridge.h"

#include <emscripten/emscripten.h>

#include <cstdlib>

namespace portal::platform {
namespace {

// clang-format off
EM_JS(char*, js_api_base, (), {
    const config = Module.portalConfig || {};
    const base = typeof config.api === 'string' ? config.api : '/api/v1';
    const bytes = lengthBytesUTF8(base) + 1;
    const ptr = _malloc(bytes);
    stringToUTF8(base, ptr, bytes);
    return ptr;
});

EM_JS(char*, js_config_text, (const char* section, const char* key), {
    const config = Module.portalConfig || {};
    const part = config[UTF8ToString(section)];
    const value = part && typeof part === 'object' ? part[UTF8ToString(key)] : undefined;
    const text = typeof value === "string" ? value : "";
    const bytes = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(bytes);
    stringToUTF8(text, ptr, bytes);
    return ptr;
});

EM_JS(void, js_announce_ready, (), {
    if (window.portal) window.portal.ready = true;
    const loader = document.getElementById('loader');
    if (loader) loader.hidden = true;
});

EM_JS(void, js_announce_all_fonts, (const char* where), {
    if (window.portal) window.portal.allFonts = UTF8ToString(where);
});

EM_JS(void, js_show_fatal_error, (const char* message), {
    if (window.portalShowError) window.portalShowError(UTF8ToString(message));
});
EM_JS(void, js_mark_milestone, (const char* name), {
    if (typeof performance === 'object' && performance.mark) performance.mark('portal:' + UTF8ToString(name));
});
// clang-format on

}  // namespace

std::string configured_api_base() {
    char* raw = js_api_base();
    std::string base = raw;
    std::free(raw);
    return base;
}

std::string configured_text(const char* section, const char* key) {
    char* raw = js_config_text(section, key);
    std::string text = raw;
    std::free(raw);
    return text;
}

void announce_ready() {
    js_announce_ready();
}

void announce_all_fonts(FontsMadeIn where) {
    js_announce_all_fonts(where == FontsMadeIn::worker ? "worker" : "page");
    mark_milestone("all-fonts");
}

void show_fatal_error(const char* message) {
    js_show_fatal_error(message);
}

void mark_milestone(const char* name) {
    js_mark_milestone(name);
}

}  // namespace portal::platform
