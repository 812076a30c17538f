// Where the bytes of files attached to tickets are kept, under their attachment's id; the rows
// that say what they are live in the Store. A port like the payment gateway: portal-stub keeps
// them as files in a folder beside its database (attachment_directory.h), the page and the
// in-memory store hold them in memory (HeldAttachmentFiles, saved with the memory store).
//
// The bytes are written before the row that names them is committed, and a failed commit
// removes them again; a crash between the two leaves bytes no row names, never a row without
// its bytes.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/http.h"

namespace portal::backend {

class AttachmentFiles {
  public:
    virtual ~AttachmentFiles() = default;
    // Keeps the request's body (its spooled file, or `body`) as attachment `id`'s bytes; false
    // when they could not be kept (a full disk).
    virtual bool keep(int64_t id, const Request& request) = 0;
    // A reader of the `size` bytes of attachment `id`; nullopt when they are missing.
    virtual std::optional<BodyChunks> open(int64_t id, int64_t size) = 0;
    virtual void remove(int64_t id) = 0;
};

// The bytes in memory, for the page's demo (saved with its store) and the in-memory stores.
class HeldAttachmentFiles final : public AttachmentFiles {
  public:
    bool keep(int64_t id, const Request& request) override;
    std::optional<BodyChunks> open(int64_t id, int64_t size) override;
    void remove(int64_t id) override;

    // Every file's bytes by id, and putting them back (the memory store's JSON).
    std::map<int64_t, std::string> all() const;
    void restore(std::map<int64_t, std::string> files);

  private:
    mutable std::mutex mutex_;
    std::map<int64_t, std::shared_ptr<const std::string>> files_;
};

}  // namespace portal::backend
