#include "domain/ticket_attachment.h"

#include "domain/enum_map.h"
#include "domain/utf8.h"

namespace portal::domain {

namespace {

constexpr size_t kHeadBytes = 12;  // WebP's: "RIFF", a length, "WEBP"

bool starts_with(std::string_view head, std::string_view signature) {
    return head.substr(0, signature.size()) == signature;
}

bool is_bidi_control(uint32_t code) {
    return (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) ||
           code == 0x200E || code == 0x200F || code == 0x061C;
}

}  // namespace

std::string_view media_type(AttachmentType type) {
    using T = AttachmentType;
    static constexpr EnumMap<T, std::string_view> kMediaTypes{
        {T::png, "image/png"},   {T::jpeg, "image/jpeg"},     {T::gif, "image/gif"},
        {T::webp, "image/webp"}, {T::pdf, "application/pdf"}, {T::text, "text/plain"}};
    return kMediaTypes[type];
}

std::string attachment_accept() {
    std::string accept;
    for (const AttachmentType type : enum_values<AttachmentType>()) {
        if (!accept.empty()) accept += ',';
        accept += media_type(type);
    }
    return accept;
}

std::string content_type(AttachmentType type) {
    std::string value(media_type(type));
    if (type == AttachmentType::text) value += "; charset=utf-8";
    return value;
}

std::optional<std::string> attachment_name_problem(std::string_view name) {
    if (name.empty()) return "a file name is needed";
    if (name == "." || name == "..") return "not a file name";
    size_t chars = 0;
    for (size_t at = 0; at < name.size();) {
        auto code = next_code_point(name, at);
        if (!code) return "not valid UTF-8";
        if (*code < 0x20 || (*code >= 0x7F && *code < 0xA0)) return "control characters";
        if (*code == '/' || *code == '\\') return "a name without folders (no / or \\)";
        if (is_bidi_control(*code)) return "bidirectional control characters";
        ++chars;
    }
    if (chars > kAttachmentNameChars) {
        return "at most " + std::to_string(kAttachmentNameChars) + " characters";
    }
    return std::nullopt;
}

void AttachmentSniffer::feed(std::string_view bytes) {
    if (head_.size() < kHeadBytes) head_.append(bytes.substr(0, kHeadBytes - head_.size()));
    size_ += bytes.size();
    for (const char c : bytes) {
        if (!text_) return;
        const auto byte = static_cast<uint8_t>(c);
        if (pending_ > 0) {
            if (byte < next_low_ || byte > next_high_) {
                text_ = false;
                return;
            }
            --pending_;
            next_low_ = 0x80;
            next_high_ = 0xBF;
            continue;
        }
        if (byte < 0x80) {
            const bool control = byte < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r';
            if (control || byte == 0x7F) text_ = false;
            continue;
        }
        // A lead byte: how many continuation bytes follow, and the first one's bounds
        // (RFC 3629 §4's table).
        if (byte >= 0xC2 && byte <= 0xDF) {
            pending_ = 1;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            pending_ = 2;
            if (byte == 0xE0) next_low_ = 0xA0;
            if (byte == 0xED) next_high_ = 0x9F;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            pending_ = 3;
            if (byte == 0xF0) next_low_ = 0x90;
            if (byte == 0xF4) next_high_ = 0x8F;
        } else {
            text_ = false;
        }
    }
}

std::optional<AttachmentType> AttachmentSniffer::result() const {
    const std::string_view head = head_;
    if (starts_with(head, "\x89PNG\r\n\x1A\n")) return AttachmentType::png;
    if (starts_with(head, "\xFF\xD8\xFF")) return AttachmentType::jpeg;
    if (starts_with(head, "GIF87a") || starts_with(head, "GIF89a")) return AttachmentType::gif;
    if (head.size() >= 12 && starts_with(head, "RIFF") && head.substr(8, 4) == "WEBP")
        return AttachmentType::webp;
    if (starts_with(head, "%PDF-")) return AttachmentType::pdf;
    if (size_ > 0 && text_ && pending_ == 0) return AttachmentType::text;
    return std::nullopt;
}

}  // namespace portal::domain
