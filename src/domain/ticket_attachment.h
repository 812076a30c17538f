// Files a client attaches to a support ticket: which kinds are taken and how a file's kind is
// known. The kind is read from the bytes themselves (their signature, or for text their being
// UTF-8), never from the name or the Content-Type the browser guessed: a file is downloaded later
// by the staff and by the client, and it must be what it says it is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/enum_names.h"

namespace portal::domain {

// The kinds taken: images (PNG, JPEG, GIF, WebP), PDF and plain UTF-8 text.
PORTAL_NAMED_ENUM(AttachmentType, png, jpeg, gif, webp, pdf, text);

// The media type a file of that kind is answered with ("image/png", "text/plain").
std::string_view media_type(AttachmentType type);
// What a browser's file picker is asked to offer (an <input type=file>'s `accept`): the media
// types of the kinds taken, comma-separated. A hint only: the bytes decide.
std::string attachment_accept();

// The largest file a client may attach: what portal-stub takes (it spools the file to disk as it
// arrives), and what the static-host demo takes (its files are kept in the browser's storage, with
// everything else the visitor did). The backend's limits start from these, and the page checks a
// file against its own backend's before sending it.
inline constexpr int64_t kAttachmentMaxBytes = 5 * 1024 * 1024;
inline constexpr int64_t kDemoAttachmentMaxBytes = 256 * 1024;
// How many files one ticket holds.
inline constexpr size_t kAttachmentsPerTicket = 10;
// The same, with its parameters as a Content-Type header carries them (text is UTF-8).
std::string content_type(AttachmentType type);

// A file name as the client's computer named it: 1 to kAttachmentNameChars characters of valid
// UTF-8, no path separators (/ \), no control characters, no bidirectional overrides or isolates
// (which show a name in another order than it is: "invoice<U+202E>fdp.exe"), not "." or "..".
inline constexpr size_t kAttachmentNameChars = 120;
// What is wrong with `name`, or nullopt when it is acceptable.
std::optional<std::string> attachment_name_problem(std::string_view name);

// Reads a file's bytes, piece by piece as they arrive, and says which kind it is. A signature
// decides from the first bytes; anything without one is text only when every byte of it is UTF-8
// without control characters other than tab, line feed, form feed and carriage return.
class AttachmentSniffer {
  public:
    void feed(std::string_view bytes);
    // The kind of the bytes fed so far, taken as the whole file; nullopt when it is none of the
    // kinds taken (and for an empty file).
    std::optional<AttachmentType> result() const;

  private:
    std::string head_;  // the first bytes, as many as the longest signature needs
    uint64_t size_ = 0;
    // UTF-8 reading state across pieces: continuation bytes still expected, the bounds of the next
    // one (they narrow after some lead bytes: no overlong forms, surrogates or past U+10FFFF).
    int pending_ = 0;
    uint8_t next_low_ = 0x80, next_high_ = 0xBF;
    bool text_ = true;
};

}  // namespace portal::domain
