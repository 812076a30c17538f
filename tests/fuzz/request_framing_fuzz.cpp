// Fuzz target: the request framing portal-stub reads connections with (server-stub/
// request_reader.h): request lines, headers, Content-Length and chunked bodies, pipelined requests,
// any bytes at all. The input is fed twice, whole and in pieces of sizes drawn from its first
// byte, the way the socket hands them over. Invariants:
//   - no crash, no sanitizer report; never more consumed than given;
//   - every request read respects the limits (header count, body bytes) and has a method;
//   - every request read has one framing at most (never Transfer-Encoding beside Content-Length)
//     and no header value holding a line break (folded lines are refused);
//   - a reader waiting for `100 Continue` has read a whole head and nothing refused;
//   - a refusal is one of 400, 413, 415, 431;
//   - the requests read whole are the same however the bytes were split (the shorter run's are a
//     prefix of the other's: a split may meet a limit sooner, as a slow client would).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "request_reader.h"

namespace {

using portal::stub::ReadLimits;
using portal::stub::ReadState;
using portal::stub::RequestReader;

// Small limits, so that short inputs reach them.
ReadLimits limits() {
    ReadLimits l;
    l.head_bytes = 2048;
    l.header_count = 16;
    l.body_bytes = 4096;
    return l;
}

struct Seen {
    std::string method, path, body;
    size_t headers = 0;
    bool operator==(const Seen& other) const {
        return method == other.method && path == other.path && body == other.body &&
               headers == other.headers;
    }
};

void check(RequestReader& reader, const ReadLimits& l) {
    const auto& r = reader.request();
    if (r.method.empty()) portal::fuzz::fail("a request without a method");
    if (r.headers.size() > l.header_count) portal::fuzz::fail("more headers than the limit");
    if (r.body.size() > l.body_bytes) portal::fuzz::fail("a body over the limit");
    if (r.headers.count("transfer-encoding") && r.headers.count("content-length"))
        portal::fuzz::fail("a request read with both Transfer-Encoding and Content-Length");
    for (const auto& [name, value] : r.headers) {
        if (value.find_first_of("\r\n") != std::string::npos)
            portal::fuzz::fail("a line break in the value of " + name);
    }
}

// Feeds `input` in pieces (`step` gives each piece's size); the requests read whole, in order.
template <class Step>
std::vector<Seen> read_all(std::string_view input, Step step) {
    const ReadLimits l = limits();
    RequestReader reader(l);
    std::vector<Seen> seen;
    std::string pending;
    size_t at = 0;
    while (true) {
        size_t consumed = 0;
        const ReadState state = reader.feed(pending, consumed);
        if (consumed > pending.size()) portal::fuzz::fail("consumed more than given");
        pending.erase(0, consumed);
        if (state == ReadState::complete) {
            check(reader, l);
            const auto& r = reader.request();
            seen.push_back({r.method, r.path, r.body, r.headers.size()});
            reader.start_next();
            continue;
        }
        if (state == ReadState::refused) {
            const int s = reader.refusal();
            if (s != 400 && s != 413 && s != 415 && s != 431) {
                portal::fuzz::fail("refused with " + std::to_string(s));
            }
            return seen;
        }
        if (reader.awaits_continue() && !reader.head_done())
            portal::fuzz::fail("waiting for 100 Continue before the head is read");
        if (at >= input.size()) {
            reader.finish();
            return seen;
        }
        const size_t piece = std::min(step(), input.size() - at);
        pending.append(input.substr(at, piece));
        at += piece;
    }
}

bool is_prefix(const std::vector<Seen>& shorter, const std::vector<Seen>& longer) {
    if (shorter.size() > longer.size()) return false;
    for (size_t i = 0; i < shorter.size(); ++i) {
        if (!(shorter[i] == longer[i])) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const unsigned seed = data[0];
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto whole = read_all(input, [&] { return input.size() + 1; });
    unsigned state = seed * 2654435761u + 1;
    const auto pieces = read_all(input, [&] {
        state = state * 1103515245u + 12345u;
        return static_cast<size_t>(1 + (state >> 16) % 64);
    });
    if (!is_prefix(whole, pieces) && !is_prefix(pieces, whole)) {
        portal::fuzz::fail("the requests read depend on how the bytes were split");
    }
    return 0;
}
