#include "app/texts/manuals_texts.h"

namespace portal::app {

// "%s" is replaced by the client's search text (the screen formats it).
// clang-format off
template <>
const TextTable<ManualsText> TextsOf<ManualsText>::table{{
    {ManualsText::subtitle,
     "Cómo usar sus servicios y el panel de cliente, paso a paso.",
     "How to use your services and the client panel, step by step."},
    {ManualsText::search_label,
     "Buscar en los manuales", "Search the manuals"},
    {ManualsText::search_hint,
     "Escriba una palabra, por ejemplo «cancelación» o «tickets».",
     "Type a word, for example “cancelación” or “tickets”."},
    {ManualsText::searching,
     "Buscando…", "Searching…"},
    {ManualsText::results_for,
     "Resultados para «%s»", "Results for “%s”"},
    {ManualsText::no_results,
     "Ningún artículo coincide con «%s»", "No article matches “%s”"},
    {ManualsText::no_results_hint,
     "Pruebe con otra palabra, o borre la búsqueda para ver el catálogo.",
     "Try another word, or clear the search to see the catalog."},
    {ManualsText::no_manuals,
     "Todavía no hay manuales publicados.", "No manuals have been published yet."},
    {ManualsText::catalog,
     "Catálogo", "Catalog"},
    {ManualsText::back_to_catalog,
     "Volver a los manuales", "Back to the manuals"},
    {ManualsText::back_to_results,
     "Volver a los resultados", "Back to the results"},
    {ManualsText::article_not_found,
     "No encontramos ese artículo", "We could not find that article"},
    {ManualsText::article_not_found_hint,
     "Puede que el enlace esté mal escrito o que el artículo ya no exista.",
     "The link may be mistyped, or the article may no longer exist."},
    {ManualsText::opens_new_tab,
     "(se abre en una pestaña nueva)", "(opens in a new tab)"},
}};
// clang-format on

}  // namespace portal::app
