// One table of texts for an enum, each entry carrying the key it translates. The enum's header
// declares the enum and its table together,
//
//     PORTAL_TEXT_ENUM(ServiceText, back_to_services, ...);
//
// the JSON file of the same name holds its words,
//
//     [{"enum": "ServiceText", "texts": {
//         "back_to_services": {"es": "Volver a Mis servicios", "en": "Back to My services"}, …
//
// which the build turns into the table's definition (cmake/TextTables.cmake), and
// `tr(language, ServiceText::back_to_services)` (below) reads it.
//
// An entry that puts one of the API's codes into words names it beside the words: "codes" for an
// error's `code` or a label's key, "fields" for the field an invalid_value or missing_field error
// names,
//
//     "why_email_taken": {"es": "…", "en": "…", "codes": ["email_taken"]},
//
// and TextsOf<E>::codes / ::fields list them, each with its entry (app/code_words.h reads them).
//
// The table is checked while compiling: every enumerator has exactly one entry, found by its key
// (so neither the JSON's order nor a reordered enumerator can pick a neighbour's words), and
// every entry has both its Spanish and its English text. An entry's place is its key's place in
// the enum's order: 0 .. count_-1 for the portal's text enums, the EnumNames table for the
// domain's enums (domain/enum_names.h).
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "app/strings.h"
#include "domain/enum_names.h"

namespace portal::app {

template <class E>
struct Translation {
    E key;
    const char* es;
    const char* en;
};

// How many enumerators E has, and the i-th one.
template <class E>
struct EnumOrder {
    static constexpr std::size_t size = static_cast<std::size_t>(E::count_);
    static constexpr E at(std::size_t i) { return static_cast<E>(i); }
    static constexpr std::size_t index(E value) { return static_cast<std::size_t>(value); }
};

template <domain::NamedEnum E>
struct EnumOrder<E> {
    static constexpr std::size_t size = domain::EnumNames<E>::table.size();
    static constexpr E at(std::size_t i) { return domain::EnumNames<E>::table[i].first; }
    static constexpr std::size_t index(E value) {
        std::size_t i = 0;
        while (i + 1 < size && at(i) != value) ++i;
        return i;
    }
};

namespace text_table_check {
// Not constexpr: reaching one of these while compiling a table stops the compilation, and the
// compiler's message names the function.
inline void entry_not_in_enum() {}
inline void entry_repeated() {}
inline void entry_without_both_languages() {}
}  // namespace text_table_check

template <class E, std::size_t N = EnumOrder<E>::size>
class TextTable {
    static_assert(N == EnumOrder<E>::size, "a text table has one entry per enumerator");

  public:
    // A missing entry is zero-filled by the language: it has no texts, and fails below.
    consteval TextTable(const Translation<E> (&entries)[N]) {
        std::array<bool, N> placed{};
        for (const Translation<E>& entry : entries) {
            const std::size_t i = EnumOrder<E>::index(entry.key);
            if (i >= N || EnumOrder<E>::at(i) != entry.key) text_table_check::entry_not_in_enum();
            if (!filled(entry.es) || !filled(entry.en)) {
                text_table_check::entry_without_both_languages();
            }
            if (placed[i]) text_table_check::entry_repeated();
            placed[i] = true;
            entries_[i] = entry;
        }
    }

    // An entry's position is its key's place in the enum's order (placed above).
    constexpr const char* tr(Language language, E key) const {
        const Translation<E>& entry = entries_[EnumOrder<E>::index(key)];
        return language == Language::es ? entry.es : entry.en;
    }

  private:
    static constexpr bool filled(const char* text) { return text != nullptr && text[0] != '\0'; }

    std::array<Translation<E>, N> entries_{};
};

// One of the API's codes and the entry that puts it into words.
template <class E>
struct CodeWords {
    std::string_view code;
    E words;
};

// Where the table of a text enum lives: each enum's table is an explicit specialisation of
// `table`, declared in the enum's header (PORTAL_TEXT_ENUM) and defined by its JSON file, as are
// the codes its entries put into words (empty when none does).
template <class E>
struct TextsOf {
    static const TextTable<E> table;
    static const std::span<const CodeWords<E>> codes;
    static const std::span<const CodeWords<E>> fields;
};

// Set beside each table's declaration, so `tr` is offered only for enums that have one.
template <class E>
inline constexpr bool kHasTexts = false;

template <class E>
requires kHasTexts<E>
const char* tr(Language language, E key) {
    return TextsOf<E>::table.tr(language, key);
}

}  // namespace portal::app

// The declaration of the table of texts of an enum (a domain enum's words, for one). Used inside
// namespace portal::app and followed by `;`; the table itself is generated from a JSON file.
#define PORTAL_TEXTS_FOR(Name)                                    \
    template <>                                                   \
    inline constexpr bool kHasTexts<Name> = true;                 \
    template <>                                                   \
    const std::span<const CodeWords<Name>> TextsOf<Name>::codes;  \
    template <>                                                   \
    const std::span<const CodeWords<Name>> TextsOf<Name>::fields; \
    template <>                                                   \
    const TextTable<Name> TextsOf<Name>::table

// `enum class Name { ..., count_ };` and the declaration of its table of texts.
#define PORTAL_TEXT_ENUM(Name, ...)          \
    enum class Name { __VA_ARGS__, count_ }; \
    PORTAL_TEXTS_FOR(Name)
