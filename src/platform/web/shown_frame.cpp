#include "platform/web/shown_frame.h"

#include <cstring>

#include "imgui.h"

namespace portal::platform {
namespace {

// Folds bytes into a running hash, eight at a time (a few hundred kB a frame): each word is
// mixed in with a multiply and a shift, so a change anywhere changes the result.
class Fingerprint {
  public:
    void add(const void* data, size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        size_t at = 0;
        for (; at + 8 <= size; at += 8) {
            uint64_t word = 0;
            std::memcpy(&word, bytes + at, 8);
            mix(word);
        }
        uint64_t tail = 0;
        if (at < size) std::memcpy(&tail, bytes + at, size - at);
        mix(tail);
        mix(size);  // runs of other lengths differ even where their bytes agree
    }
    uint64_t value() const { return hash_; }

  private:
    void mix(uint64_t word) {
        hash_ = (hash_ ^ word) * 0x9E3779B97F4A7C15ull;
        hash_ ^= hash_ >> 29;
    }
    uint64_t hash_ = 0xCBF29CE484222325ull;
};

}  // namespace

bool ShownFrame::same_as(const ImDrawData& frame, const ImVec4& background) {
    // Everything of a frame that reaches the screen. Commands are read field by field: their
    // struct's padding is not part of what is drawn.
    Fingerprint print;
    print.add(&background, sizeof background);
    print.add(&frame.DisplayPos, sizeof frame.DisplayPos);
    print.add(&frame.DisplaySize, sizeof frame.DisplaySize);
    print.add(&frame.FramebufferScale, sizeof frame.FramebufferScale);
    for (int n = 0; n < frame.CmdListsCount; ++n) {
        const ImDrawList& list = *frame.CmdLists[n];
        for (const ImDrawCmd& command : list.CmdBuffer) {
            print.add(&command.ClipRect, sizeof command.ClipRect);
            print.add(&command.TextureId, sizeof command.TextureId);
            print.add(&command.IdxOffset, sizeof command.IdxOffset);
            print.add(&command.ElemCount, sizeof command.ElemCount);
            print.add(&command.UserCallback, sizeof command.UserCallback);
        }
        print.add(list.VtxBuffer.Data, static_cast<size_t>(list.VtxBuffer.size_in_bytes()));
        print.add(list.IdxBuffer.Data, static_cast<size_t>(list.IdxBuffer.size_in_bytes()));
    }
    const bool same = known_ && print.value() == fingerprint_;
    fingerprint_ = print.value();
    known_ = true;
    return same;
}

}  // namespace portal::platform
