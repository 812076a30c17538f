#include "domain/text_fold.h"

namespace portal::domain {
namespace {

// Folded form of U+00C0..U+00FF (UTF-8 "C3 80".."C3 BF"), indexed by the second byte − 0x80.
// Empty entries (× and ÷) are not letters and are kept as they are.
constexpr const char* kLatin1Folds[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
};

unsigned char byte_at(std::string_view s, size_t i) {
    return static_cast<unsigned char>(s[i]);
}

bool is_continuation(unsigned char b) {
    return (b & 0xC0) == 0x80;
}

// Length of the UTF-8 sequence starting at i (1 for ASCII and for malformed bytes).
size_t sequence_length(std::string_view s, size_t i) {
    const unsigned char lead = byte_at(s, i);
    size_t length = 1;
    if (lead >= 0xF0 && lead < 0xF8) {
        length = 4;
    } else if (lead >= 0xE0) {
        length = 3;
    } else if (lead >= 0xC2) {
        length = 2;
    }
    if (lead >= 0xF8 || i + length > s.size()) return 1;
    for (size_t k = 1; k < length; ++k) {
        if (!is_continuation(byte_at(s, i + k))) return 1;
    }
    return length;
}

// Non-ASCII characters that separate words: Latin-1 punctuation/symbols (¿ ¡ « » º ª NBSP...),
// × ÷, and the General Punctuation/currency blocks (– — “ ” … €).
bool is_separator_sequence(std::string_view s, size_t i, size_t length) {
    const unsigned char lead = byte_at(s, i);
    if (length == 2 && lead == 0xC2) return true;
    if (length == 2 && lead == 0xC3) {
        const unsigned char second = byte_at(s, i + 1);
        return second == 0x97 || second == 0xB7;
    }
    if (length == 3 && lead == 0xE2) {
        const unsigned char second = byte_at(s, i + 1);
        return second >= 0x80 && second <= 0x82;
    }
    return false;
}

char ascii_lower(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
}

bool is_ascii_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Appends the folded form of the character at i (|length| bytes) to out.
void fold_character(std::string_view s, size_t i, size_t length, std::string& out) {
    const unsigned char lead = byte_at(s, i);
    if (length == 1) {
        out += ascii_lower(lead);
        return;
    }
    if (length == 2 && lead == 0xC3) {
        const char* folded = kLatin1Folds[byte_at(s, i + 1) - 0x80];
        if (*folded != '\0') {
            out += folded;
            return;
        }
    }
    if (length == 2 && lead == 0xC5) {  // Œ œ (U+0152, U+0153), common in French/English text
        const unsigned char second = byte_at(s, i + 1);
        if (second == 0x92 || second == 0x93) {
            out += "oe";
            return;
        }
    }
    out.append(s.substr(i, length));
}

}  // namespace

std::pair<size_t, size_t> FoldedText::source_range(size_t folded_begin, size_t folded_end) const {
    const size_t begin = source_offsets[folded_begin];
    size_t j = folded_end;
    // An end inside a multi-byte expansion (ß → "ss") extends to the whole original character.
    while (j > folded_begin && j < text.size() && source_offsets[j] == source_offsets[j - 1]) ++j;
    return {begin, source_offsets[j]};
}

FoldedText fold_with_offsets(std::string_view utf8) {
    FoldedText folded;
    folded.text.reserve(utf8.size());
    folded.source_offsets.reserve(utf8.size() + 1);
    for (size_t i = 0; i < utf8.size();) {
        // Manuals are mostly ASCII: one byte in, one byte out, without the general path's checks.
        if (const unsigned char c = byte_at(utf8, i); c < 0x80) {
            folded.text += ascii_lower(c);
            folded.source_offsets.push_back(i++);
            continue;
        }
        const size_t length = sequence_length(utf8, i);
        const size_t before = folded.text.size();
        fold_character(utf8, i, length, folded.text);
        for (size_t k = before; k < folded.text.size(); ++k) folded.source_offsets.push_back(i);
        i += length;
    }
    folded.source_offsets.push_back(utf8.size());
    return folded;
}

std::string fold_for_search(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        const size_t length = sequence_length(utf8, i);
        fold_character(utf8, i, length, out);
        i += length;
    }
    return out;
}

std::vector<WordSpan> word_spans(std::string_view folded) {
    std::vector<WordSpan> words;
    bool in_word = false;
    size_t start = 0;
    for (size_t i = 0; i < folded.size();) {
        const unsigned char c = byte_at(folded, i);
        const size_t length = c < 0x80 ? 1 : sequence_length(folded, i);
        const bool word_char =
            c < 0x80 ? is_ascii_word_byte(c) : !is_separator_sequence(folded, i, length);
        if (word_char && !in_word) {
            start = i;
            in_word = true;
        } else if (!word_char && in_word) {
            words.push_back({start, i});
            in_word = false;
        }
        i += length;
    }
    if (in_word) words.push_back({start, folded.size()});
    return words;
}

std::vector<std::string> search_terms(std::string_view utf8) {
    const std::string folded = fold_for_search(utf8);
    std::vector<std::string> terms;
    for (const WordSpan& word : word_spans(folded)) {
        terms.emplace_back(folded, word.begin, word.end - word.begin);
    }
    return terms;
}

}  // namespace portal::domain
