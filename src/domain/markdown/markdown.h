// Markdown for the manual articles: a parser into plain structs, kept apart from the ImGui code
// that draws them (src/ui walks a Document; nothing here knows about ImGui or Emscripten).
//
// Supported subset (what assets/manuals/ uses):
//   front matter   a leading "---" ... "---" block of "key: value" lines
//   blocks         # ## ### headings, paragraphs, "- "/"* " bullet lists, "1. " numbered lists,
//                  pipe tables with alignment, "---" rules; anything else is a paragraph
//   inlines        **bold**, *italic* / _italic_, `code`, [text](url), backslash escapes
//
// Guarantees: all text reaches the model (syntax this parser does not know, and markers that
// never close, stay literal text), UTF-8 passes through untouched, no recursion, and work grows
// linearly with the input even for pathological text such as 100,000 '*' or '['.
//
// Deliberate limits (why: the manuals do not need more, and each one keeps the parser simple):
//   - headings #### to ###### are reported as level 3;
//   - indented list items join the list above them (no nesting); a different list kind starts a
//     new list; a blank line ends a list or paragraph; trailing spaces are not a hard break;
//   - only "---" is a rule ("***" stays text); no setext headings, block quotes, code blocks,
//     HTML, images, link titles, reference links or autolinks (all stay literal text);
//   - a link destination with spaces or longer than kMaxUrlBytes is not a link;
//   - only manual: and http(s):// links are trusted; mailto:, tel: and relative URLs are unsafe;
//   - tables have at most kMaxTableColumns columns; extra body cells are merged into the last one.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace portal::domain::markdown {

inline constexpr std::size_t kMaxUrlBytes = 2048;
inline constexpr std::size_t kMaxTableColumns = 64;

// What a link points to, decided here so the UI never has to parse URLs itself.
enum class LinkKind {
    none,      // not a link
    internal,  // "manual:<slug>": open that manual page inside the portal
    external,  // "http://..." or "https://...": open in a new browser tab
    unsafe,    // anything else (javascript:, data:, relative, empty, ...): never open
};

// A run of text with one style. Adjacent runs with equal style are merged.
struct Span {
    std::string text;
    bool bold = false;
    bool italic = false;
    bool code = false;               // inline code: text is verbatim, no formatting inside
    LinkKind link = LinkKind::none;  // != none when this run is (part of) a link's text
    std::string url;                 // the link destination exactly as written; empty if none

    bool is_link() const { return link != LinkKind::none; }
    bool operator==(const Span&) const = default;
};

enum class Align { none, left, center, right };

struct Table {
    std::vector<Align> align;                          // one per column
    std::vector<std::vector<Span>> header;             // one cell per column
    std::vector<std::vector<std::vector<Span>>> rows;  // every row has align.size() cells
};

struct Block {
    enum class Kind { heading, paragraph, bullet_list, numbered_list, table, rule };
    Kind kind = Kind::paragraph;
    int level = 0;                         // heading: 1..3
    std::vector<Span> spans;               // heading, paragraph
    std::vector<std::vector<Span>> items;  // bullet_list, numbered_list: one entry per item
    int start = 1;                         // numbered_list: number of the first item
    Table table;                           // table
};

struct Document {
    std::map<std::string, std::string> front_matter;
    std::vector<Block> blocks;
    // Where the body starts in the parsed text (after a BOM and the front matter), so a reader of
    // the front matter can hand on the article's Markdown without it.
    std::size_t body_offset = 0;
};

// Parses a whole article. Never throws on malformed input (only std::bad_alloc).
Document parse(std::string_view utf8);

// Parses inline markup of one block's text (already joined into one line).
std::vector<Span> parse_inline(std::string_view text);

// Classifies a link destination; see LinkKind.
LinkKind classify_link(std::string_view url);

// The text a reader sees, without markup or link targets, for search indexing: one line per
// heading, paragraph, list item and table row (cells separated by a space); rules add nothing.
std::string plain_text(const Document& doc);
std::string plain_text(const std::vector<Span>& spans);

// The plain text of every heading, in order (for a table of contents).
std::vector<std::string> outline(const Document& doc);

}  // namespace portal::domain::markdown
