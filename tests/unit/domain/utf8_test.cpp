#include "domain/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace portal::domain {
namespace {

// The edges of RFC 3629 §4's table of well-formed sequences, each with the code point it is.
TEST(Utf8, ReadsEveryRowOfTheTableAtItsEdges) {
    const struct {
        std::string bytes;
        uint32_t code;
    } valid[] = {
        {std::string(1, '\0'), 0x00},
        {"\x7F", 0x7F},
        {"\xC2\x80", 0x80},
        {"\xDF\xBF", 0x7FF},
        {"\xE0\xA0\x80", 0x800},
        {"\xED\x9F\xBF", 0xD7FF},
        {"\xEE\x80\x80", 0xE000},
        {"\xEF\xBF\xBF", 0xFFFF},
        {"\xF0\x90\x80\x80", 0x10000},
        {"\xF4\x8F\xBF\xBF", 0x10FFFF},
    };
    for (const auto& each : valid) {
        const std::string& bytes = each.bytes;
        size_t at = 0;
        EXPECT_EQ(next_code_point(bytes, at), each.code) << std::hex << each.code;
        EXPECT_EQ(at, bytes.size());
        EXPECT_TRUE(is_well_formed_utf8("a" + bytes + "z"));
    }
}

// Overlong forms, surrogates, past U+10FFFF, stray continuation bytes, cut-short sequences.
TEST(Utf8, RefusesWhatTheTableDoesNotAllow) {
    for (const std::string bytes :
         {"\xC0\x80", "\xC1\xBF", "\xE0\x9F\xBF", "\xF0\x8F\xBF\xBF", "\xED\xA0\x80",
          "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF5", "\xFF", "\x80", "\xBF", "\xC3", "\xE2\x82",
          "\xF0\x9F\x98", "\xC3\x28"}) {
        size_t at = 0;
        EXPECT_EQ(next_code_point(bytes, at), std::nullopt) << bytes.size();
        EXPECT_EQ(at, 0u);
        EXPECT_FALSE(is_well_formed_utf8("ok " + bytes + " ok"));
    }
    EXPECT_TRUE(is_well_formed_utf8(""));
    EXPECT_TRUE(is_well_formed_utf8("Cancelación ✓ 😀"));
}

}  // namespace
}  // namespace portal::domain
