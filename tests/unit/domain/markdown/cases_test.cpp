// The tables of cases/: every document of blocks.txt parses to its blocks, every text of
// inline.txt to its spans (both in the compact form of markdown_test_support.h).

#include <gtest/gtest.h>

#include "markdown_test_support.h"

namespace portal::domain::markdown {
namespace {

class CasesTest : public ::testing::TestWithParam<testing::Case> {};

TEST_P(CasesTest, ParsesToTheExpectedForm) {
    const testing::Case& c = GetParam();
    const std::string parsed = c.file == "inline.txt" ? testing::show(parse_inline(c.input))
                                                      : testing::dump(parse(c.input));
    EXPECT_EQ(parsed, c.expected) << "input:\n" << c.input;
}

INSTANTIATE_TEST_SUITE_P(Blocks, CasesTest, ::testing::ValuesIn(testing::read_cases("blocks.txt")),
                         testing::case_name);
INSTANTIATE_TEST_SUITE_P(Inline, CasesTest, ::testing::ValuesIn(testing::read_cases("inline.txt")),
                         testing::case_name);

}  // namespace
}  // namespace portal::domain::markdown
