#include "domain/manual_text.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace portal::domain {
namespace {

struct MarkdownCase {
    std::string markdown;
    std::string plain;
};
void PrintTo(const MarkdownCase& c, std::ostream* os) {
    *os << ascii_escaped(c.plain);
}

class ManualTextTable : public testing::TestWithParam<MarkdownCase> {};

TEST_P(ManualTextTable, ShowsWhatTheReaderSees) {
    EXPECT_EQ(markdown_to_plain_text(GetParam().markdown), GetParam().plain);
}

INSTANTIATE_TEST_SUITE_P(
    ManualText, ManualTextTable,
    testing::Values(MarkdownCase{"# Cancelación\n\nSolicite la **baja**.",
                                 "Cancelación Solicite la baja."},
                    MarkdownCase{"## Pasos\n- Abra *Mis servicios*\n- Pulse `Cancelar`",
                                 "Pasos Abra Mis servicios Pulse Cancelar"},
                    MarkdownCase{"1. Uno\n2) Dos", "Uno Dos"},
                    MarkdownCase{"Vea [el manual](https://example.com/a_b) y ![logo](logo.png).",
                                 "Vea el manual y logo."},
                    MarkdownCase{"> Nota: _importante_", "Nota: importante"},
                    MarkdownCase{"| Producto | Demora |\n|---|---|\n| Hosting | 2 min |",
                                 "Producto Demora Hosting 2 min"},
                    MarkdownCase{"```\nssh user@host\n```", "ssh user@host"},
                    MarkdownCase{"archivo_de_backup<br>listo", "archivo_de_backup listo"},
                    MarkdownCase{"---\n", ""}, MarkdownCase{"", ""}));

}  // namespace
}  // namespace portal::domain
