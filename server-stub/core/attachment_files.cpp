#include "core/attachment_files.h"

#include <algorithm>
#include <memory>
#include <utility>

namespace portal::backend {

bool HeldAttachmentFiles::keep(int64_t id, const Request& request) {
    auto bytes = std::make_shared<std::string>();
    if (request.spooled_body) {
        const SpooledBody& spooled = *request.spooled_body;
        bytes->reserve(static_cast<size_t>(spooled.size));
        constexpr int64_t kPiece = 64 * 1024;
        for (int64_t at = 0; at < spooled.size; at += kPiece) {
            std::string piece = spooled.read(at, std::min(kPiece, spooled.size - at));
            if (piece.empty()) return false;
            bytes->append(piece);
        }
    } else {
        *bytes = request.body;
    }
    std::lock_guard lock(mutex_);
    files_[id] = std::move(bytes);
    return true;
}

std::optional<BodyChunks> HeldAttachmentFiles::open(int64_t id, int64_t size) {
    std::shared_ptr<const std::string> bytes;
    {
        std::lock_guard lock(mutex_);
        auto it = files_.find(id);
        if (it == files_.end()) return std::nullopt;
        bytes = it->second;
    }
    if (static_cast<int64_t>(bytes->size()) != size) return std::nullopt;
    // The reader holds the bytes it reads: a removal meanwhile does not cut the answer short.
    return BodyChunks([bytes](int64_t offset, int64_t length) {
        if (offset < 0 || offset >= static_cast<int64_t>(bytes->size())) return std::string();
        return bytes->substr(static_cast<size_t>(offset), static_cast<size_t>(length));
    });
}

void HeldAttachmentFiles::remove(int64_t id) {
    std::lock_guard lock(mutex_);
    files_.erase(id);
}

std::map<int64_t, std::string> HeldAttachmentFiles::all() const {
    std::lock_guard lock(mutex_);
    std::map<int64_t, std::string> copy;
    for (const auto& [id, bytes] : files_) copy.emplace(id, *bytes);
    return copy;
}

void HeldAttachmentFiles::restore(std::map<int64_t, std::string> files) {
    std::lock_guard lock(mutex_);
    files_.clear();
    for (auto& [id, bytes] : files) {
        files_.emplace(id, std::make_shared<const std::string>(std::move(bytes)));
    }
}

}  // namespace portal::backend
