#include "core/text_rules.h"

#include <cstdint>
#include <string>

#include "core/responses.h"
#include "domain/utf8.h"

namespace portal::backend {

namespace {

bool is_control(uint32_t point, TextLines lines) {
    if (lines == TextLines::many && (point == '\n' || point == '\t')) return false;
    // C0, DEL and C1 controls; the Unicode line and paragraph separators break lines too.
    return point < 0x20 || (point >= 0x7F && point <= 0x9F) || point == 0x2028 || point == 0x2029;
}

// Embeddings and overrides (U+202A..U+202E) and isolates (U+2066..U+2069).
bool is_bidi_control(uint32_t point) {
    return (point >= 0x202A && point <= 0x202E) || (point >= 0x2066 && point <= 0x2069);
}

Response invalid_text(const char* field, const std::string& why) {
    return error_response(422, "invalid_text", std::string(field) + ": " + why, field);
}

}  // namespace

std::optional<Response> refuse_text(std::string_view text, const char* field, size_t min_chars,
                                    size_t max_chars, TextLines lines) {
    size_t count = 0;
    for (size_t i = 0; i < text.size(); ++count) {
        auto point = domain::next_code_point(text, i);
        if (!point) return invalid_text(field, "not valid UTF-8");
        if (is_control(*point, lines)) {
            return invalid_text(field, lines == TextLines::one
                                           ? "control characters (line breaks included) are "
                                             "not allowed"
                                           : "control characters other than line feeds and "
                                             "tabs are not allowed");
        }
        if (is_bidi_control(*point)) {
            return invalid_text(field,
                                "bidirectional override and isolate characters are not "
                                "allowed");
        }
    }
    if (count < min_chars || count > max_chars) {
        return invalid_text(
            field, std::to_string(min_chars) + " to " + std::to_string(max_chars) + " characters");
    }
    return std::nullopt;
}

std::optional<Response> refuse_typed_text(std::string& text, const char* field, size_t min_chars,
                                          size_t max_chars, TextLines lines) {
    text = std::string(trim(text));
    return refuse_text(text, field, min_chars, max_chars, lines);
}

std::optional<Response> refuse_typed_text(std::optional<std::string>& text, const char* field,
                                          size_t min_chars, size_t max_chars, TextLines lines) {
    if (!text) return std::nullopt;
    return refuse_typed_text(*text, field, min_chars, max_chars, lines);
}

std::optional<Response> refuse_phone(std::string_view phone, const char* field) {
    if (phone.empty()) return std::nullopt;
    int digits = 0;
    bool ok = phone.front() == '+';
    for (size_t i = 1; ok && i < phone.size(); ++i) {
        char c = phone[i];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else {
            ok = c == ' ' || c == '-' || c == '(' || c == ')';
        }
    }
    if (ok && digits >= 8 && digits <= 15) return std::nullopt;
    return error_response(
        400, api::kInvalidValue,
        std::string(field) + ": international format, a + and 8 to 15 digits (+54 9 11 1234-5678)",
        field);
}

std::optional<Response> refuse_email(std::string_view email, const char* field) {
    auto at = email.find('@');
    bool ok = email.size() <= 254 && at != std::string_view::npos && at > 0 &&
              email.find('@', at + 1) == std::string_view::npos;
    if (ok) {
        auto dot = email.find('.', at + 2);
        ok = dot != std::string_view::npos && dot + 1 < email.size();
    }
    for (char c : email) ok = ok && c > 0x20 && c < 0x7F;
    if (ok) return std::nullopt;
    return error_response(400, api::kInvalidValue, std::string(field) + ": an email address",
                          field);
}

std::optional<Response> refuse_new_password(std::string_view password, const char* field) {
    size_t chars = 0;
    for (unsigned char c : password) chars += (c & 0xC0) != 0x80;
    if (chars >= 8 && chars <= 128) return std::nullopt;
    return error_response(400, api::kInvalidValue, std::string(field) + ": 8 to 128 characters",
                          field);
}

std::optional<Response> refuse_typed_phone(std::optional<std::string>& phone, const char* field) {
    if (!phone) return std::nullopt;
    phone = std::string(trim(*phone));
    return refuse_phone(*phone, field);
}

}  // namespace portal::backend
