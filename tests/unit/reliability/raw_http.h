// HTTP/1.1 over a plain loopback socket, byte for byte, so that no client library normalises a
// path, adds a header or refuses to send what a hostile client would: for the tests that drive
// the running portal-stub (stub_security_test.cpp, hostile_clients_test.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace portal::reliability {

struct RawResponse {
    int status = 0;                              // 0: no answer (connection closed or refused)
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;                            // everything after the head, as received
};

// A connected blocking socket to 127.0.0.1:port with `timeout_seconds` on sends and receives,
// or -1.
int connect_loopback(int port, int timeout_seconds = 10);

// Everything the server sends until it closes (or the receive timeout passes).
std::string read_until_close(int fd);

// The first answer in `bytes` (status 0 when there is none).
RawResponse parse_response(const std::string& bytes);

// One request on a fresh connection ("Connection: close" is added), the whole answer read back.
RawResponse raw(int port, const std::string& request_head, const std::string& body = "");

// Sends `head` (sent as is: it ends with its blank line) and then `piece` over and over until
// `total_bytes` went out or a send fails (the server closed), from a second thread, while this one
// reads what the server answers until it closes: what a client streaming a huge body sees.
std::string flood(int port, const std::string& head, const std::string& piece,
                  uint64_t total_bytes);

// A session token for a demo client (fixtures: ana@example.com), or "".
std::string demo_login(int port, const std::string& email = "ana@example.com");

// Where the caller's download named `file` of the service named `service` is fetched, or "".
std::string download_path(int port, const std::string& token, const std::string& service,
                          const std::string& file);

}  // namespace portal::reliability
