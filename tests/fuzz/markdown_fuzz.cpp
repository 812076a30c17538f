// Fuzz target: the Markdown parser of the manual articles (src/domain/markdown), on any bytes.
//
// Invariants: no crash, leak, undefined behaviour or timeout (libFuzzer -timeout; the parser
// promises linear work); headings are levels 1..3; every table row has one cell per column; a
// span marked as a link has its kind decided by classify_link(url); plain_text and outline run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/markdown/markdown.h"
#include "fuzz_support.h"

namespace md = portal::domain::markdown;

namespace {

void check_spans(const std::vector<md::Span>& spans) {
    for (const auto& span : spans) {
        if (span.is_link() && md::classify_link(span.url) != span.link) {
            portal::fuzz::fail("a link kind differs from classify_link(" + span.url + ")");
        }
        if (!span.is_link() && !span.url.empty()) portal::fuzz::fail("a url on a plain span");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    md::Document doc = md::parse(text);
    for (const auto& block : doc.blocks) {
        check_spans(block.spans);
        for (const auto& item : block.items) check_spans(item);
        if (block.kind == md::Block::Kind::heading && (block.level < 1 || block.level > 3)) {
            portal::fuzz::fail("heading level " + std::to_string(block.level));
        }
        if (block.kind == md::Block::Kind::table) {
            const auto columns = block.table.align.size();
            if (columns == 0 || columns > md::kMaxTableColumns) portal::fuzz::fail("table columns");
            if (block.table.header.size() != columns) portal::fuzz::fail("header cells != columns");
            for (const auto& row : block.table.rows) {
                if (row.size() != columns) portal::fuzz::fail("row cells != columns");
                for (const auto& cell : row) check_spans(cell);
            }
        }
    }
    (void)md::plain_text(doc);
    (void)md::outline(doc);
    check_spans(md::parse_inline(text));
    (void)md::classify_link(text);
    return 0;
}
