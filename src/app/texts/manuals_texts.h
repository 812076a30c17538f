// The texts of the manuals' screens: catalog, search, one article.
#pragma once

#include "app/strings.h"

namespace portal::app {

enum class ManualsText {
    subtitle,
    search_label,
    search_hint,
    searching,
    results_for,  // "Resultados para «%s»"
    no_results,   // "Ningún artículo coincide con «%s»"
    no_results_hint,
    no_manuals,
    catalog,
    back_to_catalog,
    back_to_results,
    article_not_found,
    article_not_found_hint,
    opens_new_tab,
    count_
};

const char* tr(Language language, ManualsText text);

}  // namespace portal::app
