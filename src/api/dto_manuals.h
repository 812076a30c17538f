// The REST contract's manuals (GET /manuals, /manuals/{slug}, /manuals?q=): the catalog, a page
// and search results, with their `fields` like every DTO of dto.h.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "domain/record_fields.h"

namespace portal::api {

// GET /manuals
struct ManualPageRef {
    std::string slug;
    std::string title;
    // The service types whose own manual this page is (RULES.md §1: "its own MANUAL"); usually
    // empty.
    std::vector<std::string> service_types;
};
PORTAL_FIELDS(ManualPageRef, slug, title, service_types);

struct ManualChapter {
    std::string title;
    std::vector<ManualPageRef> pages;
};
PORTAL_FIELDS(ManualChapter, title, pages);

struct ManualBook {
    std::string title;
    std::vector<ManualChapter> chapters;
};
PORTAL_FIELDS(ManualBook, title, chapters);

struct ManualCatalog {
    std::vector<ManualBook> books;
};
PORTAL_FIELDS(ManualCatalog, books);

// GET /manuals/{slug}
struct ManualPageView {
    std::string slug;
    std::string title;
    std::string book;
    std::string chapter;
    std::string body_markdown;
};
PORTAL_FIELDS(ManualPageView, slug, title, book, chapter, body_markdown);

// GET /manuals?q=
struct ManualSearchHit {
    std::string slug;
    std::string title;
    double score = 0;
    std::string snippet;
    // Byte ranges [first, second) into title / snippet, for highlighting.
    std::vector<std::pair<int64_t, int64_t>> title_matches;
    std::vector<std::pair<int64_t, int64_t>> snippet_matches;
};
PORTAL_FIELDS(ManualSearchHit, slug, title, score, snippet, title_matches, snippet_matches);

struct ManualSearchResults {
    std::string query;
    std::vector<ManualSearchHit> results;
};
PORTAL_FIELDS(ManualSearchResults, query, results);

}  // namespace portal::api
