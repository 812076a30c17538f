#include "raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <thread>

namespace portal::reliability {

int connect_loopback(int port, int timeout_seconds) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    timeval timeout{timeout_seconds, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

std::string read_until_close(int fd) {
    std::string answer;
    char buffer[65536];
    while (true) {
        ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        answer.append(buffer, static_cast<size_t>(n));
    }
    return answer;
}

RawResponse parse_response(const std::string& answer) {
    RawResponse out;
    auto head_end = answer.find("\r\n\r\n");
    if (answer.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos) return out;
    out.status = std::atoi(answer.substr(9, 3).c_str());
    size_t line_start = answer.find("\r\n") + 2;
    while (line_start < head_end) {
        size_t line_end = answer.find("\r\n", line_start);
        std::string line = answer.substr(line_start, line_end - line_start);
        auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            out.headers[name] = value;
        }
        line_start = line_end + 2;
    }
    out.body = answer.substr(head_end + 4);
    return out;
}

RawResponse raw(int port, const std::string& request_head, const std::string& body) {
    int fd = connect_loopback(port);
    if (fd < 0) return {};
    std::string data = request_head + "Connection: close\r\n\r\n" + body;
    size_t sent = 0;
    while (sent < data.size()) {
        ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may answer and close before reading everything
        sent += static_cast<size_t>(n);
    }
    std::string answer = read_until_close(fd);
    close(fd);
    return parse_response(answer);
}

std::string flood(int port, const std::string& head, const std::string& piece,
                  uint64_t total_bytes) {
    int fd = connect_loopback(port);
    if (fd < 0) return "";
    std::thread sender([&] {
        if (send(fd, head.data(), head.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(head.size()))
            return;
        uint64_t sent = 0;
        while (sent < total_bytes) {
            const size_t size =
                static_cast<size_t>(std::min<uint64_t>(piece.size(), total_bytes - sent));
            ssize_t n = send(fd, piece.data(), size, MSG_NOSIGNAL);
            if (n <= 0) return;  // refused and closed: what the reader gets is the answer
            sent += static_cast<uint64_t>(n);
        }
    });
    // The server answers, then keeps reading (and discarding) for a while before it closes; the
    // sender goes on regardless, as a hostile client would, until a send fails.
    std::string answer = read_until_close(fd);
    sender.join();
    close(fd);
    return answer;
}

std::string demo_login(int port, const std::string& email) {
    const std::string body = nlohmann::json{{"email", email}, {"password", "demo1234"}}.dump();
    const RawResponse r = raw(port,
                              "POST /api/v1/session HTTP/1.1\r\nHost: x\r\n"
                              "Content-Type: application/json\r\nContent-Length: " +
                                  std::to_string(body.size()) + "\r\n",
                              body);
    const auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() ? j.value("token", "") : "";
}

std::string download_path(int port, const std::string& token, const std::string& service,
                          const std::string& file) {
    auto get = [&](const std::string& target) {
        return nlohmann::json::parse(
            raw(port,
                "GET " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n")
                .body,
            nullptr, false);
    };
    const auto services = get("/api/v1/services");
    if (!services.is_object() || !services["services"].is_array()) return "";
    for (const auto& s : services["services"]) {
        if (s.value("name", "") != service) continue;
        const auto list = get("/api/v1/services/" + s["id"].dump() + "/downloads");
        if (!list.is_object() || !list["downloads"].is_array()) return "";
        for (const auto& d : list["downloads"]) {
            if (d.value("name", "") == file) return "/api/v1/downloads/" + d["id"].dump() + "/file";
        }
    }
    return "";
}

}  // namespace portal::reliability
