#include "core/language.h"

#include <cctype>

#include "domain/trim.h"

namespace portal::backend {

namespace {

// "q=0.8" as thousandths (800); a missing or malformed q counts as 1.
int quality(std::string_view parameters) {
    const auto q = parameters.find("q=");
    if (q == std::string_view::npos) return 1000;
    std::string_view value = domain::trim(parameters.substr(q + 2));
    int thousandths = 0;
    int digits_after_point = -1;
    for (const char c : value) {
        if (c == '.' && digits_after_point < 0) {
            digits_after_point = 0;
        } else if (c >= '0' && c <= '9' && digits_after_point < 3) {
            thousandths = thousandths * 10 + (c - '0');
            if (digits_after_point >= 0) ++digits_after_point;
        } else {
            break;
        }
    }
    for (int i = digits_after_point < 0 ? 0 : digits_after_point; i < 3; ++i) thousandths *= 10;
    return thousandths > 1000 ? 1000 : thousandths;
}

}  // namespace

std::optional<std::string> known_language(std::string_view code) {
    code = domain::trim(code);
    const std::string_view primary = code.substr(0, code.find('-'));
    if (primary.size() != 2) return std::nullopt;
    std::string lower;
    for (const char c : primary) {
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (const std::string_view language : kLanguages) {
        if (lower == language) return lower;
    }
    return std::nullopt;
}

std::string accepted_language(std::string_view header) {
    std::string best(kDefaultLanguage);
    int best_quality = 0;
    while (!header.empty()) {
        const auto comma = header.find(',');
        const std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        const auto semicolon = item.find(';');
        const auto language = known_language(item.substr(0, semicolon));
        const int q = semicolon == std::string_view::npos ? 1000 : quality(item.substr(semicolon));
        if (language && q > best_quality) {
            best = *language;
            best_quality = q;
        }
    }
    return best;
}

std::optional<std::string> request_language(const Request& request) {
    if (auto lang = request.query.find("lang"); lang != request.query.end()) {
        return known_language(lang->second);
    }
    if (auto accept = request.headers.find("accept-language"); accept != request.headers.end()) {
        return accepted_language(accept->second);
    }
    return std::string(kDefaultLanguage);
}

}  // namespace portal::backend
