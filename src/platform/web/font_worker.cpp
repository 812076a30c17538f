#include "platform/web/font_worker.h"

#include <emscripten/emscripten.h>

#include <cstddef>
#include <vector>

#include "imgui.h"
#include "ui/fonts.h"

namespace portal::platform {
namespace {

FontSetBaked g_baked = nullptr;

// clang-format off
// The page's side: hands the worker the module boot.js compiled (Module.portalWasm) and copies
// its answer into the heap for portal_font_set_baked. Any failure of the worker answers empty.
EM_JS(int, js_start_font_worker, (float pixel_ratio), {
    if (typeof Worker !== 'function' || !(Module.portalWasm instanceof WebAssembly.Module)) return 0;
    let worker;
    try {
        worker = new Worker('font-worker.js');
    } catch (err) {
        return 0;
    }
    let answered = false;
    const answer = (bytes) => {
        if (answered) return;
        answered = true;
        worker.terminate();
        const size = bytes ? bytes.length : 0;
        const ptr = size ? _malloc(size) : 0;
        if (ptr) HEAPU8.set(bytes, ptr);
        _portal_font_set_baked(ptr, ptr ? size : 0, pixel_ratio);
        if (ptr) _free(ptr);
    };
    worker.onmessage = (event) =>
        answer(event.data instanceof ArrayBuffer ? new Uint8Array(event.data) : null);
    worker.onerror = (event) => {
        event.preventDefault();
        answer(null);
    };
    worker.postMessage({ module: Module.portalWasm, pixelRatio: pixel_ratio });
    return 1;
});

// The worker's side: posts the baked bytes (or null) to the page.
EM_JS(void, js_post_font_set, (const unsigned char* data, std::size_t size), {
    if (!size) {
        postMessage(null);
        return;
    }
    const bytes = HEAPU8.slice(data, data + size);
    postMessage(bytes.buffer, [bytes.buffer]);
});
// clang-format on

}  // namespace

bool bake_font_set_in_worker(float pixel_ratio, FontSetBaked baked) {
    g_baked = baked;
    return js_start_font_worker(pixel_ratio) != 0;
}

}  // namespace portal::platform

// In the worker (web/font-worker.js), once the module runs there: bakes and posts the full set.
extern "C" EMSCRIPTEN_KEEPALIVE void portal_bake_font_set(float pixel_ratio) {
    if (ImGui::GetCurrentContext() == nullptr) ImGui::CreateContext();
    const std::vector<unsigned char> baked =
        portal::ui::bake_fonts(pixel_ratio, portal::ui::FontSet::all);
    portal::platform::js_post_font_set(baked.data(), baked.size());
}

// On the page: the worker's answer.
extern "C" EMSCRIPTEN_KEEPALIVE void portal_font_set_baked(const unsigned char* data,
                                                           std::size_t size, float pixel_ratio) {
    using portal::platform::g_baked;
    if (g_baked) g_baked({data, size}, pixel_ratio);
}
