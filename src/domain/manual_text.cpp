#include "domain/manual_text.h"

#include <cctype>

namespace portal::domain {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

std::string_view trim_left(std::string_view line) {
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    return line;
}

// "---", "***", "___" and table rules like "|---|:--:|": nothing a reader sees.
bool is_rule_line(std::string_view line) {
    if (line.size() < 3) return false;
    for (char c : line) {
        if (c != '-' && c != '*' && c != '_' && c != '|' && c != ':' && !is_space(c)) return false;
    }
    return true;
}

// Drops the block markers at the start of a line: headings, quotes, bullets, numbered items.
std::string_view strip_block_markers(std::string_view line) {
    line = trim_left(line);
    while (!line.empty() && line.front() == '>') line = trim_left(line.substr(1));
    size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes > 0 && (hashes == line.size() || line[hashes] == ' ')) {
        return trim_left(line.substr(hashes));
    }
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
        line[1] == ' ') {
        return trim_left(line.substr(2));
    }
    size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        line[digits + 1] == ' ') {
        return trim_left(line.substr(digits + 2));
    }
    return line;
}

// Inline markup: images and links keep their text, emphasis and code marks go, tags go.
void append_inline(std::string_view line, std::string& out) {
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') continue;
        if (c == '[') continue;
        if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {
            const size_t close = line.find(')', i + 2);
            if (close != std::string_view::npos) {
                i = close;
                continue;
            }
        }
        if (c == ']') continue;
        if (c == '*' || c == '`') continue;
        if (c == '_') {
            // snake_case words keep their underscores; _emphasis_ marks do not.
            const bool inside_word =
                i > 0 && i + 1 < line.size() && is_alnum(line[i - 1]) && is_alnum(line[i + 1]);
            if (!inside_word) continue;
        }
        if (c == '<' && i + 1 < line.size() &&
            (std::isalpha(static_cast<unsigned char>(line[i + 1])) || line[i + 1] == '/')) {
            const size_t close = line.find('>', i);
            if (close != std::string_view::npos) {
                i = close;
                out += ' ';
                continue;
            }
        }
        out += c == '|' ? ' ' : c;
    }
}

}  // namespace

std::string markdown_to_plain_text(std::string_view markdown) {
    std::string joined;
    joined.reserve(markdown.size());
    while (!markdown.empty()) {
        const size_t newline = markdown.find('\n');
        std::string_view line = markdown.substr(0, newline);
        markdown.remove_prefix(newline == std::string_view::npos ? markdown.size() : newline + 1);
        const std::string_view trimmed = trim_left(line);
        if (trimmed.substr(0, 3) == "```" || trimmed.substr(0, 3) == "~~~") continue;
        if (is_rule_line(trimmed)) continue;
        append_inline(strip_block_markers(line), joined);
        joined += ' ';
    }
    // One space between words, none at the ends.
    std::string plain;
    plain.reserve(joined.size());
    for (char c : joined) {
        if (is_space(c)) {
            if (!plain.empty() && plain.back() != ' ') plain += ' ';
        } else {
            plain += c;
        }
    }
    if (!plain.empty() && plain.back() == ' ') plain.pop_back();
    return plain;
}

}  // namespace portal::domain
