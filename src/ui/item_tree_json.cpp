// What the item tree publishes: the JSON window.portal.items() and the mirror read, and the hash
// that tells the mirror whether anything it shows changed.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <utility>

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
    void add(std::string_view s) {
        add(s.size());
        bytes(s.data(), s.size());
    }
    void add(const std::string& s) { add(std::string_view(s)); }
    void add(const char* s) { add(std::string_view(s)); }
};

// Every field items() publishes after "label", in its order, listed once for the JSON and for the
// hash. `kMirrored` fields are what the page's mirror shows, so a change to one must change the
// hash; `kPlace` fields say where the widget is and what cuts it, which the mirror does not show
// (an autofill field's place is hashed apart, below).
constexpr bool kMirrored = true, kPlace = false;

template <class Visit>
void published_fields(const Item& item, Visit&& visit) {
    using std::pair;
    visit(kMirrored, pair{"id", item.id}, pair{"role", widget_role(item.role)},
          pair{"a11y", to_string(item.role)});
    visit(kPlace, pair{"x", item.x}, pair{"y", item.y}, pair{"w", item.w}, pair{"h", item.h},
          pair{"clipped", item.clipped}, pair{"clippedSideways", item.clipped_sideways});
    visit(kMirrored, pair{"enabled", item.enabled}, pair{"checked", item.checked},
          pair{"expanded", item.expanded}, pair{"invalid", item.invalid},
          pair{"multiline", item.multiline});
    visit(kPlace, pair{"focused", item.focused});
    visit(kMirrored, pair{"level", item.level}, pair{"describedBy", item.described_by},
          pair{"table", item.table}, pair{"row", item.row}, pair{"column", item.column});
}

// Writes each field as ,"name":value.
struct JsonFields {
    std::string& out;
    template <class... T>
    void operator()(bool, const std::pair<const char*, T>&... fields) {
        (write(fields.first, fields.second), ...);
    }
    void write(const char* name, const char* text) {
        start(name);
        append_json_string(out, text);
    }
    void write(const char* name, bool value) {
        start(name);
        out += boolean(value);
    }
    void write(const char* name, float value) { number(name, "%.1f", value); }
    void write(const char* name, uint32_t value) { number(name, "%u", value); }
    void write(const char* name, int value) { number(name, "%d", value); }
    void start(const char* name) {
        out += ",\"";
        out += name;
        out += "\":";
    }
    template <class T>
    void number(const char* name, const char* format, T value) {
        char text[32];
        std::snprintf(text, sizeof text, format, value);
        start(name);
        out += text;
    }
};

// Adds the fields' values to the hash: the mirrored ones only, or (`places`) all of them.
struct HashFields {
    Hasher& h;
    bool places = false;
    template <class... T>
    void operator()(bool mirrored, const std::pair<const char*, T>&... fields) {
        if (mirrored || places) (h.add(fields.second), ...);
    }
};

}  // namespace

uint64_t semantic_hash(const std::vector<Item>& items) {
    Hasher h;
    for (const Item& item : items) {
        h.add(item.label);
        published_fields(item, HashFields{h});
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

uint64_t layout_hash(const std::vector<Item>& items) {
    Hasher h;
    for (const Item& item : items) {
        h.add(item.label);
        published_fields(item, HashFields{h, true});
    }
    return h.value;
}

std::string item_tree_json() {
    std::string out = "[";
    for (const Item& item : g_tree.published) {
        if (out.size() > 1) out += ',';
        out += "{\"label\":";
        append_json_string(out, item.label);
        published_fields(item, JsonFields{out});
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
