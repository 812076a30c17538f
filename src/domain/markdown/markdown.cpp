// Link classification and plain-text views of a parsed Document.

#include "domain/markdown/markdown.h"

namespace portal::domain::markdown {
namespace {

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

// Spaces and control characters are how "java\tscript:" style tricks and broken links look;
// such a destination is never trusted, whatever its prefix.
bool has_space_or_control(std::string_view s) {
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F) return true;
    }
    return false;
}

// Slugs are ours (assets/manuals); non-ASCII bytes are allowed so an accented slug still works.
bool is_slug_char(char c) {
    return static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '/' ||
           c == '.' || c == '#';
}

void append_line(std::string& out, const std::string& line) {
    if (!out.empty()) out += '\n';
    out += line;
}

}  // namespace

// An allow-list rather than a deny-list: a scheme nobody thought of (javascript:, data:, vbscript:,
// file:) is unsafe by default.
LinkKind classify_link(std::string_view url) {
    if (url.empty() || has_space_or_control(url)) return LinkKind::unsafe;
    if (starts_with_ignoring_case(url, "manual:")) {
        const std::string_view slug = url.substr(7);
        if (slug.empty()) return LinkKind::unsafe;
        for (const char c : slug) {
            if (!is_slug_char(c)) return LinkKind::unsafe;
        }
        return LinkKind::internal;
    }
    if ((starts_with_ignoring_case(url, "https://") && url.size() > 8) ||
        (starts_with_ignoring_case(url, "http://") && url.size() > 7)) {
        return LinkKind::external;
    }
    return LinkKind::unsafe;
}

std::string plain_text(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& s : spans) out += s.text;
    return out;
}

std::string plain_text(const Document& doc) {
    std::string out;
    for (const Block& b : doc.blocks) {
        switch (b.kind) {
            case Block::Kind::heading:
            case Block::Kind::paragraph:
                append_line(out, plain_text(b.spans));
                break;
            case Block::Kind::bullet_list:
            case Block::Kind::numbered_list:
                for (const auto& item : b.items) append_line(out, plain_text(item));
                break;
            case Block::Kind::table: {
                auto row_text = [](const std::vector<std::vector<Span>>& row) {
                    std::string line;
                    for (const auto& cell : row) {
                        const std::string text = plain_text(cell);
                        if (text.empty()) continue;
                        if (!line.empty()) line += ' ';
                        line += text;
                    }
                    return line;
                };
                append_line(out, row_text(b.table.header));
                for (const auto& row : b.table.rows) append_line(out, row_text(row));
                break;
            }
            case Block::Kind::rule:
                break;
        }
    }
    return out;
}

std::vector<std::string> outline(const Document& doc) {
    std::vector<std::string> headings;
    for (const Block& b : doc.blocks) {
        if (b.kind == Block::Kind::heading) headings.push_back(plain_text(b.spans));
    }
    return headings;
}

}  // namespace portal::domain::markdown
