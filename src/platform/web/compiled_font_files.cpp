#include "platform/web/compiled_files.h"
#include "ui/font_files.h"

namespace portal::ui {

FontFile font_file(std::string_view name) {
    const platform::CompiledFile* file = platform::kFontFiles.find(name);
    if (!file) return {};
    return FontFile{file->data, file->size};
}

}  // namespace portal::ui
