// How each link is classified, and how spans are merged. The inline markup of many small texts
// (emphasis, code, links, escapes, accents, unclosed markers) is tabled in cases/inline.txt.

#include <gtest/gtest.h>

#include "markdown_test_support.h"

namespace portal::domain::markdown {
namespace {

using testing::show;

// Only manual: and http(s):// destinations are trusted; everything else is unsafe.
struct LinkKindCase {
    LinkKind kind;
    std::vector<const char*> urls;
};

class ClassifyLinkTest : public ::testing::TestWithParam<LinkKindCase> {};

TEST_P(ClassifyLinkTest, Classifies) {
    for (const char* url : GetParam().urls) EXPECT_EQ(classify_link(url), GetParam().kind) << url;
}

const LinkKindCase kLinkKinds[] = {
    {LinkKind::internal, {"manual:tickets", "MANUAL:tickets", "manual:soporte/sla#niveles"}},
    {LinkKind::external,
     {"https://ejemplo.com", "HTTPS://EJEMPLO.COM", "http://ejemplo.com/ruta?q=1"}},
    {LinkKind::unsafe,
     {"manual:", "manual:a b", "manual:<script>", "http://", "https://", "javascript:alert(1)",
      "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "vbscript:msgbox",
      "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "mailto:soporte@ejemplo.com",
      "//evil.example", "/relativa", "https://x.com\n", ""}},
};
INSTANTIATE_TEST_SUITE_P(Kinds, ClassifyLinkTest, ::testing::ValuesIn(kLinkKinds));

TEST(InlineSpans, AdjacentPlainTextIsMerged) {
    // "[" that opens no link and escapes must not split the text into many spans.
    const auto spans = parse_inline("a [b \\* c ] d");
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(spans[0].text, "a [b * c ] d");
}

TEST(InlineSpans, LinkSpanCarriesUrlAndKind) {
    const auto spans = parse_inline("[x](javascript:alert(1))");
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_TRUE(spans[0].is_link());
    EXPECT_EQ(spans[0].link, LinkKind::unsafe);
    EXPECT_EQ(spans[0].url, "javascript:alert(1)");
    EXPECT_EQ(spans[0].text, "x");
}

}  // namespace
}  // namespace portal::domain::markdown
