#include "api/json_text.h"

#include <cstddef>

#include <nlohmann/json.hpp>

#include "domain/utf8.h"

namespace portal::api::codec {
namespace {

using Json = nlohmann::json;

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    // Text from outside (a request path, say) may be malformed: nlohmann's own replacement rules
    // decide how many U+FFFD each bad sequence becomes, so such text is handed to it whole.
    if (!domain::is_well_formed_utf8(text)) {
        out += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0;  // the start of the run of bytes copied as they are
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text, plain, i - plain);
        plain = i + 1;
        out += '\\';
        switch (c) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '\b':
                out += 'b';
                break;
            case '\f':
                out += 'f';
                break;
            case '\n':
                out += 'n';
                break;
            case '\r':
                out += 'r';
                break;
            case '\t':
                out += 't';
                break;
            default:
                out += "u00";
                out += kHex[c >> 4];
                out += kHex[c & 0x0F];
        }
    }
    out.append(text, plain, text.size() - plain);
    out += '"';
}

void append_json_number(std::string& out, double value) {
    out += Json(value).dump();
}

}  // namespace portal::api::codec
