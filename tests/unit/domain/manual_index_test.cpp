#include "domain/manual_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace portal::domain {
namespace {

ManualPage page(std::string slug, std::string title, std::string body) {
    return ManualPage{std::move(slug), std::move(title), "Panel de cliente", "General",
                      std::move(body)};
}

std::vector<std::string> slugs(const std::vector<SearchHit>& hits) {
    std::vector<std::string> result;
    for (const SearchHit& hit : hits) result.push_back(hit.slug);
    return result;
}

std::string text_at(const std::string& text, std::pair<size_t, size_t> range) {
    EXPECT_LE(range.first, range.second);
    EXPECT_LE(range.second, text.size());
    return text.substr(range.first, range.second - range.first);
}

// A small manual in the shape of the company's (RULES.md §1–§5).
ManualIndex small_manual() {
    ManualIndex index;
    index.add(page("acceso", "¿Cómo accedo a mi servicio?",
                   "En **Mis servicios** abra el servicio y pulse *Login al Panel de hosting*."));
    index.add(page("descargas-uso", "Uso del panel",
                   "Los archivos se descargan desde el botón Descargas. Descargas de audio, "
                   "descargas de locuciones: todas las descargas del plan."));
    index.add(page("descargas", "Descargas del servicio", "Lista lo que incluye su plan."));
    index.add(page("baja", "Cancelación del servicio",
                   "Hay dos tipos de baja: inmediata o al final del período facturado. "
                   "Nada de lo abonado se reembolsa."));
    index.add(page("dominios", "Dominios internacionales",
                   "Un dominio se paga por adelantado; solo puede pedir que no se renueve."));
    index.add(page("baja-dominio", "Preguntas frecuentes",
                   "No es posible cancelar un dominio: pida que no se renueve el dominio."));
    return index;
}

TEST(ManualIndex, TitleHitRanksAboveBodyOnlyHit) {
    // "descargas-uso" says "descargas" five times in its body; "descargas" has it in the title.
    const std::vector<SearchHit> hits = small_manual().search("descargas", 10);
    ASSERT_EQ(slugs(hits), (std::vector<std::string>{"descargas", "descargas-uso"}));
    EXPECT_GT(hits[0].score, hits[1].score);
}

TEST(ManualIndex, FindsAccentedTitlesWithoutAccentsAndHighlightsTheOriginal) {
    const ManualIndex index = small_manual();
    for (const std::string query : {"cancelacion", "CANCELACIÓN", "Cancelación"}) {
        const std::vector<SearchHit> hits = index.search(query, 5);
        ASSERT_FALSE(hits.empty()) << query;
        EXPECT_EQ(hits[0].slug, "baja");
        EXPECT_EQ(hits[0].title, "Cancelación del servicio");
        ASSERT_EQ(hits[0].title_matches.size(), 1u);
        EXPECT_EQ(text_at(hits[0].title, hits[0].title_matches[0]), "Cancelación");
    }
}

TEST(ManualIndex, PagesWithAllWordsRankAbovePagesWithSome) {
    // "baja-dominio" has both words in its body; "dominios" has only one, though in its title.
    EXPECT_EQ(slugs(small_manual().search("cancelar dominio ", 10)),
              (std::vector<std::string>{"baja-dominio", "dominios"}));
}

TEST(ManualIndex, LastWordMatchesAsAPrefixWhileTyping) {
    const ManualIndex index = small_manual();
    EXPECT_EQ(slugs(index.search("cancel", 10)),
              (std::vector<std::string>{"baja", "baja-dominio"}));
    const std::vector<SearchHit> hits = index.search("cancel", 10);
    ASSERT_EQ(hits[0].title_matches.size(), 1u);
    EXPECT_EQ(text_at(hits[0].title, hits[0].title_matches[0]), "Cancel");  // the typed part

    // A finished word (followed by a space) is no longer a prefix.
    EXPECT_TRUE(index.search("cancel ", 10).empty());
}

TEST(ManualIndex, ASingleTypedLetterCompletesTitleWordsOnly) {
    const ManualIndex index = small_manual();
    // "Cancelación del servicio" by its title; "baja-dominio" has "cancelar" only in its body.
    const std::vector<std::string> found = slugs(index.search("c", 10));
    EXPECT_NE(std::find(found.begin(), found.end(), "baja"), found.end());
    EXPECT_EQ(std::find(found.begin(), found.end(), "baja-dominio"), found.end());
    // Two letters also complete body words.
    EXPECT_EQ(slugs(index.search("ca", 10)), (std::vector<std::string>{"baja", "baja-dominio"}));
}

TEST(ManualIndex, WordsAlsoMatchTheirPlural) {
    const ManualIndex index = small_manual();
    // Finished words (followed by a space), so no prefix matching is involved.
    const std::vector<SearchHit> hits = index.search("descarga ", 10);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0].slug, "descargas");
    ASSERT_EQ(hits[0].title_matches.size(), 1u);
    EXPECT_EQ(text_at(hits[0].title, hits[0].title_matches[0]), "Descargas");
    EXPECT_EQ(slugs(index.search("dominio ", 10)),
              (std::vector<std::string>{"dominios", "baja-dominio"}));
}

TEST(ManualIndex, CommonWordsDoNotDecideTheRanking) {
    const ManualIndex index = small_manual();
    const std::vector<SearchHit> hits = index.search("como solicitar la baja", 10);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0].slug, "baja");
    // Only common words: they are searched rather than answering nothing.
    EXPECT_FALSE(index.search("como", 10).empty());
}

TEST(ManualIndex, SnippetIsPlainTextWithHighlightsOnTheOriginalWords) {
    const ManualIndex index = small_manual();
    const std::vector<SearchHit> hits = index.search("periodo", 5);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].slug, "baja");
    EXPECT_TRUE(hits[0].title_matches.empty());
    ASSERT_EQ(hits[0].snippet_matches.size(), 1u);
    EXPECT_EQ(text_at(hits[0].snippet, hits[0].snippet_matches[0]), "período");

    const std::vector<SearchHit> login = index.search("login", 5);
    ASSERT_EQ(login.size(), 1u);
    EXPECT_EQ(login[0].snippet.find("**"), std::string::npos);
    EXPECT_NE(login[0].snippet.find("Login al Panel de hosting"), std::string::npos);
}

// An article as the page shows it: the same text without its markup and link targets.
const char* const kArticle =
    "# Cancelación de servicios\n"
    "\n"
    "Para pedir la **baja** de un servicio, vea [Mis servicios](manual:mis-servicios) o el\n"
    "[sitio de ayuda](https://ejemplo.com/baja_de_servicios).\n"
    "\n"
    "## Pasos\n"
    "\n"
    "1. Ingrese al *panel*.\n"
    "2. Pulse `Cancelar`.\n"
    "\n"
    "- Sin **reembolsos** de lo _abonado_\n"
    "- Con aviso previo\n"
    "\n"
    "| Servicio | Aviso |\n"
    "|:--|--:|\n"
    "| Hosting | 30 días |\n";
const std::string kArticleShows =
    "Cancelación de servicios Para pedir la baja de un servicio, vea Mis servicios o el sitio de "
    "ayuda. Pasos Ingrese al panel. Pulse Cancelar. Sin reembolsos de lo abonado Con aviso previo "
    "Servicio Aviso Hosting 30 días";

TEST(ManualIndex, SnippetsShowTheTextTheArticleShows) {
    ManualIndex index;
    index.add(page("cancelacion", "Cancelación", kArticle));
    for (const std::string query : {"baja", "ayuda", "panel", "reembolsos", "previo", "hosting"}) {
        const std::vector<SearchHit> hits = index.search(query, 1);
        ASSERT_EQ(hits.size(), 1u) << query;
        std::string_view shown = hits[0].snippet;
        for (const std::string_view ellipsis : {"\xE2\x80\xA6 ", " \xE2\x80\xA6"}) {
            if (shown.substr(0, ellipsis.size()) == ellipsis) shown.remove_prefix(ellipsis.size());
            if (shown.size() >= ellipsis.size() &&
                shown.substr(shown.size() - ellipsis.size()) == ellipsis) {
                shown.remove_suffix(ellipsis.size());
            }
        }
        EXPECT_NE(kArticleShows.find(shown), std::string::npos) << hits[0].snippet;
        ASSERT_FALSE(hits[0].snippet_matches.empty()) << query;
        EXPECT_EQ(fold_for_search(text_at(hits[0].snippet, hits[0].snippet_matches[0])), query);
    }
}

// Short articles: the snippet is the whole article as the page shows it. Syntax outside the
// Markdown the manuals use (quotes, images, HTML) is shown as written, so the snippet shows it too.
TEST(ManualIndex, ASnippetHasNoMarkupOrLinkTargets) {
    const struct {
        const char* markdown;
        const char* query;
        const char* snippet;
    } kArticles[] = {
        {"# Cancelación\n\nSolicite la **baja**.", "baja", "Cancelación Solicite la baja."},
        {"## Pasos\n- Abra *Mis servicios*\n- Pulse `Cancelar`", "pulse",
         "Pasos Abra Mis servicios Pulse Cancelar"},
        {"1. Uno\n2) Dos", "dos", "Uno Dos"},
        {"Vea [el manual](https://example.com/a_b) y [logo](manual:logo).", "vea",
         "Vea el manual y logo."},
        {"| Producto | Demora |\n|---|---|\n| Hosting | 2 min |", "demora",
         "Producto Demora Hosting 2 min"},
        {"```\nssh user@host\n```", "ssh", "ssh user@host"},
        {"antes\n\n---\n\ndespués   de    la regla", "antes", "antes después de la regla"},
        {"archivo_de_backup, \\*no\\* es _énfasis_", "backup",
         "archivo_de_backup, *no* es énfasis"},
        {"> Nota: _importante_", "nota", "> Nota: importante"},
        {"Vea ![logo](logo.png)<br>listo", "listo", "Vea !logo<br>listo"},
    };
    for (const auto& article : kArticles) {
        ManualIndex index;
        index.add(page("p", "Página", article.markdown));
        const std::vector<SearchHit> hits = index.search(article.query, 1);
        ASSERT_EQ(hits.size(), 1u) << article.markdown;
        EXPECT_EQ(hits[0].snippet, article.snippet) << article.markdown;
    }
}

TEST(ManualIndex, SnippetOfALongPageIsCutAroundTheMatch) {
    ManualIndex index;
    std::string body;
    for (int i = 0; i < 200; ++i) body += "relleno ";
    body += "la migración de correos antiguos no se incluye. ";
    for (int i = 0; i < 200; ++i) body += "relleno ";
    index.add(page("migracion", "Migración de hosting", body));

    const std::vector<SearchHit> hits = index.search("correos", 1);
    ASSERT_EQ(hits.size(), 1u);
    const SearchHit& hit = hits[0];
    EXPECT_LT(hit.snippet.size(), 220u);
    EXPECT_EQ(hit.snippet.rfind("\xE2\x80\xA6", 0), 0u) << "starts with an ellipsis";
    ASSERT_EQ(hit.snippet_matches.size(), 1u);
    EXPECT_EQ(text_at(hit.snippet, hit.snippet_matches[0]), "correos");
    EXPECT_NE(hit.snippet.find("migración de correos antiguos"), std::string::npos);
}

// Wherever the first match falls in a long body (at its start, in the middle, deep down), the
// snippet is cut around it and every occurrence of the word the snippet shows is
// highlighted, accented or not, including one a few words after the first.
TEST(ManualIndex, EveryOccurrenceInTheSnippetIsHighlightedWhereverTheMatchFalls) {
    for (int filler = 0; filler < 1400; filler += 7) {
        std::string body;
        for (int i = 0; i < filler; ++i) body += "año ";  // 5 bytes a word, one of them accented
        body += "la migración de Correos antiguos y de correos nuevos. ";
        for (int i = 0; i < 300; ++i) body += "relleno ";
        ManualIndex index;
        index.add(page("migracion", "Migración de hosting", body));

        const std::vector<SearchHit> hits = index.search("correos", 1);
        ASSERT_EQ(hits.size(), 1u) << filler;
        const SearchHit& hit = hits[0];
        ASSERT_NE(hit.snippet.find("Correos antiguos y de correos nuevos"), std::string::npos)
            << filler << ": " << hit.snippet;
        ASSERT_EQ(hit.snippet_matches.size(), 2u) << filler << ": " << hit.snippet;
        EXPECT_EQ(text_at(hit.snippet, hit.snippet_matches[0]), "Correos") << filler;
        EXPECT_EQ(text_at(hit.snippet, hit.snippet_matches[1]), "correos") << filler;
    }
}

TEST(ManualIndex, EmptyQueriesAndLimits) {
    const ManualIndex index = small_manual();
    EXPECT_TRUE(index.search("", 10).empty());
    EXPECT_TRUE(index.search("  ¿? ", 10).empty());
    EXPECT_TRUE(index.search("descargas", 0).empty());
    EXPECT_EQ(index.search("descargas", 1).size(), 1u);
    EXPECT_TRUE(index.search("inexistente", 10).empty());
    EXPECT_TRUE(ManualIndex{}.search("baja", 10).empty());
}

TEST(ManualIndex, FindsPagesBySlugAndReplacesOnReAdd) {
    ManualIndex index = small_manual();
    ASSERT_NE(index.find("baja"), nullptr);
    EXPECT_EQ(index.find("baja")->title, "Cancelación del servicio");
    EXPECT_EQ(index.find("no-such-page"), nullptr);
    const size_t count = index.pages().size();

    index.add(page("baja", "Baja del servicio", "Texto nuevo sobre reembolsos."));
    EXPECT_EQ(index.pages().size(), count);
    EXPECT_EQ(index.find("baja")->title, "Baja del servicio");
    EXPECT_EQ(slugs(index.search("reembolsos", 10)), (std::vector<std::string>{"baja"}));
    EXPECT_TRUE(index.search("inmediata", 10).empty()) << "old text is no longer indexed";
}

// A manual far bigger than the real one still answers correctly (timing lives in bench/).
TEST(ManualIndex, TenThousandPagesStillAnswerCorrectly) {
    static const char* const kWords[] = {"hosting",  "correo", "dominio", "factura", "panel",
                                         "servicio", "backup", "radio",   "plan",    "ticket"};
    ManualIndex index;
    for (int i = 0; i < 10000; ++i) {
        std::string body;
        for (int w = 0; w < 60; ++w) body += std::string(kWords[(i * 7 + w * 3) % 10]) + " ";
        if (i == 4242) body += "El código de activación es único. ";
        const std::string title =
            i == 7777 ? "Activación de la radio" : "Página " + std::to_string(i);
        index.add(page("p" + std::to_string(i), title, body));
    }
    ASSERT_EQ(index.pages().size(), 10000u);

    EXPECT_EQ(slugs(index.search("activacion", 10)), (std::vector<std::string>{"p7777", "p4242"}));
    EXPECT_EQ(slugs(index.search("activ", 10)), (std::vector<std::string>{"p7777", "p4242"}));

    const std::vector<SearchHit> common = index.search("factura", 25);
    ASSERT_EQ(common.size(), 25u);
    for (size_t i = 1; i < common.size(); ++i) EXPECT_GE(common[i - 1].score, common[i].score);
    EXPECT_EQ(index.find("p9999")->title, "Página 9999");
}

}  // namespace
}  // namespace portal::domain
