// Readable GoogleTest output for domain values: failures and ctest names show "2026-01-02" and
// "150,00 USD" instead of raw bytes.
#pragma once

#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "domain/date.h"
#include "domain/money.h"

namespace portal::domain {

inline void PrintTo(const Date& date, std::ostream* os) {
    *os << date.iso();
}

inline void PrintTo(const Money& money, std::ostream* os) {
    *os << format_amount(money, '.', '\0') << ' ' << money.currency;
}

// Non-ASCII and control bytes as \xNN, so parameterized test names stay plain ASCII (and
// visible: ctest cannot name a test after an empty value).
inline std::string ascii_escaped(std::string_view text) {
    if (text.empty()) return "(empty)";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
        out += (byte >= 0x20 && byte < 0x7F) ? std::string(1, c) : std::string(escaped);
    }
    return out;
}

// Table-driven tests: a row names itself (in failures and in ctest) with a member
//     void label(std::ostream& os) const { os << ...; }
// and `using DateParse = TableTest<ParseCase>;` is the suite TEST_P and INSTANTIATE_TEST_SUITE_P
// take. PrintTo stands in the unnamed namespace because the test files keep their rows there:
// GoogleTest finds PrintTo by argument-dependent lookup, in the row's own namespace only.
namespace {

template <class Row>
concept LabelledRow = requires(const Row& row, std::ostream& os) {
    row.label(os);
};

template <LabelledRow Row>
void PrintTo(const Row& row, std::ostream* os) {
    row.label(*os);
}

}  // namespace

template <LabelledRow Row>
class TableTest : public testing::TestWithParam<Row> {};

}  // namespace portal::domain
