// The font baker's side of font_files.h: its fonts are in its embedded file system.
#pragma once

#include <string>
#include <string_view>

namespace portal::platform {

// Where the file system keeps the font file `name` (the build embeds them under /fonts).
std::string font_file_path(std::string_view name);

}  // namespace portal::platform
