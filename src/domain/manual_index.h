// The client manuals (RULES.md §1 "MANUAL", §12) and their search.
//
// Ranking, highest first:
//   1. pages matching more of the query's words ("all terms > some");
//   2. among those, words found in the title weigh far more than words found in the body, so a
//      title hit always ranks above a body-only hit with the same coverage;
//   3. exact words weigh a bit more than prefix matches; body occurrences add a little (capped).
// Ties keep the order the pages were added.
// Matching is accent- and case-insensitive (text_fold.h); each query word also matches its
// plural (+s, +es); the last word also matches as a prefix unless the query ends in a space
// (search-as-you-type; a single typed letter only completes title words). Common Spanish/English
// words ("de", "la", "the") are ignored unless the query has nothing else.
//
// The body is searched, and its snippets cut, as the reader sees it: its Markdown parsed
// (markdown/markdown.h) into plain text, without markup or link targets.
//
// Speed: parsing, folding, tokenizing and an inverted index (hashed, plus an ordered vocabulary for
// prefixes) are built at add() time; a query only touches the postings of its words, and only
// the returned hits get a snippet.
//
// Decisions: add() with a slug already present replaces that page. book and chapter are not
// searched (they name where a page lives, not what it says).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/text_fold.h"

namespace portal::domain {

struct ManualPage {
    std::string slug;
    std::string title;
    std::string book;
    std::string chapter;
    std::string body_markdown;
};

struct SearchHit {
    std::string slug;
    std::string title;
    double score = 0;
    std::string snippet;  // plain text around the first match in the body
    // Byte ranges [first, second) into the ORIGINAL title / snippet text (accents included).
    std::vector<std::pair<size_t, size_t>> title_matches;
    std::vector<std::pair<size_t, size_t>> snippet_matches;
};

class ManualIndex {
  public:
    void add(ManualPage page);
    std::vector<SearchHit> search(std::string_view query, size_t limit) const;
    const std::vector<ManualPage>& pages() const { return pages_; }
    const ManualPage* find(std::string_view slug) const;

    // One page's occurrences of one word (public only for the implementation's helpers).
    struct Posting {
        uint32_t page = 0;
        uint16_t title_count = 0;
        uint16_t body_count = 0;
    };

  private:
    // Precomputed per page, parallel to pages_.
    // Kept small: the body's folded text and offsets are recomputed for returned hits only,
    // and a replaced page's words are found again from its text.
    struct IndexedPage {
        FoldedText title;
        std::string plain_body;
    };

    void index_page(uint32_t page_index);
    void unindex_page(uint32_t page_index);
    uint32_t word_id(std::string_view word);

    std::vector<ManualPage> pages_;
    std::vector<IndexedPage> indexed_;
    std::unordered_map<std::string, uint32_t> by_slug_;
    // Every word ever indexed gets an id. Hashed for add(); ordered copies for queries, so that
    // a prefix is one range. title_words_ lists the words seen in some title.
    std::unordered_map<std::string, uint32_t> word_ids_;
    std::map<std::string, uint32_t, std::less<>> words_;
    std::map<std::string, uint32_t, std::less<>> title_words_;
    std::vector<std::vector<Posting>> postings_;        // by word id, sorted by page
    std::vector<std::vector<Posting>> title_postings_;  // by word id, title occurrences only
};

}  // namespace portal::domain
