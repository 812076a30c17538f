// The manuals tell the client where to click, and the portal must have it: every bold name in a
// numbered step, every name on a path ("**Mis servicios** → su servicio → **Acciones**"), and
// every name in «guillemets» that a step says to press or open («Presione «Retirar»»), is a label
// the portal draws (app/texts/ui_labels.h, derived from the text tables) in the article's
// language; a table of statuses names the statuses as the service's badge shows them; no
// sentence speaks of the manual itself or its source, or contradicts what the portal does; and
// every Spanish article has its English one (`<slug>.en.md`) with the same slug and steps.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/texts/ui_labels.h"
#include "domain/enum_names.h"
#include "domain/markdown/markdown.h"

namespace portal::app {
namespace {

namespace markdown = domain::markdown;

constexpr const char* kArrow = "\xe2\x86\x92";     // →
constexpr const char* kOpenQuote = "\xc2\xab";     // «
constexpr const char* kCloseQuote = "\xc2\xbb";    // »
constexpr const char* kEllipsis = "\xe2\x80\xa6";  // … : a text with a part to fill in

// Words that, just before a «quoted» name in a step, make it the name of a button, tab or
// section to press or open (a quoted example of what to write is not one).
constexpr const char* kControlWords[] = {
    "presione",   "pulse",  "toque",   "oprima",   "clic en", "elija",   "abra",
    "seleccione", "marque", "botón",   "pestaña",  "solapa",  "sección", "opción",
    "enlace",     "vaya a", "entre a", "entre en", "use",     "ir a",
};

// Words that talk about the manual or its source, or say what the portal does not do.
constexpr const char* kForbiddenEs[] = {
    "este manual",      "el manual no",  "nuestro manual",       "manual original",
    "manual no indica", "no figuran en", "no se puede deshacer", "gestionar acciones",
};
constexpr const char* kForbiddenEn[] = {
    "this manual",      "the manual does not", "our manual",
    "original manual",  "manual does not say", "are not listed in",
    "cannot be undone", "manage actions",      "this guide",
    "translat",
};

std::string lower_ascii(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

struct Checker {
    std::set<std::string> labels;
    std::set<std::string> statuses;
    std::string status_header;  // the first column of a table of statuses
    std::vector<std::string> forbidden;

    // What is wrong with one article, one line per problem.
    // Whether the words before a quoted name say to press or open it.
    static bool names_a_control(const std::string& before) {
        std::string words = lower_ascii(before);
        while (!words.empty() && words.back() == ' ') words.pop_back();
        for (const char* word : kControlWords) {
            const std::string w = word;
            if (words.size() >= w.size() &&
                words.compare(words.size() - w.size(), w.size(), w) == 0)
                return true;
        }
        return false;
    }

    // The «quoted» names of a step or path that are not labels the portal draws.
    void check_quoted(const std::string& plain, bool is_path,
                      std::vector<std::string>& found) const {
        for (size_t open = plain.find(kOpenQuote); open != std::string::npos;
             open = plain.find(kOpenQuote, open + 1)) {
            const size_t start = open + std::string(kOpenQuote).size();
            const size_t close = plain.find(kCloseQuote, start);
            if (close == std::string::npos) break;
            const std::string name = plain.substr(start, close - start);
            if (name.find(kEllipsis) != std::string::npos) continue;
            if (!is_path && !names_a_control(plain.substr(0, open))) continue;
            if (!labels.count(name)) {
                found.push_back("names «" + name + "», which the portal does not draw: " + plain);
            }
        }
    }

    std::vector<std::string> problems(const std::string& article) const {
        std::vector<std::string> found;
        const markdown::Document document = markdown::parse(article);
        const auto check_names = [&](const std::vector<markdown::Span>& spans, bool is_step) {
            const std::string plain = markdown::plain_text(spans);
            const bool is_path = plain.find(kArrow) != std::string::npos;
            if (is_step || is_path) check_quoted(plain, is_path, found);
            for (const markdown::Span& span : spans) {
                if (!span.bold || span.is_link()) continue;
                if (span.text.find(kArrow) != std::string::npos) {
                    found.push_back("a path in one bold run (bold each name alone): " + span.text);
                } else if ((is_step || is_path) && !labels.count(span.text)) {
                    found.push_back("names «" + span.text +
                                    "», which the portal does not draw: " + plain);
                }
            }
        };
        for (const markdown::Block& block : document.blocks) {
            using Kind = markdown::Block::Kind;
            if (block.kind == Kind::paragraph) check_names(block.spans, false);
            if (block.kind == Kind::bullet_list || block.kind == Kind::numbered_list) {
                for (const auto& item : block.items) {
                    check_names(item, block.kind == Kind::numbered_list);
                }
            }
            if (block.kind == Kind::table && !block.table.header.empty() &&
                markdown::plain_text(block.table.header[0]) == status_header) {
                for (const auto& row : block.table.rows) {
                    const std::string status = markdown::plain_text(row[0]);
                    if (!statuses.count(status)) {
                        found.push_back("status «" + status + "» is not one the portal shows");
                    }
                }
            }
        }
        const std::string text = lower_ascii(markdown::plain_text(document));
        for (const std::string& words : forbidden) {
            if (text.find(words) != std::string::npos) found.push_back("says «" + words + "»");
        }
        return found;
    }
};

Checker checker_for(Language language) {
    Checker checker;
    for (std::string& label : ui_labels(language)) checker.labels.insert(std::move(label));
    for (const domain::ServiceStatus status : domain::enum_values<domain::ServiceStatus>()) {
        checker.statuses.emplace(tr(language, status));
    }
    checker.status_header = tr(language, Text::col_status);
    if (language == Language::es) {
        checker.forbidden.assign(std::begin(kForbiddenEs), std::end(kForbiddenEs));
    } else {
        checker.forbidden.assign(std::begin(kForbiddenEn), std::end(kForbiddenEn));
    }
    return checker;
}

Checker spanish_checker() {
    return checker_for(Language::es);
}

TEST(UiLabels, NameTheButtonsTheScreensDraw) {
    const Checker checker = spanish_checker();
    for (const char* label :
         {"Mis servicios", "Manuales", "Acciones", "Upgrade/Downgrade", "Cancelar servicio",
          "Retirar solicitud", "Descargas", "Login al Panel de hosting", "Activo", "Finalizado"}) {
        EXPECT_TRUE(checker.labels.count(label)) << label;
    }
    EXPECT_FALSE(checker.labels.count("Gestionar acciones"));
    const std::vector<std::string> english = ui_labels(Language::en);
    for (const std::string& label : english) {
        EXPECT_EQ(label.find("{}"), std::string::npos) << "a label to fill in: " << label;
    }
    EXPECT_NE(std::find(english.begin(), english.end(), "Actions"), english.end());
}

TEST(ManualSteps, TheCheckerCatchesWhatWouldMisleadAReader) {
    const Checker checker = spanish_checker();
    EXPECT_TRUE(
        checker.problems("1. Vaya a **Mis servicios**.\n2. Presione **Acciones**.\n").empty());
    EXPECT_TRUE(
        checker.problems("En resumen: **Mis servicios** → su servicio → **Upgrade/Downgrade**.\n")
            .empty());
    EXPECT_TRUE(checker.problems("Es **importante** leer esto.\n").empty());
    // A button the portal does not have, in a step or on a path.
    EXPECT_EQ(checker.problems("1. Abra **Gestionar acciones**.\n").size(), 2u);
    EXPECT_EQ(checker.problems("Vaya a **Mis servicios** → **Detalles técnicos**.\n").size(), 1u);
    EXPECT_EQ(checker.problems("Vaya a **Mis servicios → Acciones**.\n").size(), 1u);
    // A «quoted» button, tab or section in a step or on a path, as a bold one.
    EXPECT_TRUE(checker.problems("1. Presione «Retirar solicitud».\n").empty());
    EXPECT_TRUE(checker.problems("1. Presione «Elegir» junto al plan.\n").empty());
    EXPECT_EQ(checker.problems("1. Presione «Gestionar servicio».\n").size(), 1u);
    EXPECT_EQ(checker.problems("1. Abra la pestaña «Detalles técnicos».\n").size(), 1u);
    EXPECT_EQ(checker.problems("Vaya a «Mis servicios» → «Detalles técnicos».\n").size(), 1u);
    // Quoted words that name no control: an example to write, a message with a part to fill in.
    EXPECT_TRUE(checker.problems("1. Escriba, por ejemplo: «Sugerencia: planillas».\n").empty());
    EXPECT_TRUE(checker.problems("1. Verá «Baja programada para el …».\n").empty());
    // Statuses the badge does not show.
    EXPECT_EQ(checker
                  .problems("| Estado | Qué es |\n|---|---|\n| Activo | a |\n| Terminado | b "
                            "|\n")
                  .size(),
              1u);
    // Words about the manual itself.
    EXPECT_EQ(checker.problems("Los precios no figuran en este manual.\n").size(), 2u);
    EXPECT_EQ(checker.problems("El manual no indica cuándo.\n").size(), 2u);
}

TEST(ManualSteps, TheEnglishCheckerUsesTheEnglishLabels) {
    const Checker checker = checker_for(Language::en);
    EXPECT_TRUE(checker.problems("1. Open **My services**.\n2. Press **Actions**.\n").empty());
    EXPECT_TRUE(
        checker.problems("In short: **My services** → your service → **Upgrade/Downgrade**.\n")
            .empty());
    // The Spanish names are not what the English page draws.
    EXPECT_EQ(checker.problems("1. Open **Mis servicios**.\n").size(), 1u);
    EXPECT_EQ(checker.problems("| Status | Meaning |\n|---|---|\n| Active | a |\n| Activo | b |\n")
                  .size(),
              1u);
    EXPECT_EQ(checker.problems("Prices are not listed in this manual.\n").size(), 2u);
}

struct Article {
    std::string path;  // relative to the manuals folder
    std::string text;
    markdown::Document document;
    std::string field(const char* key) const {
        const auto found = document.front_matter.find(key);
        return found == document.front_matter.end() ? std::string() : found->second;
    }
    int steps() const {
        int count = 0;
        for (const auto& block : document.blocks) {
            if (block.kind == markdown::Block::Kind::numbered_list) {
                count += static_cast<int>(block.items.size());
            }
        }
        return count;
    }
};

// Every article, by language ("es" unless its front matter says `lang`), by slug.
std::map<std::string, std::map<std::string, Article>> read_articles() {
    namespace fs = std::filesystem;
    const fs::path manuals = PORTAL_MANUALS_DIR;
    std::map<std::string, std::map<std::string, Article>> articles;
    for (const auto& entry : fs::recursive_directory_iterator(manuals)) {
        if (entry.path().extension() != ".md" || entry.path().filename() == "README.md") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        Article article;
        article.path = entry.path().lexically_relative(manuals).string();
        article.text.assign(std::istreambuf_iterator<char>(in), {});
        article.document = markdown::parse(article.text);
        const std::string lang = article.field("lang").empty() ? "es" : article.field("lang");
        const std::string slug = article.field("slug");
        EXPECT_FALSE(articles[lang].count(slug)) << article.path << ": slug " << slug << " twice";
        articles[lang][slug] = std::move(article);
    }
    return articles;
}

TEST(ManualSteps, EveryArticleNamesOnlyWhatThePortalDrawsInItsLanguage) {
    ASSERT_TRUE(std::filesystem::is_directory(PORTAL_MANUALS_DIR)) << PORTAL_MANUALS_DIR;
    const auto articles = read_articles();
    ASSERT_EQ(articles.size(), 2u) << "articles in Spanish and English, and no other language";
    for (const auto& [lang, by_slug] : articles) {
        ASSERT_TRUE(lang == "es" || lang == "en") << lang;
        const Checker checker = checker_for(lang == "es" ? Language::es : Language::en);
        int steps = 0;
        for (const auto& [slug, article] : by_slug) {
            steps += article.steps();
            for (const std::string& problem : checker.problems(article.text)) {
                ADD_FAILURE() << article.path << ": " << problem;
            }
        }
        EXPECT_GE(by_slug.size(), 30u) << lang;
        EXPECT_GE(steps, 50) << lang << ": the articles still have their steps";
    }
}

TEST(ManualSteps, EveryArticleIsInBothLanguagesWithTheSameSteps) {
    auto articles = read_articles();
    const auto& spanish = articles["es"];
    const auto& english = articles["en"];
    for (const auto& [slug, article] : spanish) {
        const auto twin = english.find(slug);
        if (twin == english.end()) {
            ADD_FAILURE() << article.path << ": no English article with slug " << slug;
            continue;
        }
        const Article& en = twin->second;
        EXPECT_EQ(en.steps(), article.steps()) << en.path << ": not the same steps";
        EXPECT_EQ(en.field("order"), article.field("order")) << en.path;
        EXPECT_EQ(en.field("service_types"), article.field("service_types")) << en.path;
        EXPECT_NE(en.field("title"), "") << en.path;
        EXPECT_NE(en.field("book"), "") << en.path;
        EXPECT_NE(en.field("chapter"), "") << en.path;
    }
    for (const auto& [slug, article] : english) {
        EXPECT_TRUE(spanish.count(slug)) << article.path << ": no Spanish article " << slug;
    }
}

}  // namespace
}  // namespace portal::app
