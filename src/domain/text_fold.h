// Accent- and case-insensitive text for the manual search: the manual is Spanish, and clients
// type "cancelacion", "BAJA" or "Cancelación" interchangeably.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace portal::domain {

// Lowercases ASCII and Latin-1 letters and strips their accents (á→a, Ñ→n, ü→u, ç→c; ß→ss,
// æ→ae, œ→oe). Every other byte is kept as is (other scripts are not case-folded).
std::string fold_for_search(std::string_view utf8);

// The folded text plus, for each folded byte, the byte offset in the original text of the
// character it came from; source_offsets has text.size() + 1 entries, the last being the
// original size. Lets a search highlight the accented original ("Cancelación").
struct FoldedText {
    std::string text;
    std::vector<size_t> source_offsets;

    // Original byte range [begin, end) for folded byte range [folded_begin, folded_end).
    std::pair<size_t, size_t> source_range(size_t folded_begin, size_t folded_end) const;
};
FoldedText fold_with_offsets(std::string_view utf8);

// One word of folded text: [begin, end) byte range in that folded text.
struct WordSpan {
    size_t begin = 0;
    size_t end = 0;
};
// Words of already folded text: runs of letters/digits (ASCII and any non-ASCII letter);
// punctuation such as ¿ ¡ « » “ ” – — … separates words.
std::vector<WordSpan> word_spans(std::string_view folded);

// fold_for_search(text) split into words: search_terms("¿Cómo BAJA?") == {"como", "baja"}.
std::vector<std::string> search_terms(std::string_view utf8);

}  // namespace portal::domain
