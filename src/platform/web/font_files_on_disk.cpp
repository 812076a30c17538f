#include "platform/web/font_files_on_disk.h"

#include <cstdio>
#include <map>
#include <vector>

#include "ui/font_files.h"

namespace portal::platform {

std::string font_file_path(std::string_view name) {
    return "/fonts/" + std::string(name);
}

}  // namespace portal::platform

namespace portal::ui {

// A file read once stays in memory, as compiled-in files do. A missing file is not remembered:
// the baker writes the atlas and then loads it back.
FontFile font_file(std::string_view name) {
    static std::map<std::string, std::vector<unsigned char>, std::less<>> read;
    if (auto kept = read.find(name); kept != read.end())
        return FontFile{kept->second.data(), kept->second.size()};
    std::FILE* file = std::fopen(platform::font_file_path(name).c_str(), "rb");
    if (!file) return {};
    std::vector<unsigned char> bytes;
    unsigned char chunk[16384];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;)
        bytes.insert(bytes.end(), chunk, chunk + n);
    std::fclose(file);
    if (bytes.empty()) return {};
    const auto& kept = read.emplace(std::string(name), std::move(bytes)).first->second;
    return FontFile{kept.data(), kept.size()};
}

}  // namespace portal::ui
