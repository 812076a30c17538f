// Plain text of a manual page's Markdown, for search snippets: a snippet shows what the reader
// sees, not "## " or "**" or link targets.
#pragma once

#include <string>
#include <string_view>

namespace portal::domain {

// Removes heading marks, emphasis (* _ `), list bullets, block quotes, images and link targets
// ("[texto](url)" → "texto"), and folds runs of whitespace and newlines into single spaces.
std::string markdown_to_plain_text(std::string_view markdown);

}  // namespace portal::domain
