#include "domain/money.h"

#include <gtest/gtest.h>

#include "printers.h"

#include <limits>

namespace portal::domain {
namespace {

TEST(Money, AddsAndSubtractsExactlyInOneCurrency) {
    const Outcome<Money> sum = add(Money{10000, "USD"}, Money{5050, "USD"});
    ASSERT_TRUE(sum.ok());
    EXPECT_EQ(sum.value(), (Money{15050, "USD"}));

    const Outcome<Money> difference = subtract(Money{15000, "USD"}, Money{10000, "USD"});
    ASSERT_TRUE(difference.ok());
    EXPECT_EQ(difference.value(), (Money{5000, "USD"}));  // RULES.md §3: 150 − 100 = 50
}

TEST(Money, RefusesToMixCurrencies) {
    const Outcome<Money> sum = add(Money{100, "USD"}, Money{100, "ARS"});
    ASSERT_FALSE(sum.ok());
    EXPECT_EQ(sum.error().code, "currency_mismatch");
    EXPECT_NE(sum.error().message.find("ARS"), std::string::npos);

    const Outcome<Money> difference = subtract(Money{100, "EUR"}, Money{100, "USD"});
    ASSERT_FALSE(difference.ok());
    EXPECT_EQ(difference.error().code, "currency_mismatch");
}

TEST(Money, EqualityIncludesTheCurrency) {
    EXPECT_EQ((Money{100, "USD"}), (Money{100, "USD"}));
    EXPECT_NE((Money{100, "USD"}), (Money{100, "ARS"}));
    EXPECT_NE((Money{100, "USD"}), (Money{101, "USD"}));
    EXPECT_EQ(Money::zero("ARS"), (Money{0, "ARS"}));
}

struct FormatCase {
    int64_t cents;
    char decimal_sep;
    char thousands_sep;
    std::string expected;
    void label(std::ostream& os) const { os << expected; }
};

using MoneyFormat = TableTest<FormatCase>;

TEST_P(MoneyFormat, WritesTheAmountWithTheClientsSeparators) {
    const FormatCase& c = GetParam();
    EXPECT_EQ(format_amount(Money{c.cents, "ARS"}, c.decimal_sep, c.thousands_sep), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Money, MoneyFormat,
    testing::Values(FormatCase{123450, ',', '.', "1.234,50"},  // Spanish
                    FormatCase{123450, '.', ',', "1,234.50"},  // English
                    FormatCase{0, ',', '.', "0,00"}, FormatCase{5, ',', '.', "0,05"},
                    FormatCase{100, ',', '.', "1,00"}, FormatCase{99999, ',', '.', "999,99"},
                    FormatCase{100000, ',', '.', "1.000,00"},
                    FormatCase{100000000, ',', '.', "1.000.000,00"},
                    FormatCase{-123450, ',', '.', "-1.234,50"}, FormatCase{-5, ',', '.', "-0,05"},
                    FormatCase{123450, ',', '\0', "1234,50"},
                    FormatCase{std::numeric_limits<int64_t>::min(), ',', '.',
                               "-92.233.720.368.547.758,08"}));

}  // namespace
}  // namespace portal::domain
