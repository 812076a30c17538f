// Where the fonts' bytes come from, chosen at link time: the page has them compiled in
// (platform/web/compiled_font_files.cpp: it has no file system), the build's font baker reads
// them from its embedded file system (platform/web/font_files_on_disk.cpp).
#pragma once

#include <cstddef>
#include <string_view>

namespace portal::ui {

struct FontFile {
    const unsigned char* data = nullptr;  // valid for the page's lifetime
    std::size_t size = 0;
    bool found() const { return data != nullptr && size > 0; }
};

// The file `name` ("Roboto-Regular.ttf", "first-screen-1x.atlas"), or an empty FontFile when
// this program has none by that name.
FontFile font_file(std::string_view name);

}  // namespace portal::ui
