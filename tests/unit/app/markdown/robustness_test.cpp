// Hostile and pathological input: the parser must finish (these inputs are quadratic or deeply
// recursive in naive parsers; here each takes milliseconds, so a regression shows up as a test
// that hangs rather than as a flaky timing assertion) and must keep the text.

#include <algorithm>
#include <cstdint>
#include <functional>

#include <gtest/gtest.h>

#include "markdown_test_support.h"

namespace portal::app::markdown {
namespace {

constexpr int kN = 100'000;

std::string repeat(std::string_view s, int n) {
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

std::size_t count(std::string_view s, char c) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), c));
}

struct PathologicalCase {
    const char* name;
    std::function<std::string()> make;
    char kept;  // a character whose every occurrence in the input must reach the plain text
};

void PrintTo(const PathologicalCase& c, std::ostream* os) {
    *os << c.name;
}

class PathologicalTest : public ::testing::TestWithParam<PathologicalCase> {};

TEST_P(PathologicalTest, FinishesAndKeepsTheText) {
    const std::string input = GetParam().make();
    const Document doc = parse(input);
    const std::string text = plain_text(doc);
    EXPECT_EQ(count(text, GetParam().kept), count(input, GetParam().kept));
}

const PathologicalCase kPathological[] = {
    {"stars", [] { return "a" + repeat("*", kN) + "b"; }, '*'},
    {"stars_line", [] { return repeat("*", kN); }, '*'},
    {"underscores", [] { return repeat("_", kN); }, '_'},
    {"open_brackets", [] { return repeat("[", kN); }, '['},
    {"close_brackets", [] { return repeat("]", kN); }, ']'},
    {"nested_brackets", [] { return repeat("[", kN / 2) + "a" + repeat("]", kN / 2); }, 'a'},
    {"backticks", [] { return repeat("`", kN); }, '`'},
    {"backtick_runs_of_every_length",
     [] {
         std::string s;
         for (int i = 1; s.size() < static_cast<std::size_t>(kN); ++i) s += "e" + repeat("`", i);
         return s;
     },
     'e'},
    {"emphasis_openers_without_closers", [] { return repeat("_a ", kN / 3); }, 'a'},
    {"emphasis_closers_without_openers", [] { return repeat("a_ ", kN / 3); }, 'a'},
    {"star_openers_without_closers", [] { return repeat("*a ", kN / 3); }, 'a'},
    {"mismatched_openers_and_closers", [] { return repeat("*a_ ", kN / 4); }, 'a'},
    {"nested_strong_emphasis",
     [] { return repeat("*a **a ", kN / 14) + "b" + repeat(" a** a*", kN / 14); }, 'a'},
    {"link_openers_with_text", [] { return repeat("[a", kN / 2); }, 'a'},
    {"link_closers_with_text", [] { return repeat("a]", kN / 2); }, 'a'},
    {"unclosed_destinations", [] { return repeat("[a](b", kN / 5); }, 'a'},
    {"empty_destinations_opening", [] { return repeat("[](", kN / 3); }, '['},
    {"many_links", [] { return repeat("[k](manual:x) ", kN / 14); }, 'k'},
    {"open_brackets_then_links",
     [] { return repeat("[", kN / 2) + repeat("[k](manual:x)", kN / 26); }, 'k'},
    {"long_url", [] { return "[a](https://x.com/" + repeat("b", kN) + ")"; }, 'b'},
    {"escaped_stars", [] { return repeat("\\*", kN / 2); }, '*'},
    {"backslashes_before_letters", [] { return repeat("\\a", kN / 2); }, '\\'},
    {"many_lines", [] { return repeat("a\n", kN / 2); }, 'a'},
    {"many_bullets", [] { return repeat("- a\n", kN / 4); }, 'a'},
    {"many_headings", [] { return repeat("# a\n", kN / 4); }, 'a'},
    {"many_pipes",
     [] { return repeat("|", kN) + "\n" + repeat("|-", kN / 2) + "\n" + repeat("a|", kN / 2); },
     'a'},
    {"wide_table_rows", [] { return "| a | b |\n|---|---|\n" + repeat("| a |\n", kN / 6); }, 'a'},
    {"unclosed_front_matter", [] { return "---\n" + repeat("a: b\n", kN / 5); }, 'a'},
};
INSTANTIATE_TEST_SUITE_P(Inputs, PathologicalTest, ::testing::ValuesIn(kPathological),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Pathological, WideTableBecomesTextNotAHugeGrid) {
    // More columns than kMaxTableColumns: kept as paragraph text instead of allocating rows x
    // columns cells for every short body row.
    const int columns = static_cast<int>(kMaxTableColumns) + 1;
    const std::string input =
        repeat("| h ", columns) + "|\n" + repeat("|---", columns) + "|\n| x |";
    const Document doc = parse(input);
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].kind, Block::Kind::paragraph);
}

TEST(Pathological, LongRowKeepsExtraCellsInTheLastColumn) {
    const Document doc = parse("| a | b |\n|---|---|\n| 1 | 2 | 3 |");
    ASSERT_EQ(doc.blocks.size(), 1u);
    ASSERT_EQ(doc.blocks[0].table.rows.size(), 1u);
    const auto& row = doc.blocks[0].table.rows[0];
    ASSERT_EQ(row.size(), 2u);
    EXPECT_EQ(plain_text(row[1]), "2 | 3");
}

TEST(Pathological, UrlLongerThanTheLimitIsNotALink) {
    const std::string url = "https://x.com/" + repeat("b", static_cast<int>(kMaxUrlBytes));
    const auto spans = parse_inline("[a](" + url + ")");
    EXPECT_EQ(testing::show(spans), "[a](" + url + ")");
}

// Random mixes of every markup character on one line. Letters are never markup, so the letters
// of the plain text must be exactly the letters of the input, in order.
TEST(Fuzz, RandomMarkupKeepsEveryLetter) {
    const std::string alphabet[] = {"*",  "**",  "_",  "`",        "``",       "[", "]", "(",
                                    ")",  "\\",  "|",  " ",        "a",        "b", "ñ", "é",
                                    "- ", "1. ", "# ", "manual:x", "https://", "!"};
    std::uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;  // a fixed LCG: the same inputs on every run
        return seed >> 8;
    };
    auto letters = [](std::string_view s) {
        std::string out;
        for (const char c : s) {
            if (c == 'a' || c == 'b' || static_cast<unsigned char>(c) >= 0x80) out += c;
        }
        return out;
    };
    for (int round = 0; round < 2000; ++round) {
        std::string input;
        const int pieces = 1 + static_cast<int>(next() % 40);
        for (int k = 0; k < pieces; ++k) input += alphabet[next() % std::size(alphabet)];
        const Document doc = parse(input);
        std::string text = plain_text(doc);
        // Link destinations are not part of the plain text; put them back for the comparison.
        for (const Block& b : doc.blocks) {
            auto add_urls = [&](const std::vector<Span>& spans) {
                for (const Span& s : spans) text += s.url;
            };
            add_urls(b.spans);
            for (const auto& item : b.items) add_urls(item);
        }
        std::string expected = letters(input);
        std::string got = letters(text);
        std::sort(expected.begin(), expected.end());
        std::sort(got.begin(), got.end());
        // A link with empty text shows its url, so letters may appear twice; never fewer.
        EXPECT_TRUE(std::includes(got.begin(), got.end(), expected.begin(), expected.end()))
            << "input: " << input;
    }
}

}  // namespace
}  // namespace portal::app::markdown
