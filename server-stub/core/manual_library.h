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
//   ---
// The front matter is read by the one Markdown parser (domain/markdown/markdown.h). Without a
// `title`, the first "# Heading" is the title (its text as shown), else the file name.
// The catalog keeps books and chapters in path order, pages by `order` then path.
#pragma once

#include <string>
#include <vector>

#include "api/dto.h"
#include "domain/manual_index.h"

namespace portal::backend {

struct ManualSource {
    std::string path;  // relative to the manuals folder, '/'-separated: "hosting/acceso.md"
    std::string text;  // the file's Markdown
};

class ManualLibrary {
  public:
    ManualLibrary() = default;
    explicit ManualLibrary(std::vector<ManualSource> sources);

    const domain::ManualIndex& index() const { return index_; }
    const api::ManualCatalog& catalog() const { return catalog_; }

  private:
    domain::ManualIndex index_;
    api::ManualCatalog catalog_;
};

// One source read: the page plus what only the catalog needs.
struct ManualEntry {
    domain::ManualPage page;
    int order = 1000000;
    std::vector<std::string> service_types;
};

// Exposed for tests: one source turned into an entry (without the slug clash rule).
ManualEntry parse_manual_source(const ManualSource& source);

}  // namespace portal::backend
