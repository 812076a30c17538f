// Inline parsing: emphasis, code spans, links and escapes inside one block's text.
//
// The shape follows CommonMark's reference algorithm (a delimiter stack for * and _, a bracket
// stack for links) because it is the known way to get nesting right in linear time:
//   1. one left-to-right scan turns the text into nodes (text, code, delimiter run, link
//   start/end);
//   2. "process_emphasis" pairs delimiter runs, bounded by the openers_bottom table so a failed
//      search never rescans the same openers (this is what keeps 100,000 '*' linear);
//   3. the nodes are flattened into styled Spans with depth counters, so no recursion anywhere.
// Simplifications: no images, autolinks, link titles, reference links or HTML.

#include <algorithm>
#include <array>
#include <unordered_map>

#include "domain/markdown/markdown.h"

namespace portal::domain::markdown {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ASCII punctuation only: bytes of multi-byte UTF-8 letters (á, ñ, ¿) count as letters, which is
// what Spanish text needs for the flanking rules below.
bool is_punct(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 33 && u <= 47) || (u >= 58 && u <= 64) || (u >= 91 && u <= 96) ||
           (u >= 123 && u <= 126);
}

struct Node {
    enum class Kind { text, code, delim, link_open, link_close };
    Kind kind = Kind::text;
    std::string text;  // text, code: content; delim: the run's character; link_open: the url
    int count = 0;     // delim: characters still literal after pairing
    // delim: emphasis that starts after / ends before this run. Counts rather than lists because
    // all events at one position apply together, and a list could grow quadratically.
    int strong_open = 0, em_open = 0, strong_close = 0, em_close = 0;
};

struct Delim {
    int node = 0;
    char c = 0;
    int orig = 0;  // run length as written (needed by the "multiple of 3" rule)
    bool can_open = false, can_close = false;
    int prev = -1, next = -1;  // doubly linked list of delimiters still on the stack
};

struct Bracket {
    int node = 0;
    int delim_bottom = -1;  // last delimiter before this '[': emphasis inside a link stops here
};

class InlineParser {
  public:
    explicit InlineParser(std::string_view s) : s_(s) {}

    std::vector<Span> run() {
        std::size_t i = 0;
        while (i < s_.size()) {
            const char c = s_[i];
            if (c == '\\') {
                i = backslash(i);
            } else if (c == '`') {
                i = code_span(i);
            } else if (c == '*' || c == '_') {
                i = delimiter_run(i);
            } else if (c == '[') {
                flush();
                brackets_.push_back(Bracket{push_node(Node::Kind::text, "["), delim_top_});
                ++i;
            } else if (c == ']') {
                i = close_bracket(i);
            } else {
                // Copy the longest stretch of ordinary bytes at once.
                const std::size_t j = s_.find_first_of("\\`*_[]", i);
                const std::size_t end = j == std::string_view::npos ? s_.size() : j;
                pending_.append(s_.substr(i, end - i));
                i = end;
            }
        }
        flush();
        process_emphasis(-1);
        return flatten();
    }

  private:
    std::size_t backslash(std::size_t i) {
        if (i + 1 < s_.size() && is_punct(s_[i + 1])) {
            pending_ += s_[i + 1];
            return i + 2;
        }
        pending_ += '\\';
        return i + 1;
    }

    std::size_t run_length(std::size_t i, char c) const {
        std::size_t j = i;
        while (j < s_.size() && s_[j] == c) ++j;
        return j - i;
    }

    // Closing runs are found through an index of every backtick run by length, built once, so an
    // unmatched opener costs a lookup instead of a scan to the end of the text.
    std::size_t code_span(std::size_t i) {
        const std::size_t n = run_length(i, '`');
        if (!backtick_index_built_) build_backtick_index();
        const auto it = backtick_runs_.find(n);
        if (it != backtick_runs_.end()) {
            const auto& starts = it->second;
            const auto close = std::lower_bound(starts.begin(), starts.end(), i + n);
            if (close != starts.end()) {
                std::string_view content = s_.substr(i + n, *close - (i + n));
                // CommonMark: one space on each side is padding (so `` `a` `` can show backticks).
                if (content.size() >= 2 && content.front() == ' ' && content.back() == ' ' &&
                    content.find_first_not_of(' ') != std::string_view::npos) {
                    content = content.substr(1, content.size() - 2);
                }
                flush();
                push_node(Node::Kind::code, std::string(content));
                return *close + n;
            }
        }
        pending_.append(n, '`');
        return i + n;
    }

    void build_backtick_index() {
        backtick_index_built_ = true;
        std::size_t i = 0;
        while ((i = s_.find('`', i)) != std::string_view::npos) {
            const std::size_t n = run_length(i, '`');
            backtick_runs_[n].push_back(i);
            i += n;
        }
    }

    std::size_t delimiter_run(std::size_t i) {
        const char c = s_[i];
        const std::size_t n = run_length(i, c);
        const char before = i == 0 ? ' ' : s_[i - 1];
        const char after = i + n < s_.size() ? s_[i + n] : ' ';
        const bool left =
            !is_space(after) && (!is_punct(after) || is_space(before) || is_punct(before));
        const bool right =
            !is_space(before) && (!is_punct(before) || is_space(after) || is_punct(after));
        Delim d;
        d.c = c;
        d.orig = static_cast<int>(std::min<std::size_t>(n, 1'000'000'000));
        if (c == '*') {
            d.can_open = left;
            d.can_close = right;
        } else {
            // '_' inside a word (snake_case, file_name.txt) is never emphasis.
            d.can_open = left && (!right || is_punct(before));
            d.can_close = right && (!left || is_punct(after));
        }
        flush();
        d.node = push_node(Node::Kind::delim, std::string(1, c));
        nodes_[d.node].count = d.orig;
        d.prev = delim_top_;
        delims_.push_back(d);
        const int idx = static_cast<int>(delims_.size()) - 1;
        if (delim_top_ != -1) delims_[delim_top_].next = idx;
        delim_top_ = idx;
        return i + n;
    }

    std::size_t close_bracket(std::size_t i) {
        if (brackets_.empty()) {
            pending_ += ']';
            return i + 1;
        }
        const Bracket opener = brackets_.back();
        const bool active = brackets_.size() - 1 >= inactive_below_;
        brackets_.pop_back();
        inactive_below_ = std::min(inactive_below_, brackets_.size());
        std::string url;
        std::size_t after = 0;
        if (!active || !destination(i + 1, url, after)) {
            pending_ += ']';
            return i + 1;
        }
        flush();
        Node& open = nodes_[opener.node];
        open.kind = Node::Kind::link_open;
        open.text = std::move(url);
        push_node(Node::Kind::link_close, "");
        process_emphasis(opener.delim_bottom);
        // Links cannot contain links: every '[' still open is now plain text.
        inactive_below_ = brackets_.size();
        return after;
    }

    // Parses "(url)" at i. The url is kept as written (escapes included) for the UI to classify;
    // whitespace inside or more than kMaxUrlBytes means "not a link", which also bounds the work
    // done per ']' and so keeps "[](" repeated many times linear.
    bool destination(std::size_t i, std::string& url, std::size_t& after) const {
        if (i >= s_.size() || s_[i] != '(') return false;
        std::size_t j = i + 1;
        while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) ++j;
        const std::size_t start = j;
        int depth = 0;
        while (j < s_.size() && j - start <= kMaxUrlBytes) {
            const char c = s_[j];
            if (c == '\\' && j + 1 < s_.size()) {
                j += 2;
                continue;
            }
            if (is_space(c) || static_cast<unsigned char>(c) < 0x20) break;
            if (c == '(') ++depth;
            if (c == ')') {
                if (depth == 0) break;
                --depth;
            }
            ++j;
        }
        if (j - start > kMaxUrlBytes) return false;
        const std::size_t end = j;
        while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) ++j;
        if (j >= s_.size() || s_[j] != ')') return false;
        std::string_view dest = s_.substr(start, end - start);
        if (dest.size() >= 2 && dest.front() == '<' && dest.back() == '>') {
            dest = dest.substr(1, dest.size() - 2);
        }
        url.assign(dest);
        after = j + 1;
        return true;
    }

    void remove_delim(int d) {
        Delim& x = delims_[d];
        if (x.prev != -1) delims_[x.prev].next = x.next;
        if (x.next != -1) delims_[x.next].prev = x.prev;
        if (delim_top_ == d) delim_top_ = x.prev;
    }

    // Pairs the delimiter runs above stack_bottom (CommonMark 0.30, "process emphasis").
    void process_emphasis(int stack_bottom) {
        int cur = delim_top_;
        if (cur == -1 || cur <= stack_bottom) return;
        while (delims_[cur].prev != -1 && delims_[cur].prev > stack_bottom) cur = delims_[cur].prev;

        // Lowest opener worth looking at, per closer kind; indices grow with text position.
        std::array<int, 12> openers_bottom;
        openers_bottom.fill(stack_bottom);

        while (cur != -1) {
            const Delim& closer = delims_[cur];
            if (!closer.can_close) {
                cur = closer.next;
                continue;
            }
            const int key = (closer.c == '*' ? 0 : 6) + (closer.can_open ? 3 : 0) + closer.orig % 3;
            int op = closer.prev;
            bool found = false;
            while (op != -1 && op > stack_bottom && op > openers_bottom[key]) {
                const Delim& o = delims_[op];
                if (o.c == closer.c && o.can_open) {
                    const bool odd = (o.can_close || closer.can_open) &&
                                     (o.orig + closer.orig) % 3 == 0 &&
                                     !(o.orig % 3 == 0 && closer.orig % 3 == 0);
                    if (!odd) {
                        found = true;
                        break;
                    }
                }
                op = o.prev;
            }
            if (!found) {
                openers_bottom[key] = closer.prev;
                const int next = closer.next;
                if (!closer.can_open) remove_delim(cur);
                cur = next;
                continue;
            }
            Node& on = nodes_[delims_[op].node];
            Node& cn = nodes_[closer.node];
            const int use = on.count >= 2 && cn.count >= 2 ? 2 : 1;
            on.count -= use;
            cn.count -= use;
            if (use == 2) {
                ++on.strong_open;
                ++cn.strong_close;
            } else {
                ++on.em_open;
                ++cn.em_close;
            }
            // Delimiters between the pair can no longer match anything.
            delims_[op].next = cur;
            delims_[cur].prev = op;
            if (on.count == 0) remove_delim(op);
            if (cn.count == 0) {
                const int next = delims_[cur].next;
                remove_delim(cur);
                cur = next;
            }
        }
        while (delim_top_ != -1 && delim_top_ > stack_bottom) remove_delim(delim_top_);
    }

    void flush() {
        if (pending_.empty()) return;
        push_node(Node::Kind::text, std::move(pending_));
        pending_.clear();
    }

    int push_node(Node::Kind kind, std::string text) {
        Node n;
        n.kind = kind;
        n.text = std::move(text);
        nodes_.push_back(std::move(n));
        return static_cast<int>(nodes_.size()) - 1;
    }

    std::vector<Span> flatten() const {
        std::vector<Span> out;
        int strong = 0, em = 0;
        const Node* link = nullptr;
        auto emit = [&](std::string_view text, bool code) {
            if (text.empty()) return;
            Span s;
            s.bold = strong > 0;
            s.italic = em > 0;
            s.code = code;
            if (link != nullptr) {
                s.url = link->text;
                s.link = classify_link(s.url);
            }
            if (!code && !out.empty() && !out.back().code && out.back().bold == s.bold &&
                out.back().italic == s.italic && out.back().link == s.link &&
                out.back().url == s.url) {
                out.back().text.append(text);
                return;
            }
            s.text.assign(text);
            out.push_back(std::move(s));
        };
        for (std::size_t k = 0; k < nodes_.size(); ++k) {
            const Node& n = nodes_[k];
            switch (n.kind) {
                case Node::Kind::text:
                    emit(n.text, false);
                    break;
                case Node::Kind::code:
                    emit(n.text, true);
                    break;
                case Node::Kind::delim:
                    strong -= n.strong_close;
                    em -= n.em_close;
                    if (n.count > 0)
                        emit(std::string(static_cast<std::size_t>(n.count), n.text[0]), false);
                    strong += n.strong_open;
                    em += n.em_open;
                    break;
                case Node::Kind::link_open:
                    link = &n;
                    // "[](url)" would draw nothing to click: show the destination instead.
                    if (k + 1 < nodes_.size() && nodes_[k + 1].kind == Node::Kind::link_close) {
                        emit(n.text, false);
                    }
                    break;
                case Node::Kind::link_close:
                    link = nullptr;
                    break;
            }
        }
        return out;
    }

    std::string_view s_;
    std::vector<Node> nodes_;
    std::vector<Delim> delims_;
    int delim_top_ = -1;
    std::vector<Bracket> brackets_;
    std::size_t inactive_below_ = 0;  // brackets_[i] with i below this may not open a link
    std::string pending_;
    bool backtick_index_built_ = false;
    std::unordered_map<std::size_t, std::vector<std::size_t>> backtick_runs_;
};

}  // namespace

std::vector<Span> parse_inline(std::string_view text) {
    return InlineParser(text).run();
}

}  // namespace portal::domain::markdown
