#include "request_reader.h"

#include <algorithm>
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>
#include <limits>
#include <string>
#include <vector>

#include "core/in_process_exchange.h"

namespace portal::stub {

namespace http = boost::beast::http;
using boost::beast::error_code;

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return out;
}

// "identity" (or nothing) is the only coding a request body may carry here: the backend reads
// JSON, and inflating a client's gzip would undo the body limit (a small body, a huge result).
bool is_identity(std::string_view coding) {
    while (!coding.empty() && (coding.front() == ' ' || coding.front() == '\t'))
        coding.remove_prefix(1);
    while (!coding.empty() && (coding.back() == ' ' || coding.back() == '\t'))
        coding.remove_suffix(1);
    return coding.empty() || lower(coding) == "identity";
}

// Whether the head in `bytes` (all of it, or up to its blank line) continues a header line on the
// next (obs-fold: a line starting with a space or tab). Beast would join such lines, a proxy in
// front may not: two readings of one head is how requests are smuggled, so it is refused (RFC
// 9112 §5.2 allows that).
bool folds_a_line(std::string_view bytes) {
    const size_t end = bytes.find("\r\n\r\n");
    if (end != std::string_view::npos) bytes = bytes.substr(0, end + 2);
    for (size_t at = bytes.find('\n'); at != std::string_view::npos && at + 1 < bytes.size();
         at = bytes.find('\n', at + 1)) {
        if (bytes[at + 1] == ' ' || bytes[at + 1] == '\t') return true;
    }
    return false;
}

// The codings of a Transfer-Encoding list, lower case, without spaces or empty elements.
std::vector<std::string> codings_of(std::string_view list) {
    std::vector<std::string> codings;
    std::string current;
    for (const char c : list) {
        if (c == ',') {
            if (!current.empty()) codings.push_back(lower(current));
            current.clear();
        } else if (c != ' ' && c != '\t') {
            current += c;
        }
    }
    if (!current.empty()) codings.push_back(lower(current));
    return codings;
}

}  // namespace

// Beast's parser (a state machine over bytes: request line, headers, Content-Length or chunked
// body) with the callbacks that keep what the backend needs and count what the limits cap.
class RequestReader::Parser : public http::basic_parser<true> {
  public:
    explicit Parser(RequestReader& owner) : owner_(owner) {
        header_limit(static_cast<std::uint32_t>(owner.limits_.head_bytes));
        // The body's limit is checked here rather than by Beast, after the Content-Encoding, so
        // that a compressed body gets 415 whatever order its headers come in. (Not boost::none:
        // Beast 1.74 compares a length with it and takes every length as over.)
        body_limit(std::numeric_limits<std::uint64_t>::max());
        eager(true);
    }

  private:
    void on_request_impl(http::verb, boost::beast::string_view method,
                         boost::beast::string_view target, int version, error_code&) override {
        owner_.version_ = version;
        owner_.request_.method = std::string(method);
        backend::split_target(std::string_view(target.data(), target.size()), owner_.request_.path,
                              owner_.request_.query);
    }
    void on_response_impl(int, boost::beast::string_view, int, error_code&) override {}
    void on_field_impl(http::field, boost::beast::string_view name, boost::beast::string_view value,
                       error_code& ec) override {
        if (++owner_.headers_seen_ > owner_.limits_.header_count) {
            ec = http::error::header_limit;
            return;
        }
        // Fields after a chunked body (trailers) are counted but not kept: none may stand in for
        // a header (Authorization, Content-Encoding) checked before the body (RFC 9110 §6.5.1).
        if (is_header_done()) return;
        // CR, LF and NUL in a value are refused (RFC 9110 §5.5): passed on, they could end a line
        // early in whatever reads the value next.
        const std::string_view text(value.data(), value.size());
        if (text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
            owner_.refusal_ = 400;
            ec = http::error::bad_value;
            return;
        }
        std::string lowered = lower(std::string_view(name.data(), name.size()));
        if (lowered == "content-length") ++length_fields_;
        if (lowered == "transfer-encoding") {
            if (!transfer_codings_.empty()) transfer_codings_ += ',';
            transfer_codings_.append(value.data(), value.size());
            ++transfer_fields_;
        }
        owner_.request_.headers.emplace(std::move(lowered), std::string(value));
    }
    void on_header_impl(error_code& ec) override {
        const auto coding = owner_.request_.headers.find("content-encoding");
        if (coding != owner_.request_.headers.end() && !is_identity(coding->second)) {
            owner_.refusal_ = 415;
            ec = http::error::bad_value;
            return;
        }
        if (transfer_fields_ > 0 && !one_framing(ec)) return;
        owner_.file_body_ = owner_.limits_.takes_file && owner_.limits_.takes_file(owner_.request_);
        // A declared length is judged now, not when the body starts: a client that waits for
        // `100 Continue` gets its 413 without sending a byte of the body.
        if (const auto length = content_length()) fits(*length, ec);
    }
    // The body's length must mean one thing to every reader of these bytes (RFC 9112 §6.1, §6.3):
    // Transfer-Encoding beside Content-Length, in HTTP/1.0, or not ending in chunked leaves it to
    // guesswork, which is how requests are smuggled past a proxy.
    bool one_framing(error_code& ec) {
        const std::vector<std::string> codings = codings_of(transfer_codings_);
        const auto chunked = std::count(codings.begin(), codings.end(), "chunked");
        if (length_fields_ > 0 || owner_.version_ < 11 || codings.empty() ||
            codings.back() != "chunked" || chunked != 1) {
            owner_.refusal_ = 400;
            ec = http::error::bad_transfer_encoding;
            return false;
        }
        // A coding under the chunks (gzip, chunked) would be inflated past the body's limit.
        if (codings.size() > 1) {
            owner_.refusal_ = 415;
            ec = http::error::bad_value;
            return false;
        }
        return true;
    }
    void on_body_init_impl(const boost::optional<std::uint64_t>& length, error_code& ec) override {
        if (length && !fits(*length, ec)) return;
        if (length && !owner_.file_body_)
            owner_.request_.body.reserve(static_cast<size_t>(*length));
    }
    size_t on_body_impl(boost::beast::string_view body, error_code& ec) override {
        return keep(body, ec);
    }
    void on_chunk_header_impl(std::uint64_t size, boost::beast::string_view,
                              error_code& ec) override {
        fits(size, ec);  // refused as soon as a chunk announces too much
    }
    size_t on_chunk_body_impl(std::uint64_t, boost::beast::string_view body,
                              error_code& ec) override {
        return keep(body, ec);
    }

    // Whether `more` bytes still fit in the body; sets the error when not. A refusal already made
    // stands: Beast's eager parse goes on into the body after an error in on_header_impl.
    bool fits(std::uint64_t more, error_code& ec) {
        if (owner_.refusal_ != 0) {
            ec = http::error::bad_value;
            return false;
        }
        const std::uint64_t held = owner_.body_held_;
        const std::uint64_t limit =
            owner_.file_body_ ? owner_.limits_.file_body_bytes : owner_.limits_.body_bytes;
        if (more <= limit && held <= limit - more) return true;
        owner_.refusal_ = 413;
        ec = http::error::body_limit;
        return false;
    }
    size_t keep(boost::beast::string_view body, error_code& ec) {
        if (!fits(body.size(), ec)) return 0;
        owner_.body_held_ += body.size();
        if (owner_.file_body_ && !owner_.spool_ && owner_.limits_.open_spool && !body.empty()) {
            owner_.spool_ = owner_.limits_.open_spool();
            if (!owner_.spool_) return cannot_keep(ec);
        }
        if (owner_.spool_) {
            if (!owner_.spool_->write(std::string_view(body.data(), body.size())))
                return cannot_keep(ec);
        } else {
            owner_.request_.body.append(body.data(), body.size());
        }
        return body.size();
    }
    size_t cannot_keep(error_code& ec) {
        owner_.refusal_ = 503;
        ec = http::error::bad_value;
        return 0;
    }
    void on_finish_impl(error_code& ec) override {
        if (!owner_.spool_) return;
        owner_.request_.spooled_body = owner_.spool_->finish();
        owner_.spool_.reset();
        if (!owner_.request_.spooled_body) cannot_keep(ec);
    }

    RequestReader& owner_;
    size_t length_fields_ = 0;
    size_t transfer_fields_ = 0;
    std::string transfer_codings_;  // every Transfer-Encoding field, joined with commas
};

RequestReader::RequestReader(ReadLimits limits) : limits_(limits) {
    start_next();
}

RequestReader::~RequestReader() = default;

void RequestReader::start_next() {
    parser_ = std::make_unique<Parser>(*this);
    request_ = backend::Request{};
    headers_seen_ = 0;
    file_body_ = false;
    body_held_ = 0;
    spool_.reset();  // a body cut short: its file goes with it
    refusal_ = 0;
    version_ = 11;
    started_ = false;
    keep_alive_ = false;
    state_ = ReadState::need_more;
}

ReadState RequestReader::feed(std::string_view bytes, size_t& consumed) {
    consumed = 0;
    if (state_ != ReadState::need_more) return state_;
    // Blank lines before a request line are allowed (RFC 9112 §2.2) and start nothing.
    if (!started_) {
        while (consumed < bytes.size() && (bytes[consumed] == '\r' || bytes[consumed] == '\n'))
            ++consumed;
        bytes.remove_prefix(consumed);
        if (bytes.empty()) return state_;
        started_ = true;
    }
    if (!parser_->is_header_done() && folds_a_line(bytes)) {
        refusal_ = 400;
        return state_ = ReadState::refused;
    }
    error_code ec;
    while (!bytes.empty() && !parser_->is_done()) {
        const size_t used = parser_->put(boost::asio::const_buffer(bytes.data(), bytes.size()), ec);
        consumed += used;
        bytes.remove_prefix(used);
        if (ec == http::error::need_more) {
            ec = {};
            // Beast waits for a whole head (or chunk line) before parsing it: more than the head's
            // limit still unparsed is refused rather than kept growing.
            if (bytes.size() > limits_.head_bytes) {
                refusal_ = parser_->is_header_done() ? 400 : 431;
                return state_ = ReadState::refused;
            }
            return state_;  // the rest is kept by the caller and given again with more bytes
        }
        if (ec) break;
        if (used == 0) break;
    }
    if (ec || refusal_ != 0) {
        if (refusal_ == 0) {
            if (ec == http::error::header_limit) {
                refusal_ = 431;
            } else if (ec == http::error::body_limit) {
                refusal_ = 413;
            } else {
                refusal_ = 400;
            }
        }
        return state_ = ReadState::refused;
    }
    if (parser_->is_done()) {
        keep_alive_ = parser_->keep_alive();
        return state_ = ReadState::complete;
    }
    return state_;
}

bool RequestReader::head_done() const {
    return parser_->is_header_done();
}

bool RequestReader::awaits_continue() const {
    if (state_ != ReadState::need_more || !parser_->is_header_done() || version_ < 11) return false;
    const auto expect = request_.headers.find("expect");
    if (expect == request_.headers.end() || lower(expect->second) != "100-continue") return false;
    const auto length = parser_->content_length();
    return parser_->chunked() || (length && *length > 0);
}

ReadState RequestReader::finish() {
    if (state_ != ReadState::need_more || !started_) return state_;
    refusal_ = 400;
    return state_ = ReadState::refused;
}

}  // namespace portal::stub
