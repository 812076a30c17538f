// Runs the real portal-stub binary for a test: starts it on a free port (--port 0, reading the
// port from its first "listening" line), collects its output, stops it with SIGTERM (or kills it
// with SIGKILL, for the durability tests).
#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace portal::integration {

// An empty folder of this test process's own under the system's temp folder ("<prefix>-<pid>",
// emptied if a crashed run left it), holding `subfolder` when one is named.
std::filesystem::path fresh_temp_dir(const std::string& prefix, const std::string& subfolder = "");

class StubProcess {
  public:
    explicit StubProcess(std::vector<std::string> args);
    // The same with another build's portal-stub (a release one, for memory figures).
    StubProcess(std::string binary, std::vector<std::string> args);
    ~StubProcess();
    StubProcess(const StubProcess&) = delete;
    StubProcess& operator=(const StubProcess&) = delete;

    bool started() const { return port_ > 0; }
    pid_t pid() const { return pid_; }
    int port() const { return port_; }
    // SIGTERM, then wait for the exit; returns the exit status (-1 if it did not exit normally).
    int stop();
    // SIGKILL (no clean-up of any kind, as a crash or a power cut would), then wait for it; true
    // when the process was indeed ended by that signal.
    bool kill_hard();
    std::string output();  // everything printed so far

  private:
    pid_t pid_ = -1;
    int port_ = 0;
    std::thread reader_;
    std::mutex mutex_;
    std::condition_variable port_known_;
    bool port_reported_ = false;
    std::string output_;
};

}  // namespace portal::integration
