// Front matter, whole articles, the plain-text views and UTF-8. The block structure of many small
// documents is tabled in cases/blocks.txt (cases_test.cpp).

#include <gtest/gtest.h>

#include "markdown_test_support.h"

namespace portal::domain::markdown {
namespace {

using testing::dump;

// A leading "---" block of "key: value" lines: its fields, the Markdown after it (from
// body_offset) and that body's blocks.
struct FrontMatterCase {
    const char* name;
    std::string input;
    std::map<std::string, std::string> fields;
    const char* body;
    const char* blocks;
};

void PrintTo(const FrontMatterCase& c, std::ostream* os) {
    *os << c.name;
}

class FrontMatterTest : public ::testing::TestWithParam<FrontMatterCase> {};

TEST_P(FrontMatterTest, ReadsFieldsAndFindsTheBody) {
    const FrontMatterCase& c = GetParam();
    const Document doc = parse(c.input);
    EXPECT_EQ(doc.front_matter, c.fields);
    ASSERT_LE(doc.body_offset, c.input.size());
    EXPECT_EQ(c.input.substr(doc.body_offset), c.body);
    EXPECT_EQ(dump(doc), c.blocks);
}

const FrontMatterCase kFrontMatter[] = {
    {"key_value_pairs",
     "---\n"
     "slug: servicio-hosting\n"
     "title: Hosting: guía rápida\n"
     "order:   20  \n"
     "quoted: \"entre comillas\"\n"
     "# comentario\n"
     "sin dos puntos\n"
     "---\n"
     "# Hosting\n",
     {{"slug", "servicio-hosting"},
      {"title", "Hosting: guía rápida"},
      {"order", "20"},
      {"quoted", "entre comillas"}},
     "# Hosting\n",
     "H1 Hosting"},
    {"crlf", "---\r\ntitle: Hola\r\n---\r\ntexto", {{"title", "Hola"}}, "texto", "P texto"},
    {"empty_block", "---\n---\ntexto", {}, "texto", "P texto"},
    {"closed_by_dots", "---\ntitle: Hola\n...\ntexto", {{"title", "Hola"}}, "texto", "P texto"},
    {"no_body", "---\ntitle: Hola\n---", {{"title", "Hola"}}, "", ""},
    {"after_a_bom",
     "\xEF\xBB\xBF---\ntitle: Hola\n---\ntexto",
     {{"title", "Hola"}},
     "texto",
     "P texto"},
    {"none_after_a_bom", "\xEF\xBB\xBF# Hola", {}, "# Hola", "H1 Hola"},
    {"unclosed_is_body_text",
     "---\ntitle: Hola\n\ntexto",
     {},
     "---\ntitle: Hola\n\ntexto",
     "HR\nP title: Hola\nP texto"},
    {"only_at_the_top",
     "texto\n\n---\ntitle: x\n---\n",
     {},
     "texto\n\n---\ntitle: x\n---\n",
     "P texto\nHR\nP title: x\nHR"},
};
INSTANTIATE_TEST_SUITE_P(FrontMatter, FrontMatterTest, ::testing::ValuesIn(kFrontMatter),
                         [](const auto& info) { return std::string(info.param.name); });

const char* const kArticle =
    "---\n"
    "slug: cancelacion\n"
    "title: Cancelación de servicios\n"
    "---\n"
    "# Cancelación de servicios\n"
    "\n"
    "Para pedir la **baja** de un servicio, siga estos pasos\n"
    "(vea también [Upgrade](manual:upgrade-downgrade)).\n"
    "\n"
    "## Pasos\n"
    "\n"
    "1. Ingrese al panel.\n"
    "2. Abra *Mis servicios*.\n"
    "\n"
    "## Plazos\n"
    "\n"
    "| Servicio | Aviso |\n"
    "|:--|--:|\n"
    "| Hosting | 30 días |\n"
    "\n"
    "---\n"
    "\n"
    "- Más info en [nuestro sitio](https://ejemplo.com).\n";

TEST(Article, ParsesAWholeManualPage) {
    const Document doc = parse(kArticle);
    EXPECT_EQ(doc.front_matter.at("title"), "Cancelación de servicios");
    EXPECT_EQ(dump(doc),
              "H1 Cancelación de servicios\n"
              "P Para pedir la <b>baja</> de un servicio, siga estos pasos (vea también "
              "<@I:manual:upgrade-downgrade>Upgrade</>).\n"
              "H2 Pasos\n"
              "OL1 [Ingrese al panel.] [Abra <i>Mis servicios</>.]\n"
              "H2 Plazos\n"
              "T lr {Servicio | Aviso} {Hosting | 30 días}\n"
              "HR\n"
              "UL [Más info en <@E:https://ejemplo.com>nuestro sitio</>.]");
}

TEST(Article, PlainTextHasNoMarkupOrUrls) {
    EXPECT_EQ(plain_text(parse(kArticle)),
              "Cancelación de servicios\n"
              "Para pedir la baja de un servicio, siga estos pasos (vea también Upgrade).\n"
              "Pasos\n"
              "Ingrese al panel.\n"
              "Abra Mis servicios.\n"
              "Plazos\n"
              "Servicio Aviso\n"
              "Hosting 30 días\n"
              "Más info en nuestro sitio.");
}

TEST(Article, OutlineListsHeadingsInOrder) {
    const std::vector<std::string> expected{"Cancelación de servicios", "Pasos", "Plazos"};
    EXPECT_EQ(outline(parse(kArticle)), expected);
    EXPECT_TRUE(outline(parse("sin títulos")).empty());
}

TEST(Article, CrlfParsesLikeLf) {
    std::string crlf;
    for (const char* p = kArticle; *p != '\0'; ++p) {
        if (*p == '\n') crlf += '\r';
        crlf += *p;
    }
    const Document a = parse(kArticle);
    const Document b = parse(crlf);
    EXPECT_EQ(dump(a), dump(b));
    EXPECT_EQ(a.front_matter, b.front_matter);
}

TEST(Utf8, BytesPassThroughUntouched) {
    // Every accented letter Spanish uses, plus symbols that appear in prices and dates.
    const std::string text = "áéíóú ÁÉÍÓÚ ñÑ üÜ ¿¡ « » € º ª — “comillas”";
    const Document doc = parse("# " + text + "\n\n" + text + "\n\n- " + text);
    EXPECT_EQ(plain_text(doc), text + "\n" + text + "\n" + text);
}

}  // namespace
}  // namespace portal::domain::markdown
