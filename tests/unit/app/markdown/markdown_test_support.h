// Compact text forms of the model so table-driven tests read like the Markdown they check.
//   span:  plain text as is; styled text as <flags>text</> where flags are b (bold), i (italic),
//          c (code) and @K:url for a link of kind K (I internal, E external, U unsafe)
//   block: one line each: "H2 ...", "P ...", "UL [item] [item]", "OL3 [item]", "HR",
//          "T lcrn {header | cells} {row | cells}" (one alignment letter per column)
#pragma once

#include <string>

#include "app/markdown/markdown.h"

namespace portal::app::markdown::testing {

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

}  // namespace portal::app::markdown::testing
