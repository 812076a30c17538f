#include "app/strings.h"

#include "app/texts/text_table.h"

namespace portal::app {

// The tables of strings.json.
extern const TextTable<Text> kTexts;
extern const TextTable<domain::ServiceType> kServiceTypes;
extern const TextTable<domain::ServiceStatus> kServiceStatuses;

const char* tr(Language language, Text text) {
    return kTexts.tr(language, text);
}

std::string_view tr(Language language, domain::ServiceType type) {
    return kServiceTypes.tr(language, type);
}

std::string_view tr(Language language, domain::ServiceStatus status) {
    return kServiceStatuses.tr(language, status);
}

std::string_view language_code(Language language) {
    return language == Language::es ? "es" : "en";
}

const char* language_name(Language language) {
    return language == Language::es ? "Español" : "English";
}

}  // namespace portal::app
