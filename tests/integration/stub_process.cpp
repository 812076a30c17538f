#include "stub_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace portal::integration {

StubProcess::StubProcess(std::vector<std::string> args)
    : StubProcess(PORTAL_STUB_BINARY, std::move(args)) {}

StubProcess::StubProcess(std::string binary, std::vector<std::string> args) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        dup2(pipe_fds[1], STDERR_FILENO);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        std::vector<char*> argv;
        argv.push_back(binary.data());
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    close(pipe_fds[1]);
    if (pid_ < 0) {
        close(pipe_fds[0]);
        return;
    }

    // One reader thread drains the pipe for the whole run (so the stub never blocks on a full
    // pipe) and reports the port as soon as the "listening" line arrives, or 0 at EOF.
    reader_ = std::thread([this, fd = pipe_fds[0]] {
        char buffer[4096];
        const std::string marker = "listening on http://";
        auto report = [&](int port) {
            std::lock_guard<std::mutex> lock(mutex_);
            if (port_reported_) return;
            port_ = port;
            port_reported_ = true;
            port_known_.notify_all();
        };
        while (true) {
            ssize_t n = read(fd, buffer, sizeof buffer);
            if (n <= 0) break;
            int found = 0;
            {
                std::lock_guard<std::mutex> lock(mutex_);
                output_.append(buffer, static_cast<size_t>(n));
                auto at = output_.find(marker);
                auto colon = at == std::string::npos ? at : output_.find(':', at + marker.size());
                auto slash = colon == std::string::npos ? colon : output_.find('/', colon);
                if (slash != std::string::npos) {
                    found = std::atoi(output_.substr(colon + 1, slash - colon - 1).c_str());
                }
            }
            if (found > 0) report(found);
        }
        close(fd);
        report(0);
    });
    std::unique_lock<std::mutex> lock(mutex_);
    port_known_.wait(lock, [&] { return port_reported_; });
}

int StubProcess::stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (reader_.joinable()) reader_.join();
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool StubProcess::kill_hard() {
    if (pid_ <= 0) return false;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (reader_.joinable()) reader_.join();
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

std::string StubProcess::output() {
    std::lock_guard<std::mutex> lock(mutex_);
    return output_;
}

StubProcess::~StubProcess() {
    stop();
}

std::filesystem::path fresh_temp_dir(const std::string& prefix, const std::string& subfolder) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(subfolder.empty() ? dir : dir / subfolder);
    return dir;
}

}  // namespace portal::integration
