#include "app/texts/procedure_texts.h"

namespace portal::app {

// What each kind of ticket is for (procedure_texts.json).
extern const TextTable<domain::TicketKind> kKindHints;

const char* kind_hint(Language language, domain::TicketKind kind) {
    return kKindHints.tr(language, kind);
}

}  // namespace portal::app
