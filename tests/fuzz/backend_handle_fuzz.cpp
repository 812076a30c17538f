// Fuzz target: backend::Backend::handle() with any method, path, query, headers and body, over a
// MemoryStore holding the demo fixtures (a fresh copy for every input, so inputs do not depend on
// each other) and a session token made beforehand, so authenticated routes are reached.
//
// Input format (hand-writable seeds, see corpus/backend_handle/):
//   line 1:  METHOD SP TARGET          TARGET = path[?k=v&k2=v2]  (no percent-decoding)
//   lines:   name: value               headers, names lower-cased; an empty line ends them
//   rest:    the body
// Without an "authorization" header the request carries ana@example.com's pre-made token.
//
// Invariants: no crash, leak or undefined behaviour (ASan/UBSan); no 5xx answer (the core only
// answers 500 when a handler threw); a status in 200..499; a JSON answer parses, and an error
// answer is {"error":{"code":string,"message":string,"field":...}}.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/backend.h"
#include "core/fixtures.h"
#include "core/memory_store.h"
#include "core/salted_sha256_hasher.h"
#include "core/sha256.h"
#include "fuzz_manuals.h"

namespace {

using namespace portal;
using namespace portal::backend;

// Wednesday 2026-03-11 15:00 UTC, as in the backend tests.
const int64_t kNow = domain::Date{2026, 3, 11}.days_since_epoch() * 86400 + 15 * 3600;
constexpr const char* kToken = "fuzz-session-token-ana";

class FixedClock final : public Clock {
  public:
    int64_t now() const override { return kNow; }
};

// Deterministic "randomness": the same bytes sequence for every input.
class CountingRandom final : public RandomSource {
  public:
    void fill(uint8_t* bytes, size_t size) override {
        for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(next_++ * 131 + 7);
    }
    uint32_t next_ = 1;
};

struct World {
    FixedClock clock;
    CountingRandom random;
    SaltedSha256Hasher hasher{random, 1};
    std::string snapshot;  // the loaded store as JSON, restored for every input
    std::unique_ptr<ManualLibrary> manuals;
    int64_t ana = 0;
};

World& world() {
    static World* w = [] {
        auto* made = new World;
        MemoryStore store;
        auto loaded = load_fixtures(fuzz::read_file(PORTAL_FIXTURES_DIR "/catalog.json"),
                                    fuzz::read_file(PORTAL_FIXTURES_DIR "/clients.json"), store,
                                    made->hasher, domain::company_today(kNow));
        if (!loaded.ok()) fuzz::fail("fixtures: " + loaded.error().message);
        auto ana = store.client_by_email("ana@example.com");
        if (!ana) fuzz::fail("no ana@example.com in the fixtures");
        made->ana = ana->id;
        store.insert_session(SessionRecord{sha256_hex(kToken), ana->id, kNow + 3600});
        made->snapshot = store.to_json();
        made->manuals = std::make_unique<ManualLibrary>(fuzz::read_manuals(PORTAL_MANUALS_DIR));
        return made;
    }();
    return *w;
}

std::string_view next_line(std::string_view& rest) {
    auto end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

Request parse_request(std::string_view input) {
    Request request;
    std::string_view line = next_line(input);
    auto space = line.find(' ');
    request.method = std::string(line.substr(0, space));
    std::string_view target = space == std::string_view::npos ? "" : line.substr(space + 1);
    auto question = target.find('?');
    request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos) {
        std::string_view query = target.substr(question + 1);
        while (!query.empty()) {
            auto amp = query.find('&');
            std::string_view pair = query.substr(0, amp);
            auto eq = pair.find('=');
            request.query.emplace(
                std::string(pair.substr(0, eq)),
                eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
            query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        }
    }
    while (!input.empty()) {
        line = next_line(input);
        if (line.empty()) break;
        auto colon = line.find(':');
        std::string name(line.substr(0, colon));
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        request.headers[name] = std::string(value);
    }
    request.body = std::string(input);
    if (!request.headers.count("authorization")) {
        request.headers["authorization"] = std::string("Bearer ") + kToken;
    }
    return request;
}

void check(const Request& request, const Response& response) {
    auto where = [&] {
        return request.method + " " + request.path + " -> " + std::to_string(response.status);
    };
    if (response.status >= 500) fuzz::fail("server error: " + where() + " " + response.body);
    if (response.status < 200) fuzz::fail("bad status: " + where());
    auto type = response.headers.find("Content-Type");
    bool json = type != response.headers.end() && type->second.find("application/json") == 0;
    if (response.status >= 400 && !json) fuzz::fail("an error that is not JSON: " + where());
    if (!json) return;
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_discarded()) fuzz::fail("unparseable JSON answer: " + where());
    if (response.status >= 400) {
        if (!body.is_object() || !body.contains("error") || !body["error"].is_object() ||
            !body["error"]["code"].is_string() || !body["error"]["message"].is_string() ||
            !body["error"].contains("field")) {
            fuzz::fail("error answer without the error shape: " + where() + " " + response.body);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    world();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    World& w = world();
    MemoryStore store;
    if (!store.load_json(w.snapshot).ok()) fuzz::fail("the store snapshot does not load back");
    w.random.next_ = 1;
    Backend backend(store, w.clock, w.hasher, w.random, *w.manuals);
    Request request = parse_request(std::string_view(reinterpret_cast<const char*>(data), size));
    // Any exception escaping handle() is a finding: libFuzzer reports it and saves the input
    // (RELIABILITY.md lists the findings).
    Response response = backend.handle(request);
    check(request, response);
    return 0;
}
