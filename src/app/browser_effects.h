// What the app asks the browser to do: effects it decides on but cannot perform itself. The page
// implements them (platform/web); tests record them.
#pragma once

#include <string>

namespace portal::app {

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
    // The signed-in session survives a reload of the tab (sessionStorage: this tab only, gone
    // when it closes), so reload keeps the client on the same screen.
    virtual void remember_session(const std::string& session_json) = 0;
    virtual void forget_session() = 0;
    // The static-host demo only: forget what the visitor did and start again from the fixtures.
    virtual void reset_demo() = 0;
};

}  // namespace portal::app
