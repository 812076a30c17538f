#include "app/texts/manuals_texts.h"

#include <iterator>

namespace portal::app {
namespace {

struct Entry {
    const char* es;
    const char* en;
};

// Indexed by ManualsText; the static_assert keeps the table and the enum the same length.
// "%s" is replaced by the client's search text (the screen formats it).
constexpr Entry kTexts[] = {
    {"Cómo usar sus servicios y el panel de cliente, paso a paso.",
     "How to use your services and the client panel, step by step."},
    {"Buscar en los manuales", "Search the manuals"},
    {"Escriba una palabra, por ejemplo «cancelación» o «tickets».",
     "Type a word, for example “cancelación” or “tickets”."},
    {"Buscando…", "Searching…"},
    {"Resultados para «%s»", "Results for “%s”"},
    {"Ningún artículo coincide con «%s»", "No article matches “%s”"},
    {"Pruebe con otra palabra, o borre la búsqueda para ver el catálogo.",
     "Try another word, or clear the search to see the catalog."},
    {"Todavía no hay manuales publicados.", "No manuals have been published yet."},
    {"Catálogo", "Catalog"},
    {"Volver a los manuales", "Back to the manuals"},
    {"Volver a los resultados", "Back to the results"},
    {"No encontramos ese artículo", "We could not find that article"},
    {"Puede que el enlace esté mal escrito o que el artículo ya no exista.",
     "The link may be mistyped, or the article may no longer exist."},
    {"(se abre en una pestaña nueva)", "(opens in a new tab)"},
};
// A C array sized by its initialisers: a missing entry fails here (a std::array would zero-fill).
static_assert(std::size(kTexts) == static_cast<size_t>(ManualsText::count_));

}  // namespace

const char* tr(Language language, ManualsText text) {
    const Entry& entry = kTexts[static_cast<size_t>(text)];
    return language == Language::es ? entry.es : entry.en;
}

}  // namespace portal::app
