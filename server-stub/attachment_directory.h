// Ticket attachments on disk, in a folder beside portal-stub's database: each file's bytes are
// the file named by its attachment's id. A body that sends a file is written, as it arrives, to
// `incoming/` inside that folder (FileSpool: at most a 64 KiB buffer in memory) and renamed into
// place when the backend keeps it (same file system: no copy); a spool the backend does not keep
// (a refusal, a retried Idempotency-Key) is deleted when its request is done, and whatever a
// crash left in `incoming/` is deleted at start.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/attachment_files.h"
#include "request_reader.h"

namespace portal::stub {

class AttachmentDirectory final : public backend::AttachmentFiles {
  public:
    // Creates the folder and its `incoming/` when missing; throws std::runtime_error when it
    // cannot.
    explicit AttachmentDirectory(std::string folder);

    bool keep(int64_t id, const backend::Request& request) override;
    std::optional<backend::BodyChunks> open(int64_t id, int64_t size) override;
    void remove(int64_t id) override;

    // A new spool in `incoming/`, for RequestReader (ReadLimits::open_spool); nullptr when no
    // file can be made there.
    std::unique_ptr<BodySpool> open_spool() const;

    // "<database>.attachments": where a database's attachments live.
    static std::string beside(const std::string& database);

  private:
    std::string path_of(int64_t id) const;
    std::string folder_;
    std::string incoming_;
};

}  // namespace portal::stub
