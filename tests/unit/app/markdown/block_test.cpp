// Block structure, front matter, line endings and the plain-text views. Each row is a document
// → its blocks, one line per block, in the form of markdown_test_support.h.

#include <gtest/gtest.h>

#include "markdown_test_support.h"

namespace portal::app::markdown {
namespace {

using testing::dump;

struct BlockCase {
    const char* name;
    const char* input;
    const char* expected;
};

void PrintTo(const BlockCase& c, std::ostream* os) {
    *os << c.name;
}

class BlockTest : public ::testing::TestWithParam<BlockCase> {};

TEST_P(BlockTest, ParsesToExpectedBlocks) {
    const BlockCase& c = GetParam();
    EXPECT_EQ(dump(parse(c.input)), c.expected) << "input:\n" << c.input;
}

auto case_name = [](const auto& info) { return std::string(info.param.name); };

const BlockCase kBasics[] = {
    {"empty", "", ""},
    {"only_blank_lines", "\n  \n\t\n", ""},
    {"h1_h2_h3", "# Uno\n## Dos\n### Tres", "H1 Uno\nH2 Dos\nH3 Tres"},
    {"deeper_heading_is_level_3", "#### Cuatro\n###### Seis", "H3 Cuatro\nH3 Seis"},
    {"seven_hashes_is_text", "####### siete", "P ####### siete"},
    {"hashtag_is_text", "#etiqueta", "P #etiqueta"},
    {"closing_hashes_dropped", "## Título ##", "H2 Título"},
    {"hash_inside_heading_kept", "# C# y F#", "H1 C# y F#"},
    {"empty_heading", "#", "H1 "},
    {"heading_inlines", "## El **plan** y [SLA](manual:sla)",
     "H2 El <b>plan</> y <@I:manual:sla>SLA</>"},
    {"paragraph_lines_joined", "una línea\n  otra línea  \ny otra",
     "P una línea otra línea y otra"},
    {"blank_line_splits", "uno\n\ndos", "P uno\nP dos"},
    {"heading_interrupts_paragraph", "texto\n# Título\nmás", "P texto\nH1 Título\nP más"},
    {"rule", "antes\n\n---\n\ndespués", "P antes\nHR\nP después"},
    {"long_rule", "-----", "HR"},
    {"rule_right_after_text", "texto\n---", "P texto\nHR"},
    {"stars_are_not_a_rule", "***", "P ***"},
    {"underscores_are_not_a_rule", "___", "P ___"},
};
INSTANTIATE_TEST_SUITE_P(Basics, BlockTest, ::testing::ValuesIn(kBasics), case_name);

const BlockCase kLists[] = {
    {"bullets_dash", "- uno\n- dos", "UL [uno] [dos]"},
    {"bullets_star", "* uno\n* dos", "UL [uno] [dos]"},
    {"bold_in_items", "- **Mis servicios**: ver\n- *nota* y `code`",
     "UL [<b>Mis servicios</>: ver] [<i>nota</> y <c>code</>]"},
    {"link_in_item", "- vea [Tickets](manual:tickets)", "UL [vea <@I:manual:tickets>Tickets</>]"},
    {"lazy_continuation", "- uno\nsigue\n- dos", "UL [uno sigue] [dos]"},
    {"indented_items_flattened", "- uno\n  - sub\n- dos", "UL [uno] [sub] [dos]"},
    {"numbered", "1. Ingrese\n2. Vaya\n3. Use", "OL1 [Ingrese] [Vaya] [Use]"},
    {"numbered_keeps_start", "3. tres\n4. cuatro", "OL3 [tres] [cuatro]"},
    {"numbered_paren", "1) uno\n2) dos", "OL1 [uno] [dos]"},
    {"numbered_bold", "1. Abra **Facturas**", "OL1 [Abra <b>Facturas</>]"},
    {"list_after_paragraph", "Pasos:\n- uno", "P Pasos:\nUL [uno]"},
    {"numbered_1_interrupts_paragraph", "Pasos:\n1. uno", "P Pasos:\nOL1 [uno]"},
    {"year_does_not_interrupt", "desde el año\n2024. Luego", "P desde el año 2024. Luego"},
    {"bullets_then_numbers", "- a\n1. b", "UL [a]\nOL1 [b]"},
    {"numbers_then_bullets", "1. a\n- b", "OL1 [a]\nUL [b]"},
    {"blank_line_ends_list", "- a\n\n- b", "UL [a]\nUL [b]"},
    {"marker_without_space", "-nota\n*nota*", "P -nota <i>nota</>"},
    {"too_many_digits", "1234567890. x", "P 1234567890. x"},
    {"heading_ends_list", "- a\n## T", "UL [a]\nH2 T"},
};
INSTANTIATE_TEST_SUITE_P(Lists, BlockTest, ::testing::ValuesIn(kLists), case_name);

const BlockCase kTables[] = {
    {"simple", "| Plan | Precio |\n|---|---|\n| Básico | 10 |\n| Pro | 20 |",
     "T nn {Plan | Precio} {Básico | 10} {Pro | 20}"},
    {"alignment", "| a | b | c | d |\n|:---|:---:|---:|---|\n| 1 | 2 | 3 | 4 |",
     "T lcrn {a | b | c | d} {1 | 2 | 3 | 4}"},
    {"no_outer_pipes", "a | b\n--- | ---\n1 | 2", "T nn {a | b} {1 | 2}"},
    {"separator_with_spaces", "| a | b |\n| :-- | --: |\n| 1 | 2 |", "T lr {a | b} {1 | 2}"},
    {"header_only", "| a | b |\n|---|---|", "T nn {a | b}"},
    {"inlines_in_cells", "| **SLA 1** | [ver](manual:sla) |\n|---|---|\n| *24 h* | `x` |",
     "T nn {<b>SLA 1</> | <@I:manual:sla>ver</>} {<i>24 h</> | <c>x</>}"},
    {"escaped_pipe", "| a \\| b | c |\n|---|---|\n| `x\\|y` | \\\\ |",
     "T nn {a | b | c} {<c>x|y</> | \\}"},
    {"short_row_padded", "| a | b | c |\n|---|---|---|\n| 1 |", "T nnn {a | b | c} {1 |  | }"},
    {"long_row_merged", "| a | b |\n|---|---|\n| 1 | 2 | 3 |", "T nn {a | b} {1 | 2 | 3}"},
    {"empty_cells", "| a | |\n|---|---|\n| | 2 |", "T nn {a | } { | 2}"},
    {"accents", "| Días | Acción |\n|---|---|\n| 3 días hábiles | cancelación |",
     "T nn {Días | Acción} {3 días hábiles | cancelación}"},
    {"ends_at_blank_line", "| a |\n|---|\n| 1 |\n\ntexto", "T n {a} {1}\nP texto"},
    {"ends_at_line_without_pipe", "| a |\n|---|\n| 1 |\ntexto", "T n {a} {1}\nP texto"},
    {"interrupts_paragraph", "Precios:\n| a |\n|---|\n| 1 |", "P Precios:\nT n {a} {1}"},
    {"count_mismatch_is_text", "| a | b |\n|---|\n| 1 | 2 |", "P | a | b | |---| | 1 | 2 |"},
    {"bad_separator_is_text", "| a | b |\n|-x-|---|", "P | a | b | |-x-|---|"},
    {"pipe_without_separator_is_text", "a | b\notra", "P a | b otra"},
};
INSTANTIATE_TEST_SUITE_P(Tables, BlockTest, ::testing::ValuesIn(kTables), case_name);

// Syntax outside the subset is kept as paragraph text rather than dropped.
const BlockCase kUnknown[] = {
    {"block_quote", "> cita", "P > cita"},
    {"fenced_code", "```\ncodigo\n```", "P <c>codigo</>"},
    {"html", "<div>hola</div>", "P <div>hola</div>"},
    {"image", "![logo](https://x.com/a.png)", "P !<@E:https://x.com/a.png>logo</>"},
    {"plus_bullet", "+ uno", "P + uno"},
    {"setext_underline", "Título\n===", "P Título ==="},
};
INSTANTIATE_TEST_SUITE_P(Unknown, BlockTest, ::testing::ValuesIn(kUnknown), case_name);

const BlockCase kLineEndings[] = {
    {"crlf", "# Título\r\n\r\nuno\r\ndos\r\n- a\r\n- b\r\n", "H1 Título\nP uno dos\nUL [a] [b]"},
    {"crlf_table", "| a | b |\r\n|:-:|--:|\r\n| 1 | 2 |\r\n", "T cr {a | b} {1 | 2}"},
    {"crlf_rule", "x\r\n\r\n---\r\n", "P x\nHR"},
    {"bom", "\xEF\xBB\xBF# Hola", "H1 Hola"},
    {"no_final_newline", "uno", "P uno"},
};
INSTANTIATE_TEST_SUITE_P(LineEndings, BlockTest, ::testing::ValuesIn(kLineEndings), case_name);

TEST(FrontMatter, ReadsKeyValuePairs) {
    const Document doc = parse(
        "---\n"
        "slug: servicio-hosting\n"
        "title: Hosting: guía rápida\n"
        "order:   20  \n"
        "quoted: \"entre comillas\"\n"
        "# comentario\n"
        "sin dos puntos\n"
        "---\n"
        "# Hosting\n");
    const std::map<std::string, std::string> expected{
        {"slug", "servicio-hosting"},
        {"title", "Hosting: guía rápida"},
        {"order", "20"},
        {"quoted", "entre comillas"},
    };
    EXPECT_EQ(doc.front_matter, expected);
    EXPECT_EQ(dump(doc), "H1 Hosting");
}

TEST(FrontMatter, CrlfAndEmptyBlock) {
    EXPECT_EQ(parse("---\r\ntitle: Hola\r\n---\r\ntexto").front_matter.at("title"), "Hola");
    const Document empty = parse("---\n---\ntexto");
    EXPECT_TRUE(empty.front_matter.empty());
    EXPECT_EQ(dump(empty), "P texto");
}

TEST(FrontMatter, UnclosedIsBodyText) {
    const Document doc = parse("---\ntitle: Hola\n\ntexto");
    EXPECT_TRUE(doc.front_matter.empty());
    EXPECT_EQ(dump(doc), "HR\nP title: Hola\nP texto");
}

TEST(FrontMatter, OnlyAtTheTop) {
    const Document doc = parse("texto\n\n---\ntitle: x\n---\n");
    EXPECT_TRUE(doc.front_matter.empty());
    EXPECT_EQ(dump(doc), "P texto\nHR\nP title: x\nHR");
}

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
}  // namespace portal::app::markdown
