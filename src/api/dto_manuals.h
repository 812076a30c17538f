// The REST contract's manuals (GET /manuals, /manuals/{slug}, /manuals?q=): the catalog, a page
// and search results, with their `fields` like every DTO of dto.h.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "api/field_presence.h"

namespace portal::api {

// GET /manuals
struct ManualPageRef {
    std::string slug;
    std::string title;
    // The service types whose own manual this page is (RULES.md §1: "its own MANUAL"); usually
    // empty.
    std::vector<std::string> service_types;
    bool operator==(const ManualPageRef&) const = default;
};
void fields(auto& v, Is<ManualPageRef> auto& x) {
    v("slug", x.slug);
    v("title", x.title);
    v("service_types", x.service_types);
}

struct ManualChapter {
    std::string title;
    std::vector<ManualPageRef> pages;
    bool operator==(const ManualChapter&) const = default;
};
void fields(auto& v, Is<ManualChapter> auto& x) {
    v("title", x.title);
    v("pages", x.pages);
}

struct ManualBook {
    std::string title;
    std::vector<ManualChapter> chapters;
    bool operator==(const ManualBook&) const = default;
};
void fields(auto& v, Is<ManualBook> auto& x) {
    v("title", x.title);
    v("chapters", x.chapters);
}

struct ManualCatalog {
    std::vector<ManualBook> books;
    bool operator==(const ManualCatalog&) const = default;
};
void fields(auto& v, Is<ManualCatalog> auto& x) {
    v("books", x.books);
}

// GET /manuals/{slug}
struct ManualPageView {
    std::string slug;
    std::string title;
    std::string book;
    std::string chapter;
    std::string body_markdown;
    bool operator==(const ManualPageView&) const = default;
};
void fields(auto& v, Is<ManualPageView> auto& x) {
    v("slug", x.slug);
    v("title", x.title);
    v("book", x.book);
    v("chapter", x.chapter);
    v("body_markdown", x.body_markdown);
}

// GET /manuals?q=
struct ManualSearchHit {
    std::string slug;
    std::string title;
    double score = 0;
    std::string snippet;
    // Byte ranges [first, second) into title / snippet, for highlighting.
    std::vector<std::pair<int64_t, int64_t>> title_matches;
    std::vector<std::pair<int64_t, int64_t>> snippet_matches;
    bool operator==(const ManualSearchHit&) const = default;
};
void fields(auto& v, Is<ManualSearchHit> auto& x) {
    v("slug", x.slug);
    v("title", x.title);
    v("score", x.score);
    v("snippet", x.snippet);
    v("title_matches", x.title_matches);
    v("snippet_matches", x.snippet_matches);
}

struct ManualSearchResults {
    std::string query;
    std::vector<ManualSearchHit> results;
    bool operator==(const ManualSearchResults&) const = default;
};
void fields(auto& v, Is<ManualSearchResults> auto& x) {
    v("query", x.query);
    v("results", x.results);
}

}  // namespace portal::api
