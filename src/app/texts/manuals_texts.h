// The texts of the manuals' screens: catalog, search, one article (manuals_texts.json). "%s" is
// replaced by the client's search text (the screen formats it).
#pragma once

#include "app/strings.h"
#include "app/texts/text_table.h"

namespace portal::app {

PORTAL_TEXT_ENUM(ManualsText, subtitle, search_label, search_hint, searching,
                 results_for,  // "Resultados para «%s»"
                 no_results,   // "Ningún artículo coincide con «%s»"
                 no_results_hint, no_manuals, catalog, back_to_catalog, back_to_results,
                 article_not_found, article_not_found_hint, opens_new_tab);

}  // namespace portal::app
