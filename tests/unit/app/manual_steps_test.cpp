// The manuals tell the client where to click, and the portal must have it: every bold name in a
// numbered step, every name on a path ("**Mis servicios** → su servicio → **Acciones**"), and
// every name in «guillemets» that a step says to press or open («Presione «Retirar»»), is
// a label the portal draws (app/texts/ui_labels.h, derived from the text tables); a table of
// statuses names the statuses as the service's badge shows them; and no sentence speaks of the
// manual itself or its source, or contradicts what the portal does.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
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
constexpr const char* kForbidden[] = {
    "este manual",      "el manual no",  "nuestro manual",       "manual original",
    "manual no indica", "no figuran en", "no se puede deshacer", "gestionar acciones",
};

std::string lower_ascii(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

struct Checker {
    std::set<std::string> labels;
    std::set<std::string> statuses;

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
                markdown::plain_text(block.table.header[0]) == "Estado") {
                for (const auto& row : block.table.rows) {
                    const std::string status = markdown::plain_text(row[0]);
                    if (!statuses.count(status)) {
                        found.push_back("status «" + status + "» is not one the portal shows");
                    }
                }
            }
        }
        const std::string text = lower_ascii(markdown::plain_text(document));
        for (const char* words : kForbidden) {
            if (text.find(words) != std::string::npos) {
                found.push_back(std::string("says «") + words + "»");
            }
        }
        return found;
    }
};

Checker spanish_checker() {
    Checker checker;
    for (std::string& label : ui_labels(Language::es)) checker.labels.insert(std::move(label));
    for (const domain::ServiceStatus status : domain::enum_values<domain::ServiceStatus>()) {
        checker.statuses.emplace(tr(Language::es, status));
    }
    return checker;
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

TEST(ManualSteps, EveryArticleNamesOnlyWhatThePortalDraws) {
    namespace fs = std::filesystem;
    const fs::path manuals = PORTAL_MANUALS_DIR;
    ASSERT_TRUE(fs::is_directory(manuals)) << manuals;
    const Checker checker = spanish_checker();
    int articles = 0;
    int steps = 0;
    for (const auto& entry : fs::recursive_directory_iterator(manuals)) {
        if (entry.path().extension() != ".md" || entry.path().filename() == "README.md") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        ++articles;
        for (const auto& block : markdown::parse(text).blocks) {
            if (block.kind == markdown::Block::Kind::numbered_list) {
                steps += static_cast<int>(block.items.size());
            }
        }
        for (const std::string& problem : checker.problems(text)) {
            ADD_FAILURE() << entry.path().lexically_relative(manuals).string() << ": " << problem;
        }
    }
    EXPECT_GE(articles, 30);
    EXPECT_GE(steps, 50) << "the articles still have their steps";
}

}  // namespace
}  // namespace portal::app
