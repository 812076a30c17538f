// Files compiled into the program as data, by name (written by scripts/compile_files.py): the
// page has no file system to read them from.
#pragma once

#include <cstddef>
#include <string_view>

namespace portal::platform {

struct CompiledFile {
    const char* name;
    const unsigned char* data;
    std::size_t size;

    std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

struct CompiledFiles {
    const CompiledFile* files;
    std::size_t count;

    const CompiledFile* begin() const { return files; }
    const CompiledFile* end() const { return files + count; }
    // The file called `name`, or null.
    const CompiledFile* find(std::string_view name) const {
        for (const CompiledFile& file : *this) {
            if (name == file.name) return &file;
        }
        return nullptr;
    }
};

// The font files and the baked sign-in atlas, in every page (compiled_fonts.cpp).
extern const CompiledFiles kFontFiles;
// The static demo's data, in portal-demo only (demo_files.cpp): "fixtures/<file>" and
// "manuals/<path>.md".
extern const CompiledFiles kDemoFiles;

}  // namespace portal::platform
