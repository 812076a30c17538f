#include "platform/web/in_process_transport.h"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/web/compiled_files.h"

namespace portal::platform {
namespace {

constexpr const char* kStorageKey = "portal-demo-store-v1";
// The names web/CMakeLists.txt compiles the demo's data under.
constexpr std::string_view kCatalog = "fixtures/catalog.json";
constexpr std::string_view kClients = "fixtures/clients.json";
constexpr std::string_view kNonWorkingDays = "fixtures/non_working_days.txt";
constexpr std::string_view kManualsFolder = "manuals/";

// clang-format off
EM_JS(char*, js_load_saved, (const char* key), {
    let text = null;
    try { text = window.localStorage.getItem(UTF8ToString(key)); } catch (err) { text = null; }
    if (text === null) return 0;
    const bytes = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(bytes);
    stringToUTF8(text, ptr, bytes);
    return ptr;
});

EM_JS(int, js_save, (const char* key, const char* text), {
    try {
        window.localStorage.setItem(UTF8ToString(key), UTF8ToString(text));
        return 1;
    } catch (err) {
        console.warn('portal: the demo could not be saved in this browser', err);
        return 0;
    }
});

EM_JS(void, js_forget, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (err) {}
});
// clang-format on

std::vector<backend::ManualSource> compiled_manuals() {
    std::vector<backend::ManualSource> sources;
    for (const CompiledFile& file : kDemoFiles) {
        const std::string_view name = file.name;
        if (!name.starts_with(kManualsFolder)) continue;
        const std::string_view path = name.substr(kManualsFolder.size());
        if (backend::is_manual_page_file(path))
            sources.push_back({std::string(path), std::string(file.text())});
    }
    return sources;
}

std::string saved_demo() {
    char* raw = js_load_saved(kStorageKey);
    if (!raw) return {};
    std::string text = raw;
    std::free(raw);
    return text;
}

// Runs a task on a later browser tick, then wakes the main loop (the answer changes the screen).
struct Later {
    std::function<void()> task;
    std::function<void()> wake;
};

void run_later(void* raw) {
    std::unique_ptr<Later> later(static_cast<Later*>(raw));
    later->task();
    if (later->wake) later->wake();
}

}  // namespace

InProcessTransport::InProcessTransport(std::function<void()> wake) : wake_(std::move(wake)) {
    auto later = [this](std::function<void()> task) {
        emscripten_async_call(run_later, new Later{std::move(task), wake_}, 0);
    };
    backend::DemoBackend::Sources sources;
    const CompiledFile* catalog = kDemoFiles.find(kCatalog);
    const CompiledFile* clients = kDemoFiles.find(kClients);
    const CompiledFile* non_working_days = kDemoFiles.find(kNonWorkingDays);
    if (!catalog || !clients || !non_working_days) {
        start_problem_ = "the demo's data is missing from the page";
        // No backend: every request is answered as unreachable.
        exchange_ = std::make_unique<backend::InProcessExchange>(nullptr, later);
        return;
    }
    sources.catalog_json = catalog->text();
    sources.clients_json = clients->text();
    sources.non_working_days = non_working_days->text();
    sources.manuals = compiled_manuals();
    backend_ = std::make_unique<backend::DemoBackend>(sources, saved_demo());
    if (backend_->load_error()) start_problem_ = backend_->load_error()->message;
    exchange_ = std::make_unique<backend::InProcessExchange>(
        [demo = backend_.get()](const backend::Request& request) { return demo->handle(request); },
        later,
        // Every change the visitor made survives a reload.
        [demo = backend_.get()] { js_save(kStorageKey, demo->save().c_str()); });
}

void InProcessTransport::forget_saved_demo() {
    js_forget(kStorageKey);
}

void InProcessTransport::send(api::HttpRequest request,
                              std::function<void(api::HttpResponse)> done) {
    exchange_->send(std::move(request), std::move(done));
}

}  // namespace portal::platform
