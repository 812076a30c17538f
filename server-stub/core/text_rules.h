// Text a client writes that people read later (the name on the account, a message to the account
// executive, a cancellation's reason). It must be valid UTF-8 without control characters (NUL,
// line breaks in one-line text) or bidirectional overrides and isolates, which make text show
// in another order than it was written (a name that reads differently on an invoice). Limits
// count characters (code points), as people count them, not bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/http.h"

namespace portal::backend {

// One line (a name), or several (line feeds and tabs allowed).
enum class TextLines { one, many };

// 422 `invalid_text` naming `field` (with what is wrong) when `text` breaks the rules above (UTF-8
// without overlong forms, surrogates or values past U+10FFFF) or has fewer than `min_chars` or more
// than `max_chars` characters; nullopt when it is acceptable.
std::optional<Response> refuse_text(std::string_view text, const char* field, size_t min_chars,
                                    size_t max_chars, TextLines lines);

// The same for text as the client typed it: trimmed in place first (the spaces and line breaks
// a paste brings at its ends are nobody's words), then checked.
std::optional<Response> refuse_typed_text(std::string& text, const char* field, size_t min_chars,
                                          size_t max_chars, TextLines lines);
// The same for a field a PATCH may leave out: an absent one is accepted.
std::optional<Response> refuse_typed_text(std::optional<std::string>& text, const char* field,
                                          size_t min_chars, size_t max_chars, TextLines lines);

// A phone number in international format, as WhatsApp reaches it (RULES.md §10): a leading +,
// then 8 to 15 digits (E.164), which may be grouped by spaces, dashes or parentheses, as in
// "+54 9 11 1234-5678". Empty is accepted (no number). 400 invalid_value naming `field`.
std::optional<Response> refuse_phone(std::string_view phone, const char* field);
// The same for a phone a PATCH may leave out, trimmed in place first; an absent one is accepted.
std::optional<Response> refuse_typed_phone(std::optional<std::string>& phone, const char* field);

// An email address people sign in with: one @, a dot in the domain, printable ASCII, at most
// 254 characters. 400 invalid_value naming `field`.
std::optional<Response> refuse_email(std::string_view email, const char* field);

// A password someone chooses (a contact's first, a new one): 8 to 128 characters. 400
// invalid_value naming `field`.
std::optional<Response> refuse_new_password(std::string_view password, const char* field);

}  // namespace portal::backend
