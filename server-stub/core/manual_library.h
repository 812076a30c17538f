// The client manuals served by GET /manuals: Markdown pages handed in as data (the stub reads
// assets/manuals/**.md, the page embeds them), so the core does no file I/O.
//
// A page's metadata comes from an optional front matter block, else from its path:
//   ---
//   title: Cómo accedo a mi hosting
//   book: Hosting            (default: first folder of the path, or "Manual")
//   chapter: Primeros pasos  (default: second folder, or "General")
//   slug: acceso-hosting     (default: the file name without .md; "folder-name" on a clash)
//   order: 20                (sorts pages inside their chapter; default: after the numbered)
//   service_types: hosting   (comma-separated: this page is THE manual of those service types)
//   lang: en                 (the article's language, "es" or "en"; default: es)
//   ---
// The front matter is read by the one Markdown parser (domain/markdown/markdown.h). Without a
// `title`, the first "# Heading" is the title (its text as shown), else the file name.
// The catalog keeps books and chapters in path order, pages by `order` then path.
//
// Each language has its own catalog and search index: an English article is the Spanish one of
// the same slug written in English (assets/manuals/README.md), and a search in one language
// finds only that language's articles. Slug clashes are settled inside one language.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "api/dto.h"
#include "domain/manual_index.h"

namespace portal::backend {

struct ManualSource {
    std::string path;  // relative to the manuals folder, '/'-separated: "hosting/acceso.md"
    std::string text;  // the file's Markdown
};

// Whether a file of the manuals folder is an article: a Markdown file other than the folder's
// README (notes for authors). `path` is '/'-separated.
bool is_manual_page_file(std::string_view path);

class ManualLibrary {
  public:
    ManualLibrary() = default;
    explicit ManualLibrary(std::vector<ManualSource> sources);

    // The articles of one language ("es", "en"); none for a language without articles.
    const domain::ManualIndex& index(std::string_view language = "es") const;
    const api::ManualCatalog& catalog(std::string_view language = "es") const;
    // The languages that have articles, in alphabetical order.
    std::vector<std::string> languages() const;

  private:
    struct Shelf {
        domain::ManualIndex index;
        api::ManualCatalog catalog;
    };
    const Shelf& shelf(std::string_view language) const;
    std::map<std::string, Shelf, std::less<>> shelves_;
};

// One source read: the page plus what only the catalog needs.
struct ManualEntry {
    domain::ManualPage page;
    int order = 1000000;
    std::vector<std::string> service_types;
    std::string language = "es";
};

// Exposed for tests: one source turned into an entry (without the slug clash rule).
ManualEntry parse_manual_source(const ManualSource& source);

}  // namespace portal::backend
