#include "attachment_directory.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "core/sha256.h"

namespace portal::stub {

namespace fs = std::filesystem;

namespace {

constexpr size_t kBufferBytes = 64 * 1024;

// An open file descriptor, closed with its last owner.
struct Descriptor {
    int fd = -1;
    explicit Descriptor(int value) : fd(value) {}
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
};

std::string read_at(int fd, int64_t offset, int64_t length) {
    std::string bytes(static_cast<size_t>(std::max<int64_t>(0, length)), '\0');
    size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::pread(fd, bytes.data() + got, bytes.size() - got,
                                  static_cast<off_t>(offset + static_cast<int64_t>(got)));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// A spooled body: the file in `incoming/`, deleted with the request unless it was renamed away.
class SpooledFile final : public backend::SpooledBody {
  public:
    SpooledFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
    ~SpooledFile() override { ::unlink(path_.c_str()); }
    std::string read(int64_t offset, int64_t length) const override {
        return read_at(fd_.fd, offset, length);
    }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
    Descriptor fd_;
};

class FileSpool final : public BodySpool {
  public:
    FileSpool(std::string path, int fd) : path_(std::move(path)), fd_(fd) {
        buffer_.reserve(kBufferBytes);
    }
    ~FileSpool() override {
        if (fd_ >= 0) {  // never finished: the body was cut short or refused
            ::close(fd_);
            ::unlink(path_.c_str());
        }
    }
    bool write(std::string_view bytes) override {
        sha_.update(bytes);
        size_ += static_cast<int64_t>(bytes.size());
        if (buffer_.size() + bytes.size() > kBufferBytes) {
            if (!write_all(fd_, buffer_)) return false;
            buffer_.clear();
        }
        if (bytes.size() >= kBufferBytes) return write_all(fd_, bytes);
        buffer_.append(bytes);
        return true;
    }
    std::shared_ptr<const backend::SpooledBody> finish() override {
        const bool written = write_all(fd_, buffer_);
        buffer_.clear();
        auto body = std::make_shared<SpooledFile>(path_, fd_);  // owns fd_ and the file now
        fd_ = -1;
        if (!written) return nullptr;
        body->size = size_;
        const auto digest = sha_.finish();
        body->sha256_hex = backend::to_hex(digest.data(), digest.size());
        return body;
    }

  private:
    std::string path_;
    int fd_ = -1;
    std::string buffer_;
    backend::Sha256 sha_;
    int64_t size_ = 0;
};

}  // namespace

AttachmentDirectory::AttachmentDirectory(std::string folder)
    : folder_(std::move(folder)), incoming_(folder_ + "/incoming") {
    std::error_code ec;
    fs::create_directories(incoming_, ec);
    if (ec) throw std::runtime_error("cannot create " + incoming_ + ": " + ec.message());
    // What a stop left half-received.
    for (const auto& entry : fs::directory_iterator(incoming_, ec)) fs::remove(entry.path(), ec);
}

std::string AttachmentDirectory::beside(const std::string& database) {
    return database + ".attachments";
}

std::string AttachmentDirectory::path_of(int64_t id) const {
    return folder_ + "/" + std::to_string(id);
}

std::unique_ptr<BodySpool> AttachmentDirectory::open_spool() const {
    static std::atomic<uint64_t> counter{0};
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::string path = incoming_ + "/" + std::to_string(::getpid()) + "-" +
                                 std::to_string(now) + "-" + std::to_string(counter++);
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) return std::make_unique<FileSpool>(path, fd);
        if (errno != EEXIST) return nullptr;
    }
    return nullptr;
}

bool AttachmentDirectory::keep(int64_t id, const backend::Request& request) {
    const std::string target = path_of(id);
    if (const auto* spooled = dynamic_cast<const SpooledFile*>(request.spooled_body.get())) {
        // Its bytes are already on this disk: moved, not copied. The spool's own deletion then
        // finds nothing at its old name.
        return ::rename(spooled->path().c_str(), target.c_str()) == 0;
    }
    // A body held in memory (or another kind of spool): written beside, then renamed, so a
    // reader never sees half a file.
    const std::string partial = target + ".partial";
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool written = true;
    if (request.spooled_body) {
        constexpr int64_t kPiece = 64 * 1024;
        const auto& body = *request.spooled_body;
        for (int64_t at = 0; written && at < body.size; at += kPiece) {
            const std::string piece = body.read(at, std::min(kPiece, body.size - at));
            written = !piece.empty() && write_all(fd, piece);
        }
    } else {
        written = write_all(fd, request.body);
    }
    written = ::close(fd) == 0 && written;
    if (!written || ::rename(partial.c_str(), target.c_str()) != 0) {
        ::unlink(partial.c_str());
        return false;
    }
    return true;
}

std::optional<backend::BodyChunks> AttachmentDirectory::open(int64_t id, int64_t size) {
    const int fd = ::open(path_of(id).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    auto file = std::make_shared<Descriptor>(fd);
    struct stat info {};
    if (::fstat(fd, &info) != 0 || info.st_size != size) return std::nullopt;
    // The answer reads its pieces from this descriptor: a removal meanwhile does not cut it short.
    return backend::BodyChunks(
        [file](int64_t offset, int64_t length) { return read_at(file->fd, offset, length); });
}

void AttachmentDirectory::remove(int64_t id) {
    ::unlink(path_of(id).c_str());
}

}  // namespace portal::stub
