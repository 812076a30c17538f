// Inline markup: emphasis, code, links (and how each link is classified), escapes, accents and
// unclosed markers. Each row is input → expected spans in the form of markdown_test_support.h.

#include <gtest/gtest.h>

#include "markdown_test_support.h"

namespace portal::app::markdown {
namespace {

using testing::show;

struct InlineCase {
    const char* name;
    const char* input;
    const char* expected;
};

void PrintTo(const InlineCase& c, std::ostream* os) {
    *os << c.name;
}

class InlineTest : public ::testing::TestWithParam<InlineCase> {};

TEST_P(InlineTest, ParsesToExpectedSpans) {
    const InlineCase& c = GetParam();
    EXPECT_EQ(show(parse_inline(c.input)), c.expected) << "input: " << c.input;
}

const InlineCase kEmphasis[] = {
    {"plain", "solo texto", "solo texto"},
    {"empty", "", ""},
    {"bold_stars", "a **negrita** b", "a <b>negrita</> b"},
    {"bold_underscores", "__negrita__", "<b>negrita</>"},
    {"italic_star", "*cursiva*", "<i>cursiva</>"},
    {"italic_underscore", "_cursiva_", "<i>cursiva</>"},
    {"bold_italic", "***ambas***", "<bi>ambas</>"},
    {"italic_inside_bold", "**a *b* c**", "<b>a </><bi>b</><b> c</>"},
    {"bold_inside_italic", "*a **b***", "<i>a </><bi>b</>"},
    {"two_bolds", "**a** y **b**", "<b>a</> y <b>b</>"},
    {"uneven_left", "**a*", "*<i>a</>"},
    {"uneven_right", "*a**", "<i>a</>*"},
    {"underscore_in_word", "archivo_de_respaldo.zip", "archivo_de_respaldo.zip"},
    {"underscore_needs_word_end", "_a_b", "_a_b"},
    {"spaced_stars_are_math", "2 * 3 * 4", "2 * 3 * 4"},
    {"mixed_markers_do_not_pair", "*a_", "*a_"},
};
INSTANTIATE_TEST_SUITE_P(Emphasis, InlineTest, ::testing::ValuesIn(kEmphasis),
                         [](const auto& info) { return std::string(info.param.name); });

const InlineCase kUnclosed[] = {
    {"bold", "**negrita", "**negrita"},
    {"italic", "*cursiva", "*cursiva"},
    {"underscore", "_cursiva", "_cursiva"},
    {"code", "`codigo", "`codigo"},
    {"code_longer_closer", "``a`", "``a`"},
    {"bracket", "[texto", "[texto"},
    {"link_without_paren", "[texto] fin", "[texto] fin"},
    {"link_unclosed_paren", "[texto](https://a.com", "[texto](https://a.com"},
    {"lone_closers", "a] b) c**", "a] b) c**"},
    {"lone_stars", "**", "**"},
    {"lone_backticks", "``", "``"},
};
INSTANTIATE_TEST_SUITE_P(Unclosed, InlineTest, ::testing::ValuesIn(kUnclosed),
                         [](const auto& info) { return std::string(info.param.name); });

const InlineCase kCode[] = {
    {"simple", "use `ls -la` ahora", "use <c>ls -la</> ahora"},
    {"no_formatting_inside", "`**a** [b](c) _d_`", "<c>**a** [b](c) _d_</>"},
    {"backslash_is_literal_inside", "`a\\*b`", "<c>a\\*b</>"},
    {"double_backticks_hold_one", "`` a`b ``", "<c>a`b</>"},
    {"only_space_kept", "` `", "<c> </>"},
    {"inside_bold", "**pulse `Enter`**", "<b>pulse </><bc>Enter</>"},
    {"two_spans", "`a` y `b`", "<c>a</> y <c>b</>"},
};
INSTANTIATE_TEST_SUITE_P(Code, InlineTest, ::testing::ValuesIn(kCode),
                         [](const auto& info) { return std::string(info.param.name); });

const InlineCase kLinks[] = {
    {"internal", "vea [Dominios](manual:servicio-dominios).",
     "vea <@I:manual:servicio-dominios>Dominios</>."},
    {"external_https", "[sitio](https://ejemplo.com/a?b=c#d)",
     "<@E:https://ejemplo.com/a?b=c#d>sitio</>"},
    {"external_http", "[sitio](http://ejemplo.com)", "<@E:http://ejemplo.com>sitio</>"},
    {"javascript_is_unsafe", "[clic](javascript:alert(1))", "<@U:javascript:alert(1)>clic</>"},
    {"data_is_unsafe", "[x](data:text/html,hola)", "<@U:data:text/html,hola>x</>"},
    {"relative_is_unsafe", "[x](otra-pagina.md)", "<@U:otra-pagina.md>x</>"},
    {"empty_url_is_unsafe", "[x]()", "<@U:>x</>"},
    {"bold_inside_link", "[**Mis servicios**](manual:panel)", "<b@I:manual:panel>Mis servicios</>"},
    {"partly_bold_link", "[ver **aquí**](manual:a)", "<@I:manual:a>ver </><b@I:manual:a>aquí</>"},
    {"link_inside_bold", "**[a](https://x.com)**", "<b@E:https://x.com>a</>"},
    {"link_inside_italic", "*[a](manual:x)*", "<i@I:manual:x>a</>"},
    {"code_inside_link", "[`cPanel`](manual:x)", "<c@I:manual:x>cPanel</>"},
    {"emphasis_does_not_cross_link", "*[a*](manual:x)", "*<@I:manual:x>a*</>"},
    {"balanced_parens_in_url", "[w](https://x.org/A_(b))", "<@E:https://x.org/A_(b)>w</>"},
    {"url_kept_verbatim", "[a](https://x.com/a\\_b)", "<@E:https://x.com/a\\_b>a</>"},
    {"angle_brackets_stripped", "[a](<https://x.com>)", "<@E:https://x.com>a</>"},
    {"spaces_around_url", "[a]( manual:x )", "<@I:manual:x>a</>"},
    {"empty_text_shows_url", "[](https://x.com)", "<@E:https://x.com>https://x.com</>"},
    {"no_link_inside_link", "[a [b](manual:x)](manual:y)", "[a <@I:manual:x>b</>](manual:y)"},
    {"title_not_supported", "[a](https://x.com \"t\")", "[a](https://x.com \"t\")"},
    {"space_before_paren", "[a] (manual:x)", "[a] (manual:x)"},
    {"bracketed_text", "[nota] y [a](manual:x)", "[nota] y <@I:manual:x>a</>"},
    {"two_links", "[a](manual:a) o [b](https://b.com)",
     "<@I:manual:a>a</> o <@E:https://b.com>b</>"},
};
INSTANTIATE_TEST_SUITE_P(Links, InlineTest, ::testing::ValuesIn(kLinks),
                         [](const auto& info) { return std::string(info.param.name); });

const InlineCase kEscapes[] = {
    {"stars", "\\*no\\*", "*no*"},
    {"underscores", "\\_no\\_", "_no_"},
    {"brackets_and_parens", "\\[a\\](b)", "[a](b)"},
    {"escaped_paren_in_text", "[a\\]](manual:x)", "<@I:manual:x>a]</>"},
    {"backtick", "\\`no\\`", "`no`"},
    {"pipe", "a \\| b", "a | b"},
    {"backslash", "c:\\\\ruta", "c:\\ruta"},
    {"escaped_then_real_bold", "\\**a**", "*<i>a</>*"},
    {"letter_is_not_escaped", "\\a", "\\a"},
    {"trailing_backslash", "fin\\", "fin\\"},
    {"escaped_opener_of_code", "\\``a`", "`<c>a</>"},
};
INSTANTIATE_TEST_SUITE_P(Escapes, InlineTest, ::testing::ValuesIn(kEscapes),
                         [](const auto& info) { return std::string(info.param.name); });

// Spanish text must reach the UI byte for byte; multi-byte letters count as word characters.
const InlineCase kAccents[] = {
    {"plain", "Cancelación, año, pingüino, ÑANDÚ", "Cancelación, año, pingüino, ÑANDÚ"},
    {"bold_accented", "la **cancelación** rápida", "la <b>cancelación</> rápida"},
    {"italic_with_inverted_marks", "*¿Qué incluye?*", "<i>¿Qué incluye?</>"},
    {"underscore_between_accents", "año_2024_ñu", "año_2024_ñu"},
    {"accented_link", "[Días hábiles](manual:días)", "<@I:manual:días>Días hábiles</>"},
    {"emoji", "**✅ listo**", "<b>✅ listo</>"},
};
INSTANTIATE_TEST_SUITE_P(Accents, InlineTest, ::testing::ValuesIn(kAccents),
                         [](const auto& info) { return std::string(info.param.name); });

struct LinkCase {
    const char* url;
    LinkKind kind;
};

class ClassifyLinkTest : public ::testing::TestWithParam<LinkCase> {};

TEST_P(ClassifyLinkTest, Classifies) {
    EXPECT_EQ(classify_link(GetParam().url), GetParam().kind) << GetParam().url;
}

const LinkCase kLinkKinds[] = {
    {"manual:tickets", LinkKind::internal},
    {"MANUAL:tickets", LinkKind::internal},
    {"manual:soporte/sla#niveles", LinkKind::internal},
    {"https://ejemplo.com", LinkKind::external},
    {"HTTPS://EJEMPLO.COM", LinkKind::external},
    {"http://ejemplo.com/ruta?q=1", LinkKind::external},
    {"manual:", LinkKind::unsafe},
    {"manual:a b", LinkKind::unsafe},
    {"manual:<script>", LinkKind::unsafe},
    {"http://", LinkKind::unsafe},
    {"https://", LinkKind::unsafe},
    {"javascript:alert(1)", LinkKind::unsafe},
    {"JavaScript:alert(1)", LinkKind::unsafe},
    {" javascript:alert(1)", LinkKind::unsafe},
    {"java\tscript:alert(1)", LinkKind::unsafe},
    {"vbscript:msgbox", LinkKind::unsafe},
    {"data:text/html;base64,PHNjcmlwdD4=", LinkKind::unsafe},
    {"file:///etc/passwd", LinkKind::unsafe},
    {"mailto:soporte@ejemplo.com", LinkKind::unsafe},
    {"//evil.example", LinkKind::unsafe},
    {"/relativa", LinkKind::unsafe},
    {"https://x.com\n", LinkKind::unsafe},
    {"", LinkKind::unsafe},
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
}  // namespace portal::app::markdown
