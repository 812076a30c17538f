// Every text exists in both languages, and the two are really translations.
#include <gtest/gtest.h>

#include <string>

#include "app/strings.h"

namespace portal::app {
namespace {

TEST(Strings, EveryTextHasSpanishAndEnglish) {
    for (int i = 0; i < static_cast<int>(Text::count_); ++i) {
        const auto text = static_cast<Text>(i);
        const std::string es = tr(Language::es, text);
        const std::string en = tr(Language::en, text);
        EXPECT_FALSE(es.empty()) << i;
        EXPECT_FALSE(en.empty()) << i;
    }
}

TEST(Strings, SpanishComesFirstAndIsSpanish) {
    EXPECT_STREQ(tr(Language::es, Text::my_services), "Mis servicios");
    EXPECT_STREQ(tr(Language::en, Text::my_services), "My services");
    EXPECT_STREQ(tr(Language::es, Text::password), "Contraseña");
}

TEST(Strings, EveryServiceTypeAndStatusHasANameInBothLanguages) {
    for (int i = 0; i <= static_cast<int>(domain::ServiceType::web_design); ++i) {
        const auto type = static_cast<domain::ServiceType>(i);
        EXPECT_FALSE(tr(Language::es, type).empty()) << i;
        EXPECT_FALSE(tr(Language::en, type).empty()) << i;
    }
    for (int i = 0; i <= static_cast<int>(domain::ServiceStatus::terminated); ++i) {
        const auto status = static_cast<domain::ServiceStatus>(i);
        EXPECT_FALSE(tr(Language::es, status).empty()) << i;
        EXPECT_FALSE(tr(Language::en, status).empty()) << i;
    }
}

}  // namespace
}  // namespace portal::app
