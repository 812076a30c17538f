#include "platform/web/in_process_transport.h"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <optional>

#include "data_files.h"

namespace portal::platform {
namespace {

constexpr const char* kStorageKey = "portal-demo-store-v1";
// Where web/CMakeLists.txt embeds the demo's data in the page's file system.
constexpr const char* kCatalog = "/demo/fixtures/catalog.json";
constexpr const char* kClients = "/demo/fixtures/clients.json";
constexpr const char* kManuals = "/demo/manuals";

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

std::string saved_demo() {
    char* raw = js_load_saved(kStorageKey);
    if (!raw) return {};
    std::string text = raw;
    std::free(raw);
    return text;
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 &&
                   hex(text[i + 2]) >= 0) {
            out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// The same request the stub's HTTP adapter would build from the wire.
backend::Request to_backend_request(const api::HttpRequest& request) {
    backend::Request out;
    out.method = request.method;
    std::string_view target = request.path;
    const auto mark = target.find('?');
    out.path = "/api/v1" + std::string(target.substr(0, mark));
    if (mark != std::string_view::npos) {
        std::string_view query = target.substr(mark + 1);
        while (!query.empty()) {
            const auto amp = query.find('&');
            const std::string_view pair = query.substr(0, amp);
            const auto eq = pair.find('=');
            out.query[percent_decode(pair.substr(0, eq))] =
                eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1));
            if (amp == std::string_view::npos) break;
            query.remove_prefix(amp + 1);
        }
    }
    for (const auto& [name, value] : request.headers) {
        std::string lower = name;
        for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        out.headers[lower] = value;
    }
    out.body = request.body;
    return out;
}

struct Delivery {
    std::function<void(api::HttpResponse)> done;
    api::HttpResponse response;
    std::function<void()> wake;
};

void deliver(void* raw) {
    std::unique_ptr<Delivery> delivery(static_cast<Delivery*>(raw));
    delivery->done(std::move(delivery->response));
    if (delivery->wake) delivery->wake();
}

}  // namespace

InProcessTransport::InProcessTransport(std::function<void()> wake) : wake_(std::move(wake)) {
    backend::DemoBackend::Sources sources;
    const auto catalog = stub::read_text_file(kCatalog);
    const auto clients = stub::read_text_file(kClients);
    if (!catalog || !clients) {
        start_problem_ = "the demo's data is missing from the page";
        return;
    }
    sources.catalog_json = *catalog;
    sources.clients_json = *clients;
    sources.manuals = stub::read_manual_sources(kManuals);
    backend_ = std::make_unique<backend::DemoBackend>(sources, saved_demo());
    if (backend_->load_error()) start_problem_ = backend_->load_error()->message;
}

void InProcessTransport::forget_saved_demo() {
    js_forget(kStorageKey);
}

void InProcessTransport::send(api::HttpRequest request,
                              std::function<void(api::HttpResponse)> done) {
    auto delivery = std::make_unique<Delivery>();
    delivery->done = std::move(done);
    delivery->wake = wake_;
    if (!backend_) {
        delivery->response.failure = api::TransportFailure::unreachable;
    } else {
        const backend::Response answer = backend_->handle(to_backend_request(request));
        delivery->response.status = answer.status;
        delivery->response.body = answer.body;
        const auto type = answer.headers.find("Content-Type");
        if (type != answer.headers.end()) delivery->response.content_type = type->second;
        // Every change the visitor made survives a reload.
        if (request.method != "GET" && answer.status >= 200 && answer.status < 300) {
            js_save(kStorageKey, backend_->save().c_str());
        }
        if (request.on_progress) {
            request.on_progress(answer.body.size(), answer.body.size());
        }
    }
    // Never answer inside send(): callers expect the network's asynchrony.
    emscripten_async_call(deliver, delivery.release(), 0);
}

}  // namespace portal::platform
