#include "http_server.h"

#include <algorithm>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "connection.h"
#include "worker_pool.h"

namespace portal::stub {

namespace net = boost::asio;
using net::ip::tcp;

// Destroyed in reverse order: the pool finishes its jobs (which may post to the I/O context)
// before the context and its connections go.
struct HttpServer::State {
    // One I/O thread per core; each connection's handlers run in its own strand.
    int io_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    net::io_context io{io_threads};
    tcp::acceptor acceptor{io};
    net::steady_timer retry{io};
    ServerContext context;
    std::unique_ptr<WorkerPool> pool;
    std::unique_ptr<WorkerPool> password_pool;

    void accept() {
        acceptor.async_accept(net::make_strand(io),
                              [this](boost::system::error_code ec, tcp::socket socket) {
                                  if (ec == net::error::operation_aborted) return;
                                  if (ec) {
                                      // Out of descriptors, most likely: try again shortly rather
                                      // than spin.
                                      retry.expires_after(std::chrono::milliseconds(100));
                                      retry.async_wait([this](boost::system::error_code wait_ec) {
                                          if (!wait_ec) accept();
                                      });
                                      return;
                                  }
                                  std::make_shared<Connection>(std::move(socket), context)->start();
                                  accept();
                              });
    }
};

HttpServer::HttpServer(HttpService service, int workers, ReadLimits limits, ServerTimeouts timeouts)
    : state_(std::make_unique<State>()) {
    state_->pool = std::make_unique<WorkerPool>(workers);
    // As many as password hashes may run at once (the hasher bounds them to the cores): more
    // threads would only wait there.
    state_->password_pool = std::make_unique<WorkerPool>(
        static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    state_->context.service = std::move(service);
    state_->context.limits = limits;
    state_->context.timeouts = timeouts;
    state_->context.pool = state_->pool.get();
    state_->context.password_pool = state_->password_pool.get();
}

HttpServer::~HttpServer() {
    state_->password_pool.reset();
    state_->pool.reset();
}

int HttpServer::listen(const std::string& address, int port) {
    boost::system::error_code ec;
    const auto ip = net::ip::make_address(address, ec);
    if (ec) return 0;
    const tcp::endpoint endpoint(ip, static_cast<unsigned short>(port));
    auto& acceptor = state_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) return 0;
    return acceptor.local_endpoint().port();
}

void HttpServer::run() {
    state_->accept();
    std::vector<std::thread> others;
    for (int i = 1; i < state_->io_threads; ++i) others.emplace_back([this] { state_->io.run(); });
    state_->io.run();
    for (auto& thread : others) thread.join();
}

void HttpServer::stop() {
    state_->io.stop();
}

}  // namespace portal::stub
