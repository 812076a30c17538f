#include "domain/text_fold.h"

#include <gtest/gtest.h>

#include "printers.h"

#include <string>
#include <vector>

namespace portal::domain {
namespace {

struct FoldCase {
    std::string text;
    std::string folded;
    void label(std::ostream& os) const { os << ascii_escaped(folded); }
};

using TextFoldTable = TableTest<FoldCase>;

TEST_P(TextFoldTable, LowercasesAndStripsAccents) {
    EXPECT_EQ(fold_for_search(GetParam().text), GetParam().folded);
}

INSTANTIATE_TEST_SUITE_P(
    TextFold, TextFoldTable,
    testing::Values(FoldCase{"Cancelación", "cancelacion"}, FoldCase{"BAJA", "baja"},
                    FoldCase{"Ñandú", "nandu"}, FoldCase{"ÁÉÍÓÚÜÑ áéíóúüñ", "aeiouun aeiouun"},
                    FoldCase{"Àèìòù ÂÊÎÔÛ Ç ç Ø", "aeiou aeiou c c o"},
                    FoldCase{"Straße", "strasse"}, FoldCase{"Æsir œuvre", "aesir oeuvre"},
                    FoldCase{"¿Cómo?", "¿como?"},  // punctuation bytes are kept
                    FoldCase{"×÷", "×÷"}, FoldCase{"日本語", "日本語"},
                    FoldCase{"Plan 2026-A", "plan 2026-a"}, FoldCase{"", ""},
                    FoldCase{"bad \xFF byte", "bad \xFF byte"}));

TEST(TextFold, SplitsIntoSearchWords) {
    EXPECT_EQ(search_terms("¿Cómo solicito la BAJA del servicio?"),
              (std::vector<std::string>{"como", "solicito", "la", "baja", "del", "servicio"}));
    EXPECT_EQ(search_terms("e-mail, FTP & web"),
              (std::vector<std::string>{"e", "mail", "ftp", "web"}));
    EXPECT_EQ(search_terms("Cancelación—inmediata… «ya»"),
              (std::vector<std::string>{"cancelacion", "inmediata", "ya"}));
    EXPECT_EQ(search_terms("Precio:\xC2\xA0"
                           "150\xE2\x82\xAC"),
              (std::vector<std::string>{"precio", "150"}));
    EXPECT_EQ(search_terms("  ¡¿  "), std::vector<std::string>{});
}

TEST(TextFold, KeepsOffsetsIntoTheAccentedOriginal) {
    const std::string original = "La Cancelación";
    const FoldedText folded = fold_with_offsets(original);
    ASSERT_EQ(folded.text, "la cancelacion");
    ASSERT_EQ(folded.source_offsets.size(), folded.text.size() + 1);

    const auto [begin, end] = folded.source_range(3, folded.text.size());
    EXPECT_EQ(original.substr(begin, end - begin), "Cancelación");
    // "acio" in the folded text covers "ació" (five bytes) in the original.
    const auto [b2, e2] = folded.source_range(9, 13);
    EXPECT_EQ(original.substr(b2, e2 - b2), "ació");
}

TEST(TextFold, ARangeEndingInsideAnExpansionCoversTheWholeCharacter) {
    const std::string original = "Straße";
    const FoldedText folded = fold_with_offsets(original);
    ASSERT_EQ(folded.text, "strasse");
    const auto [begin, end] = folded.source_range(0, 5);  // "stras" ends inside "ss"
    EXPECT_EQ(original.substr(begin, end - begin), "Straß");
}

}  // namespace
}  // namespace portal::domain
