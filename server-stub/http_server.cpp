#include "http_server.h"

#include <algorithm>
#include <memory>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "connection.h"
#include "worker_pool.h"

namespace portal::stub {

namespace net = boost::asio;
using net::ip::tcp;

// One I/O thread per core, each running an event loop of its own; a connection is given to the
// loops in turn as it is accepted, and stays on its loop. (One loop shared by every thread would
// hand each event to whichever thread is free: a lock, a futex wake and a thread switch per event,
// which cost more than answering most requests.)
std::vector<std::unique_ptr<net::io_context>> one_loop_per_core() {
    std::vector<std::unique_ptr<net::io_context>> loops;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < cores; ++i) loops.push_back(std::make_unique<net::io_context>(1));
    return loops;
}

// Destroyed in reverse order: the pool finishes its jobs (which may post to an I/O loop) before
// the loops and their connections go.
struct HttpServer::State {
    std::vector<std::unique_ptr<net::io_context>> loops = one_loop_per_core();
    size_t next_loop = 0;
    tcp::acceptor acceptor{*loops.front()};
    net::steady_timer retry{*loops.front()};
    ServerContext context;
    std::unique_ptr<WorkerPool> pool;
    std::unique_ptr<WorkerPool> password_pool;

    void accept() {
        // Each connection's handlers run in a strand of its own: answers computed on the worker
        // pools are posted back to it.
        net::io_context& loop = *loops[next_loop++ % loops.size()];
        acceptor.async_accept(net::make_strand(loop),
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
    // A loop with no connection yet has nothing to wait for: kept running until stop().
    std::vector<net::executor_work_guard<net::io_context::executor_type>> keep_running;
    for (auto& loop : state_->loops) keep_running.push_back(net::make_work_guard(*loop));
    std::vector<std::thread> others;
    for (size_t i = 1; i < state_->loops.size(); ++i) {
        others.emplace_back([this, i] { state_->loops[i]->run(); });
    }
    state_->loops.front()->run();
    for (auto& thread : others) thread.join();
}

void HttpServer::stop() {
    for (auto& loop : state_->loops) loop->stop();
}

}  // namespace portal::stub
