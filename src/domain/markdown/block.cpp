// Block parsing: front matter, then one pass over the lines deciding what each block is.
// Every line is looked at a bounded number of times (table detection peeks one line ahead), so
// the pass is linear; inline markup is parsed per block by parse_inline.

#include <algorithm>
#include <optional>

#include "domain/markdown/markdown.h"
#include "domain/trim.h"

namespace portal::domain::markdown {
namespace {

using Lines = std::vector<std::string_view>;

bool is_blank(std::string_view line) {
    return trim(line).empty();
}

// Splits on '\n' and drops one '\r' before it, so CRLF files parse like LF files.
Lines split_lines(std::string_view text) {
    Lines lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

// ---------------------------------------------------------------------------------------------
// Line classification
// ---------------------------------------------------------------------------------------------

// Only dashes make a rule: "***" and "___" stay text, so a line of stars is never lost.
bool is_rule(std::string_view line) {
    const std::string_view t = trim(line);
    return t.size() >= 3 && t.find_first_not_of('-') == std::string_view::npos;
}

std::optional<std::pair<int, std::string_view>> heading(std::string_view line) {
    const std::string_view t = trim(line);
    std::size_t n = 0;
    while (n < t.size() && t[n] == '#') ++n;
    if (n == 0 || n > 6) return std::nullopt;
    if (n < t.size() && t[n] != ' ' && t[n] != '\t') return std::nullopt;  // "#hashtag"
    std::string_view text = trim(t.substr(n));
    // An optional closing sequence "## Title ##" is decoration, not text.
    const auto hashes = text.find_last_not_of('#');
    if (hashes == std::string_view::npos) {
        text = {};
    } else if (hashes + 1 < text.size() && (text[hashes] == ' ' || text[hashes] == '\t')) {
        text = trim(text.substr(0, hashes));
    }
    return std::make_pair(std::min<int>(static_cast<int>(n), 3), text);
}

std::optional<std::string_view> bullet_item(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.size() >= 2 && (t[0] == '-' || t[0] == '*') && (t[1] == ' ' || t[1] == '\t')) {
        return trim(t.substr(2));
    }
    return std::nullopt;
}

struct NumberedItem {
    int number = 0;
    std::string_view text;
};

std::optional<NumberedItem> numbered_item(std::string_view line) {
    const std::string_view t = trim(line);
    std::size_t n = 0;
    int number = 0;
    // At most 9 digits: fits an int and matches CommonMark's limit.
    while (n < t.size() && n < 9 && t[n] >= '0' && t[n] <= '9')
        number = number * 10 + (t[n++] - '0');
    if (n == 0 || n + 1 >= t.size() || (t[n] != '.' && t[n] != ')')) return std::nullopt;
    if (t[n + 1] != ' ' && t[n + 1] != '\t') return std::nullopt;
    return NumberedItem{number, trim(t.substr(n + 2))};
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

// Splits a row on unescaped '|'. "\|" becomes a literal '|' in the cell here (also inside code
// spans, as GitHub does); other escapes stay for parse_inline.
std::vector<std::string> split_row(std::string_view line) {
    std::string_view t = trim(line);
    if (!t.empty() && t.front() == '|') t.remove_prefix(1);
    std::vector<std::string> cells;
    std::string cell;
    bool trailing_pipe = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        trailing_pipe = false;
        if (c == '\\' && i + 1 < t.size()) {
            if (t[i + 1] == '|') {
                cell += '|';
            } else {
                cell += c;
                cell += t[i + 1];
            }
            ++i;
        } else if (c == '|') {
            cells.emplace_back(trim(cell));
            cell.clear();
            trailing_pipe = true;
        } else {
            cell += c;
        }
    }
    if (!trailing_pipe) cells.emplace_back(trim(cell));
    return cells;
}

bool has_unescaped_pipe(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
        } else if (line[i] == '|') {
            return true;
        }
    }
    return false;
}

std::optional<std::vector<Align>> separator_row(std::string_view line) {
    if (!has_unescaped_pipe(line) && trim(line).find(':') == std::string_view::npos) {
        // "---" alone is a rule, not a one-column table.
        return std::nullopt;
    }
    std::vector<Align> align;
    for (const std::string& raw : split_row(line)) {
        const std::string_view c = trim(raw);
        const bool left = !c.empty() && c.front() == ':';
        const bool right = c.size() > 1 && c.back() == ':';
        const std::string_view dashes =
            c.substr(left ? 1 : 0, c.size() - (left ? 1 : 0) - (right ? 1 : 0));
        if (dashes.empty() || dashes.find_first_not_of('-') != std::string_view::npos)
            return std::nullopt;
        align.push_back(left && right ? Align::center
                        : left        ? Align::left
                        : right       ? Align::right
                                      : Align::none);
    }
    return align;
}

// A table starts at a row with a pipe followed by a separator with as many cells (GFM's rule).
std::optional<std::vector<Align>> table_start(const Lines& lines, std::size_t i) {
    if (i + 1 >= lines.size() || !has_unescaped_pipe(lines[i])) return std::nullopt;
    auto align = separator_row(lines[i + 1]);
    if (!align || align->size() > kMaxTableColumns || align->size() != split_row(lines[i]).size()) {
        return std::nullopt;
    }
    return align;
}

std::vector<std::vector<Span>> table_row(std::string_view line, std::size_t columns) {
    std::vector<std::string> cells = split_row(line);
    // Too many cells: keep the text in the last column rather than drop it.
    if (cells.size() > columns) {
        for (std::size_t k = columns; k < cells.size(); ++k) {
            cells[columns - 1] += " | ";
            cells[columns - 1] += cells[k];
        }
    }
    cells.resize(columns);
    std::vector<std::vector<Span>> row;
    row.reserve(columns);
    for (const std::string& c : cells) row.push_back(parse_inline(c));
    return row;
}

// ---------------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------------

// Returns the index of the first body line, or 0 when there is no (closed) front matter.
std::size_t front_matter(const Lines& lines, std::map<std::string, std::string>& out) {
    if (lines.empty() || trim(lines[0]) != "---") return 0;
    std::size_t end = 1;
    while (end < lines.size() && trim(lines[end]) != "---" && trim(lines[end]) != "...") ++end;
    if (end >= lines.size()) return 0;  // never closed: the "---" is a rule and the rest is body
    for (std::size_t i = 1; i < end; ++i) {
        const std::string_view line = trim(lines[i]);
        const auto colon = line.find(':');
        if (line.empty() || line.front() == '#' || colon == std::string_view::npos) continue;
        const std::string_view key = trim(line.substr(0, colon));
        std::string_view value = trim(line.substr(colon + 1));
        if (key.empty()) continue;
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front()) {
            value = value.substr(1, value.size() - 2);
        }
        out[std::string(key)] = std::string(value);
    }
    return end + 1;
}

// Does this line begin a new block (and so end a paragraph or list item)?
bool starts_block(const Lines& lines, std::size_t i, bool inside_list) {
    const std::string_view line = lines[i];
    if (is_rule(line) || heading(line) || bullet_item(line) || table_start(lines, i)) return true;
    const auto num = numbered_item(line);
    // A wrapped sentence may start with "2024. "; like CommonMark, only "1." interrupts a
    // paragraph.
    return num && (inside_list || num->number == 1);
}

void append_line(std::string& text, std::string_view line) {
    if (!text.empty()) text += ' ';
    text.append(trim(line));
}

}  // namespace

Document parse(std::string_view utf8) {
    Document doc;
    const std::string_view text = utf8;
    if (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);  // editors on Windows add a BOM
    const Lines lines = split_lines(utf8);
    std::size_t i = front_matter(lines, doc.front_matter);
    doc.body_offset =
        i < lines.size() ? static_cast<std::size_t>(lines[i].data() - text.data()) : text.size();

    while (i < lines.size()) {
        const std::string_view line = lines[i];
        if (is_blank(line)) {
            ++i;
            continue;
        }
        Block block;
        if (is_rule(line)) {
            block.kind = Block::Kind::rule;
            ++i;
        } else if (const auto h = heading(line)) {
            block.kind = Block::Kind::heading;
            block.level = h->first;
            block.spans = parse_inline(h->second);
            ++i;
        } else if (const auto align = table_start(lines, i)) {
            block.kind = Block::Kind::table;
            block.table.align = *align;
            block.table.header = table_row(line, align->size());
            i += 2;
            while (i < lines.size() && !is_blank(lines[i]) && has_unescaped_pipe(lines[i])) {
                block.table.rows.push_back(table_row(lines[i], align->size()));
                ++i;
            }
        } else if (bullet_item(line) || numbered_item(line)) {
            const bool bullets = bullet_item(line).has_value();
            block.kind = bullets ? Block::Kind::bullet_list : Block::Kind::numbered_list;
            if (!bullets) block.start = numbered_item(line)->number;
            std::vector<std::string> items;
            while (i < lines.size() && !is_blank(lines[i])) {
                if (const auto b = bullet_item(lines[i]); b && bullets) {
                    items.emplace_back(*b);
                } else if (const auto n = numbered_item(lines[i]); n && !bullets) {
                    items.emplace_back(n->text);
                } else if (!starts_block(lines, i, true)) {
                    append_line(items.back(), lines[i]);  // lazy continuation of the last item
                } else {
                    break;  // another kind of list or block: it starts its own block
                }
                ++i;
            }
            for (const std::string& item : items) block.items.push_back(parse_inline(item));
        } else {
            // A paragraph, including anything this parser does not know: its text is kept.
            std::string text;
            append_line(text, line);
            ++i;
            while (i < lines.size() && !is_blank(lines[i]) && !starts_block(lines, i, false)) {
                append_line(text, lines[i]);
                ++i;
            }
            block.spans = parse_inline(text);
        }
        doc.blocks.push_back(std::move(block));
    }
    return doc;
}

}  // namespace portal::domain::markdown
