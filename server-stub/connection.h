// One client connection of HttpServer: reads requests through a RequestReader under the
// server's deadlines, hands each whole request to the worker pool, writes the answer (a streamed
// body in pieces, each produced on the pool), and closes gracefully. Every member is touched on
// the I/O thread only; the pool gets copies.
#pragma once

#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "http_server.h"
#include "request_reader.h"
#include "worker_pool.h"

namespace portal::stub {

// What every connection of one server shares.
struct ServerContext {
    HttpService service;
    ReadLimits limits;
    ServerTimeouts timeouts;
    WorkerPool* pool = nullptr;
    WorkerPool* password_pool = nullptr;  // requests that may hash a password (HttpService)
};

class Connection : public std::enable_shared_from_this<Connection> {
  public:
    Connection(boost::asio::ip::tcp::socket socket, const ServerContext& context);
    void start();

  private:
    enum class Phase { idle, head, body, answering, closing };

    void read_more();
    void on_read(boost::beast::error_code ec, size_t bytes);
    void process();
    void follow_deadlines();
    void continue_body();
    void dispatch();
    void refuse(int status);
    void send(backend::Response answer, bool close_after);
    void write(std::string bytes, bool last);
    void produce_next_piece();
    void answered();
    void close_gracefully();
    void discard();

    boost::beast::tcp_stream stream_;
    const ServerContext& context_;
    std::string remote_address_;
    RequestReader reader_;
    std::string pending_;  // bytes read and not yet consumed by the reader
    std::array<char, 16 * 1024> buffer_{};
    Phase phase_ = Phase::idle;
    bool continued_ = false;  // "100 Continue" sent for the request being read

    // The answer being sent.
    backend::Request request_;
    backend::Response answer_;
    bool close_after_ = false;
    int64_t streamed_sent_ = 0;
    std::chrono::steady_clock::time_point answer_started_;
};

}  // namespace portal::stub
