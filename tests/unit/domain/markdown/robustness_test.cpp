// Hostile and pathological input: the parser must finish (these inputs are quadratic or deeply
// recursive in naive parsers; here each takes milliseconds, so a regression shows up as a test
// that hangs rather than as a flaky timing assertion) and must keep the text.

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "markdown_test_support.h"

namespace portal::domain::markdown {
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
    std::string name;
    char kept = 0;  // a character whose every occurrence in the input must reach the plain text
    std::string input;
};

void PrintTo(const PathologicalCase& c, std::ostream* os) {
    *os << c.name;
}

// A piece's repeat count: the number at the front of `rest`.
bool read_count(std::string_view& rest, int& times) {
    rest.remove_prefix(std::min(rest.size(), rest.find_first_not_of(' ')));
    const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), times);
    rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
    return error == std::errc() && times > 0;
}

// cases/pathological.txt, one case a line: `name "kept" "piece" times "piece" times ...`.
std::vector<PathologicalCase> read_pathological() {
    std::vector<PathologicalCase> cases;
    for (const auto& [number, line] : testing::case_lines("pathological.txt")) {
        std::string_view rest = line;
        PathologicalCase c{std::string(rest.substr(0, rest.find(' '))), 0, ""};
        rest.remove_prefix(c.name.size());
        std::string kept;
        bool ok = !c.name.empty() && testing::read_quoted(rest, kept) && kept.size() == 1;
        while (ok && rest.find_first_not_of(' ') != std::string_view::npos) {
            std::string piece;
            int times = 0;
            ok = testing::read_quoted(rest, piece) && read_count(rest, times);
            if (ok) c.input += repeat(piece, times);
        }
        if (ok) {
            c.kept = kept[0];
        } else {
            c = PathologicalCase{"unreadable_line_" + std::to_string(number), 'x', ""};
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

// Every occurrence of `kept` in the input reaches the plain text of what it parses to.
void expect_finishes_and_keeps(const std::string& input, char kept) {
    const std::string text = plain_text(parse(input));
    EXPECT_GT(count(input, kept), 0u);
    EXPECT_EQ(count(text, kept), count(input, kept));
}

class PathologicalTest : public ::testing::TestWithParam<PathologicalCase> {};

TEST_P(PathologicalTest, FinishesAndKeepsTheText) {
    expect_finishes_and_keeps(GetParam().input, GetParam().kept);
}

INSTANTIATE_TEST_SUITE_P(Inputs, PathologicalTest, ::testing::ValuesIn(read_pathological()),
                         [](const auto& info) { return info.param.name; });

TEST(Pathological, BacktickRunsOfEveryLength) {
    std::string input;
    for (int i = 1; input.size() < static_cast<std::size_t>(kN); ++i) input += "e" + repeat("`", i);
    expect_finishes_and_keeps(input, 'e');
}

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
}  // namespace portal::domain::markdown
