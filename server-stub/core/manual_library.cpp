#include "core/manual_library.h"

#include <algorithm>
#include <set>
#include <string_view>

namespace portal::backend {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        if (slash > start) parts.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

std::string stem(const std::string& file_name) {
    auto dot = file_name.rfind('.');
    return dot == std::string::npos ? file_name : file_name.substr(0, dot);
}

}  // namespace

ManualEntry parse_manual_source(const ManualSource& source) {
    ManualEntry entry;
    domain::ManualPage& page = entry.page;
    std::string_view text = source.text;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM

    // Front matter: "---" line, "key: value" lines, "---" line.
    if (text.substr(0, 4) == "---\n" || text.substr(0, 5) == "---\r\n") {
        size_t pos = text.find('\n') + 1;
        while (pos < text.size()) {
            size_t end = text.find('\n', pos);
            if (end == std::string_view::npos) end = text.size();
            std::string_view line = trim(text.substr(pos, end - pos));
            pos = end + 1;
            if (line == "---") {
                text.remove_prefix(std::min(pos, text.size()));
                break;
            }
            auto colon = line.find(':');
            if (colon == std::string_view::npos) continue;
            std::string_view key = trim(line.substr(0, colon));
            std::string value(trim(line.substr(colon + 1)));
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
                value.back() == value.front()) {
                value = value.substr(1, value.size() - 2);
            }
            if (key == "title") page.title = value;
            if (key == "book") page.book = value;
            if (key == "chapter") page.chapter = value;
            if (key == "slug") page.slug = value;
            if (key == "order") {
                int order = 0;
                bool digits = !value.empty() && value.size() < 9;
                for (char c : value) digits = digits && c >= '0' && c <= '9';
                for (char c : value) order = digits ? order * 10 + (c - '0') : order;
                if (digits) entry.order = order;
            }
            if (key == "service_types") {
                size_t start = 0;
                while (start <= value.size()) {
                    size_t comma = value.find(',', start);
                    if (comma == std::string::npos) comma = value.size();
                    std::string type(trim(std::string_view(value).substr(start, comma - start)));
                    if (!type.empty()) entry.service_types.push_back(type);
                    start = comma + 1;
                }
            }
        }
    }
    page.body_markdown = std::string(text);

    auto parts = split_path(source.path);
    std::string file = parts.empty() ? source.path : parts.back();
    if (page.slug.empty()) page.slug = stem(file);
    if (page.book.empty()) page.book = parts.size() >= 2 ? parts[0] : "Manual";
    if (page.chapter.empty()) page.chapter = parts.size() >= 3 ? parts[1] : "General";
    if (page.title.empty()) {
        size_t pos = 0;
        while (pos < text.size()) {
            size_t end = text.find('\n', pos);
            if (end == std::string_view::npos) end = text.size();
            std::string_view line = trim(text.substr(pos, end - pos));
            if (line.substr(0, 2) == "# ") {
                page.title = std::string(trim(line.substr(2)));
                break;
            }
            pos = end + 1;
        }
    }
    if (page.title.empty()) page.title = stem(file);
    return entry;
}

ManualLibrary::ManualLibrary(std::vector<ManualSource> sources) {
    std::sort(sources.begin(), sources.end(),
              [](const ManualSource& a, const ManualSource& b) { return a.path < b.path; });
    struct Placed {
        ManualEntry entry;
        size_t book;
        size_t chapter;
    };
    std::vector<Placed> placed;
    std::set<std::string> slugs;
    for (const auto& source : sources) {
        ManualEntry entry = parse_manual_source(source);
        if (slugs.count(entry.page.slug)) {
            // Two files with the same name in different folders: prefix the folders.
            std::string prefixed = stem(source.path);
            std::replace(prefixed.begin(), prefixed.end(), '/', '-');
            entry.page.slug = prefixed;
        }
        if (slugs.count(entry.page.slug)) continue;  // still a clash: the first one wins
        slugs.insert(entry.page.slug);

        auto book =
            std::find_if(catalog_.books.begin(), catalog_.books.end(),
                         [&](const api::ManualBook& b) { return b.title == entry.page.book; });
        if (book == catalog_.books.end()) {
            catalog_.books.push_back({entry.page.book, {}});
            book = catalog_.books.end() - 1;
        }
        auto chapter = std::find_if(
            book->chapters.begin(), book->chapters.end(),
            [&](const api::ManualChapter& c) { return c.title == entry.page.chapter; });
        if (chapter == book->chapters.end()) {
            book->chapters.push_back({entry.page.chapter, {}});
            chapter = book->chapters.end() - 1;
        }
        placed.push_back({std::move(entry), static_cast<size_t>(book - catalog_.books.begin()),
                          static_cast<size_t>(chapter - book->chapters.begin())});
    }
    // Pages by `order` inside their chapter; equal orders keep path order (stable sort).
    std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
        return a.entry.order < b.entry.order;
    });
    for (auto& p : placed) {
        catalog_.books[p.book].chapters[p.chapter].pages.push_back(
            {p.entry.page.slug, p.entry.page.title, p.entry.service_types});
        index_.add(std::move(p.entry.page));
    }
}

}  // namespace portal::backend
