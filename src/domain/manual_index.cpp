#include "domain/manual_index.h"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>

#include "domain/markdown/markdown.h"

namespace portal::domain {
namespace {

// [SECTION] Query words

// Words too common to tell pages apart (folded). Sorted for binary_search.
constexpr std::array<std::string_view, 48> kStopwords = {
    "a",   "al",  "an",  "and", "are", "as",  "como", "con",  "de",   "del",  "el", "en",
    "es",  "for", "how", "in",  "is",  "la",  "las",  "le",   "lo",   "los",  "me", "mi",
    "mis", "my",  "o",   "of",  "on",  "or",  "para", "por",  "que",  "se",   "su", "sus",
    "the", "to",  "tu",  "tus", "un",  "una", "unas", "unos", "what", "with", "y",  "ya",
};

static_assert(std::is_sorted(kStopwords.begin(), kStopwords.end()));

bool is_stopword(std::string_view word) {
    return std::binary_search(kStopwords.begin(), kStopwords.end(), word);
}

constexpr size_t kMaxQueryTerms = 16;
constexpr size_t kMinBodyPrefix = 2;  // bytes typed before a prefix also searches bodies

struct QueryTerm {
    std::string text;
    bool prefix = false;  // the last word while the client is still typing it
};

struct Query {
    std::vector<QueryTerm> terms;
    bool ignore_stopwords = false;  // prefix expansions skip stopwords ("de" ↛ "del")
};

Query parse_query(std::string_view raw) {
    const std::string folded = fold_for_search(raw);
    const std::vector<WordSpan> words = word_spans(folded);
    Query query;
    if (words.empty()) return query;
    const bool last_is_prefix = words.back().end == folded.size();

    std::vector<QueryTerm> all;
    for (size_t i = 0; i < words.size(); ++i) {
        QueryTerm term{folded.substr(words[i].begin, words[i].end - words[i].begin),
                       last_is_prefix && i + 1 == words.size()};
        const auto same = [&](const QueryTerm& t) { return t.text == term.text; };
        const auto existing = std::find_if(all.begin(), all.end(), same);
        if (existing == all.end()) {
            all.push_back(std::move(term));
        } else {
            existing->prefix = existing->prefix || term.prefix;
        }
    }
    const bool only_stopwords =
        std::all_of(all.begin(), all.end(), [](const QueryTerm& t) { return is_stopword(t.text); });
    query.ignore_stopwords = !only_stopwords;
    for (QueryTerm& term : all) {
        // A stopword still being typed may become a real word ("de" → "descargas").
        if (only_stopwords || term.prefix || !is_stopword(term.text)) {
            query.terms.push_back(std::move(term));
        }
        if (query.terms.size() == kMaxQueryTerms) break;
    }
    return query;
}

enum class Match { none, exact, plural, prefix };

// How `word` (folded) answers `term`: the word itself, its plural, or (last word) a prefix.
Match match_word(std::string_view word, const QueryTerm& term, bool ignore_stopwords) {
    if (word == term.text) return Match::exact;
    if (word.size() > term.text.size() && word.substr(0, term.text.size()) == term.text) {
        const std::string_view rest = word.substr(term.text.size());
        if (rest == "s" || rest == "es") return Match::plural;
        if (term.prefix && !(ignore_stopwords && is_stopword(word))) return Match::prefix;
    }
    return Match::none;
}

// [SECTION] Scoring (weights explained in the header)

constexpr double kCoverageWeight = 1000;  // per distinct query word found: all > some
constexpr double kBodyCountCap = 10;      // so body repetition never outweighs one title hit

double title_weight(Match match) {
    constexpr std::array<double, 4> kWeights = {0, 100, 90, 70};  // in the order of Match
    return kWeights[static_cast<size_t>(match)];
}

double body_weight(Match match, uint16_t count) {
    const double factor = match == Match::prefix ? 0.7 : 1.0;
    return factor * std::min<double>(count, kBodyCountCap);
}

// [SECTION] Snippets and highlights

// What the reader sees of an article, on one line: the words of every block, one space apart
// (the page lays text out word by word, so a run of spaces shows as one).
std::string search_text(std::string_view body_markdown) {
    const std::string plain = markdown::plain_text(markdown::parse(body_markdown));
    std::string text;
    text.reserve(plain.size());
    for (const char c : plain) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!space) {
            text += c;
        } else if (!text.empty() && text.back() != ' ') {
            text += ' ';
        }
    }
    if (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

constexpr size_t kSnippetBytes = 180;
constexpr size_t kSnippetLeadBytes = 50;  // context shown before the first match
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

using Range = std::pair<size_t, size_t>;

// Original-text ranges of every word of `folded` that answers one of the query's words, up to
// `reach` bytes after the first one (a snippet never shows more). A prefix match highlights only
// the typed part.
std::vector<Range> find_matches(const FoldedText& folded, const Query& query,
                                size_t reach = std::string::npos) {
    std::vector<Range> ranges;
    for (const WordSpan& span : word_spans(folded.text)) {
        if (!ranges.empty() && folded.source_offsets[span.begin] - ranges.front().first > reach) {
            break;
        }
        const std::string_view word =
            std::string_view(folded.text).substr(span.begin, span.end - span.begin);
        for (const QueryTerm& term : query.terms) {
            const Match match = match_word(word, term, query.ignore_stopwords);
            if (match == Match::none) continue;
            const size_t end = match == Match::prefix ? span.begin + term.text.size() : span.end;
            ranges.push_back(folded.source_range(span.begin, end));
            break;
        }
    }
    return ranges;
}

bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Builds hit.snippet from the plain body around the first match, with its highlight ranges.
void fill_snippet(const std::string& plain, const std::vector<Range>& body_matches,
                  SearchHit& hit) {
    const size_t anchor = body_matches.empty() ? 0 : body_matches.front().first;
    size_t begin = anchor > kSnippetLeadBytes ? anchor - kSnippetLeadBytes : 0;
    if (begin > 0) {
        // Start on a word: just after the first space in the lead-in, if there is one.
        const size_t space = plain.find(' ', begin);
        begin = space != std::string::npos && space < anchor ? space + 1 : anchor;
    }
    size_t end = std::min(plain.size(), begin + kSnippetBytes);
    if (end < plain.size()) {
        const size_t space = plain.rfind(' ', end);
        if (space != std::string::npos && space > anchor) {
            end = space;
        } else {
            while (end > begin && is_utf8_continuation(plain[end])) --end;
        }
    }

    const std::string lead = begin > 0 ? std::string(kEllipsis) + " " : std::string();
    hit.snippet = lead + plain.substr(begin, end - begin);
    if (end < plain.size()) hit.snippet += " " + std::string(kEllipsis);
    for (const Range& range : body_matches) {
        if (range.first >= begin && range.second <= end) {
            hit.snippet_matches.emplace_back(range.first - begin + lead.size(),
                                             range.second - begin + lead.size());
        }
    }
}

// [SECTION] Posting lists (sorted by page)

using Posting = ManualIndex::Posting;
bool page_before(const Posting& posting, uint32_t page) {
    return posting.page < page;
}

void insert_sorted(std::vector<Posting>& list, const Posting& posting) {
    // Pages are usually added in order: appending keeps the list sorted.
    if (list.empty() || list.back().page < posting.page) {
        list.push_back(posting);
        return;
    }
    list.insert(std::lower_bound(list.begin(), list.end(), posting.page, page_before), posting);
}

void erase_posting(std::vector<Posting>& list, uint32_t page) {
    const auto at = std::lower_bound(list.begin(), list.end(), page, page_before);
    if (at != list.end() && at->page == page) list.erase(at);
}

// Occurrences of each distinct word of one page (keys view into the two texts).
std::unordered_map<std::string_view, Posting> word_counts(std::string_view folded_title,
                                                          std::string_view folded_body) {
    std::unordered_map<std::string_view, Posting> counts;
    counts.reserve(512);
    const auto count = [&](std::string_view folded, bool in_title) {
        for (const WordSpan& span : word_spans(folded)) {
            Posting& posting = counts[folded.substr(span.begin, span.end - span.begin)];
            uint16_t& n = in_title ? posting.title_count : posting.body_count;
            if (n < std::numeric_limits<uint16_t>::max()) ++n;
        }
    };
    count(folded_title, true);
    count(folded_body, false);
    return counts;
}

}  // namespace

// [SECTION] Building the index

void ManualIndex::add(ManualPage page) {
    const auto existing = by_slug_.find(page.slug);
    if (existing != by_slug_.end()) {
        const uint32_t index = existing->second;
        unindex_page(index);
        pages_[index] = std::move(page);
        index_page(index);
        return;
    }
    const auto index = static_cast<uint32_t>(pages_.size());
    by_slug_.emplace(page.slug, index);
    pages_.push_back(std::move(page));
    indexed_.emplace_back();
    index_page(index);
}

uint32_t ManualIndex::word_id(std::string_view word) {
    std::string key(word);
    const auto found = word_ids_.find(key);
    if (found != word_ids_.end()) return found->second;
    const auto id = static_cast<uint32_t>(postings_.size());
    postings_.emplace_back();
    title_postings_.emplace_back();
    words_.emplace(key, id);
    word_ids_.emplace(std::move(key), id);
    return id;
}

void ManualIndex::index_page(uint32_t page_index) {
    const ManualPage& page = pages_[page_index];
    IndexedPage& indexed = indexed_[page_index];
    indexed.title = fold_with_offsets(page.title);
    indexed.plain_body = search_text(page.body_markdown);

    const std::string folded_body = fold_for_search(indexed.plain_body);
    for (auto& [word, posting] : word_counts(indexed.title.text, folded_body)) {
        posting.page = page_index;
        const uint32_t id = word_id(word);
        insert_sorted(postings_[id], posting);
        if (posting.title_count > 0) {
            insert_sorted(title_postings_[id], posting);
            title_words_.emplace(std::string(word), id);
        }
    }
}

void ManualIndex::unindex_page(uint32_t page_index) {
    const IndexedPage& indexed = indexed_[page_index];
    const std::string folded_body = fold_for_search(indexed.plain_body);
    for (const auto& [word, posting] : word_counts(indexed.title.text, folded_body)) {
        const auto found = word_ids_.find(std::string(word));
        if (found == word_ids_.end()) continue;
        // The word keeps its id; an empty posting list simply matches nothing.
        erase_posting(postings_[found->second], page_index);
        erase_posting(title_postings_[found->second], page_index);
    }
    indexed_[page_index] = IndexedPage{};
}

const ManualPage* ManualIndex::find(std::string_view slug) const {
    const auto found = by_slug_.find(std::string(slug));
    return found == by_slug_.end() ? nullptr : &pages_[found->second];
}

// [SECTION] Searching

std::vector<SearchHit> ManualIndex::search(std::string_view raw_query, size_t limit) const {
    const Query query = parse_query(raw_query);
    if (query.terms.empty() || limit == 0 || pages_.empty()) return {};

    const size_t page_count = pages_.size();
    std::vector<double> score(page_count, 0);
    std::vector<uint32_t> covered(page_count, 0);  // bit i: query word i found
    std::vector<uint32_t> touched;
    // Best contribution of the current query word per page: a word's plural and its prefix
    // expansions do not add up, only the best of them counts.
    std::vector<double> best_title(page_count, 0);
    std::vector<double> best_body(page_count, 0);
    std::vector<uint32_t> term_touched;

    for (size_t t = 0; t < query.terms.size(); ++t) {
        const QueryTerm& term = query.terms[t];
        const auto visit = [&](const std::string& word, const std::vector<Posting>& list) {
            const Match match = match_word(word, term, query.ignore_stopwords);
            if (match == Match::none) return;
            for (const Posting& posting : list) {
                const uint32_t page = posting.page;
                if (best_title[page] == 0 && best_body[page] == 0) term_touched.push_back(page);
                if (posting.title_count > 0) {
                    best_title[page] = std::max(best_title[page], title_weight(match));
                }
                if (posting.body_count > 0) {
                    best_body[page] =
                        std::max(best_body[page], body_weight(match, posting.body_count));
                }
            }
        };
        if (term.prefix) {
            // Every candidate starts with the typed word: one ordered range holds them all.
            // A single typed letter expands to titles only: matching a tenth of every body's
            // words says nothing yet, and would cost most of the query budget.
            const bool titles_only = term.text.size() < kMinBodyPrefix;
            const auto& words = titles_only ? title_words_ : words_;
            const auto& lists = titles_only ? title_postings_ : postings_;
            for (auto it = words.lower_bound(term.text);
                 it != words.end() && it->first.compare(0, term.text.size(), term.text) == 0;
                 ++it) {
                visit(it->first, lists[it->second]);
            }
        } else {
            for (const std::string& word : {term.text, term.text + "s", term.text + "es"}) {
                const auto found = word_ids_.find(word);
                if (found != word_ids_.end()) visit(word, postings_[found->second]);
            }
        }
        for (const uint32_t page : term_touched) {
            if (covered[page] == 0) touched.push_back(page);
            covered[page] |= uint32_t{1} << t;
            score[page] += best_title[page] + best_body[page];
            best_title[page] = 0;
            best_body[page] = 0;
        }
        term_touched.clear();
    }

    for (const uint32_t page : touched) {
        score[page] += kCoverageWeight * std::popcount(covered[page]);
    }
    const auto better = [&](uint32_t a, uint32_t b) {
        return score[a] != score[b] ? score[a] > score[b] : a < b;
    };
    const size_t count = std::min(limit, touched.size());
    std::partial_sort(touched.begin(), touched.begin() + static_cast<ptrdiff_t>(count),
                      touched.end(), better);

    std::vector<SearchHit> hits;
    hits.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        const uint32_t page = touched[i];
        const IndexedPage& indexed = indexed_[page];
        SearchHit hit;
        hit.slug = pages_[page].slug;
        hit.title = pages_[page].title;
        hit.score = score[page];
        hit.title_matches = find_matches(indexed.title, query);
        const FoldedText body = fold_with_offsets(indexed.plain_body);
        fill_snippet(indexed.plain_body, find_matches(body, query, kSnippetBytes), hit);
        hits.push_back(std::move(hit));
    }
    return hits;
}

}  // namespace portal::domain
