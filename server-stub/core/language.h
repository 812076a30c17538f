// The language an answer is written in: the API speaks Spanish (the company's language) unless a
// request asks for English, with `?lang=` or, without it, its Accept-Language header. Manual
// articles, plan names and download descriptions are kept once per language; everything else the
// API says is data (dates, amounts, codes) the page writes in its own language.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/http.h"

namespace portal::backend {

inline constexpr std::string_view kDefaultLanguage = "es";
inline constexpr std::string_view kLanguages[] = {"es", "en"};

// "es" or "en" when `code` names one of them ("en", "en-GB", "EN"), else nullopt.
std::optional<std::string> known_language(std::string_view code);

// The first language of an Accept-Language header the API speaks, by preference (q) then order;
// the default language when it names none.
std::string accepted_language(std::string_view header);

// The request's language: `?lang=` when given (nullopt when it names a language the API does not
// speak: a 400), else its Accept-Language, else the default.
std::optional<std::string> request_language(const Request& request);

// One text in both languages the API speaks, written in the code.
struct Words {
    std::string_view es, en;
    constexpr std::string_view in(std::string_view language) const {
        return language == "en" ? en : es;
    }
};

// What a stored text pair says in `language`: the English one when asked for English.
inline const std::string& in_language(const std::string& language, const std::string& spanish,
                                      const std::string& english) {
    return language == "en" ? english : spanish;
}

}  // namespace portal::backend
