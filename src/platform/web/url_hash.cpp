#include "platform/web/url_hash.h"

#include <emscripten/emscripten.h>

#include <cstdlib>

namespace portal::platform {
namespace {

std::function<void(const std::string&)> g_changed;

// clang-format off
EM_JS(char*, js_hash_path, (), {
    const path = window.location.hash.replace(/^#/, "");
    const bytes = lengthBytesUTF8(path) + 1;
    const ptr = _malloc(bytes);
    stringToUTF8(path, ptr, bytes);
    return ptr;
});

EM_JS(void, js_listen_hash, (), {
    window.addEventListener('hashchange', function() {
        const path = window.location.hash.replace(/^#/, "");
        const bytes = lengthBytesUTF8(path) + 1;
        const ptr = _malloc(bytes);
        stringToUTF8(path, ptr, bytes);
        _portal_platform_hash_changed(ptr);
        _free(ptr);
    });
});

// pushState/replaceState do not fire hashchange: the app already knows where it is.
EM_JS(void, js_set_hash, (const char* path, int push), {
    const url = '#' + UTF8ToString(path);
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
});
// clang-format on

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void portal_platform_hash_changed(const char* path) {
    if (g_changed) g_changed(path);
}

std::string current_hash_path() {
    char* raw = js_hash_path();
    std::string path = raw;
    std::free(raw);
    return path;
}

void on_hash_change(std::function<void(const std::string&)> changed) {
    g_changed = std::move(changed);
    js_listen_hash();
}

void push_hash_path(const std::string& path) {
    js_set_hash(path.c_str(), 1);
}
void replace_hash_path(const std::string& path) {
    js_set_hash(path.c_str(), 0);
}

}  // namespace portal::platform
