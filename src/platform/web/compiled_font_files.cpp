#include "platform/web/compiled_files.h"
#include "ui/font_files.h"

namespace portal::ui {

FontFile font_file(std::string_view name) {
    for (std::size_t i = 0; i < platform::kCompiledFileCount; ++i) {
        const platform::CompiledFile& file = platform::kCompiledFiles[i];
        if (name == file.name) return FontFile{file.data, file.size};
    }
    return {};
}

}  // namespace portal::ui
