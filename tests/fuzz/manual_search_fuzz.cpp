// Fuzz target: the manual search (domain::ManualIndex) over the real articles of assets/manuals,
// with a fuzzed query. The first byte is the result limit (0..255), the rest the query.
//
// Invariants: no crash, leak, undefined behaviour or timeout; at most `limit` hits; each hit is
// a page of the index with its title; scores sorted from highest; every highlighted byte range
// [first, second) lies inside its title or snippet and is not empty.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/manual_library.h"
#include "fuzz_manuals.h"

namespace {

const portal::backend::ManualLibrary& library() {
    static const auto* made =
        new portal::backend::ManualLibrary(portal::fuzz::read_manuals(PORTAL_MANUALS_DIR));
    return *made;
}

void check_ranges(const std::vector<std::pair<size_t, size_t>>& ranges, const std::string& text,
                  const char* what) {
    for (const auto& [first, second] : ranges) {
        if (first >= second || second > text.size()) {
            portal::fuzz::fail(std::string(what) + " range [" + std::to_string(first) + ", " +
                               std::to_string(second) + ") outside \"" + text + "\"");
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    library();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const auto& index = library().index();
    const size_t limit = data[0];
    std::string_view query(reinterpret_cast<const char*>(data) + 1, size - 1);
    auto hits = index.search(query, limit);
    if (hits.size() > limit) portal::fuzz::fail("more hits than the limit");
    for (size_t i = 0; i < hits.size(); ++i) {
        const auto& hit = hits[i];
        const auto* page = index.find(hit.slug);
        if (!page) portal::fuzz::fail("a hit for an unknown slug " + hit.slug);
        if (page->title != hit.title) portal::fuzz::fail("a hit's title differs from its page's");
        if (i > 0 && hits[i - 1].score < hit.score) portal::fuzz::fail("hits not sorted by score");
        check_ranges(hit.title_matches, hit.title, "title");
        check_ranges(hit.snippet_matches, hit.snippet, "snippet");
    }
    return 0;
}
