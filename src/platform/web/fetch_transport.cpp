#include "platform/web/fetch_transport.h"

#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include <cstring>
#include <vector>

namespace portal::platform {
namespace {

// Everything one request needs until its answer: emscripten_fetch keeps pointers, not copies.
struct InFlight {
    api::HttpRequest request;
    std::string url;
    std::vector<const char*> header_pointers;
    std::function<void(api::HttpResponse)> done;
    std::function<void()> wake;
    double started_ms = 0;
};

std::string response_content_type(emscripten_fetch_t* fetch) {
    const size_t length = emscripten_fetch_get_response_headers_length(fetch);
    if (length == 0) return {};
    std::string headers(length + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, headers.data(), headers.size());
    // Header lines are "name: value\r\n"; names are lower-case in XHR's getAllResponseHeaders.
    const auto at = headers.find("content-type:");
    if (at == std::string::npos) return {};
    const auto start = headers.find_first_not_of(' ', at + 13);
    const auto end = headers.find_first_of("\r\n;", start);
    return headers.substr(start, end - start);
}

void finish(emscripten_fetch_t* fetch) {
    auto* flight = static_cast<InFlight*>(fetch->userData);
    api::HttpResponse response;
    response.status = fetch->status;
    if (fetch->status == 0) {
        // No HTTP answer. The XHR reports a timeout and a refused connection alike; the clock
        // tells them apart.
        const double elapsed = emscripten_get_now() - flight->started_ms;
        response.failure = elapsed + 50 >= flight->request.timeout_ms
                               ? api::TransportFailure::timeout
                               : api::TransportFailure::unreachable;
    } else {
        if (fetch->data && fetch->numBytes > 0) {
            response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
        }
        response.content_type = response_content_type(fetch);
    }
    emscripten_fetch_close(fetch);
    auto done = std::move(flight->done);
    auto wake = std::move(flight->wake);
    delete flight;
    done(std::move(response));
    if (wake) wake();
}

void progress(emscripten_fetch_t* fetch) {
    auto* flight = static_cast<InFlight*>(fetch->userData);
    if (!flight->request.on_progress) return;
    // dataOffset + numBytes is what arrived so far; totalBytes is 0 without Content-Length.
    flight->request.on_progress(fetch->dataOffset + fetch->numBytes, fetch->totalBytes);
    if (flight->wake) flight->wake();
}

}  // namespace

void FetchTransport::send(api::HttpRequest request, std::function<void(api::HttpResponse)> done) {
    auto* flight = new InFlight{};
    flight->request = std::move(request);
    flight->url = api_base_ + flight->request.path;
    flight->done = std::move(done);
    flight->wake = wake_;
    for (const auto& [name, value] : flight->request.headers) {
        flight->header_pointers.push_back(name.c_str());
        flight->header_pointers.push_back(value.c_str());
    }
    flight->header_pointers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, flight->request.method.c_str(), sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.requestHeaders = flight->header_pointers.data();
    if (!flight->request.body.empty()) {
        attr.requestData = flight->request.body.data();
        attr.requestDataSize = flight->request.body.size();
    }
    attr.timeoutMSecs = static_cast<unsigned>(flight->request.timeout_ms);
    attr.userData = flight;
    attr.onsuccess = finish;
    attr.onerror = finish;
    attr.onprogress = progress;
    flight->started_ms = emscripten_get_now();
    emscripten_fetch(&attr, flight->url.c_str());
}

}  // namespace portal::platform
