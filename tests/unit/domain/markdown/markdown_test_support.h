// Compact text forms of the model so table-driven tests read like the Markdown they check.
//   span:  plain text as is; styled text as <flags>text</> where flags are b (bold), i (italic),
//          c (code) and @K:url for a link of kind K (I internal, E external, U unsafe)
//   block: one line each: "H2 ...", "P ...", "UL [item] [item]", "OL3 [item]", "HR",
//          "T lcrn {header | cells} {row | cells}" (one alignment letter per column)
// Tables of cases live in cases/*.txt, read by read_cases.
#pragma once

#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "domain/markdown/markdown.h"

namespace portal::domain::markdown::testing {

inline std::string show(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& s : spans) {
        std::string flags;
        if (s.bold) flags += 'b';
        if (s.italic) flags += 'i';
        if (s.code) flags += 'c';
        if (s.is_link()) {
            flags += '@';
            flags += s.link == LinkKind::internal ? 'I' : s.link == LinkKind::external ? 'E' : 'U';
            flags += ':' + s.url;
        }
        out += flags.empty() ? s.text : "<" + flags + ">" + s.text + "</>";
    }
    return out;
}

inline std::string show_row(const std::vector<std::vector<Span>>& row) {
    std::string out = "{";
    for (std::size_t i = 0; i < row.size(); ++i) out += (i == 0 ? "" : " | ") + show(row[i]);
    return out + "}";
}

inline std::string dump(const Document& doc) {
    std::string out;
    for (const Block& b : doc.blocks) {
        if (!out.empty()) out += '\n';
        switch (b.kind) {
            case Block::Kind::heading:
                out += "H" + std::to_string(b.level) + " " + show(b.spans);
                break;
            case Block::Kind::paragraph:
                out += "P " + show(b.spans);
                break;
            case Block::Kind::bullet_list:
            case Block::Kind::numbered_list:
                out += b.kind == Block::Kind::bullet_list ? "UL" : "OL" + std::to_string(b.start);
                for (const auto& item : b.items) out += " [" + show(item) + "]";
                break;
            case Block::Kind::table:
                out += "T ";
                for (Align a : b.table.align) {
                    out += a == Align::left     ? 'l'
                           : a == Align::center ? 'c'
                           : a == Align::right  ? 'r'
                                                : 'n';
                }
                out += " " + show_row(b.table.header);
                for (const auto& row : b.table.rows) out += " " + show_row(row);
                break;
            case Block::Kind::rule:
                out += "HR";
                break;
        }
    }
    return out;
}

// One case of a cases file: a name, an input and the compact form it must turn into.
struct Case {
    std::string file;  // the cases file it comes from
    std::string name;
    std::string input;
    std::string expected;
};

inline void PrintTo(const Case& c, std::ostream* os) {
    *os << c.name;
}

inline std::string case_name(const ::testing::TestParamInfo<Case>& info) {
    return info.param.name;
}

// Reads one C-quoted string ("...", with \n \r \t \\ \" and \xHH) from the front of `rest`.
inline bool read_quoted(std::string_view& rest, std::string& out) {
    const auto open = rest.find_first_not_of(' ');
    if (open == std::string_view::npos || rest[open] != '"') return false;
    std::size_t i = open + 1;
    const auto hex = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    };
    for (; i < rest.size() && rest[i] != '"'; ++i) {
        if (rest[i] != '\\') {
            out += rest[i];
            continue;
        }
        if (++i >= rest.size()) return false;
        const char e = rest[i];
        if (e == 'x' && i + 2 < rest.size() && hex(rest[i + 1]) >= 0 && hex(rest[i + 2]) >= 0) {
            out += static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2]));
            i += 2;
        } else if (e == 'n' || e == 'r' || e == 't' || e == '\\' || e == '"') {
            out += e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
        } else {
            return false;
        }
    }
    if (i >= rest.size()) return false;
    rest.remove_prefix(i + 1);
    return true;
}

// The lines of cases/<file> that hold a case (blank lines and lines starting with '#' are
// comments), with their numbers. A missing file is one empty line numbered 0, which no reader
// accepts: a broken table fails instead of passing by testing nothing.
inline std::vector<std::pair<int, std::string>> case_lines(const std::string& file) {
    std::ifstream in(std::string(PORTAL_MARKDOWN_CASES) + "/" + file, std::ios::binary);
    if (!in) return {{0, ""}};
    std::vector<std::pair<int, std::string>> lines;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line[0] != '#') lines.emplace_back(number, line);
    }
    return lines;
}

// The cases of cases/<file>, one a line: `name "input" "expected"`. A line that cannot be read
// becomes a failing case named after its number.
inline std::vector<Case> read_cases(const std::string& file) {
    std::vector<Case> cases;
    for (const auto& [number, line] : case_lines(file)) {
        std::string_view rest = line;
        Case c;
        c.file = file;
        c.name = std::string(rest.substr(0, rest.find(' ')));
        rest.remove_prefix(c.name.size());
        if (c.name.empty() || !read_quoted(rest, c.input) || !read_quoted(rest, c.expected) ||
            rest.find_first_not_of(' ') != std::string_view::npos) {
            c = Case{file, "unreadable_line_" + std::to_string(number), line, "<unreadable>"};
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

}  // namespace portal::domain::markdown::testing
