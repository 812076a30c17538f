// What the item tree publishes: the JSON window.portal.items() and the mirror read, and the hash
// that tells the mirror whether anything it shows changed.
#include <cmath>
#include <cstdio>
#include <cstring>

#include "ui/item_tree.h"
#include "ui/item_tree_state.h"

namespace portal::ui {
namespace {

void append_json_string(std::string& out, const std::string& text) {
    out += '"';
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

// items()'s "role" says what a test clicks or reads: every kind of text is "text" there; the
// finer role a screen reader needs (heading, alert...) is "a11y".
const char* widget_role(ItemRole role) {
    switch (role) {
        case ItemRole::heading:
        case ItemRole::list_item:
        case ItemRole::status:
        case ItemRole::alert:
        case ItemRole::column_header:
            return "text";
        default:
            return to_string(role);
    }
}

const char* boolean(bool value) {
    return value ? "true" : "false";
}

// FNV-1a, 64 bits: cheap, and a collision only delays a mirror update to the next change.
struct Hasher {
    uint64_t value = 14695981039346656037ull;
    void bytes(const void* data, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) value = (value ^ p[i]) * 1099511628211ull;
    }
    template <class T>
    void add(const T& v) {
        bytes(&v, sizeof v);
    }
    void add(const std::string& s) {
        add(s.size());
        bytes(s.data(), s.size());
    }
};

}  // namespace

uint64_t semantic_hash(const std::vector<Item>& items) {
    Hasher h;
    for (const Item& item : items) {
        h.add(item.id);
        h.add(item.label);
        h.add(item.role);
        const unsigned flags = (item.enabled ? 1u : 0u) | (item.checked ? 2u : 0u) |
                               (item.expanded ? 4u : 0u) | (item.invalid ? 8u : 0u) |
                               (item.multiline ? 16u : 0u);
        h.add(flags);
        h.add(item.level);
        h.add(item.described_by);
        h.add(item.table);
        h.add(item.row);
        h.add(item.column);
        h.add(item.autofill);
        if (item.autofill != Autofill::none) {
            // The real field sits over the drawn one: it follows it when it moves.
            h.add(item.value);
            const long rect[4] = {std::lround(item.x), std::lround(item.y), std::lround(item.w),
                                  std::lround(item.h)};
            h.add(rect);
        }
    }
    return h.value;
}

std::string item_tree_json() {
    std::string out = "[";
    char numbers[512];
    for (const Item& item : g_tree.published) {
        if (out.size() > 1) out += ',';
        out += "{\"label\":";
        append_json_string(out, item.label);
        std::snprintf(
            numbers, sizeof numbers,
            ",\"id\":%u,\"role\":\"%s\",\"a11y\":\"%s\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,"
            "\"h\":%.1f,"
            "\"clipped\":%s,\"clippedSideways\":%s,\"enabled\":%s,\"checked\":%s,\"expanded\":%s,"
            "\"invalid\":%s,\"multiline\":%s,\"focused\":%s,\"level\":%d,\"describedBy\":%u,"
            "\"table\":%u,\"row\":%d,\"column\":%d",
            item.id, widget_role(item.role), to_string(item.role), item.x, item.y, item.w, item.h,
            boolean(item.clipped), boolean(item.clipped_sideways), boolean(item.enabled),
            boolean(item.checked), boolean(item.expanded), boolean(item.invalid),
            boolean(item.multiline), boolean(item.focused), item.level, item.described_by,
            item.table, item.row, item.column);
        out += numbers;
        if (item.autofill != Autofill::none) {
            out += ",\"autofill\":\"";
            out += to_string(item.autofill);
            out += "\",\"value\":";
            append_json_string(out, item.value);
        }
        out += '}';
    }
    out += ']';
    return out;
}

}  // namespace portal::ui
