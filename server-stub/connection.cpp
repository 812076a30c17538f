#include "connection.h"

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/status.hpp>

namespace portal::stub {

namespace net = boost::asio;
namespace beast = boost::beast;

namespace {

// A streamed body goes out in pieces of this size: the memory one download holds.
constexpr int64_t kPieceBytes = 64 * 1024;

bool has_no_body(int status) {
    return status == 204 || status == 304 || (status >= 100 && status < 200);
}

// The status line and headers. Content-Length, Transfer-Encoding and Connection are the
// server's to set (from the body it sends and the connection's fate), whatever the answer says.
std::string head_of(const backend::Response& answer, int64_t length, bool close) {
    std::string head = "HTTP/1.1 " + std::to_string(answer.status) + " ";
    const auto reason = beast::http::obsolete_reason(
        beast::http::int_to_status(static_cast<unsigned>(answer.status)));
    head.append(reason.data(), reason.size());
    head += "\r\n";
    bool typed = false;
    for (const auto& [name, value] : answer.headers) {
        if (name == "Content-Length" || name == "Transfer-Encoding" || name == "Connection")
            continue;
        if (name == "Content-Type") typed = true;
        head += name + ": " + value + "\r\n";
    }
    if (!has_no_body(answer.status)) {
        if (!typed) head += "Content-Type: application/octet-stream\r\n";
        head += "Content-Length: " + std::to_string(length) + "\r\n";
    }
    if (close) head += "Connection: close\r\n";
    head += "\r\n";
    return head;
}

}  // namespace

Connection::Connection(net::ip::tcp::socket socket, const ServerContext& context)
    : stream_(std::move(socket)), context_(context), reader_(context.limits) {
    beast::error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_address_ = peer.address().to_string();
    stream_.socket().set_option(net::ip::tcp::no_delay(true), ec);
}

void Connection::start() {
    phase_ = Phase::idle;
    continued_ = false;
    stream_.expires_after(context_.timeouts.idle);
    process();
}

void Connection::read_more() {
    stream_.async_read_some(net::buffer(buffer_),
                            [self = shared_from_this()](beast::error_code ec, size_t bytes) {
                                self->on_read(ec, bytes);
                            });
}

void Connection::on_read(beast::error_code ec, size_t bytes) {
    if (ec == net::error::eof) {
        if (reader_.finish() == ReadState::refused) return refuse(reader_.refusal());
        return close_gracefully();
    }
    if (ec) return;  // a deadline passed (the stream is closed) or the peer reset
    pending_.append(buffer_.data(), bytes);
    process();
}

// Gives the reader what is pending and acts on where the request stands.
void Connection::process() {
    size_t consumed = 0;
    const ReadState state = reader_.feed(pending_, consumed);
    pending_.erase(0, consumed);
    follow_deadlines();
    switch (state) {
        case ReadState::need_more:
            if (reader_.awaits_continue() && !continued_) return continue_body();
            return read_more();
        case ReadState::complete:
            return dispatch();
        case ReadState::refused:
            return refuse(reader_.refusal());
    }
}

// One deadline for the whole head from its first byte, then one for the whole body: a client
// trickling a byte at a time gains nothing.
void Connection::follow_deadlines() {
    if (phase_ == Phase::idle && reader_.started()) {
        phase_ = Phase::head;
        stream_.expires_after(context_.timeouts.head);
    }
    if (phase_ == Phase::head && reader_.head_done()) {
        phase_ = Phase::body;
        stream_.expires_after(reader_.file_body() ? context_.timeouts.file_body
                                                  : context_.timeouts.body);
    }
}

// The head passed every check made before a body, so the client that waits for leave to send
// it (curl does for bodies over 1 KiB) gets it now rather than after its own timeout. A body the
// reader refuses from its head (413, 415) never gets here: that answer goes out instead.
void Connection::continue_body() {
    continued_ = true;
    static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    net::async_write(stream_, net::buffer(kContinue),
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                         if (ec) return;  // the body's deadline passed, or the client went away
                         self->read_more();
                     });
}

void Connection::dispatch() {
    phase_ = Phase::answering;
    stream_.expires_never();  // the backend may take its time (Argon2id)
    answer_started_ = std::chrono::steady_clock::now();
    request_ = std::move(reader_.request());
    request_.remote_address = remote_address_;
    const bool hashes = context_.service.checks_password && context_.password_pool &&
                        context_.service.checks_password(request_);
    // Most answers take well under a millisecond (a token's lookup, a query, JSON): answered here,
    // in this connection's strand, they cost no thread crossing. What may take long runs on a
    // pool instead, so this I/O thread keeps serving its other connections: a password hash
    // (Argon2id, in its own lane so a flood of them never queues the rest) and a body that is
    // a file (stored as an attachment).
    if (!hashes && !reader_.file_body()) {
        return send(context_.service.answer(request_), !reader_.keep_alive());
    }
    auto request = std::make_shared<const backend::Request>(request_);
    WorkerPool* lane = hashes ? context_.password_pool : context_.pool;
    lane->post([self = shared_from_this(), request] {
        backend::Response answer = self->context_.service.answer(*request);
        net::post(self->stream_.get_executor(), [self, answer = std::move(answer)]() mutable {
            self->send(std::move(answer), !self->reader_.keep_alive());
        });
    });
}

void Connection::refuse(int status) {
    phase_ = Phase::answering;
    answer_started_ = std::chrono::steady_clock::now();
    request_ = std::move(reader_.request());
    request_.remote_address = remote_address_;
    send(context_.service.refusal(status, request_), true);
}

void Connection::send(backend::Response answer, bool close_after) {
    answer_ = std::move(answer);
    close_after_ = close_after;
    streamed_sent_ = 0;
    const bool streamed = static_cast<bool>(answer_.streamed);
    const int64_t length =
        streamed ? answer_.streamed_length : static_cast<int64_t>(answer_.body.size());
    std::string bytes = head_of(answer_, length, close_after_);
    const bool with_body = request_.method != "HEAD" && !has_no_body(answer_.status);
    // Logged before the first byte goes out, so the line is there by the time the client has
    // its answer (a test, or someone reading the log, sees it at once).
    if (context_.service.log) {
        const double ms = std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - answer_started_)
                              .count();
        context_.service.log(request_, answer_.status, ms, with_body ? length : 0);
    }
    if (!with_body || (!streamed && length == 0)) return write(std::move(bytes), true);
    if (!streamed) {
        bytes += answer_.body;
        return write(std::move(bytes), true);
    }
    write(std::move(bytes), length == 0);
}

// Writes `bytes`; then the next piece of a streamed body, or the end of this answer when `last`.
void Connection::write(std::string bytes, bool last) {
    stream_.expires_after(context_.timeouts.write);
    auto data = std::make_shared<std::string>(std::move(bytes));
    net::async_write(stream_, net::buffer(*data),
                     [self = shared_from_this(), data, last](beast::error_code ec, size_t) {
                         if (ec) return;  // the client went away or stopped reading
                         if (last) return self->answered();
                         self->produce_next_piece();
                     });
}

// The next piece of a streamed body, produced on the pool (it may read or generate a file).
void Connection::produce_next_piece() {
    const int64_t offset = streamed_sent_;
    const int64_t length = std::min(kPieceBytes, answer_.streamed_length - offset);
    context_.pool->post([self = shared_from_this(), chunks = answer_.streamed, offset, length] {
        std::string piece = chunks(offset, length);
        net::post(self->stream_.get_executor(), [self, piece = std::move(piece)]() mutable {
            const int64_t size = static_cast<int64_t>(piece.size());
            self->streamed_sent_ += size;
            // A producer that comes up short ends the answer early: the client sees a truncated
            // body (its Content-Length is not met) rather than a connection left hanging.
            const bool last = size == 0 || self->streamed_sent_ >= self->answer_.streamed_length;
            if (size == 0) self->close_after_ = true;
            self->write(std::move(piece), last);
        });
    });
}

void Connection::answered() {
    answer_ = backend::Response{};
    request_ = backend::Request{};
    if (close_after_) return close_gracefully();
    reader_.start_next();
    start();  // the next request may already be pending (pipelining)
}

// Half-closes (the client sees the end of the answer) and reads what it still sends for a while,
// so that closing does not reset a connection whose peer is still writing.
void Connection::close_gracefully() {
    phase_ = Phase::closing;
    beast::error_code ec;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
    if (ec) return;
    stream_.expires_after(context_.timeouts.linger);
    discard();
}

void Connection::discard() {
    stream_.async_read_some(net::buffer(buffer_),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                                if (ec) return;  // the peer closed, or the linger time is over
                                self->discard();
                            });
}

}  // namespace portal::stub
