#include "platform/web/web_browser_effects.h"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <utility>

#include "platform/web/demo_transport.h"

namespace portal::platform {
namespace {

std::function<void(app::ChosenFile)> g_file_chosen;

// clang-format off
EM_JS(void, js_open_in_new_tab, (const char* url), {
    const target = UTF8ToString(url);
    // Only web links: a hostile or broken URL must not run script in the portal's origin.
    if (!/^https?:/i.test(target)) { console.warn('portal: refused to open', target); return; }
    // With noopener the browser hands back no window, so there is nothing to check afterwards.
    window.open(target, '_blank', 'noopener,noreferrer');
});

EM_JS(void, js_dial, (const char* url), {
    const target = UTF8ToString(url);
    // Only a number: the link hands it to the dialler and leaves the portal where it is.
    if (!/^tel:[+]?[0-9]{6,15}$/.test(target)) { console.warn('portal: refused to dial', target); return; }
    window.portal.lastDialled = target;
    // A hidden frame hands the number to the dialler: the page itself is not navigated, so it
    // keeps its focus and the pointer's state.
    const frame = document.createElement('iframe');
    frame.style.display = 'none';
    frame.src = target;
    document.body.appendChild(frame);
    setTimeout(function() { frame.remove(); }, 1000);
});

EM_JS(void, js_copy_to_clipboard, (const char* text), {
    const value = UTF8ToString(text);
    window.portal.lastCopied = value;
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).catch(function(err) {
            console.warn('portal: the browser refused the clipboard write', err);
        });
    }
});

EM_JS(void, js_save_file, (const char* name, const char* bytes, int length, const char* mime), {
    const data = HEAPU8.slice(bytes, bytes + length);
    const blob = new Blob([data], { type: UTF8ToString(mime) });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = UTF8ToString(name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function() { URL.revokeObjectURL(link.href); }, 60000);
});

// One hidden input for the page's life (id portal-file-input: tests hand it files). Its bytes are
// read only up to the size the app asked for; a larger file comes back with its name and size.
// Clearing its value lets the same file be picked again (a retry after fixing something).
EM_JS(void, js_choose_file, (const char* accept, double max_bytes), {
    let input = document.getElementById('portal-file-input');
    if (!input) {
        input = document.createElement('input');
        input.type = 'file';
        input.id = 'portal-file-input';
        input.tabIndex = -1;
        input.setAttribute('aria-hidden', 'true');
        input.style.cssText = 'position:fixed;left:-10000px;top:0;width:1px;height:1px;opacity:0';
        input.addEventListener('change', async function() {
            const file = input.files && input.files[0];
            const limit = Number(input.dataset.maxBytes) || 0;
            input.value = "";
            if (!file) return;
            let bytes = null;
            if (file.size <= limit) {
                try { bytes = new Uint8Array(await file.arrayBuffer()); } catch (err) { bytes = null; }
            }
            const nameLength = lengthBytesUTF8(file.name) + 1;
            const name = _malloc(nameLength);
            stringToUTF8(file.name, name, nameLength);
            const data = bytes ? _malloc(Math.max(1, bytes.length)) : 0;
            if (bytes) HEAPU8.set(bytes, data);
            _portal_platform_file_chosen(name, file.size, data, bytes ? bytes.length : 0, bytes ? 1 : 0);
            _free(name);
            if (data) _free(data);
        });
        document.body.appendChild(input);
    }
    input.accept = UTF8ToString(accept);
    input.dataset.maxBytes = String(max_bytes);
    input.click();
});

EM_JS(void, js_reload, (), { window.location.reload(); });

EM_JS(void, js_session_store, (const char* text), {
    try {
        if (text) window.sessionStorage.setItem("portal-session", UTF8ToString(text));
        else window.sessionStorage.removeItem("portal-session");
    } catch (err) { console.warn("portal: this browser refuses session storage", err); }
});

EM_JS(char*, js_session_load, (), {
    let text = null;
    try { text = window.sessionStorage.getItem("portal-session"); } catch (err) { text = null; }
    if (!text) return 0;
    const bytes = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(bytes);
    stringToUTF8(text, ptr, bytes);
    return ptr;
});

EM_JS(double, js_random_u32, (), {
    const word = new Uint32Array(1);
    crypto.getRandomValues(word);
    return word[0];
});
// clang-format on

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void portal_platform_file_chosen(const char* name, double size,
                                                                 const char* bytes, int length,
                                                                 int read) {
    app::ChosenFile file;
    file.name = name;
    file.size_bytes = static_cast<int64_t>(size);
    if (read) file.bytes = std::string(bytes, static_cast<size_t>(length));
    if (g_file_chosen) g_file_chosen(std::move(file));
}

void on_file_chosen(std::function<void(app::ChosenFile)> chosen) {
    g_file_chosen = std::move(chosen);
}

void WebBrowserEffects::choose_file(const std::string& accept, int64_t max_bytes) {
    js_choose_file(accept.c_str(), static_cast<double>(max_bytes));
}

void WebBrowserEffects::open_in_new_tab(const std::string& url) {
    js_open_in_new_tab(url.c_str());
}

void WebBrowserEffects::dial(const std::string& tel_url) {
    js_dial(tel_url.c_str());
}

void WebBrowserEffects::copy_to_clipboard(const std::string& text) {
    js_copy_to_clipboard(text.c_str());
}

void WebBrowserEffects::save_file(const std::string& file_name, const std::string& bytes,
                                  const std::string& mime_type) {
    js_save_file(file_name.c_str(), bytes.data(), static_cast<int>(bytes.size()),
                 mime_type.c_str());
}

void WebBrowserEffects::reset_demo() {
    forget_saved_demo();
    js_reload();  // the simplest complete reset: a new page over the fixtures
}

void WebBrowserEffects::remember_session(const std::string& session_json) {
    js_session_store(session_json.c_str());
}

void WebBrowserEffects::forget_session() {
    js_session_store(nullptr);
}

std::string remembered_session() {
    char* raw = js_session_load();
    if (!raw) return {};
    std::string text = raw;
    std::free(raw);
    return text;
}

uint64_t crypto_random_u64() {
    const auto high = static_cast<uint64_t>(js_random_u32());
    const auto low = static_cast<uint64_t>(js_random_u32());
    return (high << 32) | low;
}

}  // namespace portal::platform
