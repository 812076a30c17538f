#include "core/manual_library.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include "domain/markdown/markdown.h"
#include "domain/trim.h"

namespace portal::backend {

namespace {

namespace markdown = domain::markdown;

// The non-empty pieces between separators, trimmed: split(" a,, b ", ',') == {"a", "b"}.
std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> pieces;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view piece = domain::trim(text.substr(start, end - start));
        if (!piece.empty()) pieces.emplace_back(piece);
        start = end + 1;
    }
    return pieces;
}

std::string stem(const std::string& file_name) {
    auto dot = file_name.rfind('.');
    return dot == std::string::npos ? file_name : file_name.substr(0, dot);
}

// "order: 20": a small non-negative integer, else no order.
std::optional<int> parse_order(std::string_view value) {
    if (value.empty() || value.size() >= 9) return std::nullopt;
    int order = 0;
    for (const char c : value) {
        if (c < '0' || c > '9') return std::nullopt;
        order = order * 10 + (c - '0');
    }
    return order;
}

// The article's first "# Heading" as the reader sees it.
std::string first_title(const markdown::Document& document) {
    for (const markdown::Block& block : document.blocks) {
        if (block.kind == markdown::Block::Kind::heading && block.level == 1) {
            return markdown::plain_text(block.spans);
        }
    }
    return {};
}

}  // namespace

ManualEntry parse_manual_source(const ManualSource& source) {
    ManualEntry entry;
    domain::ManualPage& page = entry.page;
    const markdown::Document document = markdown::parse(source.text);
    const auto field = [&](const char* key) {
        const auto found = document.front_matter.find(key);
        return found == document.front_matter.end() ? std::string() : found->second;
    };
    page.title = field("title");
    page.book = field("book");
    page.chapter = field("chapter");
    page.slug = field("slug");
    entry.order = parse_order(field("order")).value_or(entry.order);
    entry.service_types = split(field("service_types"), ',');
    if (const std::string lang = field("lang"); !lang.empty()) entry.language = lang;
    page.body_markdown = source.text.substr(document.body_offset);

    const std::vector<std::string> parts = split(source.path, '/');
    const std::string file = parts.empty() ? source.path : parts.back();
    if (page.slug.empty()) page.slug = stem(file);
    if (page.book.empty()) page.book = parts.size() >= 2 ? parts[0] : "Manual";
    if (page.chapter.empty()) page.chapter = parts.size() >= 3 ? parts[1] : "General";
    if (page.title.empty()) page.title = first_title(document);
    if (page.title.empty()) page.title = stem(file);
    return entry;
}

bool is_manual_page_file(std::string_view path) {
    const std::string_view name = path.substr(path.rfind('/') + 1);
    return name.ends_with(".md") && name != "README.md";
}

ManualLibrary::ManualLibrary(std::vector<ManualSource> sources) {
    std::sort(sources.begin(), sources.end(),
              [](const ManualSource& a, const ManualSource& b) { return a.path < b.path; });
    struct Placed {
        ManualEntry entry;
        size_t book;
        size_t chapter;
    };
    std::map<std::string, std::vector<Placed>> placed_by_language;
    std::map<std::string, std::set<std::string>> slugs_by_language;
    for (const auto& source : sources) {
        ManualEntry entry = parse_manual_source(source);
        std::vector<Placed>& placed = placed_by_language[entry.language];
        std::set<std::string>& slugs = slugs_by_language[entry.language];
        api::ManualCatalog& catalog = shelves_[entry.language].catalog;
        if (slugs.count(entry.page.slug)) {
            // Two files with the same name in different folders: prefix the folders.
            std::string prefixed = stem(source.path);
            std::replace(prefixed.begin(), prefixed.end(), '/', '-');
            entry.page.slug = prefixed;
        }
        if (slugs.count(entry.page.slug)) continue;  // still a clash: the first one wins
        slugs.insert(entry.page.slug);

        auto book =
            std::find_if(catalog.books.begin(), catalog.books.end(),
                         [&](const api::ManualBook& b) { return b.title == entry.page.book; });
        if (book == catalog.books.end()) {
            catalog.books.push_back({entry.page.book, {}});
            book = catalog.books.end() - 1;
        }
        auto chapter = std::find_if(
            book->chapters.begin(), book->chapters.end(),
            [&](const api::ManualChapter& c) { return c.title == entry.page.chapter; });
        if (chapter == book->chapters.end()) {
            book->chapters.push_back({entry.page.chapter, {}});
            chapter = book->chapters.end() - 1;
        }
        placed.push_back({std::move(entry), static_cast<size_t>(book - catalog.books.begin()),
                          static_cast<size_t>(chapter - book->chapters.begin())});
    }
    for (auto& [language, placed] : placed_by_language) {
        Shelf& books = shelves_[language];
        // Pages by `order` inside their chapter; equal orders keep path order (stable sort).
        std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
            return a.entry.order < b.entry.order;
        });
        for (auto& p : placed) {
            books.catalog.books[p.book].chapters[p.chapter].pages.push_back(
                {p.entry.page.slug, p.entry.page.title, p.entry.service_types});
            books.index.add(std::move(p.entry.page));
        }
    }
}

const ManualLibrary::Shelf& ManualLibrary::shelf(std::string_view language) const {
    static const Shelf kEmpty;
    const auto found = shelves_.find(language);
    return found == shelves_.end() ? kEmpty : found->second;
}

const domain::ManualIndex& ManualLibrary::index(std::string_view language) const {
    return shelf(language).index;
}

const api::ManualCatalog& ManualLibrary::catalog(std::string_view language) const {
    return shelf(language).catalog;
}

std::vector<std::string> ManualLibrary::languages() const {
    std::vector<std::string> found;
    for (const auto& [language, books] : shelves_) found.push_back(language);
    return found;
}

}  // namespace portal::backend
