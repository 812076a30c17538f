// The page's entry point: WebGL2 context, Dear ImGui, the portal app, and the on-demand frame loop.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <memory>
#include <span>
#include <string>
#include <utility>

#include "app/portal_app.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/web/a11y_mirror.h"
#include "platform/web/demo_transport.h"
#include "platform/web/fetch_transport.h"
#include "platform/web/font_worker.h"
#include "platform/web/frame_pacer.h"
#include "platform/web/html5_backend.h"
#include "platform/web/js_bridge.h"
#include "platform/web/url_hash.h"
#include "platform/web/web_browser_effects.h"
#include "platform/web/webgl_renderer.h"
#include "ui/fonts.h"
#include "ui/item_tree.h"
#include "ui/screens.h"
#include "ui/theme.h"

namespace {

constexpr const char* kCanvas = "#canvas";

// The page lives as long as the tab: these are never destroyed.
struct Page {
    std::unique_ptr<portal::api::Transport> transport;
    portal::platform::WebBrowserEffects browser;
    std::unique_ptr<portal::app::PortalApp> app;
    std::unique_ptr<portal::platform::FramePacer> pacer;
    std::string route;          // the path the URL hash shows
    std::string drawn_route;    // the screen the last frame drew: what its items belong to
    bool replace_route = true;  // the next correction replaces the history entry (no new one)
    bool ready = false;
};
Page g_page;
// Until the first frame is on screen, only the sign-in screen's faces are loaded (fonts.h); the
// rest follow once it is (load_remaining_fonts), baked in a worker (font_worker.h).
bool g_all_fonts = false;
void load_remaining_fonts(void*);

// Keeps the URL hash on the app's route: a screen the client moved to is a new history entry, so
// the browser's back button returns to the previous screen.
void publish_route() {
    const std::string route = g_page.app->route();
    const bool replace = g_page.replace_route;
    g_page.replace_route = false;
    if (route == g_page.route) return;
    if (replace) {
        portal::platform::replace_hash_path(route);
    } else {
        portal::platform::push_hash_path(route);
    }
    g_page.route = route;
}

// Goes where the URL says: at start-up (the first frame follows), and when the browser moved.
void go_to_hash(const std::string& path) {
    const auto route = portal::app::parse_route(path);
    g_page.route = path;          // the URL already shows it
    g_page.replace_route = true;  // a redirect from here (to sign-in, say) must not add an entry
    g_page.app->dispatch(portal::app::Navigate{
        route.value_or(portal::app::Route{portal::app::Route::Page::services}), true});
}

// The browser moved (back, forward, an edited or pasted URL).
void follow_hash(const std::string& path) {
    go_to_hash(path);
    g_page.pacer->wake();
}

void draw_frame(double now_ms) {
    if (!g_page.ready) portal::platform::mark_milestone("first-frame-start");
    portal::platform::html5_backend_new_frame(now_ms);
    if (!g_page.ready) portal::platform::mark_milestone("first-frame-fonts");
    ImGui::NewFrame();
    portal::ui::item_tree_begin_frame();
    g_page.drawn_route = g_page.app->route();
    const portal::app::Intent intent = portal::ui::draw_portal(*g_page.app);
    ImGui::Render();
    if (!g_page.ready) portal::platform::mark_milestone("first-frame-layout");

    // A frame whose image is out of date as soon as it is made is not sent to WebGL: one that
    // returned an intent (the next frame shows what it changed) or that left input queued (the
    // next frame follows at once). An image costs a full raster, and in a browser that
    // composites in software the main thread then waits for the canvas to be read back.
    const bool superseded = g_page.ready && (!portal::app::is_empty(intent) ||
                                             ImGui::GetCurrentContext()->InputEventsQueue.Size > 0);
    if (!superseded) portal::platform::webgl_renderer_draw(*ImGui::GetDrawData());
    portal::ui::item_tree_end_frame();
    portal::platform::a11y_mirror_after_frame();

    if (!portal::app::is_empty(intent)) {
        g_page.app->dispatch(intent);
        g_page.pacer->wake();  // show the consequence of the intent
    }
    publish_route();
    // ImGui trickles input: a burst (typed text, a click's down and up) is spread over several
    // frames. Keep drawing until the queue is empty, or the last keys wait for the next event;
    // at once, as the input that queued them asked.
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0) g_page.pacer->wake_soon(2);
    // A frame that moved or resized something is followed by one more, until the layout holds
    // (bounded: a layout that never holds, a scrollbar that comes and goes, must not keep an idle
    // tab drawing).
    static int unsettled_frames = 0;
    if (portal::ui::item_tree_settled()) {
        unsettled_frames = 0;
    } else if (++unsettled_frames <= 8) {
        g_page.pacer->wake(1);
    }
    if (!g_page.ready) {
        portal::platform::mark_milestone("first-frame-end");
        g_page.ready = true;
        portal::platform::announce_ready();
        if (!g_all_fonts) emscripten_async_call(load_remaining_fonts, nullptr, 0);
    }
}

void rebuild_fonts(float pixel_ratio) {
    const auto set = g_all_fonts ? portal::ui::FontSet::all : portal::ui::FontSet::first_screen;
    if (!portal::ui::load_fonts(pixel_ratio, set)) {
        portal::platform::show_fatal_error(
            "Faltan las fuentes del portal. / The portal's fonts are missing.");
        return;
    }
    portal::platform::webgl_renderer_upload_fonts();
}

// From here on the full set is in use, and a screen using bold or italic shows them: loaded from
// what the worker baked when it can be, else rasterised here.
void use_all_fonts(float pixel_ratio, std::span<const unsigned char> baked) {
    g_all_fonts = true;
    const bool from_worker = !baked.empty() && portal::ui::load_baked_fonts(
                                                   pixel_ratio, portal::ui::FontSet::all, baked);
    if (from_worker) {
        portal::platform::webgl_renderer_upload_fonts();
    } else {
        rebuild_fonts(pixel_ratio);
    }
    // The sign-in screen draws with the first faces only, the same glyphs (at pixel ratio 1, with
    // finer edges): it shows the full set with its next frame. Any other screen may be waiting
    // for bold or italic.
    if (g_page.app->state().route.page != portal::app::Route::Page::login) g_page.pacer->wake(1);
    portal::platform::announce_all_fonts(from_worker ? portal::platform::FontsMadeIn::worker
                                                     : portal::platform::FontsMadeIn::page);
}

// The worker's answer (empty when it failed), for the screen's pixel ratio when it was asked:
// rasterised here instead if that ratio changed meanwhile.
void all_fonts_baked(std::span<const unsigned char> baked, float pixel_ratio) {
    const float now = portal::platform::html5_backend_pixel_ratio();
    use_all_fonts(now, pixel_ratio == now ? baked : std::span<const unsigned char>{});
}

// Called once, by a timer set in the first frame: the browser shows that frame first.
void load_remaining_fonts(void*) {
    const float pixel_ratio = portal::platform::html5_backend_pixel_ratio();
    if (!portal::platform::bake_font_set_in_worker(pixel_ratio, all_fonts_baked))
        use_all_fonts(pixel_ratio, {});
}

bool create_webgl2_context() {
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    attributes.minorVersion = 0;
    attributes.alpha = EM_FALSE;
    attributes.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
    attributes.depth = EM_FALSE;
    attributes.stencil = EM_FALSE;
    attributes.enableExtensionsByDefault = EM_FALSE;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context =
        emscripten_webgl_create_context(kCanvas, &attributes);
    if (context <= 0) return false;
    emscripten_webgl_make_context_current(context);
    return true;
}

}  // namespace

// For window.portal (web/boot.js): the last frame's widgets, the screen that frame drew, frames
// drawn. The route is the drawn one, not the URL's: between a move and the frame that shows it, a
// reader would otherwise take the previous screen's widgets for the new one's.
extern "C" {
EMSCRIPTEN_KEEPALIVE const char* portal_items_json() {
    static std::string json;
    json = portal::ui::item_tree_json();
    return json.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* portal_route() {
    return g_page.drawn_route.c_str();
}
EMSCRIPTEN_KEEPALIVE unsigned long portal_frames() {
    return g_page.pacer ? g_page.pacer->frames_drawn() : 0;
}
// The page's WebAssembly memory, in bytes (it only grows).
EMSCRIPTEN_KEEPALIVE unsigned long portal_heap_bytes() {
    return __builtin_wasm_memory_size(0) * 65536ul;
}
EMSCRIPTEN_KEEPALIVE void portal_wake() {
    if (g_page.pacer) g_page.pacer->wake();
}
}

int main() {
    portal::platform::mark_milestone("main");
    if (!create_webgl2_context()) {
        portal::platform::show_fatal_error(
            "Su navegador no puede mostrar el portal: necesita WebGL 2. Actualice el navegador o "
            "active la aceleración gráfica. / Your browser lacks WebGL 2.");
        return 1;
    }
    portal::platform::mark_milestone("webgl");
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;               // nothing to persist between visits
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need a frame twice a second
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    portal::ui::item_tree_install();
    portal::ui::apply_theme();

    g_page.pacer = std::make_unique<portal::platform::FramePacer>(draw_frame);
    // Answers from the API wake the next animation frame: a screen that asks many things at once
    // (an estimate per pending service) gets one frame for them all, not one per answer.
    auto wake = [] { g_page.pacer->wake(); };
    portal::platform::Html5BackendOptions options;
    options.canvas_selector = kCanvas;
    options.wake = wake;
    options.wake_soon = [] { g_page.pacer->wake_soon(); };
    options.pixel_ratio_changed = rebuild_fonts;
    portal::platform::html5_backend_init(options);
    portal::platform::a11y_mirror_install(+[] { g_page.pacer->wake(); });
    if (!portal::platform::webgl_renderer_init()) {
        portal::platform::show_fatal_error(
            "Su navegador no pudo preparar el dibujo del portal (WebGL 2). Recargue la página; si "
            "se repite, actualice el navegador. / The portal could not set up WebGL 2.");
        return 1;
    }
    portal::platform::mark_milestone("imgui");

    // config.json decides, explicitly: a backend's URL, or "demo" for the backend inside the page
    // (only the static demo's build carries it: demo_transport.h). An unreachable API is shown as
    // such, never silently replaced by demo data.
    const std::string api_base = portal::platform::configured_api_base();
    const bool demo = api_base == "demo";
    if (demo) {
        portal::platform::DemoStart started = portal::platform::start_demo_transport(wake);
        if (!started.transport) {
            portal::platform::show_fatal_error(
                ("No se pudo iniciar la demostración: " + started.problem).c_str());
            return 1;
        }
        g_page.transport = std::move(started.transport);
    } else {
        g_page.transport = std::make_unique<portal::platform::FetchTransport>(api_base, wake);
    }
    g_page.app = std::make_unique<portal::app::PortalApp>(
        *g_page.transport, g_page.browser, portal::platform::crypto_random_u64(), demo);
    g_page.app->tickets_form().set_contacts(
        {portal::platform::configured_text("support", "phone"),
         portal::platform::configured_text("support", "whatsapp"),
         portal::platform::configured_text("support", "telegram")});
    if (const std::string saved = portal::platform::remembered_session(); !saved.empty()) {
        g_page.app->restore_session(saved);
    }
    portal::platform::on_hash_change(follow_hash);
    // A file the client picked (BrowserEffects::choose_file) arrives between frames, like a
    // hash change: the app takes it, and a frame shows what became of it.
    portal::platform::on_file_chosen([](portal::app::ChosenFile file) {
        g_page.app->dispatch(portal::app::FileChosen{std::move(file)});
        g_page.pacer->wake();
    });
    // Only the first frame: more follow if its layout has not settled, or when something happens
    // (each frame is a paint, and a start-up's paints are the longest tasks a phone sees).
    go_to_hash(portal::platform::current_hash_path());
    portal::platform::mark_milestone("main-end");
    g_page.pacer->draw_now(emscripten_get_now());
    return 0;
}
