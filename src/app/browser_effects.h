// What the app asks the browser to do: effects it decides on but cannot perform itself. The page
// implements them (platform/web); tests record them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace portal::app {

// A file the client picked in the browser's file picker (BrowserEffects::choose_file): its name
// and size as the browser tells them, and its bytes, read only when it is no larger than the
// size the app asked for (a film picked by mistake is not loaded into the page to be refused).
struct ChosenFile {
    std::string name;
    int64_t size_bytes = 0;
    std::optional<std::string>
        bytes;  // absent when too large, or when the browser could not read it
};
// What the page hands the app once the client picked a file; the flow that asked takes it.
struct FileChosen {
    ChosenFile file;
};

class BrowserEffects {
  public:
    virtual ~BrowserEffects() = default;
    // A service's control panel, an outside manual link: always a new tab, never away from the
    // portal.
    virtual void open_in_new_tab(const std::string& url) = 0;
    // A "tel:" link: the phone's dialler (a computer's calling app), the portal stays open.
    virtual void dial(const std::string& tel_url) = 0;
    virtual void copy_to_clipboard(const std::string& text) = 0;
    // Hands bytes to the browser's "save file" (a download the client keeps).
    virtual void save_file(const std::string& file_name, const std::string& bytes,
                           const std::string& mime_type) = 0;
    // Opens the browser's file picker offering the files of `accept` (an <input type=file>'s
    // accept: media types, comma-separated). The client's pick comes back later, as a FileChosen
    // intent, with its bytes when it has at most `max_bytes`; a cancelled picker sends nothing.
    virtual void choose_file(const std::string& accept, int64_t max_bytes) = 0;
    // The signed-in session survives a reload of the tab (sessionStorage: this tab only, gone
    // when it closes), so reload keeps the client on the same screen.
    virtual void remember_session(const std::string& session_json) = 0;
    virtual void forget_session() = 0;
    // The static-host demo only: forget what the visitor did and start again from the fixtures.
    virtual void reset_demo() = 0;
};

}  // namespace portal::app
